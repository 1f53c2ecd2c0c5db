import { MessageService } from '@theia/core/lib/common/message-service';
import { CommandContribution, CommandRegistry } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable } from '@theia/core/shared/inversify';
import { FrontendApplicationContribution, QuickInputService } from '@theia/core/lib/browser';
import { WorkbenchService } from '../common/workbench-protocol';
import { matchProCommand } from './matchpro-command-category';
import { errorMessage } from './form-fields';

export namespace WorkbenchCommands {
    export const LOAD_DEMO_DATA = matchProCommand('matchpro.demo.load', 'matchpro/command/loadDemo', 'Load Demo Data');
    export const SHOW_DATA_FOLDER = matchProCommand('matchpro.data.info', 'matchpro/command/dataInfo', 'Show Data Folder');
    export const BACKUP = matchProCommand('matchpro.data.backup', 'matchpro/command/backup', 'Back Up Database…');
    export const RESTORE = matchProCommand('matchpro.data.restore', 'matchpro/command/restore', 'Restore a Backup into a New Data Folder…');
}

/** Palette commands that act on the whole workbench: demo data, data folder, backup; and, at start, what recovery repaired. */
@injectable()
export class WorkbenchCommandContribution implements CommandContribution, FrontendApplicationContribution {
    @inject(WorkbenchService) protected readonly workbench: WorkbenchService;
    @inject(MessageService) protected readonly messages: MessageService;
    @inject(QuickInputService) protected readonly quickInput: QuickInputService;

    /** The storage never drops anything silently: what it had to repair at open is shown once. */
    async onStart(): Promise<void> {
        const info = await this.workbench.info().catch(() => undefined);
        for (const warning of info?.recoveryWarnings ?? []) {
            this.messages.warn(nls.localize('matchpro/data/recovered', 'The data folder was repaired when it was opened: {0}', warning));
        }
    }

    registerCommands(registry: CommandRegistry): void {
        registry.registerCommand(WorkbenchCommands.LOAD_DEMO_DATA, {
            execute: async () => {
                try {
                    const result = await this.workbench.loadDemoData();
                    this.messages.info(nls.localize('matchpro/demo/loaded', 'Demo data loaded: {0} companies, {1} offers, {2} candidates.',
                        result.companies, result.offers, result.candidates));
                } catch (error) {
                    this.messages.error(errorMessage(error));
                }
            }
        });
        registry.registerCommand(WorkbenchCommands.SHOW_DATA_FOLDER, {
            execute: async () => {
                const info = await this.workbench.info();
                this.messages.info(nls.localize('matchpro/data/info', 'Data folder: {0} (schema v{1}, encrypted). {2} candidates, {3} companies, {4} offers.',
                    info.dataDir, info.schemaVersion, info.counts.candidates, info.counts.companies, info.counts.offers));
            }
        });
        registry.registerCommand(WorkbenchCommands.BACKUP, {
            execute: async () => {
                const file = await this.quickInput.input({
                    prompt: nls.localize('matchpro/backup/prompt', 'Backup file (.mpbak) on the MatchPro server machine; a name alone goes to your home folder'),
                    value: `matchpro-backup-${new Date().toISOString().slice(0, 10)}.mpbak`
                });
                if (!file) {
                    return;
                }
                try {
                    const result = await this.workbench.backup(file);
                    this.messages.info(nls.localize('matchpro/backup/done', 'Encrypted backup written to {0} ({1} bytes).', result.file, result.bytes));
                } catch (error) {
                    this.messages.error(errorMessage(error));
                }
            }
        });
        registry.registerCommand(WorkbenchCommands.RESTORE, {
            execute: async () => {
                const backupFile = await this.quickInput.input({ prompt: nls.localize('matchpro/restore/file', 'Backup file to restore (path on the MatchPro server machine)') });
                const targetDir = backupFile && await this.quickInput.input({ prompt: nls.localize('matchpro/restore/target', 'New, empty data folder to restore into') });
                const keyFile = targetDir && await this.quickInput.input({
                    prompt: nls.localize('matchpro/restore/key', 'store.key of the original data folder (leave empty for a passphrase-protected backup)')
                });
                if (!backupFile || !targetDir || keyFile === undefined) {
                    return;
                }
                try {
                    const result = await this.workbench.restore(backupFile, targetDir, keyFile || undefined);
                    this.messages.info(nls.localize('matchpro/restore/done', 'Backup restored into {0}. Start MatchPro with MATCHPRO_DATA_DIR={0} to work on it.', result.dataDir));
                } catch (error) {
                    this.messages.error(errorMessage(error));
                }
            }
        });
    }
}
