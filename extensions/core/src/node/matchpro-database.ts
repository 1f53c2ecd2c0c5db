import { inject, injectable } from '@theia/core/shared/inversify';
import { MatchProConfig } from './matchpro-config';
import { CallerContext } from './security/caller-context';
import { SCHEMA_MIGRATIONS } from './schema-migrations';
import { EncryptedStore } from './storage/encrypted-store';
import type { StoreTransaction } from './storage/store-types';

/**
 * The one open database of this process. Opened on first use (the workbench starts fast and the CLI
 * only pays for it when a command needs data); every service reads and writes through it.
 */
@injectable()
export class MatchProDatabase {
    @inject(MatchProConfig) protected readonly config: MatchProConfig;
    @inject(CallerContext) protected readonly callers: CallerContext;

    protected opening: Promise<EncryptedStore> | undefined;

    get dataDir(): string {
        return this.config.dataDir;
    }

    /** Who acts, for the audit log: the signed-in user of the call being served, else this process's user. */
    get actor(): string {
        return this.callers.current()?.name ?? this.config.actor;
    }

    store(): Promise<EncryptedStore> {
        if (!this.opening) {
            this.opening = EncryptedStore.open({
                dataDir: this.config.dataDir,
                passphrase: this.config.passphrase,
                migrations: SCHEMA_MIGRATIONS
            });
            this.opening.catch(() => { this.opening = undefined; });
        }
        return this.opening;
    }

    /** Reads on the committed state. */
    async read<T>(fn: (store: EncryptedStore) => T): Promise<T> {
        return fn(await this.store());
    }

    /** Runs `fn` as one durable transaction: all of it is on disk when this resolves, or none of it. */
    async write<T>(fn: (tx: StoreTransaction) => T): Promise<T> {
        return (await this.store()).transaction(fn);
    }

    async close(): Promise<void> {
        const opening = this.opening;
        this.opening = undefined;
        if (opening) {
            await (await opening).close();
        }
    }
}
