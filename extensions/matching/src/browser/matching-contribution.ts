import { AbstractViewContribution, QuickInputService } from '@theia/core/lib/browser';
import { CommandRegistry } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable } from '@theia/core/shared/inversify';
import { MatchingService } from '../common/matching-protocol';
import { MatchingCommands } from './matching-commands';
import { MATCHING_VIEW_ID, MatchingWidget } from './matching-widget';

@injectable()
export class MatchingContribution extends AbstractViewContribution<MatchingWidget> {
    @inject(MatchingService) protected readonly matching: MatchingService;
    @inject(QuickInputService) protected readonly quickInput: QuickInputService;

    // A ranking needs room (score bars, explanation): it opens in the main area, beside the records.
    constructor() {
        super({
            widgetId: MATCHING_VIEW_ID, widgetName: nls.localize('matchpro/matching/view', 'Matching'),
            defaultWidgetOptions: { area: 'main' }, toggleCommandId: `${MATCHING_VIEW_ID}.toggle`
        });
    }

    override registerCommands(registry: CommandRegistry): void {
        super.registerCommands(registry);
        registry.registerCommand(MatchingCommands.FOR_OFFER, { execute: (id?: string) => this.matchFor('offer', id) });
        registry.registerCommand(MatchingCommands.FOR_CANDIDATE, { execute: (id?: string) => this.matchFor('candidate', id) });
    }

    protected async matchFor(kind: 'offer' | 'candidate', id?: string): Promise<void> {
        const subjectId = typeof id === 'string' ? id : await this.pick(kind);
        if (!subjectId) { return; }
        const widget = await this.openView({ activate: true, reveal: true });
        await widget.showRanking(kind, subjectId);
    }

    protected async pick(kind: 'offer' | 'candidate'): Promise<string | undefined> {
        const items = (await this.matching.listSubjects(kind)).map(s => ({ label: s.label, id: s.id }));
        const picked = await this.quickInput.showQuickPick(items, {
            placeholder: kind === 'offer' ? nls.localize('matchpro/matching/pickOffer', 'Choose an offer…') : nls.localize('matchpro/matching/pickCandidate', 'Choose a candidate…')
        });
        return picked?.id;
    }
}
