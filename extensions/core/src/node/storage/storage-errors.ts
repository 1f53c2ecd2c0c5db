/**
 * Named errors of the storage engine. Each carries a stable `code` (for callers that localise or map
 * to exit codes), the file or folder concerned, and an English and a French message. Messages name
 * files and what is wrong, never the stored data.
 */
export type StorageErrorCode =
    | 'STORAGE_CORRUPT'
    | 'STORAGE_LOCKED'
    | 'STORAGE_KEY'
    | 'STORAGE_RESTORE'
    | 'STORAGE_CLOSED'
    | 'STORAGE_FAILED'
    | 'STORAGE_USAGE'
    | 'STORAGE_SCHEMA';

export class StorageError extends Error {
    constructor(
        readonly code: StorageErrorCode,
        message: string,
        /** The same message in French, for the workbench and the CLI. */
        readonly messageFr: string,
        /** The file or folder the error is about, when there is one. */
        readonly file?: string
    ) {
        super(message);
        this.name = 'StorageError';
    }
}

/** A snapshot, journal or backup that cannot be trusted: tampering or disk corruption. */
export class StorageCorruptError extends StorageError {
    constructor(file: string, what: string, whatFr: string) {
        super('STORAGE_CORRUPT', `${file}: ${what}`, `${file} : ${whatFr}`, file);
        this.name = 'StorageCorruptError';
    }
}

/** Another live process holds the data folder. */
export class StorageLockedError extends StorageError {
    constructor(dataDir: string, readonly pid: number) {
        super(
            'STORAGE_LOCKED',
            `data folder ${dataDir} in use by process ${pid}`,
            `dossier de données ${dataDir} utilisé par le processus ${pid}`,
            dataDir
        );
        this.name = 'StorageLockedError';
    }
}

/** Missing key file, wrong passphrase, or key that does not match the data. */
export class StorageKeyError extends StorageError {
    constructor(file: string, what: string, whatFr: string) {
        super('STORAGE_KEY', `${file}: ${what}`, `${file} : ${whatFr}`, file);
        this.name = 'StorageKeyError';
    }
}
