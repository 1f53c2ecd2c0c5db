import { Message, ReactWidget } from '@theia/core/lib/browser';
import { injectable } from '@theia/core/shared/inversify';
import { errorMessage } from './form-fields';
import { isPhoneScreen } from './phone-layout';

/**
 * What every MatchPro record editor shares: one action at a time (buttons disabled meanwhile), and
 * the backend's message shown in the form when the action fails (validation, conflict, rejection).
 */
@injectable()
export abstract class RecordEditorWidget extends ReactWidget {
    protected busy = false;
    protected error: string | undefined;

    constructor() {
        super();
        this.node.tabIndex = -1;
    }

    /**
     * An activated editor takes the focus (keyboard users land in it, and the shell tracks it as active):
     * the first field on a computer; the form itself on a phone, where a focused field would pop up the keyboard.
     */
    protected override onActivateRequest(msg: Message): void {
        super.onActivateRequest(msg);
        if (this.node.contains(document.activeElement)) {
            return;
        }
        const field = isPhoneScreen() ? undefined : this.node.querySelector<HTMLElement>('input:not([type=hidden]):not([disabled]), select, textarea');
        (field ?? this.node).focus();
    }

    protected run = async (action: () => Promise<void>): Promise<void> => {
        this.busy = true;
        this.error = undefined;
        this.update();
        try {
            await action();
        } catch (error) {
            this.error = errorMessage(error);
        } finally {
            this.busy = false;
            this.update();
        }
    };
}
