import { matchProCommand } from '@matchpro/core/lib/browser/matchpro-command-category';
import { AbstractViewContribution, FrontendApplication, FrontendApplicationContribution } from '@theia/core/lib/browser';
import { CommandRegistry } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { injectable } from '@theia/core/shared/inversify';
import { DASHBOARD_WIDGET_ID, DashboardWidget } from './dashboard-widget';

export namespace AnalyticsCommands {
    export const OPEN_DASHBOARD = matchProCommand('matchpro.dashboard.open', 'matchpro/dashboard/open', 'Open Dashboard');
}

/** The dashboard is an editor in the main area, opened on a fresh layout. */
@injectable()
export class AnalyticsContribution extends AbstractViewContribution<DashboardWidget> implements FrontendApplicationContribution {
    constructor() {
        super({
            widgetId: DASHBOARD_WIDGET_ID,
            widgetName: nls.localize('matchpro/dashboard/title', 'Dashboard'),
            defaultWidgetOptions: { area: 'main' }
        });
    }

    override registerCommands(registry: CommandRegistry): void {
        super.registerCommands(registry);
        registry.registerCommand(AnalyticsCommands.OPEN_DASHBOARD, { execute: () => this.openView({ activate: true, reveal: true }) });
    }

    async initializeLayout(_app: FrontendApplication): Promise<void> {
        await this.openView({ activate: false, reveal: true });
    }
}
