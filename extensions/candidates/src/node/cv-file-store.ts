import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';
import { StoredFileReferences } from '@matchpro/core/lib/node/stored-file-references';

/** Original CV files, encrypted at rest with the database key, beside the database. */
@injectable()
export class CvFileStore implements StoredFileReferences {
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

    /** Every CV file row, attached or kept aside as a duplicate, has its stored file. */
    namesIn(read: (sql: string) => Record<string, unknown>[]): string[] {
        return read('SELECT id FROM cv_files').map(row => `cv/${row.id}`);
    }
}
