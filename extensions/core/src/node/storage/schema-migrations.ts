import { StorageError } from './storage-errors';
import { Migration, StoreTransaction } from './store-types';

/** What the migration runner needs of a store (kept narrow so the runner is testable on its own). */
export interface MigratableStore {
    readonly schemaVersion: number;
    transaction<T>(fn: (tx: StoreTransaction) => T): Promise<T>;
}

/**
 * Applies the migrations newer than `PRAGMA user_version`, in order, in one journaled transaction
 * (all or nothing), setting user_version to each one's version as it goes. Returns the versions applied.
 */
export async function applyMigrations(store: MigratableStore, migrations: Migration[]): Promise<number[]> {
    checkMigrations(migrations);
    if (migrations.length === 0) {
        return [];
    }
    const current = store.schemaVersion;
    const latest = migrations[migrations.length - 1].version;
    if (current > latest) {
        throw new StorageError('STORAGE_SCHEMA',
            `the database schema is at version ${current}, newer than this application knows (${latest}): update MatchPro`,
            `le schéma de la base est en version ${current}, plus récente que celle connue de cette application (${latest}) : mettez MatchPro à jour`);
    }
    const pending = migrations.filter(migration => migration.version > current);
    if (pending.length === 0) {
        return [];
    }
    await store.transaction(tx => {
        for (const migration of pending) {
            try {
                tx.exec(migration.sql);
            } catch (error) {
                throw new StorageError('STORAGE_SCHEMA',
                    `migration ${migration.version} (${migration.description}) failed: ${(error as Error).message}`,
                    `la migration ${migration.version} (${migration.description}) a échoué : ${(error as Error).message}`);
            }
            tx.exec(`PRAGMA user_version = ${migration.version}`);
        }
    });
    return pending.map(migration => migration.version);
}

function checkMigrations(migrations: Migration[]): void {
    let previous = 0;
    for (const migration of migrations) {
        if (!Number.isInteger(migration.version) || migration.version <= previous) {
            throw new StorageError('STORAGE_USAGE',
                `migration versions must be positive integers in strictly increasing order (${migration.version} after ${previous})`,
                `les versions de migration doivent être des entiers positifs strictement croissants (${migration.version} après ${previous})`);
        }
        if (typeof migration.sql !== 'string' || migration.sql.trim() === '') {
            throw new StorageError('STORAGE_USAGE', `migration ${migration.version} has no SQL`, `la migration ${migration.version} n'a pas de SQL`);
        }
        previous = migration.version;
    }
}
