import { codicon, ViewContainer, ViewContributionOptions, WidgetFactory, WidgetManager } from '@theia/core/lib/browser';
import { ContributionProvider } from '@theia/core/lib/common/contribution-provider';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, named } from '@theia/core/shared/inversify';

export const MATCHPRO_VIEW_CONTAINER_ID = 'matchpro-view-container';

/**
 * Contribution point: a view that lives in the MatchPro activity-bar container. Extensions (ours and
 * third parties') bind one per view; the container shows them by rank.
 */
export const MatchProView = Symbol('MatchProView');
export interface MatchProView {
    readonly viewId: string;
    readonly rank: number;
    readonly initiallyCollapsed?: boolean;
}

@injectable()
export class MatchProViewContainerFactory implements WidgetFactory {
    readonly id = MATCHPRO_VIEW_CONTAINER_ID;

    @inject(ViewContainer.Factory) protected readonly viewContainerFactory: ViewContainer.Factory;
    @inject(WidgetManager) protected readonly widgetManager: WidgetManager;
    @inject(ContributionProvider) @named(MatchProView) protected readonly views: ContributionProvider<MatchProView>;

    async createWidget(): Promise<ViewContainer> {
        const container = this.viewContainerFactory({ id: MATCHPRO_VIEW_CONTAINER_ID, progressLocationId: 'matchpro' });
        container.setTitleOptions({
            label: nls.localize('matchpro/viewContainer', 'MatchPro'),
            iconClass: codicon('briefcase'),
            closeable: true
        });
        const views = [...this.views.getContributions()].sort((a, b) => a.rank - b.rank);
        for (const view of views) {
            const widget = await this.widgetManager.getOrCreateWidget(view.viewId);
            container.addWidget(widget, { canHide: true, initiallyCollapsed: !!view.initiallyCollapsed });
        }
        return container;
    }
}

/** The options of a view that lives in the MatchPro container (for AbstractViewContribution). */
export function matchProViewOptions(widgetId: string, widgetName: string): ViewContributionOptions {
    return { widgetId, widgetName, viewContainerId: MATCHPRO_VIEW_CONTAINER_ID, defaultWidgetOptions: { area: 'left' }, toggleCommandId: `${widgetId}.toggle` };
}
