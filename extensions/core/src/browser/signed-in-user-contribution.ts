import { inject, injectable } from '@theia/core/shared/inversify';
import { FrontendApplicationContribution } from '@theia/core/lib/browser/frontend-application-contribution';
import { StatusBar, StatusBarAlignment } from '@theia/core/lib/browser/status-bar/status-bar-types';
import { WindowService } from '@theia/core/lib/browser/window/window-service';
import { StopReason } from '@theia/core/lib/common/frontend-application-state';
import { ConnectionStatus, ConnectionStatusService } from '@theia/core/lib/browser/connection-status-service';
import { CommandContribution, CommandRegistry } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { LOGIN_PATH, LOGOUT_PATH } from '../common/server-access';
import { roleLabel } from './role-label';
import { matchProCommand } from './matchpro-command-category';
import { pageSecretHeaders, signedInUser } from './page-secret-connection-source';

export namespace SessionCommands {
    export const LOG_OUT = matchProCommand('matchpro.session.logout', 'matchpro/command/logOut', 'Log Out');
}

/**
 * The hosted mode's signed-in user: shown in the status bar (a click logs out), a palette command to
 * log out, and back to the login page when the session has ended (the backend closed the socket).
 */
@injectable()
export class SignedInUserContribution implements FrontendApplicationContribution, CommandContribution {
    @inject(StatusBar) protected readonly statusBar: StatusBar;
    @inject(ConnectionStatusService) protected readonly connectionStatus: ConnectionStatusService;
    @inject(WindowService) protected readonly windowService: WindowService;

    protected readonly user = signedInUser();
    /** Set once logging out: the socket closing then is expected, not an expired session. */
    protected leaving = false;

    registerCommands(registry: CommandRegistry): void {
        registry.registerCommand(SessionCommands.LOG_OUT, {
            isEnabled: () => this.user !== undefined,
            isVisible: () => this.user !== undefined,
            execute: () => this.logOut()
        });
    }

    onStart(): void {
        if (!this.user) {
            return;
        }
        this.statusBar.setElement('matchpro-signed-in-user', {
            text: `$(account) ${this.user.name} (${roleLabel(this.user.role)})`,
            tooltip: nls.localize('matchpro/session/logOutTooltip', 'Signed in as {0}: click to log out', this.user.name),
            alignment: StatusBarAlignment.RIGHT,
            priority: 100,
            command: SessionCommands.LOG_OUT.id,
            className: 'matchpro-signed-in-user'
        });
        this.connectionStatus.onStatusChange(status => {
            if (status === ConnectionStatus.OFFLINE) {
                this.checkSession();
            }
        });
    }

    async logOut(): Promise<void> {
        if (!await this.windowService.isSafeToShutDown(StopReason.Close)) {
            return; // the user kept the page (unsaved changes)
        }
        this.leaving = true;
        await fetch(LOGOUT_PATH, { method: 'POST', headers: pageSecretHeaders(), credentials: 'same-origin' }).catch(() => undefined);
        this.leaveFor(`${LOGIN_PATH}?out=1`);
    }

    /** A page whose session ended (expiry, logout elsewhere) is sent to the login page rather than left offline. */
    protected async checkSession(): Promise<void> {
        if (this.leaving) {
            return;
        }
        const answer = await fetch('/', { method: 'GET', redirect: 'manual', credentials: 'same-origin' }).catch(() => undefined);
        if (!this.leaving && answer && (answer.type === 'opaqueredirect' || answer.status === 401)) {
            this.leaveFor(`${LOGIN_PATH}?expired=1`);
        }
    }

    /** Leaves the workbench without the browser's "leave this page?" prompt (already asked, or nothing to keep). */
    protected leaveFor(url: string): void {
        this.windowService.setSafeToShutDown();
        window.location.assign(url);
    }
}
