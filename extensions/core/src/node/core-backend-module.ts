import { BackendApplicationContribution } from '@theia/core/lib/node/backend-application';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { bindContributionProvider } from '@theia/core/lib/common/contribution-provider';
import { ConnectionHandler, RpcConnectionHandler } from '@theia/core/lib/common/messaging';
import { ContainerModule } from '@theia/core/shared/inversify';
import { DATA_CHANGE_PATH, DataChangeClient } from '../common/data-change-protocol';
import { WORKBENCH_SERVICE_PATH, WorkbenchService } from '../common/workbench-protocol';
import { AuditLog } from './audit-log';
import { BackupCommand, RestoreCommand } from './cli/backup-restore-commands';
import { CliCommand } from './cli/cli-command';
import { ExportCommand } from './cli/export-command';
import { DataChangeBroadcaster } from './data-change-broadcaster';
import { DemoDataContribution } from './demo-data-contribution';
import { frenchLocalization } from './french-localization';
import { configFromEnvironment, MatchProConfig } from './matchpro-config';
import { MatchProDatabase } from './matchpro-database';
import { WorkbenchServiceImpl } from './workbench-service-impl';
import { BackupRestorer } from './backup-restorer';
import { StoredFileReferences } from './stored-file-references';
import { AccessGuard, bindGuardedRpcService } from './security/access-guard';
import { CallerContext } from './security/caller-context';
import { UserAccounts } from './security/user-accounts';
import { UsersAddCommand, UsersListCommand, UsersPasswdCommand, UsersRemoveCommand } from './cli/users-cli-commands';
import { WorkbenchServiceAccess } from '../common/workbench-protocol';

export default new ContainerModule((bind, _unbind, isBound) => {
    if (!isBound(MatchProConfig)) {
        bind(MatchProConfig).toConstantValue(configFromEnvironment());
    }
    bind(MatchProDatabase).toSelf().inSingletonScope();
    bind(AuditLog).toSelf().inSingletonScope();
    bind(CallerContext).toSelf().inSingletonScope();
    bind(AccessGuard).toSelf().inSingletonScope();
    bind(UserAccounts).toSelf().inSingletonScope();
    bind(DataChangeBroadcaster).toSelf().inSingletonScope();
    bindContributionProvider(bind, DemoDataContribution);
    bindContributionProvider(bind, StoredFileReferences);
    bind(BackupRestorer).toSelf().inSingletonScope();

    bind(WorkbenchServiceImpl).toSelf().inSingletonScope();
    bind(WorkbenchService).toService(WorkbenchServiceImpl);
    bindGuardedRpcService(bind, WORKBENCH_SERVICE_PATH, WorkbenchService, WorkbenchServiceAccess);
    bind(ConnectionHandler).toDynamicValue(ctx =>
        new RpcConnectionHandler<DataChangeClient>(DATA_CHANGE_PATH, client => ctx.container.get(DataChangeBroadcaster).connect(client))).inSingletonScope();

    // Opening the database at start surfaces a wrong key or a locked folder at once, and onStop
    // folds the journal into a snapshot so the next start replays little.
    bind(BackendApplicationContribution).toDynamicValue(ctx => ({
        initialize: () => { ctx.container.get(MatchProDatabase).store().catch(error => console.error(`MatchPro: cannot open the database: ${error.message}`)); },
        onStop: () => { ctx.container.get(MatchProDatabase).close().catch(() => undefined); }
    })).inSingletonScope();

    for (const command of [BackupCommand, RestoreCommand, ExportCommand, UsersAddCommand, UsersListCommand, UsersRemoveCommand, UsersPasswdCommand]) {
        bind(command).toSelf().inSingletonScope();
        bind(CliCommand).toService(command);
    }

    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
