import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ContributionProvider } from '@theia/core/lib/common/contribution-provider';
import { inject, injectable, named } from '@theia/core/shared/inversify';
import { MatchProErrors } from '../common/errors';
import { DataFolderInfo, DemoDataResult, WorkbenchService } from '../common/workbench-protocol';
import { DataChangeBroadcaster } from './data-change-broadcaster';
import { DemoDataContribution } from './demo-data-contribution';
import { MatchProDatabase } from './matchpro-database';
import { StorageError } from './storage/storage-errors';
import { BackupRestorer } from './backup-restorer';

const COUNTED = ['candidates', 'companies', 'contacts', 'offers', 'matchings', 'placements'] as const;

@injectable()
export class WorkbenchServiceImpl implements WorkbenchService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;
    @inject(BackupRestorer) protected readonly restorer: BackupRestorer;
    @inject(ContributionProvider) @named(DemoDataContribution) protected readonly demoParts: ContributionProvider<DemoDataContribution>;

    async info(): Promise<DataFolderInfo> {
        const store = await this.db.store();
        const counts = Object.fromEntries(COUNTED.map(table =>
            [table, store.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n])) as DataFolderInfo['counts'];
        return { dataDir: this.db.dataDir, schemaVersion: store.schemaVersion, counts, encrypted: true, recoveryWarnings: [...store.recoveryWarnings] };
    }

    async loadDemoData(): Promise<DemoDataResult> {
        const folder = findDemoFolder();
        const store = await this.db.store();
        if (store.get<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'demo-data-loaded'")!.n > 0) {
            throw MatchProErrors.Rejected('The demo data is already loaded in this data folder.');
        }
        const result: DemoDataResult = { companies: 0, offers: 0, candidates: 0 };
        for (const part of [...this.demoParts.getContributions()].sort((a, b) => a.order - b.order)) {
            Object.assign(result, await part.load(folder));
        }
        await this.db.write(tx => tx.run('INSERT INTO audit_log (id, at, actor, action, entity, details) VALUES (?, ?, ?, ?, ?, ?)',
            [`demo-${Date.now()}`, new Date().toISOString(), this.db.actor, 'demo-data-loaded', 'workbench', JSON.stringify(result)]));
        for (const kind of ['company', 'offer', 'candidate'] as const) {
            this.changes.notify({ kind, ids: [], change: 'reloaded' });
        }
        return result;
    }

    async backup(file: string): Promise<{ file: string; bytes: number }> {
        if (typeof file !== 'string' || !file.trim() || file.length > 4096) {
            throw MatchProErrors.InvalidInput('invalid backup file: a file path is required', [{ path: 'file', message: 'required' }]);
        }
        if (!/\.mpbak$/i.test(file.trim())) {
            throw MatchProErrors.InvalidInput('invalid backup file: its name ends in .mpbak', [{ path: 'file', message: 'expected a .mpbak file name' }]);
        }
        // A relative name is in the user's home folder (not wherever the backend happened to start).
        const target = path.resolve(os.homedir(), file.trim());
        if (!fs.existsSync(path.dirname(target))) {
            throw MatchProErrors.Rejected(`The folder ${path.dirname(target)} does not exist.`);
        }
        try {
            await (await this.db.store()).backup(target);
        } catch (error) {
            // The store never overwrites a file (nor the CV folder beside it): a name already taken is the user's to change.
            throw error instanceof StorageError && error.code === 'STORAGE_USAGE' ? MatchProErrors.Rejected(error.message) : error;
        }
        return { file: target, bytes: fs.statSync(target).size };
    }

    async restore(backupFile: string, targetDir: string, keyFile?: string): Promise<{ dataDir: string }> {
        for (const [name, value] of [['backupFile', backupFile], ['targetDir', targetDir]] as const) {
            if (typeof value !== 'string' || !value.trim() || value.length > 4096) {
                throw MatchProErrors.InvalidInput(`invalid restore: ${name}: a path is required`, [{ path: name, message: 'required' }]);
            }
        }
        // Relative paths are in the user's home folder, as for backups.
        const home = os.homedir();
        const source = path.resolve(home, backupFile.trim());
        const target = path.resolve(home, targetDir.trim());
        const key = typeof keyFile === 'string' && keyFile.trim() ? path.resolve(home, keyFile.trim()) : undefined;
        if (target === path.resolve(this.db.dataDir)) {
            throw MatchProErrors.Rejected('Restore into a new folder: the data folder in use is never overwritten.');
        }
        for (const [what, file] of [['backup file', source], ['key file', key]] as const) {
            if (file !== undefined && !fs.existsSync(file)) {
                throw MatchProErrors.Rejected(`The ${what} ${file} does not exist.`);
            }
        }
        try {
            await this.restorer.restore(source, target, key);
        } catch (error) {
            // A missing, damaged or foreign backup is the user's file, not a failure of MatchPro.
            throw error instanceof StorageError ? MatchProErrors.Rejected(error.message) : error;
        }
        return { dataDir: target };
    }
}

/** The demo agency ships in the repository's examples/ folder; look for it above this file (source or bundle). */
export function findDemoFolder(start = __dirname): string {
    const fromEnv = process.env.MATCHPRO_DEMO_DIR;
    if (fromEnv && fs.existsSync(fromEnv)) {
        return fromEnv;
    }
    for (let dir = start; ; dir = path.dirname(dir)) {
        const candidate = path.join(dir, 'examples', 'demo-agency');
        if (fs.existsSync(path.join(candidate, 'companies.json'))) {
            return candidate;
        }
        if (path.dirname(dir) === dir) {
            throw MatchProErrors.Rejected('The demo data set (examples/demo-agency) was not found next to this installation.');
        }
    }
}
