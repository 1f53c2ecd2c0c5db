import { MatchProView } from '@matchpro/core/lib/browser/matchpro-view-container';
import { bindViewContribution, WebSocketConnectionProvider, WidgetFactory } from '@theia/core/lib/browser';
import { ContainerModule } from '@theia/core/shared/inversify';
import { OFFER_SERVICE_PATH, OfferService } from '../common/offer-protocol';
import { PLACEMENT_SERVICE_PATH, PlacementService } from '../common/placement-protocol';
import { OFFER_EDITOR_FACTORY_ID, OfferEditorOptions, OfferEditorWidget } from './offer-editor-widget';
import { OFFER_LIST_VIEW_ID, OfferListWidget } from './offer-list-widget';
import { OffersContribution } from './offers-contribution';
import { PlacementRecorder } from './placement-recorder';

export default new ContainerModule(bind => {
    bind(OfferService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<OfferService>(OFFER_SERVICE_PATH)).inSingletonScope();
    bind(PlacementService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<PlacementService>(PLACEMENT_SERVICE_PATH)).inSingletonScope();
    bind(PlacementRecorder).toSelf().inSingletonScope();
    bind(OfferListWidget).toSelf();
    bind(WidgetFactory).toDynamicValue(ctx => ({ id: OFFER_LIST_VIEW_ID, createWidget: () => ctx.container.get(OfferListWidget) })).inSingletonScope();
    bind(WidgetFactory).toDynamicValue(ctx => ({
        id: OFFER_EDITOR_FACTORY_ID,
        createWidget: (options: object) => {
            const child = ctx.container.createChild();
            child.bind(OfferEditorOptions).toConstantValue(options);
            child.bind(OfferEditorWidget).toSelf();
            return child.get(OfferEditorWidget);
        }
    })).inSingletonScope();
    bind(MatchProView).toConstantValue({ viewId: OFFER_LIST_VIEW_ID, rank: 30 });
    bindViewContribution(bind, OffersContribution);
});
