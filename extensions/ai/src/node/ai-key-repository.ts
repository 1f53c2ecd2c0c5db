import { StoredFields } from '@matchpro/core/lib/common/domain/entity';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { RecordRepository } from '@matchpro/core/lib/node/record-repository';
import { inject, injectable } from '@theia/core/shared/inversify';
import { z } from 'zod';
import { AiSettings } from '../common/ai-protocol';
import { AiProviderId, DEFAULT_PRICES } from '../common/ai-provider';

/**
 * One row of `ai_keys` per provider. The key lives only here, inside the AES-256-GCM encrypted
 * database (snapshots and journal alike); no other file, log or RPC answer ever holds it.
 */
export const AiKeyRecord = StoredFields.extend({
    provider: AiProviderId,
    /** The key itself; '' for a local server that needs none. */
    secret: z.string().max(1000),
    baseUrl: z.string().nullable(),
    model: z.string().nullable()
});
export type AiKeyRecord = z.infer<typeof AiKeyRecord>;

/**
 * The AI settings (budget, task routes, price table) share `ai_keys` under a reserved provider name,
 * so they need no schema change; key listings skip that row.
 */
export const SETTINGS_ROW = '@settings';
export const AiSettingsRecord = StoredFields.extend({ provider: z.literal(SETTINGS_ROW) }).extend(AiSettings.shape);
export type AiSettingsRecord = z.infer<typeof AiSettingsRecord>;

export const DEFAULT_AI_SETTINGS: AiSettings = {
    monthlyBudgetEur: null,
    tasks: { 'cv-parsing': null, 'offer-drafting': null, 'match-explanation': null },
    prices: [...DEFAULT_PRICES],
    timeoutMs: 60_000,
    maxRetries: 2
};

type Reader = Parameters<RecordRepository<AiKeyRecord>['getIn']>[0];

@injectable()
export class AiKeyRepository extends RecordRepository<AiKeyRecord> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, { table: 'ai_keys', what: 'AI provider', schema: AiKeyRecord, columns: { provider: r => r.provider } });
    }

    findIn(reader: Reader, provider: AiProviderId): AiKeyRecord | undefined {
        return this.listIn(reader, { where: 'provider = ?', params: [provider] })[0];
    }

    async find(provider: AiProviderId): Promise<AiKeyRecord | undefined> {
        return this.db.read(store => this.findIn(store, provider));
    }

    async listKeys(): Promise<AiKeyRecord[]> {
        return this.list({ where: 'provider <> ?', params: [SETTINGS_ROW], orderBy: 'provider' });
    }
}

@injectable()
export class AiSettingsRepository extends RecordRepository<AiSettingsRecord> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, { table: 'ai_keys', what: 'AI settings', schema: AiSettingsRecord, columns: { provider: r => r.provider } });
    }

    findIn(reader: Reader): AiSettingsRecord | undefined {
        return this.listIn(reader, { where: 'provider = ?', params: [SETTINGS_ROW] })[0];
    }

    async current(): Promise<AiSettings> {
        const record = await this.db.read(store => this.findIn(store));
        return record ? toSettings(record) : structuredClone(DEFAULT_AI_SETTINGS);
    }
}

export function toSettings(record: AiSettingsRecord): AiSettings {
    return {
        monthlyBudgetEur: record.monthlyBudgetEur, tasks: record.tasks, prices: record.prices,
        timeoutMs: record.timeoutMs, maxRetries: record.maxRetries
    };
}
