import { bindViewContribution, FrontendApplicationContribution, WebSocketConnectionProvider, WidgetFactory } from '@theia/core/lib/browser';
import { ContainerModule } from '@theia/core/shared/inversify';
import { DASHBOARD_SERVICE_PATH, DashboardService } from '../common/dashboard-protocol';
import { AnalyticsContribution } from './analytics-contribution';
import { DASHBOARD_WIDGET_ID, DashboardWidget } from './dashboard-widget';

export default new ContainerModule(bind => {
    bind(DashboardService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<DashboardService>(DASHBOARD_SERVICE_PATH)).inSingletonScope();
    bind(DashboardWidget).toSelf();
    bind(WidgetFactory).toDynamicValue(ctx => ({ id: DASHBOARD_WIDGET_ID, createWidget: () => ctx.container.get(DashboardWidget) })).inSingletonScope();
    bindViewContribution(bind, AnalyticsContribution);
    bind(FrontendApplicationContribution).toService(AnalyticsContribution);
});
