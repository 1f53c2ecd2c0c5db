/** Public types of the storage engine. */

/** A value bound to a statement. Booleans are stored as 0/1 by the caller; no bigint, no NaN/Infinity. */
export type SqlParam = string | number | null | Uint8Array;

/** Positional (`?`) or named parameters; named keys carry their prefix, as in sql.js: `{ ':id': 1 }`. */
export type SqlParams = SqlParam[] | Record<string, SqlParam>;

export interface Migration {
    /** Positive integer, strictly increasing along the list; stored in `PRAGMA user_version`. */
    version: number;
    description: string;
    /** One or more SQL statements, run in the migration transaction. */
    sql: string;
}

export interface StorageOptions {
    /** The data folder (created 0700 when missing). */
    dataDir: string;
    /** When set, the key is derived from it (scrypt) instead of a key file; fixed at the folder's creation. */
    passphrase?: string;
    /** Journal size that triggers a snapshot. Default: the larger of 8 MiB and a quarter of the last snapshot. */
    compactJournalBytes?: number;
    /** Applied in order at open, the pending ones in one journaled transaction. */
    migrations?: Migration[];
    /** Recovery notices (e.g. fell back to the previous snapshot). Default: console.warn. Never carries data. */
    onWarning?: (message: string) => void;
}

export interface RestoreOptions {
    /** For a backup of a passphrase-protected folder. */
    passphrase?: string;
    /** For a backup of a key-file folder: the `store.key` of the original folder. */
    keyFile?: string;
    /**
     * The stored files (see `writeBlob`) the backed-up database refers to, read from it: each must be
     * in the backup's files folder and pass its integrity check, or the restore is refused.
     */
    expectedFiles?: (read: (sql: string) => Record<string, unknown>[]) => string[];
}

/** What a transaction function can do. Writes go through `run`/`exec`, and are journaled. */
export interface StoreTransaction {
    /** One statement; returns the rows it changed. */
    run(sql: string, params?: SqlParams): { changes: number };
    /** Several statements without parameters (DDL, migrations). */
    exec(sql: string): void;
    all<T = Record<string, unknown>>(sql: string, params?: SqlParams): T[];
    get<T = Record<string, unknown>>(sql: string, params?: SqlParams): T | undefined;
}
