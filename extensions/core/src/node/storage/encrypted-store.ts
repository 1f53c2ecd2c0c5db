import * as fs from 'fs';
import * as path from 'path';
import { StorageCorruptError, StorageError } from './storage-errors';
import { loadSqlJs, SqlJsStatic } from './sql-js-loader';
import { SqlRunner } from './sql-runner';
import { StoreKey, writeKeyFile, KEY_DESCRIPTOR_FILE_NAME, KEY_FILE_NAME } from './store-key';
import { DataFolderLock } from './data-folder-lock';
import { ANCHOR_FILE_NAME, CommitAnchor } from './commit-anchor';
import { JOURNAL_FILE_PATTERN, JOURNAL_HEADER_BYTES, journalFileName, JournalWriter, readJournal } from './journal-file';
import { readSnapshot, SNAPSHOT_FILE_PATTERN, snapshotFileName, writeSnapshot } from './snapshot-file';
import { readBackup, writeBackup } from './backup-file';
import { checkParams, decodePayload, encodePayload, encodeStatement, JournalStatement } from './journal-payload';
import { applyMigrations } from './schema-migrations';
import { fsyncDirSync, writeFileAtomicSync } from './durable-fs';
import { readSealedFile, writeSealedFileAtomic } from './sealed-file';
import { RestoreOptions, SqlParams, StorageOptions, StoreTransaction } from './store-types';

const DEFAULT_MIN_COMPACT_BYTES = 8 * 1024 * 1024;

interface Recovered {
    runner: SqlRunner;
    lastSeq: number;
    journal: JournalWriter;
    snapshotGeneration: number;
    snapshotBytes: number;
}

/**
 * The encrypted, durable embedded database of MatchPro: sql.js in memory, made durable by an
 * append-only journal of committed transactions (fsync'd before `transaction()` resolves) folded
 * from time to time into a snapshot. See README.md beside this file for the format and the rules.
 *
 * Reads are synchronous on the in-memory database. Writes happen only in `transaction()`; they are
 * journaled as the statements run, so callers must be deterministic: ids and timestamps are passed
 * as parameters, never made in SQL (no random(), no 'now').
 */
/** Sealed files beside the database (original CVs), one per name. */
const BLOB_FOLDER = 'files';
const blobHeader = (name: string) => Buffer.from(`MPBLOB01${name}`, 'utf8');

export class EncryptedStore {
    private queue: Promise<unknown> = Promise.resolve();
    /** The tx of the transaction function running now (reads through the store go through it). */
    private currentTransaction: StoreTransaction | undefined;
    private closed = false;
    private failure: StorageError | undefined;
    private compaction: Promise<void> | undefined;
    private compactionScheduled = false;

    private constructor(
        readonly dataDir: string,
        private readonly key: StoreKey,
        private readonly lock: DataFolderLock,
        private runner: SqlRunner,
        private journal: JournalWriter,
        private lastSeq: number,
        /** Newest snapshot known to be good: kept, with its journals, as the fallback of the next one. */
        private snapshotGeneration: number,
        private snapshotBytes: number,
        private readonly compactJournalBytes: number | undefined,
        private readonly warn: (message: string) => void,
        private readonly anchor: CommitAnchor,
        /** What recovery had to say at open (a dropped torn tail, a snapshot set aside), for the user. */
        readonly recoveryWarnings: readonly string[]
    ) {}

    static async open(options: StorageOptions): Promise<EncryptedStore> {
        checkOptions(options);
        const dataDir = path.resolve(options.dataDir);
        fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        const lock = DataFolderLock.acquire(dataDir);
        const report = options.onWarning ?? ((message: string) => console.warn(`[storage] ${message}`));
        const recoveryWarnings: string[] = [];
        const warn = (message: string) => { recoveryWarnings.push(message); report(message); };
        let store: EncryptedStore | undefined;
        try {
            const SQL = await loadSqlJs();
            removeTempFiles(dataDir);
            const { snapshots, journals } = listGenerations(dataDir);
            const hasData = snapshots.length > 0 || journals.length > 0;
            const key = await StoreKey.loadOrCreate(dataDir, options.passphrase, hasData || fs.existsSync(path.join(dataDir, ANCHOR_FILE_NAME)));
            const anchoredSeq = CommitAnchor.read(dataDir, key);
            if (!hasData && anchoredSeq) {
                throw new StorageCorruptError(dataDir, `the snapshots and journals are missing although ${anchoredSeq} transactions were committed: restore a backup`,
                    `les instantanés et journaux manquent alors que ${anchoredSeq} transactions ont été validées : restaurez une sauvegarde`);
            }
            const recovered = hasData
                ? recover(dataDir, SQL, key, snapshots, journals, warn, anchoredSeq)
                : await initialise(dataDir, SQL, key);
            const anchor = CommitAnchor.open(dataDir, key, report);
            store = new EncryptedStore(dataDir, key, lock, recovered.runner, recovered.journal, recovered.lastSeq,
                recovered.snapshotGeneration, recovered.snapshotBytes, options.compactJournalBytes, report, anchor, recoveryWarnings);
            await applyMigrations(store, options.migrations ?? []);
            return store;
        } catch (error) {
            if (store) {
                store.shutDown();
            } else {
                lock.release();
            }
            throw error;
        }
    }

    /** `PRAGMA user_version`: the last migration applied. */
    get schemaVersion(): number {
        this.assertUsable();
        return this.runner.get<{ user_version: number }>('PRAGMA user_version')!.user_version;
    }

    /** Rows of a query. Called from inside a transaction function, it is that transaction's `tx.all`. */
    all<T = Record<string, unknown>>(sql: string, params?: SqlParams): T[] {
        this.assertUsable();
        if (this.currentTransaction) {
            return this.currentTransaction.all<T>(sql, params);
        }
        checkParams(params);
        return this.runner.all<T>(sql, params);
    }

    /** First row of a query, or undefined. Inside a transaction function, it is `tx.get`. */
    get<T = Record<string, unknown>>(sql: string, params?: SqlParams): T | undefined {
        this.assertUsable();
        if (this.currentTransaction) {
            return this.currentTransaction.get<T>(sql, params);
        }
        checkParams(params);
        return this.runner.get<T>(sql, params);
    }

    /**
     * Runs `fn` (synchronous) inside BEGIN/COMMIT. Its writes are journaled and fsync'd before the
     * promise resolves. If `fn` throws, the transaction is rolled back and nothing is journaled.
     * Transactions are serialised in call order.
     */
    transaction<T>(fn: (tx: StoreTransaction) => T): Promise<T> {
        try {
            this.assertUsable();
            if (this.currentTransaction) {
                throw usageError('transaction() was called inside a transaction function: use the tx it was given');
            }
        } catch (error) {
            return Promise.reject(error);
        }
        return this.enqueue(async () => {
            if (this.compaction) {
                // A tight commit loop runs on microtasks only; let the background snapshot's I/O progress.
                await new Promise(resolve => setImmediate(resolve));
            }
            return this.runTransaction(fn);
        });
    }

    /**
     * Folds the journal into a new snapshot now and waits until it is durable. Commits made meanwhile
     * go on (into the next journal) once the database has been exported.
     */
    async snapshot(): Promise<void> {
        this.assertUsable();
        const started = await this.enqueue(async () => {
            await this.compaction?.catch(() => undefined);
            this.assertUsable();
            return { work: this.startCompaction() };
        });
        await started.work;
    }

    /**
     * Writes a consistent encrypted backup (the database at the last committed transaction) to `file`.
     * It is sealed with the folder's key: restoring it needs the passphrase or the folder's key file.
     */
    async backup(file: string): Promise<void> {
        this.assertUsable();
        const content = await this.enqueue(() => {
            this.assertUsable();
            return { lastSeq: this.lastSeq, database: this.runner.export() };
        });
        // A backup never overwrites or deletes anything: neither the file nor the files folder beside it.
        const target = `${path.resolve(file)}.files`;
        for (const existing of [path.resolve(file), target]) {
            if (fs.existsSync(existing)) {
                throw new StorageError('STORAGE_USAGE', `${existing} already exists: choose a new backup file name`,
                    `${existing} existe déjà : choisissez un autre nom de sauvegarde`, existing);
            }
        }
        await writeBackup(path.resolve(file), content, this.key);
        // Files (CVs) travel beside the backup, still sealed: `<backup>.files/`. Blobs are written before
        // the record naming them and deleted after it, so every file the backed-up database names is copied.
        const blobs = path.join(this.dataDir, BLOB_FOLDER);
        if (fs.existsSync(blobs)) {
            fs.cpSync(blobs, target, { recursive: true });
        }
    }

    /**
     * Stores a file (an original CV...) beside the database, sealed with the database key; the name is
     * authenticated with it, so a file swapped for another is detected. Durable when this resolves.
     */
    async writeBlob(name: string, bytes: Uint8Array): Promise<void> {
        this.assertUsable();
        const file = this.blobPath(name);
        fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
        await writeSealedFileAtomic(file, blobHeader(name), [bytes], this.key);
    }

    async readBlob(name: string): Promise<Uint8Array> {
        this.assertUsable();
        const file = this.blobPath(name);
        if (!fs.existsSync(file)) {
            throw new StorageError('STORAGE_USAGE', `stored file ${name} does not exist`, `le fichier stocké ${name} n'existe pas`, file);
        }
        const header = blobHeader(name);
        const sealed = readSealedFile(file, header.length, this.key);
        if (!sealed || !sealed.header.equals(header)) {
            throw new StorageCorruptError(file, 'the stored file fails its integrity check (damaged or swapped)',
                'le fichier stocké échoue au contrôle d\'intégrité (endommagé ou substitué)');
        }
        return new Uint8Array(sealed.plain);
    }

    async deleteBlob(name: string): Promise<void> {
        this.assertUsable();
        fs.rmSync(this.blobPath(name), { force: true });
    }

    private blobPath(name: string): string {
        if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/i.test(name) || name.length > 200) {
            throw new StorageError('STORAGE_USAGE', `invalid stored file name "${name.slice(0, 60)}"`, `nom de fichier stocké invalide « ${name.slice(0, 60)} »`);
        }
        return path.join(this.dataDir, BLOB_FOLDER, `${name}.mpb`);
    }

    /**
     * Restores a backup into `dataDir`, which must not exist or be empty. The folder is filled under a
     * temporary name then renamed into place, so an interrupted restore leaves no half folder.
     */
    static async restore(backupFile: string, dataDir: string, options: RestoreOptions = {}): Promise<void> {
        const target = path.resolve(dataDir);
        if (fs.existsSync(target) && (!fs.statSync(target).isDirectory() || fs.readdirSync(target).length > 0)) {
            throw new StorageError('STORAGE_RESTORE', `${target} is not empty: restore only into a new or empty folder`,
                `${target} n'est pas vide : la restauration se fait dans un dossier nouveau ou vide`, target);
        }
        const backup = readBackup(path.resolve(backupFile));
        const keyFileBytes = options.keyFile ? fs.readFileSync(options.keyFile) : undefined;
        const key = await StoreKey.fromDescriptor(backup.descriptor, { passphrase: options.passphrase, keyFileBytes }, path.resolve(backupFile));
        const content = backup.open(key);
        const SQL = await loadSqlJs();
        const check = new SQL.Database(content.database);
        const files = `${path.resolve(backupFile)}.files`;
        try {
            const result = check.exec('PRAGMA quick_check')[0]?.values[0]?.[0];
            if (result !== 'ok') {
                throw new StorageCorruptError(path.resolve(backupFile), 'the database in the backup fails its consistency check',
                    'la base de la sauvegarde échoue au contrôle de cohérence');
            }
            const read = (sql: string) => {
                const [table] = check.exec(sql);
                return table ? table.values.map(row => Object.fromEntries(table.columns.map((column, i) => [column, row[i]]))) : [];
            };
            checkBackupFiles(files, options.expectedFiles?.(read) ?? [], key);
        } finally {
            check.close();
        }
        const staging = `${target}.restore-${process.pid}`;
        fs.rmSync(staging, { recursive: true, force: true });
        fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
        if (fs.existsSync(files)) {
            fs.cpSync(files, path.join(staging, BLOB_FOLDER), { recursive: true });
        }
        if (backup.descriptor.kdf === 'keyfile') {
            writeKeyFile(path.join(staging, KEY_FILE_NAME), key.exportKeyFileBytes());
        }
        writeFileAtomicSync(path.join(staging, KEY_DESCRIPTOR_FILE_NAME), JSON.stringify(key.descriptor, undefined, 2) + '\n');
        await writeSnapshot(staging, 1, content, key);
        JournalWriter.create(staging, 1).close();
        if (fs.existsSync(target)) {
            fs.rmdirSync(target);
        }
        fs.renameSync(staging, target);
        fsyncDirSync(path.dirname(target));
    }

    /** Waits for pending work, writes a snapshot if the journal is worth folding, releases the lock. */
    async close(): Promise<void> {
        if (this.closed) {
            return;
        }
        try {
            await this.enqueue(async () => {
                await this.compaction?.catch(() => undefined);
                if (!this.failure && this.journal.size > Math.max(64 * 1024, this.snapshotBytes / 64)) {
                    await this.startCompaction();
                }
            });
        } finally {
            this.shutDown();
        }
    }

    private runTransaction<T>(fn: (tx: StoreTransaction) => T): T {
        this.assertUsable();
        const runner = this.runner;
        const statements: JournalStatement[] = [];
        let active = true;
        let aborted: unknown;
        /**
         * Each statement runs in a savepoint: if it fails (and `fn` catches the error), its partial
         * effects (a multi-statement exec, OR FAIL) are undone, so memory matches the journal, which
         * holds successful statements only. If SQLite had to drop the whole transaction, the
         * transaction is over: later statements are refused and the transaction rejects.
         */
        const guarded = <R>(sql: string, params: SqlParams | undefined, journal: 'always' | 'if-wrote' | 'exec', work: () => R): R => {
            if (!active) {
                throw usageError('this transaction is finished: its tx cannot be used any more');
            }
            if (aborted !== undefined) {
                throw usageError('an earlier statement aborted this transaction: it can only end');
            }
            if (journal !== 'exec') {
                checkParams(params);
            }
            const before = journal === 'if-wrote' ? runner.totalChanges() : 0;
            runner.step('SAVEPOINT matchpro_statement');
            let result: R;
            try {
                result = work();
            } catch (error) {
                try {
                    runner.exec('ROLLBACK TO matchpro_statement; RELEASE matchpro_statement');
                } catch {
                    aborted = error;
                }
                throw error;
            }
            runner.step('RELEASE matchpro_statement');
            if (journal !== 'if-wrote' || runner.totalChanges() !== before) {
                statements.push(encodeStatement(sql, params, journal === 'exec'));
            }
            return result;
        };
        const tx: StoreTransaction = {
            run: (sql, params) => ({ changes: guarded(sql, params, 'always', () => runner.run(sql, params)) }),
            exec: sql => guarded(sql, undefined, 'exec', () => runner.exec(sql)),
            // Reads that wrote (INSERT ... RETURNING through all/get) are journaled too.
            all: <R>(sql: string, params?: SqlParams) => guarded(sql, params, 'if-wrote', () => runner.all<R>(sql, params)),
            get: <R>(sql: string, params?: SqlParams) => guarded(sql, params, 'if-wrote', () => runner.get<R>(sql, params))
        };
        runner.setWritable(true);
        runner.exec('BEGIN');
        this.currentTransaction = tx;
        try {
            let result: T;
            try {
                result = fn(tx);
                if (result && typeof (result as { then?: unknown }).then === 'function') {
                    throw usageError('the transaction function must be synchronous (it returned a promise)');
                }
            } finally {
                active = false;
                this.currentTransaction = undefined;
            }
            if (aborted !== undefined) {
                throw aborted;
            }
            if (statements.length > 0) {
                this.journalAndCommit(statements);
            } else {
                runner.exec('COMMIT');
            }
            return result;
        } catch (error) {
            this.rollback();
            throw error;
        } finally {
            runner.setWritable(false);
            this.scheduleCompactionIfDue();
        }
    }

    /** Journal first (sealed, fsync'd), then COMMIT in memory; undo the journal record if COMMIT fails. */
    private journalAndCommit(statements: JournalStatement[]): void {
        const seq = this.lastSeq + 1;
        const sizeBefore = this.journal.size;
        try {
            this.journal.append(seq, encodePayload(statements), this.key);
        } catch (error) {
            if (this.journal.size !== sizeBefore || this.journal.damaged) {
                this.fail(`the journal ${this.journal.file} could not be cut back after a failed write`,
                    `le journal ${this.journal.file} n'a pas pu être ramené à sa taille après une écriture échouée`);
            }
            throw new StorageError('STORAGE_FAILED', `writing the journal ${this.journal.file} failed: ${(error as Error).message}`,
                `l'écriture du journal ${this.journal.file} a échoué : ${(error as Error).message}`, this.journal.file);
        }
        try {
            this.runner.exec('COMMIT');
        } catch (error) {
            try {
                this.journal.truncateTo(sizeBefore);
            } catch {
                this.fail(`the journal ${this.journal.file} holds a transaction that failed to commit and could not be removed`,
                    `le journal ${this.journal.file} contient une transaction non validée qui n'a pas pu être retirée`);
            }
            throw error;
        }
        this.lastSeq = seq;
        this.anchor.record(seq);
    }

    private rollback(): void {
        try {
            this.runner.exec('ROLLBACK');
        } catch {
            // No transaction left open (SQLite already rolled back on the error).
        }
    }

    private compactionThreshold(): number {
        return this.compactJournalBytes ?? Math.max(DEFAULT_MIN_COMPACT_BYTES, this.snapshotBytes / 4);
    }

    private scheduleCompactionIfDue(): void {
        if (this.compactionScheduled || this.compaction || this.closed || this.failure || this.journal.size < this.compactionThreshold()) {
            return;
        }
        this.compactionScheduled = true;
        void this.enqueue(() => {
            this.compactionScheduled = false;
            if (!this.closed && !this.failure && !this.compaction) {
                try {
                    this.startCompaction().catch(() => undefined);
                } catch (error) {
                    this.warn(`compaction could not start (${(error as Error).message}); the journal keeps the data`);
                }
            }
        });
    }

    /**
     * Starts a compaction at the current committed point (call from the queue): exports the database,
     * switches appends to a new journal generation at once, then writes the snapshot in the background.
     * A crash at any point leaves the previous snapshot and an unbroken chain of journals.
     */
    private startCompaction(): Promise<void> {
        const database = this.runner.export();
        const lastSeq = this.lastSeq;
        const generation = this.journal.generation + 1;
        const next = JournalWriter.create(this.dataDir, generation);
        this.journal.close();
        this.journal = next;
        const work = this.writeSnapshotGeneration(generation, lastSeq, database);
        this.compaction = work;
        const clear = () => {
            if (this.compaction === work) {
                this.compaction = undefined;
            }
        };
        work.then(clear, clear);
        return work;
    }

    private async writeSnapshotGeneration(generation: number, lastSeq: number, database: Uint8Array): Promise<void> {
        try {
            const bytes = await writeSnapshot(this.dataDir, generation, { lastSeq, database }, this.key);
            removeGenerationsBefore(this.dataDir, this.snapshotGeneration);
            this.snapshotGeneration = generation;
            this.snapshotBytes = bytes;
        } catch (error) {
            this.warn(`snapshot ${snapshotFileName(generation)} could not be written (${(error as Error).message}); the journal keeps the data`);
            throw error;
        }
    }

    private enqueue<R>(task: () => R | Promise<R>): Promise<R> {
        const run = this.queue.then(task);
        this.queue = run.catch(() => undefined);
        return run;
    }

    private fail(message: string, messageFr: string): void {
        this.failure = new StorageError('STORAGE_FAILED', `${message}; reopen the data folder`, `${messageFr} ; rouvrez le dossier de données`, this.dataDir);
    }

    private assertUsable(): void {
        if (this.closed) {
            throw new StorageError('STORAGE_CLOSED', `the store of ${this.dataDir} is closed`, `le stockage de ${this.dataDir} est fermé`, this.dataDir);
        }
        if (this.failure) {
            throw this.failure;
        }
    }

    private shutDown(): void {
        if (this.closed) {
            return;
        }
        this.closed = true;
        try {
            this.journal.close();
            this.anchor.close();
            this.runner.close();
        } finally {
            this.lock.release();
        }
    }
}

/** Every stored file the backed-up database names is in the backup and intact, or the restore is refused. */
function checkBackupFiles(folder: string, names: string[], key: StoreKey): void {
    const problems: string[] = [];
    for (const name of names) {
        const file = path.join(folder, `${name}.mpb`);
        if (!fs.existsSync(file)) {
            problems.push(`${name} missing`);
            continue;
        }
        const header = blobHeader(name);
        const sealed = readSealedFile(file, header.length, key);
        if (!sealed || !sealed.header.equals(header)) {
            problems.push(`${name} damaged`);
        }
    }
    if (problems.length > 0) {
        const list = problems.slice(0, 5).join(', ') + (problems.length > 5 ? ` (+${problems.length - 5} more)` : '');
        throw new StorageError('STORAGE_RESTORE', `the backup's files folder ${folder} lacks or holds damaged files the database refers to (${list}): nothing was restored`,
            `le dossier de fichiers de la sauvegarde ${folder} manque de fichiers ou en contient d'endommagés (${list}) : rien n'a été restauré`, folder);
    }
}

function usageError(message: string): StorageError {
    return new StorageError('STORAGE_USAGE', message, message);
}

function checkOptions(options: StorageOptions): void {
    if (!options || typeof options.dataDir !== 'string' || options.dataDir.length === 0) {
        throw usageError('StorageOptions.dataDir must be a non-empty path');
    }
    if (options.passphrase !== undefined && (typeof options.passphrase !== 'string' || options.passphrase.length === 0)) {
        throw usageError('StorageOptions.passphrase must be a non-empty string when given');
    }
    if (options.compactJournalBytes !== undefined && !(Number.isInteger(options.compactJournalBytes) && options.compactJournalBytes > 0)) {
        throw usageError('StorageOptions.compactJournalBytes must be a positive integer');
    }
}

function listGenerations(dataDir: string): { snapshots: number[]; journals: number[] } {
    const snapshots: number[] = [];
    const journals: number[] = [];
    for (const name of fs.readdirSync(dataDir)) {
        const snapshot = SNAPSHOT_FILE_PATTERN.exec(name);
        const journal = JOURNAL_FILE_PATTERN.exec(name);
        if (snapshot) {
            snapshots.push(Number(snapshot[1]));
        } else if (journal) {
            journals.push(Number(journal[1]));
        }
    }
    return { snapshots: snapshots.sort((a, b) => b - a), journals: journals.sort((a, b) => a - b) };
}

/** Leftovers of atomic writes interrupted by a crash (`<name>.<pid>.tmp`). */
function removeTempFiles(dataDir: string): void {
    for (const name of fs.readdirSync(dataDir)) {
        if (/^(snapshot-\d+\.mps|store-key\.json)\.\d+\.tmp$/.test(name)) {
            fs.rmSync(path.join(dataDir, name), { force: true });
        }
    }
}

/** Removes snapshots and journals older than `generation` (they are no longer anyone's fallback). */
function removeGenerationsBefore(dataDir: string, generation: number): void {
    const { snapshots, journals } = listGenerations(dataDir);
    for (const old of snapshots.filter(g => g < generation)) {
        fs.rmSync(path.join(dataDir, snapshotFileName(old)), { force: true });
    }
    for (const old of journals.filter(g => g < generation)) {
        fs.rmSync(path.join(dataDir, journalFileName(old)), { force: true });
    }
}

async function initialise(dataDir: string, SQL: SqlJsStatic, key: StoreKey): Promise<Recovered> {
    const runner = new SqlRunner(new SQL.Database());
    const database = runner.export();
    const snapshotBytes = await writeSnapshot(dataDir, 1, { lastSeq: 0, database }, key);
    return { runner, lastSeq: 0, journal: JournalWriter.create(dataDir, 1), snapshotGeneration: 1, snapshotBytes };
}

/**
 * Loads the newest readable snapshot and replays the journals of its generation and later ones, in
 * order, checking that sequence numbers follow on. Unreadable newer snapshots are renamed
 * `*.corrupt` (kept for inspection) and reported through `warn`.
 */
function recover(dataDir: string, SQL: SqlJsStatic, key: StoreKey, snapshots: number[], journals: number[],
    warn: (message: string) => void, anchoredSeq: number | undefined): Recovered {
    const failures: StorageCorruptError[] = [];
    for (const generation of snapshots) {
        const snapshotFile = path.join(dataDir, snapshotFileName(generation));
        let content;
        try {
            content = readSnapshot(snapshotFile, generation, key);
        } catch (error) {
            if (error instanceof StorageCorruptError) {
                failures.push(error);
                continue;
            }
            throw error;
        }
        const runner = new SqlRunner(new SQL.Database(content.database));
        try {
            const chain = journals.filter(g => g >= generation);
            const newest = Math.max(generation, ...chain);
            let lastSeq = content.lastSeq;
            let validBytes = 0;
            for (let g = generation; g <= newest; g++) {
                const file = path.join(dataDir, journalFileName(g));
                if (!chain.includes(g)) {
                    if (g === newest && g === generation && (anchoredSeq ?? 0) <= lastSeq) {
                        break; // crash between a snapshot and its journal: nothing was written to it
                    }
                    throw new StorageCorruptError(file, 'journal file is missing from the chain', 'le fichier journal manque dans la chaîne');
                }
                const journal = readJournal(file, g, key, g === newest);
                for (const record of journal.records) {
                    if (record.seq !== lastSeq + 1) {
                        throw new StorageCorruptError(file, `sequence gap: expected record ${lastSeq + 1}, found ${record.seq}`,
                            `trou dans la séquence : enregistrement ${lastSeq + 1} attendu, ${record.seq} trouvé`);
                    }
                    replay(runner, file, record.seq, record.payload);
                    lastSeq = record.seq;
                }
                if (journal.droppedBytes > 0 && (anchoredSeq ?? 0) <= lastSeq) {
                    warn(`${file}: dropped 1 incomplete record (${journal.droppedBytes} bytes) left by an interrupted write; it had not been confirmed, every committed transaction is kept`);
                }
                validBytes = journal.validBytes;
            }
            if (anchoredSeq !== undefined && lastSeq < anchoredSeq) {
                // Checked before anything is cut or written: the folder stays as found, for a backup or an expert.
                const newestJournal = path.join(dataDir, journalFileName(newest));
                throw new StorageCorruptError(newestJournal, `the journals end at transaction ${lastSeq} but ${anchoredSeq} were committed: `
                    + `${anchoredSeq - lastSeq} committed transaction(s) are missing or damaged (journal shortened, altered or deleted). `
                    + 'Nothing was changed; restore a backup (matchpro restore) or keep this folder for inspection',
                `les journaux s'arrêtent à la transaction ${lastSeq} alors que ${anchoredSeq} ont été validées : `
                    + `${anchoredSeq - lastSeq} transaction(s) validée(s) manquent ou sont endommagées (journal raccourci, altéré ou supprimé). `
                    + 'Rien n\'a été modifié ; restaurez une sauvegarde (matchpro restore) ou gardez ce dossier pour analyse');
            }
            for (const failure of failures) {
                fs.renameSync(failure.file!, `${failure.file}.corrupt`);
                warn(`${failure.message}; renamed to ${path.basename(failure.file!)}.corrupt and recovered from ${snapshotFileName(generation)} and its journals`);
            }
            const newestFile = path.join(dataDir, journalFileName(newest));
            const journal = chain.includes(newest) && validBytes >= JOURNAL_HEADER_BYTES
                ? JournalWriter.openExisting(newestFile, newest, validBytes)
                : JournalWriter.create(dataDir, newest);
            return { runner, lastSeq, journal, snapshotGeneration: generation, snapshotBytes: fs.statSync(snapshotFile).size };
        } catch (error) {
            runner.close();
            throw error;
        }
    }
    if (failures.length === 0) {
        throw new StorageCorruptError(dataDir, 'journal files exist but no snapshot: the data folder is incomplete',
            'des fichiers journaux existent sans instantané : le dossier de données est incomplet');
    }
    throw new StorageCorruptError(dataDir, `no readable snapshot is left (${failures.map(f => f.message).join('; ')})`,
        `aucun instantané lisible ne reste (${failures.map(f => f.messageFr).join(' ; ')})`);
}

function replay(runner: SqlRunner, file: string, seq: number, payload: Buffer): void {
    runner.setWritable(true);
    try {
        runner.exec('BEGIN');
        for (const statement of decodePayload(payload)) {
            if (statement.params === undefined) {
                runner.exec(statement.sql);
            } else {
                runner.run(statement.sql, statement.params);
            }
        }
        runner.exec('COMMIT');
    } catch (error) {
        try {
            runner.exec('ROLLBACK');
        } catch {
            // already rolled back
        }
        throw new StorageCorruptError(file, `record ${seq} does not replay (${(error as Error).message}): non-deterministic SQL or a damaged schema`,
            `l'enregistrement ${seq} ne se rejoue pas (${(error as Error).message}) : SQL non déterministe ou schéma endommagé`);
    } finally {
        runner.setWritable(false);
    }
}

