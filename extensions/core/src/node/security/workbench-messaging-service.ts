import { injectable } from '@theia/core/shared/inversify';
import { DefaultMessagingService } from '@theia/core/lib/node/messaging/default-messaging-service';
import { Channel, ChannelMultiplexer } from '@theia/core/lib/common/message-rpc/channel';

/**
 * Theia's backend services that the workbench page uses. Others bound by Theia's packages stay
 * unreachable from a page: the OS key store (`/services/keyStore`) and the backend's HTTP client
 * (`/services/request-service`, which would fetch any URL for the page) among them.
 */
export const THEIA_SERVICES_FOR_THE_PAGE: ReadonlySet<string> = new Set([
    '/localization-server', '/os', '/services/keyboard', '/services/ChannelCloseService', '/services/application', '/services/cli-preferences', '/services/commands', '/services/envs',
    '/services/i18n', '/services/logger', '/services/messageService', '/services/quickInput', '/services/quickPick',
    '/services/remote-filesystem', '/services/stopwatch', '/services/workspace'
]);

/** MatchPro's own services and those of third-party extensions live below this path. */
export const MATCHPRO_SERVICES_PREFIX = '/services/matchpro/';

export function pageMayOpen(servicePath: string): boolean {
    return THEIA_SERVICES_FOR_THE_PAGE.has(servicePath) || (servicePath.startsWith(MATCHPRO_SERVICES_PREFIX) && !servicePath.includes('..'));
}

/** Theia's messaging service, opening only the service channels a page may use. */
@injectable()
export class WorkbenchMessagingService extends DefaultMessagingService {
    override handleConnection(channel: Channel): void {
        const multiplexer = new ChannelMultiplexer(channel);
        const channelHandlers = this.getConnectionChannelHandlers(channel);
        multiplexer.onDidOpenChannel(event => {
            if (!pageMayOpen(event.id)) {
                console.warn(`MatchPro: refused a page's channel to ${event.id.slice(0, 100)}`);
                event.channel.close();
                return;
            }
            channelHandlers.route(event.id, event.channel);
        });
    }
}
