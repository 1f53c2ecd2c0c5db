import { AbstractViewContribution, FrontendApplication, FrontendApplicationContribution, ViewContainer } from '@theia/core/lib/browser';
import { nls } from '@theia/core/lib/common/nls';
import { injectable } from '@theia/core/shared/inversify';
import { MATCHPRO_VIEW_CONTAINER_ID } from './matchpro-view-container';

/** Puts the MatchPro container in the activity bar and opens it on a fresh layout. */
@injectable()
export class MatchProViewContainerContribution extends AbstractViewContribution<ViewContainer> implements FrontendApplicationContribution {
    constructor() {
        super({
            widgetId: MATCHPRO_VIEW_CONTAINER_ID,
            widgetName: nls.localize('matchpro/viewContainer', 'MatchPro'),
            defaultWidgetOptions: { area: 'left', rank: 50 },
            toggleCommandId: 'matchpro.view.toggle'
        });
    }

    async initializeLayout(_app: FrontendApplication): Promise<void> {
        await this.openView({ activate: true, reveal: true });
    }
}
