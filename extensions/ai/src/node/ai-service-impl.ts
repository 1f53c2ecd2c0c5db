import { MatchProErrors, validate } from '@matchpro/core/lib/common/errors';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { CancellationToken } from '@theia/core/lib/common/cancellation';
import { inject, injectable } from '@theia/core/shared/inversify';
import { z } from 'zod';
import {
    AiKeyInput, AiProviderSummary, AiService, AiSettings, AiTestResult, AiUsageReport, MatchExplanation, MatchExplanationRequest, OfferDraftRequest
} from '../common/ai-protocol';
import { AI_PROVIDER_INFO, AiProviderId } from '../common/ai-provider';
import { AiGateway, DraftedOffer } from './ai-gateway';
import { AiKeyRecord, AiKeyRepository, AiSettingsRepository, SETTINGS_ROW, toSettings } from './ai-key-repository';
import { monthOf, UsageLedger } from './usage-ledger';

const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

/** What may be shown of a key: its last 4 characters, and nothing of a key too short to hide the rest. */
export function keyHint(secret: string): string | null {
    if (!secret) {
        return null;
    }
    return secret.length >= 12 ? secret.slice(-4) : '****';
}

export function toSummary(record: AiKeyRecord): AiProviderSummary {
    return {
        provider: record.provider, label: AI_PROVIDER_INFO[record.provider].label, last4: keyHint(record.secret),
        baseUrl: record.baseUrl, model: record.model, updatedAt: record.updatedAt
    };
}

/** Turns a Theia CancellationToken from the UI into the AbortSignal the SDKs understand. */
export function toAbortSignal(token?: CancellationToken): AbortSignal | undefined {
    if (!CancellationToken.is(token)) {
        return undefined; // none, or not a token (a page may send anything in its place)
    }
    const controller = new AbortController();
    if (token.isCancellationRequested) {
        controller.abort();
    } else {
        token.onCancellationRequested(() => controller.abort());
    }
    return controller.signal;
}

/**
 * The settings service behind the AI Providers view and the CLI. No method returns or logs a key:
 * keys come in through `saveProvider` and only their last 4 characters ever go out.
 */
@injectable()
export class AiServiceImpl implements AiService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(AiKeyRepository) protected readonly keys: AiKeyRepository;
    @inject(AiSettingsRepository) protected readonly settings: AiSettingsRepository;
    @inject(UsageLedger) protected readonly usageLedger: UsageLedger;
    @inject(AiGateway) protected readonly gateway: AiGateway;
    @inject(AuditLog) protected readonly audit: AuditLog;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;

    async listProviders(): Promise<AiProviderSummary[]> {
        return (await this.keys.listKeys()).map(toSummary);
    }

    async saveProvider(raw: AiKeyInput): Promise<AiProviderSummary> {
        const input = validate(AiKeyInput, raw, 'AI provider');
        const info = AI_PROVIDER_INFO[input.provider];
        const now = new Date().toISOString();
        const saved = await this.db.write(tx => {
            const existing = this.keys.findIn(tx, input.provider);
            const secret = input.key ?? existing?.secret;
            if (secret === undefined && info.keyRequired) {
                throw MatchProErrors.InvalidInput(`AI provider.key: ${info.label} needs an API key`, [{ path: 'AI provider.key', message: 'required' }]);
            }
            const baseUrl = input.baseUrl !== undefined ? input.baseUrl : existing?.baseUrl ?? null;
            if (!baseUrl && !info.defaultBaseUrl) {
                throw MatchProErrors.InvalidInput(`AI provider.baseUrl: ${info.label} needs the base URL of the server (e.g. http://127.0.0.1:11434/v1)`,
                    [{ path: 'AI provider.baseUrl', message: 'required' }]);
            }
            const normalisedBaseUrl = baseUrl?.replace(/\/+$/, '') ?? null;
            if (existing?.secret && input.key === undefined && normalisedBaseUrl !== existing.baseUrl) {
                // A stored key only ever goes to the address it was given for: a new address needs the key again.
                throw MatchProErrors.InvalidInput(`AI provider.key: changing the server address of ${info.label} needs its API key again `
                    + `(a stored key is only sent to the address it was stored with)`, [{ path: 'AI provider.key', message: 'required with a new base URL' }]);
            }
            const fields = {
                provider: input.provider, secret: secret ?? '', baseUrl: normalisedBaseUrl,
                model: input.model !== undefined ? input.model : existing?.model ?? null
            };
            const record = existing
                ? this.keys.update(tx, existing.id, undefined, () => fields, now)
                : this.keys.insert(tx, fields, now);
            this.audit.record(tx, {
                actor: this.db.actor, action: existing ? 'ai-provider.update' : 'ai-provider.add', entity: 'ai_key', entityId: record.id, at: now,
                details: { provider: input.provider, keyChanged: input.key !== undefined }
            });
            return record;
        });
        this.changes.notify({ kind: 'settings', ids: [saved.id], change: 'updated' });
        return toSummary(saved);
    }

    async removeProvider(provider: AiProviderId): Promise<void> {
        const id = validate(AiProviderId, provider, 'provider');
        const now = new Date().toISOString();
        const removed = await this.db.write(tx => {
            const existing = this.keys.findIn(tx, id);
            if (!existing) {
                throw MatchProErrors.NotFound('AI provider', id);
            }
            this.keys.delete(tx, existing.id);
            // Tasks routed to the removed provider go back to local processing.
            const settings = this.settings.findIn(tx);
            if (settings && Object.values(settings.tasks).some(route => route?.provider === id)) {
                this.settings.update(tx, settings.id, undefined, current => ({
                    ...current,
                    tasks: Object.fromEntries(Object.entries(current.tasks).map(([task, route]) => [task, route?.provider === id ? null : route])) as AiSettings['tasks']
                }), now);
            }
            this.audit.record(tx, { actor: this.db.actor, action: 'ai-provider.remove', entity: 'ai_key', entityId: existing.id, at: now, details: { provider: id } });
            return existing.id;
        });
        this.changes.notify({ kind: 'settings', ids: [removed], change: 'deleted' });
    }

    async testProvider(provider: AiProviderId, token?: CancellationToken): Promise<AiTestResult> {
        return this.gateway.test(validate(AiProviderId, provider, 'provider'), toAbortSignal(token));
    }

    async getSettings(): Promise<AiSettings> {
        return this.settings.current();
    }

    async updateSettings(raw: AiSettings): Promise<AiSettings> {
        const input = validate(AiSettings, raw, 'AI settings');
        const models = new Set<string>();
        for (const price of input.prices) {
            if (models.has(price.model)) {
                throw MatchProErrors.InvalidInput(`AI settings.prices: the model ${price.model} is priced twice`, [{ path: 'AI settings.prices', message: 'duplicate model' }]);
            }
            models.add(price.model);
        }
        const now = new Date().toISOString();
        const saved = await this.db.write(tx => {
            for (const [task, route] of Object.entries(input.tasks)) {
                if (route && !this.keys.findIn(tx, route.provider)) {
                    throw MatchProErrors.InvalidInput(`AI settings.tasks.${task}: no key is stored for ${AI_PROVIDER_INFO[route.provider].label}`,
                        [{ path: `AI settings.tasks.${task}`, message: 'provider not configured' }]);
                }
            }
            const existing = this.settings.findIn(tx);
            const fields = { provider: SETTINGS_ROW, ...input } as const;
            const record = existing ? this.settings.update(tx, existing.id, undefined, () => fields, now) : this.settings.insert(tx, fields, now);
            this.audit.record(tx, { actor: this.db.actor, action: 'ai-settings.update', entity: 'ai_key', entityId: record.id, at: now, details: {} });
            return record;
        });
        this.changes.notify({ kind: 'settings', ids: [saved.id], change: 'updated' });
        return toSettings(saved);
    }

    async usage(month?: string): Promise<AiUsageReport> {
        const which = month === undefined ? monthOf(new Date()) : validate(MonthSchema, month, 'month');
        const settings = await this.settings.current();
        return this.usageLedger.report(which, settings.prices, settings.monthlyBudgetEur);
    }

    async draftOffer(request: OfferDraftRequest, token?: CancellationToken): Promise<DraftedOffer> {
        return this.gateway.draftOffer(request, { signal: toAbortSignal(token) });
    }

    async explainMatch(request: MatchExplanationRequest, token?: CancellationToken): Promise<MatchExplanation> {
        return this.gateway.explainMatch(request, { signal: toAbortSignal(token) });
    }
}
