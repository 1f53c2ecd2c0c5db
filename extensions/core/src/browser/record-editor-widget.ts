import { ReactWidget } from '@theia/core/lib/browser';
import { injectable } from '@theia/core/shared/inversify';
import { errorMessage } from './form-fields';

/**
 * What every MatchPro record editor shares: one action at a time (buttons disabled meanwhile), and
 * the backend's message shown in the form when the action fails (validation, conflict, rejection).
 */
@injectable()
export abstract class RecordEditorWidget extends ReactWidget {
    protected busy = false;
    protected error: string | undefined;

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
