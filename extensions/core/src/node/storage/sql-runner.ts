import { SqlJsBindParams, SqlJsDatabase, SqlJsStatement } from './sql-js-loader';
import { SqlParams } from './store-types';
import { foldText } from '../../common/text-folding';

const STATEMENT_CACHE_SIZE = 128;

/**
 * Runs statements on the in-memory sql.js database, keeping recently used prepared statements.
 * sql.js frees every statement when it exports the database, so the cache is dropped then.
 */
export class SqlRunner {
    private readonly cache = new Map<string, SqlJsStatement>();

    constructor(readonly db: SqlJsDatabase) {
        this.configure();
    }

    /**
     * Connection settings and SQL functions, applied again after each export (sql.js reopens the database then).
     * The rollback journal is kept in memory: durability comes from the engine's own journal.
     * query_only stays on outside transactions so no write escapes the journal.
     */
    configure(): void {
        this.db.exec('PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF; PRAGMA foreign_keys = ON; PRAGMA query_only = ON');
        // fold(x): accent- and case-insensitive searches ("societe" finds "Société"); sql.js drops functions on export
        this.db.create_function('fold', value => (typeof value === 'string' ? foldText(value) : value));
    }

    setWritable(writable: boolean): void {
        this.db.exec(`PRAGMA query_only = ${writable ? 'OFF' : 'ON'}`);
    }

    all<T>(sql: string, params?: SqlParams): T[] {
        return this.withStatement(sql, params, statement => {
            const rows: T[] = [];
            while (statement.step()) {
                rows.push(statement.getAsObject() as T);
            }
            return rows;
        });
    }

    get<T>(sql: string, params?: SqlParams): T | undefined {
        return this.withStatement(sql, params, statement => statement.step() ? statement.getAsObject() as T : undefined);
    }

    /** Runs one statement to completion; returns the rows it changed (0 for DDL and queries). */
    run(sql: string, params?: SqlParams): number {
        const before = this.totalChanges();
        this.withStatement(sql, params, statement => {
            while (statement.step()) {
                // Drain: a statement with RETURNING yields rows.
            }
        });
        return this.totalChanges() === before ? 0 : this.db.getRowsModified();
    }

    /** One parameterless statement through the statement cache (savepoints, on every tx statement). */
    step(sql: string): void {
        this.withStatement(sql, undefined, statement => statement.step());
    }

    exec(sql: string): void {
        this.db.exec(sql);
    }

    /** Rows changed since the connection opened; tells whether a read statement wrote. */
    totalChanges(): number {
        return this.get<{ n: number }>('SELECT total_changes() AS n')!.n;
    }

    export(): Uint8Array {
        this.cache.clear();
        const bytes = this.db.export();
        this.configure();
        return bytes;
    }

    close(): void {
        this.cache.clear();
        this.db.close();
    }

    private withStatement<R>(sql: string, params: SqlParams | undefined, use: (statement: SqlJsStatement) => R): R {
        let statement = this.cache.get(sql);
        if (statement) {
            this.cache.delete(sql);
        } else {
            statement = this.db.prepare(sql);
        }
        try {
            if (params !== undefined) {
                statement.bind(params as SqlJsBindParams);
            }
            return use(statement);
        } finally {
            statement.reset();
            this.cache.set(sql, statement);
            if (this.cache.size > STATEMENT_CACHE_SIZE) {
                const [oldestSql, oldest] = this.cache.entries().next().value!;
                this.cache.delete(oldestSql);
                oldest.free();
            }
        }
    }
}
