import * as path from 'path';
import { ContributionProvider } from '@theia/core/lib/common/contribution-provider';
import { inject, injectable, named } from '@theia/core/shared/inversify';
import { EncryptedStore } from './storage/encrypted-store';
import { StorageCorruptError, StorageError } from './storage/storage-errors';
import { StoredFileReferences } from './stored-file-references';

/**
 * Restores a backup into a new folder, checking that every file the backed-up database refers to (the
 * CVs) is in the backup and intact: a restore that would silently lose CV files is refused. Shared by
 * the CLI and the workbench.
 */
@injectable()
export class BackupRestorer {
    @inject(ContributionProvider) @named(StoredFileReferences) protected readonly references: ContributionProvider<StoredFileReferences>;

    async restore(backupFile: string, targetDir: string, keyFile?: string): Promise<void> {
        try {
            await EncryptedStore.restore(path.resolve(backupFile), path.resolve(targetDir), {
                keyFile: keyFile ? path.resolve(keyFile) : undefined,
                passphrase: process.env.MATCHPRO_PASSPHRASE || undefined,
                expectedFiles: read => this.references.getContributions().flatMap(reference => reference.namesIn(read))
            });
        } catch (error) {
            // A damaged backup is a bad file given by the user (CLI exit 1), not a failure of MatchPro.
            throw error instanceof StorageCorruptError ? new StorageError('STORAGE_RESTORE', error.message, error.messageFr, error.file) : error;
        }
    }
}
