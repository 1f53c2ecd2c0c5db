import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';

/** Original CV files, encrypted at rest with the database key, beside the database. */
@injectable()
export class CvFileStore {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;

    async put(id: string, bytes: Uint8Array): Promise<void> {
        await (await this.db.store()).writeBlob(`cv/${id}`, bytes);
    }

    async get(id: string): Promise<Uint8Array> {
        return (await this.db.store()).readBlob(`cv/${id}`);
    }

    async delete(id: string): Promise<void> {
        await (await this.db.store()).deleteBlob(`cv/${id}`);
    }
}
