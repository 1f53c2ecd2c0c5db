import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import { errorMessage, NumberField, SelectField, TextField } from '@matchpro/core/lib/browser/form-fields';
import { codicon, ReactWidget } from '@theia/core/lib/browser';
import { CancellationTokenSource } from '@theia/core/lib/common/cancellation';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import * as React from '@theia/core/shared/react';
import { AiProviderSummary, AiService, AiSettings, AiTestResult, AiUsageReport } from '../common/ai-protocol';
import { AI_PROVIDER_INFO, AI_PROVIDERS, AI_TASKS, AiProviderId, ModelPrice } from '../common/ai-provider';
import { formatEur, taskLabel } from './ai-labels';

export const AI_PROVIDERS_WIDGET_ID = 'matchpro-ai-providers';

interface KeyDraft { provider: AiProviderId; key: string; baseUrl: string; model: string }

/**
 * Settings of the user's own AI keys: providers (last 4 characters only), a test button, the provider
 * and model per task, the monthly budget, the price table and this month's usage. A key typed here
 * goes to the backend once, from a password field, and is cleared from the form at once.
 */
@injectable()
export class AiProvidersWidget extends ReactWidget {
    @inject(AiService) protected readonly ai: AiService;
    @inject(MessageService) protected readonly messages: MessageService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;

    protected providers: AiProviderSummary[] = [];
    protected settings: AiSettings | undefined;
    protected usage: AiUsageReport | undefined;
    protected draft: KeyDraft = { provider: 'openai', key: '', baseUrl: '', model: '' };
    protected tests = new Map<AiProviderId, AiTestResult | 'running'>();
    protected testCancellation = new Map<AiProviderId, CancellationTokenSource>();
    protected keyError: string | undefined;
    protected settingsError: string | undefined;
    protected busy = false;

    @postConstruct()
    protected init(): void {
        this.id = AI_PROVIDERS_WIDGET_ID;
        this.title.label = nls.localize('matchpro/ai/view', 'AI Providers');
        this.title.caption = this.title.label;
        this.title.iconClass = codicon('sparkle');
        this.title.closable = true;
        this.addClass('matchpro-form');
        this.addClass('matchpro-ai-providers');
        this.toDispose.push(this.watcher.onDidChange(event => {
            if (event.kind === 'settings') {
                this.load();
            }
        }));
        this.load();
    }

    protected async load(): Promise<void> {
        try {
            [this.providers, this.settings, this.usage] = await Promise.all([this.ai.listProviders(), this.ai.getSettings(), this.ai.usage()]);
        } catch (error) {
            this.settingsError = errorMessage(error);
        }
        this.update();
    }

    protected saveKey = async (): Promise<void> => {
        const d = this.draft;
        const existing = this.providers.find(p => p.provider === d.provider);
        this.keyError = undefined;
        this.busy = true;
        this.update();
        try {
            const saved = await this.ai.saveProvider({
                provider: d.provider,
                ...(d.key.trim() ? { key: d.key.trim() } : {}),
                baseUrl: d.baseUrl.trim() || (existing ? null : undefined),
                model: d.model.trim() || null
            });
            this.messages.info(nls.localize('matchpro/ai/saved', '{0} saved (key …{1}).', saved.label, saved.last4 ?? '----'));
            this.draft = { provider: d.provider, key: '', baseUrl: '', model: '' };
            await this.load();
        } catch (error) {
            this.keyError = errorMessage(error);
        } finally {
            // The key never stays in the page, saved or not.
            this.draft = { ...this.draft, key: '' };
            this.busy = false;
            this.update();
        }
    };

    protected test = async (provider: AiProviderId): Promise<void> => {
        const source = new CancellationTokenSource();
        this.testCancellation.set(provider, source);
        this.tests.set(provider, 'running');
        this.update();
        try {
            this.tests.set(provider, await this.ai.testProvider(provider, source.token));
        } catch (error) {
            this.tests.set(provider, { ok: false, provider, model: null, message: errorMessage(error) });
        } finally {
            this.testCancellation.delete(provider);
            this.update();
            this.usage = await this.ai.usage().catch(() => this.usage);
            this.update();
        }
    };

    protected remove = async (provider: AiProviderId): Promise<void> => {
        const label = AI_PROVIDER_INFO[provider].label;
        const yes = nls.localize('matchpro/ai/remove/confirm', 'Remove');
        const answer = await this.messages.warn(nls.localize('matchpro/ai/remove/question', 'Remove {0} and its key?', label), yes);
        if (answer !== yes) {
            return;
        }
        try {
            await this.ai.removeProvider(provider);
            this.tests.delete(provider);
            await this.load();
        } catch (error) {
            this.messages.error(errorMessage(error));
        }
    };

    protected saveSettings = async (): Promise<void> => {
        if (!this.settings) {
            return;
        }
        this.settingsError = undefined;
        try {
            this.settings = await this.ai.updateSettings({ ...this.settings, prices: this.settings.prices.filter(p => p.model.trim()) });
            this.usage = await this.ai.usage();
            this.messages.info(nls.localize('matchpro/ai/settingsSaved', 'AI settings saved.'));
        } catch (error) {
            this.settingsError = errorMessage(error);
        }
        this.update();
    };

    protected setSettings(change: Partial<AiSettings>): void {
        if (this.settings) {
            this.settings = { ...this.settings, ...change };
            this.update();
        }
    }

    protected render(): React.ReactNode {
        return <div>
            <h2>{nls.localize('matchpro/ai/view', 'AI Providers')}</h2>
            <p>{nls.localize('matchpro/ai/intro', 'Use your own API keys: you pay your provider directly, MatchPro adds no cost. Without a provider, everything works locally. Every answer is checked against the CV before it is used.')}</p>
            {this.renderProviders()}
            {this.renderKeyForm()}
            {this.settings && this.renderSettings(this.settings)}
            {this.usage && this.renderUsage(this.usage)}
        </div>;
    }

    protected renderProviders(): React.ReactNode {
        return <fieldset>
            <legend>{nls.localize('matchpro/ai/providers', 'Providers')}</legend>
            {this.providers.length === 0
                ? <div className='matchpro-list-empty'>{nls.localize('matchpro/ai/none', 'No provider configured: MatchPro works locally.')}</div>
                : <table className='matchpro-table'>
                    <thead><tr>
                        <th>{nls.localize('matchpro/ai/provider', 'Provider')}</th><th>{nls.localize('matchpro/ai/key', 'Key')}</th>
                        <th>{nls.localize('matchpro/ai/model', 'Model')}</th><th>{nls.localize('matchpro/ai/baseUrl', 'Base URL')}</th><th></th>
                    </tr></thead>
                    <tbody>{this.providers.map(p => this.renderProviderRow(p))}</tbody>
                </table>}
        </fieldset>;
    }

    protected renderProviderRow(p: AiProviderSummary): React.ReactNode {
        const info = AI_PROVIDER_INFO[p.provider];
        const test = this.tests.get(p.provider);
        return <React.Fragment key={p.provider}>
            <tr>
                <td>{p.label}</td>
                <td>{p.last4 ? `…${p.last4}` : nls.localize('matchpro/ai/noKey', '(no key)')}</td>
                <td>{p.model ?? <span className='matchpro-badge muted'>{info.defaultModel ?? '—'}</span>}</td>
                <td>{p.baseUrl ?? <span className='matchpro-badge muted'>{info.defaultBaseUrl ?? '—'}</span>}</td>
                <td style={{ whiteSpace: 'nowrap' }}>
                    {test === 'running'
                        ? <button className='theia-button secondary' onClick={() => this.testCancellation.get(p.provider)?.cancel()}>{nls.localize('matchpro/ai/cancel', 'Cancel')}</button>
                        : <button className='theia-button secondary' onClick={() => this.test(p.provider)}>{nls.localize('matchpro/ai/test', 'Test')}</button>}
                    <button className='theia-button secondary' onClick={() => { this.draft = { provider: p.provider, key: '', baseUrl: p.baseUrl ?? '', model: p.model ?? '' }; this.update(); }}>
                        {nls.localize('matchpro/ai/edit', 'Edit')}</button>
                    <button className='theia-button secondary' onClick={() => this.remove(p.provider)}>{nls.localize('matchpro/ai/remove', 'Remove')}</button>
                </td>
            </tr>
            {test && <tr><td colSpan={5}>{test === 'running'
                ? <span className='matchpro-badge muted'>{nls.localize('matchpro/ai/testing', 'Testing…')}</span>
                : <span><span className={`matchpro-badge ${test.ok ? 'ok' : 'warn'}`}>{test.ok ? 'OK' : nls.localize('matchpro/ai/failed', 'Failed')}</span> {test.message}</span>}
            </td></tr>}
        </React.Fragment>;
    }

    protected renderKeyForm(): React.ReactNode {
        const d = this.draft;
        const info = AI_PROVIDER_INFO[d.provider];
        const existing = this.providers.find(p => p.provider === d.provider);
        const set = <K extends keyof KeyDraft>(key: K) => (value: KeyDraft[K] | '') => { this.draft = { ...this.draft, [key]: value }; this.update(); };
        return <fieldset>
            <legend>{existing ? nls.localize('matchpro/ai/changeProvider', 'Change a provider') : nls.localize('matchpro/ai/addProvider', 'Add a provider')}</legend>
            <div className='matchpro-form-row'>
                <SelectField name='provider' label={nls.localize('matchpro/ai/provider', 'Provider')} value={d.provider}
                    onChange={value => { const p = value as AiProviderId; const e = this.providers.find(x => x.provider === p); this.draft = { provider: p, key: '', baseUrl: e?.baseUrl ?? '', model: e?.model ?? '' }; this.update(); }}
                    options={AI_PROVIDERS.map(p => ({ value: p, label: AI_PROVIDER_INFO[p].label }))} />
                <label>
                    <span>{nls.localize('matchpro/ai/apiKey', 'API key')}{info.keyRequired && !existing ? ' *' : ''}</span>
                    <input className='theia-input' name='key' type='password' autoComplete='off' spellCheck={false} value={d.key}
                        placeholder={existing?.last4 ? nls.localize('matchpro/ai/keepKey', 'Leave empty to keep …{0}', existing.last4) : ''}
                        onChange={event => set('key')(event.target.value)} />
                </label>
                <TextField name='baseUrl' type='url' label={nls.localize('matchpro/ai/baseUrl', 'Base URL')} value={d.baseUrl} onChange={set('baseUrl')}
                    placeholder={info.defaultBaseUrl ?? 'http://127.0.0.1:11434/v1'} required={!info.defaultBaseUrl} />
                <TextField name='model' label={nls.localize('matchpro/ai/model', 'Model')} value={d.model} onChange={set('model')} placeholder={info.defaultModel ?? 'llama3.1'} />
            </div>
            {this.keyError && <div className='matchpro-form-error' role='alert'>{this.keyError}</div>}
            <div className='matchpro-form-actions'>
                <button className='theia-button main' disabled={this.busy} onClick={this.saveKey}>{nls.localize('matchpro/form/save', 'Save')}</button>
            </div>
        </fieldset>;
    }

    protected renderSettings(settings: AiSettings): React.ReactNode {
        const configured = this.providers.map(p => ({ value: p.provider, label: p.label }));
        const setPrice = (index: number, change: Partial<ModelPrice>) =>
            this.setSettings({ prices: settings.prices.map((p, i) => i === index ? { ...p, ...change } : p) });
        return <fieldset>
            <legend>{nls.localize('matchpro/ai/tasks', 'Provider per task')}</legend>
            {AI_TASKS.map(task => {
                const route = settings.tasks[task];
                return <div className='matchpro-form-row' key={task}>
                    <SelectField name={`task-${task}`} label={taskLabel(task)} value={route?.provider ?? ''} allowEmpty options={configured}
                        onChange={value => this.setSettings({ tasks: { ...settings.tasks, [task]: value ? { provider: value, model: route?.model ?? null } : null } })} />
                    <TextField name={`model-${task}`} label={nls.localize('matchpro/ai/modelForTask', 'Model (empty = provider default)')} value={route?.model ?? ''}
                        disabled={!route} onChange={value => route && this.setSettings({ tasks: { ...settings.tasks, [task]: { ...route, model: value.trim() || null } } })} />
                </div>;
            })}
            <div className='matchpro-form-row'>
                <NumberField name='budget' label={nls.localize('matchpro/ai/budget', 'Monthly budget (EUR, empty = no limit)')} min={0} step={1}
                    value={settings.monthlyBudgetEur ?? undefined} onChange={value => this.setSettings({ monthlyBudgetEur: value ?? null })} />
                <NumberField name='timeout' label={nls.localize('matchpro/ai/timeout', 'Timeout per attempt (s)')} min={1} max={600}
                    value={settings.timeoutMs / 1000} onChange={value => this.setSettings({ timeoutMs: Math.round((value ?? 60) * 1000) })} />
                <NumberField name='retries' label={nls.localize('matchpro/ai/retries', 'Retries on 429/5xx')} min={0} max={6}
                    value={settings.maxRetries} onChange={value => this.setSettings({ maxRetries: value ?? 0 })} />
            </div>
            <details>
                <summary>{nls.localize('matchpro/ai/prices', 'Price table (EUR per million tokens)')}</summary>
                <table className='matchpro-table'>
                    <thead><tr><th>{nls.localize('matchpro/ai/model', 'Model')}</th><th>{nls.localize('matchpro/ai/priceIn', 'Input')}</th>
                        <th>{nls.localize('matchpro/ai/priceOut', 'Output')}</th><th></th></tr></thead>
                    <tbody>{settings.prices.map((price, index) => <tr key={index}>
                        <td><input className='theia-input' value={price.model} onChange={e => setPrice(index, { model: e.target.value })} /></td>
                        <td><input className='theia-input' type='number' min={0} step={0.01} value={price.inputEurPerMTok} onChange={e => setPrice(index, { inputEurPerMTok: Number(e.target.value) })} /></td>
                        <td><input className='theia-input' type='number' min={0} step={0.01} value={price.outputEurPerMTok} onChange={e => setPrice(index, { outputEurPerMTok: Number(e.target.value) })} /></td>
                        <td><button className='theia-button secondary' onClick={() => this.setSettings({ prices: settings.prices.filter((_, i) => i !== index) })}>
                            {nls.localize('matchpro/ai/remove', 'Remove')}</button></td>
                    </tr>)}</tbody>
                </table>
                <button className='theia-button secondary' onClick={() => this.setSettings({ prices: [...settings.prices, { model: '', inputEurPerMTok: 0, outputEurPerMTok: 0 }] })}>
                    {nls.localize('matchpro/ai/addPrice', 'Add a model')}</button>
            </details>
            {this.settingsError && <div className='matchpro-form-error' role='alert'>{this.settingsError}</div>}
            <div className='matchpro-form-actions'>
                <button className='theia-button main' onClick={this.saveSettings}>{nls.localize('matchpro/ai/saveSettings', 'Save settings')}</button>
            </div>
        </fieldset>;
    }

    protected renderUsage(usage: AiUsageReport): React.ReactNode {
        const over = usage.budgetEur !== null && usage.totalEur >= usage.budgetEur;
        return <fieldset>
            <legend>{nls.localize('matchpro/ai/usage', 'Usage in {0}', usage.month)}</legend>
            <div>
                {usage.budgetEur === null
                    ? nls.localize('matchpro/ai/spent', 'Spent: {0} (no budget limit)', formatEur(usage.totalEur))
                    : nls.localize('matchpro/ai/spentOfBudget', 'Spent: {0} of {1}', formatEur(usage.totalEur), formatEur(usage.budgetEur))}
                {over && <span className='matchpro-badge warn'>{nls.localize('matchpro/ai/budgetReached', 'Budget reached: AI calls are refused')}</span>}
            </div>
            {usage.budgetEur !== null && usage.budgetEur > 0 && <div className='matchpro-bar-track'>
                <div className='matchpro-bar' style={{ width: `${Math.min(100, usage.totalEur / usage.budgetEur * 100)}%` }} />
            </div>}
            {usage.rows.length > 0 && <table className='matchpro-table'>
                <thead><tr>
                    <th>{nls.localize('matchpro/ai/provider', 'Provider')}</th><th>{nls.localize('matchpro/ai/model', 'Model')}</th>
                    <th>{nls.localize('matchpro/ai/task', 'Task')}</th><th>{nls.localize('matchpro/ai/calls', 'Calls')}</th>
                    <th>{nls.localize('matchpro/ai/tokensIn', 'Tokens in')}</th><th>{nls.localize('matchpro/ai/tokensOut', 'Tokens out')}</th>
                    <th>{nls.localize('matchpro/ai/cost', 'Estimated cost')}</th>
                </tr></thead>
                <tbody>{usage.rows.map(row => <tr key={`${row.provider}/${row.model}/${row.task}`}>
                    <td>{AI_PROVIDER_INFO[row.provider]?.label ?? row.provider}</td><td>{row.model}</td><td>{taskLabel(row.task)}</td><td>{row.calls}</td>
                    <td>{row.tokensIn.toLocaleString()}</td><td>{row.tokensOut.toLocaleString()}</td>
                    <td>{formatEur(row.costEur)}{row.unpriced && <span className='matchpro-badge muted'>{nls.localize('matchpro/ai/unpriced', 'no price')}</span>}</td>
                </tr>)}</tbody>
            </table>}
        </fieldset>;
    }
}
