import { EditorOpener } from '@matchpro/core/lib/browser/editor-opener';
import { matchProViewOptions } from '@matchpro/core/lib/browser/matchpro-view-container';
import { AbstractViewContribution, ApplicationShell, ConfirmDialog, QuickInputService } from '@theia/core/lib/browser';
import { CommandRegistry } from '@theia/core/lib/common/command';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CandidateService } from '../common/candidate-protocol';
import { CandidateCommands } from './candidate-commands';
import { CANDIDATE_EDITOR_FACTORY_ID, CandidateEditorWidget } from './candidate-editor-widget';
import { CANDIDATE_LIST_VIEW_ID, CandidateListWidget } from './candidate-list-widget';
import { CvImportRunner } from './cv-import-runner';
import { errorMessage } from '@matchpro/core/lib/browser/form-fields';

@injectable()
export class CandidatesContribution extends AbstractViewContribution<CandidateListWidget> {
    @inject(EditorOpener) protected readonly editors: EditorOpener;
    @inject(CandidateService) protected readonly candidates: CandidateService;
    @inject(QuickInputService) protected readonly quickInput: QuickInputService;
    @inject(CvImportRunner) protected readonly importer: CvImportRunner;
    @inject(MessageService) protected readonly messages: MessageService;
    @inject(ApplicationShell) protected readonly appShell: ApplicationShell;

    constructor() {
        super(matchProViewOptions(CANDIDATE_LIST_VIEW_ID, nls.localize('matchpro/candidates/view', 'Candidates')));
    }

    override registerCommands(registry: CommandRegistry): void {
        super.registerCommands(registry);
        registry.registerCommand(CandidateCommands.NEW, { execute: () => this.editors.open(CANDIDATE_EDITOR_FACTORY_ID, undefined) });
        registry.registerCommand(CandidateCommands.OPEN, {
            execute: async (id?: string) => {
                const candidateId = typeof id === 'string' ? id : await this.pickCandidate(nls.localize('matchpro/candidates/pick', 'Choose a candidate'));
                if (candidateId) {
                    await this.editors.open(CANDIDATE_EDITOR_FACTORY_ID, candidateId);
                }
            }
        });
        registry.registerCommand(CandidateCommands.IMPORT_FILES, { execute: async () => this.importer.importFiles(await this.importer.pickFiles(false)) });
        registry.registerCommand(CandidateCommands.IMPORT_FOLDER, { execute: async () => this.importer.importFiles(await this.importer.pickFiles(true)) });
        registry.registerCommand(CandidateCommands.REPARSE, {
            isEnabled: () => !!this.currentEditor()?.candidateId,
            execute: () => this.currentEditor()?.reparse()
        });
        registry.registerCommand(CandidateCommands.MERGE, {
            execute: async () => {
                const keep = await this.pickCandidate(nls.localize('matchpro/candidates/pickKeep', 'Candidate to keep'));
                const duplicate = keep && await this.pickCandidate(nls.localize('matchpro/candidates/pickDuplicate', 'Duplicate to merge into it (it will be removed)'));
                if (keep && duplicate) {
                    try {
                        await this.candidates.merge(keep, duplicate);
                        await this.editors.open(CANDIDATE_EDITOR_FACTORY_ID, keep);
                    } catch (error) {
                        this.messages.error(errorMessage(error));
                    }
                }
            }
        });
        registry.registerCommand(CandidateCommands.DELETE, {
            execute: async () => {
                const id = this.currentEditor()?.candidateId ?? await this.pickCandidate(nls.localize('matchpro/candidates/pickDelete', 'Candidate to erase'));
                if (!id) {
                    return;
                }
                const candidate = await this.candidates.get(id);
                const confirmed = await new ConfirmDialog({
                    title: CandidateCommands.DELETE.label!,
                    msg: nls.localize('matchpro/candidates/confirmDelete', 'Erase {0} and their CV, history and matchings? This cannot be undone.',
                        [candidate.firstName, candidate.lastName].filter(Boolean).join(' ') || candidate.email || id)
                }).open();
                if (confirmed) {
                    await this.candidates.delete(id, candidate.version);
                    this.currentEditor()?.close();
                }
            }
        });
    }

    protected currentEditor(): CandidateEditorWidget | undefined {
        const widget = this.appShell.currentWidget;
        return widget instanceof CandidateEditorWidget ? widget : undefined;
    }

    protected async pickCandidate(placeholder: string): Promise<string | undefined> {
        const page = await this.candidates.list({ limit: 1000 });
        const items = page.rows.map(c => ({
            label: [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || c.id,
            description: [c.title, c.city, c.email].filter(Boolean).join(' · '), id: c.id
        }));
        return (await this.quickInput.showQuickPick(items, { placeholder }))?.id;
    }
}
