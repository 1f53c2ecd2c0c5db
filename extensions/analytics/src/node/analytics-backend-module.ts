import { frenchLocalization } from '@matchpro/core/lib/node/french-localization';
import { bindGuardedRpcService } from '@matchpro/core/lib/node/security/access-guard';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { ContainerModule } from '@theia/core/shared/inversify';
import { DASHBOARD_SERVICE_PATH, DashboardService, DashboardServiceAccess } from '../common/dashboard-protocol';
import { DashboardServiceImpl } from './dashboard-service-impl';

export default new ContainerModule(bind => {
    bind(DashboardServiceImpl).toSelf().inSingletonScope();
    bind(DashboardService).toService(DashboardServiceImpl);
    bindGuardedRpcService(bind, DASHBOARD_SERVICE_PATH, DashboardService, DashboardServiceAccess);
    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
