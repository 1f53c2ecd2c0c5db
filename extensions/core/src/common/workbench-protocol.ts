import type { ServiceAccess } from './server-access';

/** Workbench-wide backend operations: data folder, demo data, backup and restore. */
export const WORKBENCH_SERVICE_PATH = '/services/matchpro/workbench';
export const WorkbenchService = Symbol('WorkbenchService');

export interface DataFolderInfo {
    dataDir: string;
    schemaVersion: number;
    counts: Record<'candidates' | 'companies' | 'contacts' | 'offers' | 'matchings' | 'placements', number>;
    encrypted: true;
    /** What the storage had to repair when it opened this folder (a dropped unconfirmed write...), to tell the user. */
    recoveryWarnings: string[];
}

export interface DemoDataResult {
    companies: number;
    offers: number;
    candidates: number;
}

export interface WorkbenchService {
    info(): Promise<DataFolderInfo>;
    /** Loads the demo agency of examples/ (refuses when it is already loaded). */
    loadDemoData(): Promise<DemoDataResult>;
    /** Writes a consistent encrypted backup to the given file path on the backend machine. */
    backup(file: string): Promise<{ file: string; bytes: number }>;
    /**
     * Restores a backup into a new, empty folder on the backend machine (never over the data in use).
     * `keyFile`: the original folder's store.key, for a backup protected by a key file.
     */
    restore(backupFile: string, targetDir: string, keyFile?: string): Promise<{ dataDir: string }>;
}

/** Backups and restores hold every record: administrators only. */
export const WorkbenchServiceAccess: ServiceAccess<WorkbenchService> = {
    info: 'read', loadDemoData: 'write', backup: 'admin', restore: 'admin'
};
