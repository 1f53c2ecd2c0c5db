import * as fs from 'fs';
import * as path from 'path';

/**
 * The part of sql.js the engine uses (sql.js ships no TypeScript types and @types/sql.js is not a
 * dependency of the project).
 */
export type SqlJsValue = string | number | null | Uint8Array;
export type SqlJsBindParams = SqlJsValue[] | Record<string, SqlJsValue>;

export interface SqlJsStatement {
    bind(params?: SqlJsBindParams): boolean;
    step(): boolean;
    getAsObject(): Record<string, SqlJsValue>;
    reset(): void;
    free(): boolean;
}

export interface SqlJsDatabase {
    exec(sql: string): Array<{ columns: string[]; values: SqlJsValue[][] }>;
    run(sql: string, params?: SqlJsBindParams): SqlJsDatabase;
    prepare(sql: string): SqlJsStatement;
    getRowsModified(): number;
    create_function(name: string, fn: (...args: SqlJsValue[]) => SqlJsValue): SqlJsDatabase;
    export(): Uint8Array;
    close(): void;
}

export interface SqlJsStatic {
    Database: new (data?: Uint8Array) => SqlJsDatabase;
}

let loading: Promise<SqlJsStatic> | undefined;

/**
 * Loads sql.js once per process. The wasm is passed as bytes resolved from node_modules because the
 * esbuild bundle would otherwise look for `sql-wasm.wasm` next to the bundle.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
    if (!loading) {
        loading = (async () => {
            // eslint-disable-next-line @typescript-eslint/no-require-imports
            const initSqlJs = require('sql.js') as (config: { wasmBinary: Uint8Array }) => Promise<SqlJsStatic>;
            return initSqlJs({ wasmBinary: fs.readFileSync(locateWasm()) });
        })();
        loading.catch(() => { loading = undefined; });
    }
    return loading;
}

/** The wasm from node_modules, or a copy placed next to the bundle (esbuild.mjs may copy it there). */
function locateWasm(): string {
    try {
        return require.resolve('sql.js/dist/sql-wasm.wasm');
    } catch {
        const beside = path.join(__dirname, 'sql-wasm.wasm');
        if (fs.existsSync(beside)) {
            return beside;
        }
        throw new Error(`sql.js: sql-wasm.wasm not found in node_modules nor at ${beside}`);
    }
}
