import { ApplicationShell, FrontendApplicationContribution } from '@theia/core/lib/browser';
import { inject, injectable } from '@theia/core/shared/inversify';

/** Below this width (a phone held upright) the side panel opens nearly full width. */
export const PHONE_MAX_WIDTH = 700;

export function isPhoneScreen(): boolean {
    return typeof window === 'object' && window.innerWidth < PHONE_MAX_WIDTH;
}

/**
 * Shell options for a phone: the MatchPro lists (left panel) open almost full width instead of Theia's
 * 19 %, which leaves a sliver on a 412 px screen.
 */
export const PHONE_SHELL_OPTIONS: ApplicationShell.Options = {
    leftPanel: { ...ApplicationShell.DEFAULT_OPTIONS.leftPanel, initialSizeRatio: 0.88 }
} as ApplicationShell.Options;

/**
 * On a phone, the lists (left panel) and an opened record cannot share the screen: when a widget of the
 * main area is activated (an editor, the dashboard, matching results — from any extension), the left
 * panel collapses; tapping its icon in the activity bar brings the lists back.
 */
@injectable()
export class PhoneLayoutContribution implements FrontendApplicationContribution {
    @inject(ApplicationShell) protected readonly shell: ApplicationShell;

    onStart(): void {
        if (!isPhoneScreen()) {
            return;
        }
        // the right side bar (Theia's Outline) has nothing for a recruiter and costs 48 px of a 412 px screen
        const right = this.shell.rightPanelHandler;
        for (const part of [right.container, right.tabBar.parent]) { part?.hide(); }
        // the main panel's own signal: it fires on activation even when a widget does not take the focus
        this.shell.mainPanel.widgetActivated.connect(() => {
            if (this.shell.isExpanded('left')) {
                this.shell.collapsePanel('left');
            }
        });
    }
}
