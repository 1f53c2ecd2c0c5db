import { frenchLocalization } from '@matchpro/core/lib/node/french-localization';
import { ConnectionHandler, RpcConnectionHandler } from '@theia/core/lib/common/messaging';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { ContainerModule } from '@theia/core/shared/inversify';
import { DASHBOARD_SERVICE_PATH, DashboardService } from '../common/dashboard-protocol';
import { DashboardServiceImpl } from './dashboard-service-impl';

export default new ContainerModule(bind => {
    bind(DashboardServiceImpl).toSelf().inSingletonScope();
    bind(DashboardService).toService(DashboardServiceImpl);
    bind(ConnectionHandler).toDynamicValue(ctx =>
        new RpcConnectionHandler(DASHBOARD_SERVICE_PATH, () => ctx.container.get(DashboardService))).inSingletonScope();
    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
