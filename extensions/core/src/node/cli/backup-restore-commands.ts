import * as fs from 'fs';
import * as path from 'path';
import { inject, injectable } from '@theia/core/shared/inversify';
import { MatchProDatabase } from '../matchpro-database';
import { BackupRestorer } from '../backup-restorer';
import { CliArgs, CliCommand, CliUserError } from './cli-command';

/** `matchpro backup --out FILE`: a consistent encrypted backup of the data folder (CV files beside it). */
@injectable()
export class BackupCommand implements CliCommand {
    readonly words = ['backup'];
    readonly summary = 'writes a consistent encrypted backup of the database (and its CV files)';
    readonly usage = 'backup --out FILE [--json]';

    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;

    async run(args: CliArgs): Promise<{ file: string; bytes: number }> {
        const out = args.options.out;
        if (typeof out !== 'string') {
            throw new CliUserError('backup: --out FILE is required');
        }
        const file = path.resolve(out);
        await (await this.db.store()).backup(file);
        return { file, bytes: fs.statSync(file).size };
    }
}

/**
 * `matchpro restore --from FILE --data-dir NEW [--key-file KEY]`: restores a backup into a new, empty
 * data folder (never over existing data). A key-file backup needs the original folder's store.key;
 * a passphrase backup needs MATCHPRO_PASSPHRASE.
 */
@injectable()
export class RestoreCommand implements CliCommand {
    readonly words = ['restore'];
    readonly summary = 'restores a backup into a new, empty data folder';
    readonly usage = 'restore --from FILE --data-dir NEW_FOLDER [--key-file store.key] [--json]';

    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(BackupRestorer) protected readonly restorer: BackupRestorer;

    async run(args: CliArgs): Promise<{ dataDir: string; schemaVersion: number }> {
        const from = args.options.from;
        if (typeof from !== 'string') {
            throw new CliUserError('restore: --from BACKUP_FILE is required');
        }
        if (!fs.existsSync(from)) {
            throw new CliUserError(`restore: ${from}: no such file`);
        }
        const keyFile = typeof args.options['key-file'] === 'string' ? args.options['key-file'] as string : undefined;
        await this.restorer.restore(from, this.db.dataDir, keyFile);
        return { dataDir: this.db.dataDir, schemaVersion: (await this.db.store()).schemaVersion };
    }
}
