import { MatchProView } from '@matchpro/core/lib/browser/matchpro-view-container';
import { bindViewContribution, WebSocketConnectionProvider, WidgetFactory } from '@theia/core/lib/browser';
import { ContainerModule } from '@theia/core/shared/inversify';
import { CANDIDATE_SERVICE_PATH, CandidateService } from '../common/candidate-protocol';
import { CANDIDATE_EDITOR_FACTORY_ID, CandidateEditorOptions, CandidateEditorWidget } from './candidate-editor-widget';
import { CANDIDATE_LIST_VIEW_ID, CandidateListWidget } from './candidate-list-widget';
import { CandidatesContribution } from './candidates-contribution';
import { CvImportRunner } from './cv-import-runner';

export default new ContainerModule(bind => {
    bind(CandidateService).toDynamicValue(ctx =>
        ctx.container.get(WebSocketConnectionProvider).createProxy<CandidateService>(CANDIDATE_SERVICE_PATH)).inSingletonScope();
    bind(CvImportRunner).toSelf().inSingletonScope();
    bind(CandidateListWidget).toSelf();
    bind(WidgetFactory).toDynamicValue(ctx => ({ id: CANDIDATE_LIST_VIEW_ID, createWidget: () => ctx.container.get(CandidateListWidget) })).inSingletonScope();
    bind(WidgetFactory).toDynamicValue(ctx => ({
        id: CANDIDATE_EDITOR_FACTORY_ID,
        createWidget: (options: object) => {
            const child = ctx.container.createChild();
            child.bind(CandidateEditorOptions).toConstantValue(options);
            child.bind(CandidateEditorWidget).toSelf();
            return child.get(CandidateEditorWidget);
        }
    })).inSingletonScope();
    bind(MatchProView).toConstantValue({ viewId: CANDIDATE_LIST_VIEW_ID, rank: 10 });
    bindViewContribution(bind, CandidatesContribution);
});
