import { ContainerModule } from '@theia/core/shared/inversify';
import { BackendApplicationContribution } from '@theia/core/lib/node/backend-application';
import { CliContribution } from '@theia/core/lib/node/cli';
import { EnvVariablesServer } from '@theia/core/lib/common/env-variables';
import { DefaultMessagingService } from '@theia/core/lib/node/messaging/default-messaging-service';
import { MessagingListenerContribution } from '@theia/core/lib/node/messaging/messaging-listeners';
import { WebsocketEndpoint } from '@theia/core/lib/node/messaging/websocket-endpoint';
import { WsRequestValidatorContribution } from '@theia/core/lib/node/ws-request-validators';
import { RemoteFileSystemServer } from '@theia/filesystem/lib/common/remote-file-system-provider';
import { ConfinedFileSystemServer } from './confined-file-system-server';
import { LoginThrottle } from './login-throttle';
import { ServerAccessOptions } from './server-access-options';
import { ServerRequestGuard } from './server-request-guard';
import { WorkbenchEnvVariablesServer } from './workbench-env-variables-server';
import { WorkbenchMessagingService } from './workbench-messaging-service';
import { WorkbenchSessions } from './workbench-sessions';
import { WorkbenchWebsocketEndpoint } from './workbench-websocket-endpoint';

/**
 * What serving the workbench page needs (the CLI has no server and skips it): the request guard in
 * front of every route and websocket, and Theia's page-facing services narrowed to what MatchPro uses.
 */
export default new ContainerModule((bind, _unbind, isBound, rebind) => {
    if (!isBound(DefaultMessagingService)) {
        return;
    }
    bind(ServerAccessOptions).toSelf().inSingletonScope();
    bind(CliContribution).toService(ServerAccessOptions);
    bind(WorkbenchSessions).toSelf().inSingletonScope();
    bind(LoginThrottle).toSelf().inSingletonScope();
    bind(ServerRequestGuard).toSelf().inSingletonScope();
    bind(BackendApplicationContribution).toService(ServerRequestGuard);
    bind(WsRequestValidatorContribution).toService(ServerRequestGuard);
    bind(MessagingListenerContribution).toService(ServerRequestGuard);

    rebind(DefaultMessagingService).to(WorkbenchMessagingService).inSingletonScope();
    rebind(WebsocketEndpoint).to(WorkbenchWebsocketEndpoint).inSingletonScope();
    rebind(EnvVariablesServer).to(WorkbenchEnvVariablesServer).inSingletonScope();
    if (isBound(RemoteFileSystemServer)) {
        rebind(RemoteFileSystemServer).to(ConfinedFileSystemServer);
    }
});
