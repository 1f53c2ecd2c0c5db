import { ApplicationShell, Widget, WidgetManager } from '@theia/core/lib/browser';
import { inject, injectable } from '@theia/core/shared/inversify';

/** Opens (or reveals) a MatchPro editor in the main area: one widget per record, a fresh one per "new". */
@injectable()
export class EditorOpener {
    @inject(WidgetManager) protected readonly widgets: WidgetManager;
    @inject(ApplicationShell) protected readonly shell: ApplicationShell;

    async open<W extends Widget>(factoryId: string, recordId: string | undefined, extra: object = {}): Promise<W> {
        const options = recordId ? { ...extra, recordId } : { ...extra, draft: Date.now() };
        const widget = await this.widgets.getOrCreateWidget<W>(factoryId, options);
        if (!widget.isAttached) {
            await this.shell.addWidget(widget, { area: 'main' });
        }
        await this.shell.activateWidget(widget.id);
        return widget;
    }
}

export interface EditorOptions {
    /** The record to edit; absent for a new one. */
    recordId?: string;
    draft?: number;
}
