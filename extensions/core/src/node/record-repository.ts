import { randomUUID } from 'crypto';
import type { ZodType } from 'zod';
import { StoredFields } from '../common/domain/entity';
import { MatchProErrors, validate } from '../common/errors';
import { MatchProDatabase } from './matchpro-database';
import type { SqlParam, StoreTransaction } from './storage/store-types';

type Reader = Pick<StoreTransaction, 'all' | 'get'>;

export interface RecordTableSpec<T extends StoredFields> {
    table: string;
    /** What the user calls it, for messages: "company", "offer"... */
    what: string;
    schema: ZodType<T>;
    /** Indexed copies of record fields, column name -> value. */
    columns: Record<string, (record: T) => SqlParam>;
}

export interface ListQuery {
    where?: string;
    params?: SqlParam[];
    orderBy?: string;
    limit?: number;
    offset?: number;
}

/**
 * Typed access to one aggregate table: the full record as validated JSON plus indexed columns, and
 * optimistic concurrency (an update names the version it started from; a stale one is a Conflict).
 */
export class RecordRepository<T extends StoredFields> {
    constructor(protected readonly db: MatchProDatabase, readonly spec: RecordTableSpec<T>) { }

    protected get columnNames(): string[] {
        return Object.keys(this.spec.columns);
    }

    protected decode(row: { data: string } | undefined): T | undefined {
        return row ? JSON.parse(row.data) as T : undefined;
    }

    async get(id: string): Promise<T | undefined> {
        return this.db.read(store => this.getIn(store, id));
    }

    getIn(reader: Reader, id: string): T | undefined {
        return this.decode(reader.get<{ data: string }>(`SELECT data FROM ${this.spec.table} WHERE id = ?`, [id]));
    }

    requireIn(reader: Reader, id: string): T {
        const record = this.getIn(reader, id);
        if (!record) {
            throw MatchProErrors.NotFound(this.spec.what, id);
        }
        return record;
    }

    async require(id: string): Promise<T> {
        return this.db.read(store => this.requireIn(store, id));
    }

    async list(query: ListQuery = {}): Promise<T[]> {
        return this.db.read(store => this.listIn(store, query));
    }

    listIn(reader: Reader, query: ListQuery = {}): T[] {
        const sql = `SELECT data FROM ${this.spec.table}` + (query.where ? ` WHERE ${query.where}` : '')
            + (query.orderBy ? ` ORDER BY ${query.orderBy}` : '')
            + (query.limit !== undefined ? ` LIMIT ${Math.max(0, Math.floor(query.limit))}` : '')
            + (query.offset !== undefined ? ` OFFSET ${Math.max(0, Math.floor(query.offset))}` : '');
        return reader.all<{ data: string }>(sql, query.params ?? []).map(row => JSON.parse(row.data) as T);
    }

    async count(where?: string, params: SqlParam[] = []): Promise<number> {
        return this.db.read(store => store.get<{ n: number }>(`SELECT count(*) AS n FROM ${this.spec.table}` + (where ? ` WHERE ${where}` : ''), params)!.n);
    }

    /** Inserts a new record built from validated fields; id, version and timestamps are set here. */
    insert(tx: StoreTransaction, fields: Omit<T, keyof StoredFields>, now = new Date().toISOString(), id: string = randomUUID()): T {
        const record = validate(this.spec.schema, { ...fields, id, version: 1, createdAt: now, updatedAt: now }, this.spec.what);
        const columns = ['id', 'version', 'created_at', 'updated_at', 'data', ...this.columnNames];
        tx.run(`INSERT INTO ${this.spec.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
            [record.id, record.version, record.createdAt, record.updatedAt, JSON.stringify(record), ...this.columnValues(record)]);
        return record;
    }

    /**
     * Replaces a record with `change(current)`, provided it is still at `expectedVersion` (omit it for
     * changes the backend makes on its own, such as a status moved by a placement).
     */
    update(tx: StoreTransaction, id: string, expectedVersion: number | undefined, change: (current: T) => Omit<T, keyof StoredFields> | T,
        now = new Date().toISOString()): T {
        const current = this.requireIn(tx, id);
        if (expectedVersion !== undefined && current.version !== expectedVersion) {
            throw MatchProErrors.Conflict(this.spec.what, id, expectedVersion, current.version);
        }
        const next = validate(this.spec.schema, {
            ...change(current), id, version: current.version + 1, createdAt: current.createdAt, updatedAt: now
        }, this.spec.what);
        const assignments = ['version = ?', 'updated_at = ?', 'data = ?', ...this.columnNames.map(c => `${c} = ?`)];
        const { changes } = tx.run(`UPDATE ${this.spec.table} SET ${assignments.join(', ')} WHERE id = ? AND version = ?`,
            [next.version, next.updatedAt, JSON.stringify(next), ...this.columnValues(next), id, current.version]);
        if (changes !== 1) {
            throw MatchProErrors.Conflict(this.spec.what, id, current.version, -1);
        }
        return next;
    }

    delete(tx: StoreTransaction, id: string, expectedVersion?: number): T {
        const current = this.requireIn(tx, id);
        if (expectedVersion !== undefined && current.version !== expectedVersion) {
            throw MatchProErrors.Conflict(this.spec.what, id, expectedVersion, current.version);
        }
        tx.run(`DELETE FROM ${this.spec.table} WHERE id = ?`, [id]);
        return current;
    }

    protected columnValues(record: T): SqlParam[] {
        return Object.values(this.spec.columns).map(column => {
            const value = column(record);
            return value === undefined ? null : value;
        });
    }
}
