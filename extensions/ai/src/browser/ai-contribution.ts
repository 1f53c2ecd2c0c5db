import { ApplicationShell, QuickInputService, WidgetManager } from '@theia/core/lib/browser';
import { CommandContribution, CommandRegistry } from '@theia/core/lib/common/command';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable } from '@theia/core/shared/inversify';
import { AiService } from '../common/ai-protocol';
import { AI_PROVIDER_INFO, AI_PROVIDERS, AiProviderId } from '../common/ai-provider';
import { AiCommands } from './ai-commands';
import { AI_PROVIDERS_WIDGET_ID } from './ai-providers-widget';

/** Palette commands: open the AI Providers settings, and add, test or remove a key without it. */
@injectable()
export class AiContribution implements CommandContribution {
    @inject(WidgetManager) protected readonly widgets: WidgetManager;
    @inject(ApplicationShell) protected readonly shell: ApplicationShell;
    @inject(QuickInputService) protected readonly quickInput: QuickInputService;
    @inject(MessageService) protected readonly messages: MessageService;
    @inject(AiService) protected readonly ai: AiService;

    registerCommands(registry: CommandRegistry): void {
        registry.registerCommand(AiCommands.OPEN_SETTINGS, { execute: () => this.openSettings() });
        registry.registerCommand(AiCommands.ADD_KEY, { execute: () => this.addKey() });
        registry.registerCommand(AiCommands.TEST, { execute: () => this.test() });
        registry.registerCommand(AiCommands.REMOVE_KEY, { execute: () => this.removeKey() });
    }

    async openSettings(): Promise<void> {
        const widget = await this.widgets.getOrCreateWidget(AI_PROVIDERS_WIDGET_ID);
        if (!widget.isAttached) {
            await this.shell.addWidget(widget, { area: 'main' });
        }
        await this.shell.activateWidget(widget.id);
    }

    protected async pick(configuredOnly: boolean): Promise<AiProviderId | undefined> {
        const configured = await this.ai.listProviders();
        const items = (configuredOnly ? configured.map(p => p.provider) : [...AI_PROVIDERS]).map(id => {
            const stored = configured.find(p => p.provider === id);
            return { id, label: AI_PROVIDER_INFO[id].label, description: stored ? `…${stored.last4 ?? '----'}` : '' };
        });
        if (!items.length) {
            this.messages.info(nls.localize('matchpro/ai/none', 'No provider configured: MatchPro works locally.'));
            return undefined;
        }
        return (await this.quickInput.showQuickPick(items, { placeholder: nls.localize('matchpro/ai/pickProvider', 'Choose an AI provider') }))?.id;
    }

    protected async addKey(): Promise<void> {
        const provider = await this.pick(false);
        if (!provider) {
            return;
        }
        const info = AI_PROVIDER_INFO[provider];
        const key = await this.quickInput.input({
            password: true, ignoreFocusLost: true,
            prompt: nls.localize('matchpro/ai/enterKey', 'API key for {0} (stored encrypted, never shown again)', info.label)
        });
        if (key === undefined || (!key.trim() && info.keyRequired)) {
            return;
        }
        let baseUrl: string | undefined;
        if (!info.defaultBaseUrl) {
            baseUrl = await this.quickInput.input({ prompt: nls.localize('matchpro/ai/enterBaseUrl', 'Base URL of the server'), placeHolder: 'http://127.0.0.1:11434/v1' });
            if (!baseUrl) {
                return;
            }
        }
        try {
            const saved = await this.ai.saveProvider({ provider, ...(key.trim() ? { key: key.trim() } : {}), ...(baseUrl ? { baseUrl } : {}) });
            this.messages.info(nls.localize('matchpro/ai/saved', '{0} saved (key …{1}).', saved.label, saved.last4 ?? '----'));
        } catch (error) {
            this.messages.error((error as Error).message);
        }
    }

    protected async test(): Promise<void> {
        const provider = await this.pick(true);
        if (provider) {
            const result = await this.ai.testProvider(provider);
            if (result.ok) {
                this.messages.info(result.message);
            } else {
                this.messages.error(result.message);
            }
        }
    }

    protected async removeKey(): Promise<void> {
        const provider = await this.pick(true);
        if (!provider) {
            return;
        }
        const yes = nls.localize('matchpro/ai/remove/confirm', 'Remove');
        if (await this.messages.warn(nls.localize('matchpro/ai/remove/question', 'Remove {0} and its key?', AI_PROVIDER_INFO[provider].label), yes) === yes) {
            await this.ai.removeProvider(provider);
        }
    }
}
