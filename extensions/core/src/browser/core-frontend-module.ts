import { ApplicationShellOptions } from '@theia/core/lib/browser/shell/application-shell';
import { bindViewContribution, FrontendApplicationContribution, WebSocketConnectionProvider, WidgetFactory } from '@theia/core/lib/browser';
import { bindContributionProvider } from '@theia/core/lib/common/contribution-provider';
import { CommandContribution } from '@theia/core/lib/common/command';
import { ContainerModule } from '@theia/core/shared/inversify';
import { DATA_CHANGE_PATH, DataChangeServer } from '../common/data-change-protocol';
import { WORKBENCH_SERVICE_PATH, WorkbenchService } from '../common/workbench-protocol';
import { DataChangeWatcher } from './data-change-watcher';
import { EditorOpener } from './editor-opener';
import { MatchProView, MatchProViewContainerFactory } from './matchpro-view-container';
import { MatchProViewContainerContribution } from './matchpro-view-container-contribution';
import { isPhoneScreen, PhoneLayoutContribution, PHONE_SHELL_OPTIONS } from './phone-layout';
import { WorkbenchCommandContribution } from './workbench-command-contribution';
import { SignedInUserContribution } from './signed-in-user-contribution';
import '../../src/browser/style/matchpro.css';

export default new ContainerModule((bind, _unbind, _isBound, rebind) => {
    if (isPhoneScreen()) {
        rebind(ApplicationShellOptions).toConstantValue(PHONE_SHELL_OPTIONS);
    }
    bind(PhoneLayoutContribution).toSelf().inSingletonScope();
    bind(FrontendApplicationContribution).toService(PhoneLayoutContribution);
    bindContributionProvider(bind, MatchProView);
    bind(MatchProViewContainerFactory).toSelf().inSingletonScope();
    bind(WidgetFactory).toService(MatchProViewContainerFactory);
    bindViewContribution(bind, MatchProViewContainerContribution);
    bind(FrontendApplicationContribution).toService(MatchProViewContainerContribution);

    bind(EditorOpener).toSelf().inSingletonScope();
    bind(DataChangeWatcher).toSelf().inSingletonScope();
    bind(DataChangeServer).toDynamicValue(ctx => {
        const watcher = ctx.container.get(DataChangeWatcher);
        return ctx.container.get(WebSocketConnectionProvider).createProxy<DataChangeServer>(DATA_CHANGE_PATH, watcher);
    }).inSingletonScope();
    // The proxy only connects once something asks for it: do so at start so change notices flow.
    bind(FrontendApplicationContribution).toDynamicValue(ctx => ({
        onStart: () => { ctx.container.get(DataChangeServer); }
    })).inSingletonScope();

    bind(WorkbenchService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<WorkbenchService>(WORKBENCH_SERVICE_PATH)).inSingletonScope();
    bind(WorkbenchCommandContribution).toSelf().inSingletonScope();
    bind(CommandContribution).toService(WorkbenchCommandContribution);
    bind(FrontendApplicationContribution).toService(WorkbenchCommandContribution);
    bind(SignedInUserContribution).toSelf().inSingletonScope();
    bind(CommandContribution).toService(SignedInUserContribution);
    bind(FrontendApplicationContribution).toService(SignedInUserContribution);
});
