import { CommandContribution } from '@theia/core/lib/common/command';
import { WebSocketConnectionProvider, WidgetFactory } from '@theia/core/lib/browser';
import { ContainerModule } from '@theia/core/shared/inversify';
import { AI_SERVICE_PATH, AiService } from '../common/ai-protocol';
import { AiContribution } from './ai-contribution';
import { AI_PROVIDERS_WIDGET_ID, AiProvidersWidget } from './ai-providers-widget';

export default new ContainerModule(bind => {
    bind(AiService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<AiService>(AI_SERVICE_PATH)).inSingletonScope();
    bind(AiProvidersWidget).toSelf();
    bind(WidgetFactory).toDynamicValue(ctx => ({
        id: AI_PROVIDERS_WIDGET_ID,
        createWidget: () => ctx.container.get(AiProvidersWidget)
    })).inSingletonScope();
    bind(AiContribution).toSelf().inSingletonScope();
    bind(CommandContribution).toService(AiContribution);
});
