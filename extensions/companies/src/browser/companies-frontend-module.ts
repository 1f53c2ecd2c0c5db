import { MatchProView } from '@matchpro/core/lib/browser/matchpro-view-container';
import { bindViewContribution, WebSocketConnectionProvider, WidgetFactory } from '@theia/core/lib/browser';
import { ContainerModule } from '@theia/core/shared/inversify';
import { COMPANY_SERVICE_PATH, CompanyService } from '../common/company-protocol';
import { CompaniesContribution } from './companies-contribution';
import { COMPANY_EDITOR_FACTORY_ID, CompanyEditorOptions, CompanyEditorWidget } from './company-editor-widget';
import { COMPANY_LIST_VIEW_ID, CompanyListWidget } from './company-list-widget';

export default new ContainerModule(bind => {
    bind(CompanyService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<CompanyService>(COMPANY_SERVICE_PATH)).inSingletonScope();
    bind(CompanyListWidget).toSelf();
    bind(WidgetFactory).toDynamicValue(ctx => ({
        id: COMPANY_LIST_VIEW_ID,
        createWidget: () => ctx.container.get(CompanyListWidget)
    })).inSingletonScope();
    bind(WidgetFactory).toDynamicValue(ctx => ({
        id: COMPANY_EDITOR_FACTORY_ID,
        createWidget: (options: object) => {
            const child = ctx.container.createChild();
            child.bind(CompanyEditorOptions).toConstantValue(options);
            child.bind(CompanyEditorWidget).toSelf();
            return child.get(CompanyEditorWidget);
        }
    })).inSingletonScope();
    bind(MatchProView).toConstantValue({ viewId: COMPANY_LIST_VIEW_ID, rank: 20 });
    bindViewContribution(bind, CompaniesContribution);
});
