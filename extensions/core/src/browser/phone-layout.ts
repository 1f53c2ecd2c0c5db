import { ApplicationShell } from '@theia/core/lib/browser';

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
