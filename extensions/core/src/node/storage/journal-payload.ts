import { SqlParam, SqlParams } from './store-types';
import { StorageError } from './storage-errors';

/**
 * The logical journal payload: the statements a committed transaction ran, in order, as JSON.
 * One statement is `[sql]` (exec), `[sql, [values]]` (positional) or `[sql, 0, [[name, value]...]]`
 * (named). A blob value is `{ "b": base64 }` (no other value is an object, so this is unambiguous).
 */
export type JournalStatement = [sql: string] | [sql: string, values: EncodedValue[]] | [sql: string, named: 0, pairs: [string, EncodedValue][]];
type EncodedValue = string | number | null | { b: string };

export interface DecodedStatement {
    sql: string;
    /** Undefined for an `exec` (several statements, no parameters). */
    params?: SqlParams;
}

export function encodeStatement(sql: string, params: SqlParams | undefined, exec = false): JournalStatement {
    if (exec) {
        return [sql];
    }
    if (params === undefined) {
        return [sql, []];
    }
    if (Array.isArray(params)) {
        return [sql, params.map(encodeValue)];
    }
    return [sql, 0, Object.entries(params).map(([name, value]) => [name, encodeValue(value)])];
}

export function encodePayload(statements: JournalStatement[]): Buffer {
    return Buffer.from(JSON.stringify(statements), 'utf8');
}

export function decodePayload(payload: Buffer): DecodedStatement[] {
    const statements = JSON.parse(payload.toString('utf8')) as JournalStatement[];
    return statements.map(statement => {
        if (statement.length === 1) {
            return { sql: statement[0] };
        }
        if (statement.length === 2) {
            return { sql: statement[0], params: statement[1].map(decodeValue) };
        }
        return { sql: statement[0], params: Object.fromEntries(statement[2].map(([name, value]) => [name, decodeValue(value)])) };
    });
}

/** Rejects what would not replay identically (NaN becomes NULL in SQLite but null in JSON, etc.). */
export function checkParams(params: SqlParams | undefined): void {
    if (params === undefined) {
        return;
    }
    if (Array.isArray(params)) {
        params.forEach((value, index) => checkValue(value, `parameter ${index + 1}`));
        return;
    }
    if (typeof params !== 'object' || params === null || params instanceof Uint8Array) {
        throw usage('parameters must be an array or an object of named values');
    }
    for (const [name, value] of Object.entries(params)) {
        if (!/^[:@$]/.test(name)) {
            throw usage(`named parameter "${name}" needs its prefix (":${name}", "@${name}" or "$${name}")`);
        }
        checkValue(value, `parameter ${name}`);
    }
}

function checkValue(value: unknown, what: string): void {
    if (value === null || typeof value === 'string' || value instanceof Uint8Array) {
        return;
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
        return;
    }
    throw usage(`${what} has an unsupported value of type ${typeof value} (allowed: string, finite number, null, Uint8Array; booleans as 0/1)`);
}

function usage(message: string): StorageError {
    return new StorageError('STORAGE_USAGE', message, message);
}

function encodeValue(value: SqlParam): EncodedValue {
    return value instanceof Uint8Array ? { b: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') } : value;
}

function decodeValue(value: EncodedValue): SqlParam {
    return value !== null && typeof value === 'object' ? new Uint8Array(Buffer.from(value.b, 'base64')) : value;
}
