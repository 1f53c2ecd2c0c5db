import { bindViewContribution, WebSocketConnectionProvider, WidgetFactory } from '@theia/core/lib/browser';
import { ContainerModule } from '@theia/core/shared/inversify';
import { MATCHING_SERVICE_PATH, MatchingService } from '../common/matching-protocol';
import { MatchingContribution } from './matching-contribution';
import { MATCHING_VIEW_ID, MatchingWidget } from './matching-widget';

export default new ContainerModule(bind => {
    bind(MatchingService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<MatchingService>(MATCHING_SERVICE_PATH)).inSingletonScope();
    bind(MatchingWidget).toSelf().inSingletonScope();
    bind(WidgetFactory).toDynamicValue(ctx => ({ id: MATCHING_VIEW_ID, createWidget: () => ctx.container.get(MatchingWidget) })).inSingletonScope();
    bindViewContribution(bind, MatchingContribution);
});
