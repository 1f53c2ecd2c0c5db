import { randomUUID } from 'crypto';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';
import { AiUsageReport, AiUsageRow } from '../common/ai-protocol';
import { AiProviderId, AiTask, ModelPrice } from '../common/ai-provider';

export interface UsageEntry {
    provider: AiProviderId;
    model: string;
    task: AiTask | 'test';
    tokensIn: number;
    tokensOut: number;
}

/** "YYYY-MM" of a date, in UTC (the budget month). */
export function monthOf(date: Date): string {
    return date.toISOString().slice(0, 7);
}

export function priceOf(prices: readonly ModelPrice[], model: string): ModelPrice | undefined {
    const exact = prices.find(p => p.model === model);
    // Providers answer with dated names ("gpt-4o-mini-2024-07-18"): the longest priced prefix applies.
    return exact ?? [...prices].sort((a, b) => b.model.length - a.model.length).find(p => model.startsWith(p.model));
}

export function costEur(prices: readonly ModelPrice[], model: string, tokensIn: number, tokensOut: number): number {
    const price = priceOf(prices, model);
    return price ? (tokensIn * price.inputEurPerMTok + tokensOut * price.outputEurPerMTok) / 1_000_000 : 0;
}

/** Tokens and estimated cost of every provider call, in `ai_usage`, per provider (= per key), model and task. */
@injectable()
export class UsageLedger {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;

    async record(entry: UsageEntry, prices: readonly ModelPrice[], at = new Date()): Promise<number> {
        const cost = costEur(prices, entry.model, entry.tokensIn, entry.tokensOut);
        const id = randomUUID();
        const when = at.toISOString();
        await this.db.write(tx => tx.run(
            'INSERT INTO ai_usage (id, at, provider, model, task, tokens_in, tokens_out, cost_eur) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
            [id, when, entry.provider, entry.model, entry.task, Math.round(entry.tokensIn), Math.round(entry.tokensOut), cost]));
        return cost;
    }

    async spentEur(month: string): Promise<number> {
        return this.db.read(store => store.get<{ total: number | null }>(
            'SELECT sum(cost_eur) AS total FROM ai_usage WHERE at >= ? AND at < ?', monthBounds(month))?.total ?? 0);
    }

    async report(month: string, prices: readonly ModelPrice[], budgetEur: number | null): Promise<AiUsageReport> {
        const rows = await this.db.read(store => store.all<{ provider: AiProviderId; model: string; task: AiUsageRow['task']; calls: number; tokens_in: number; tokens_out: number; cost: number }>(
            `SELECT provider, model, task, count(*) AS calls, sum(tokens_in) AS tokens_in, sum(tokens_out) AS tokens_out, sum(cost_eur) AS cost
             FROM ai_usage WHERE at >= ? AND at < ? GROUP BY provider, model, task ORDER BY provider, model, task`, monthBounds(month)));
        const usage = rows.map(row => ({
            provider: row.provider, model: row.model, task: row.task, calls: row.calls, tokensIn: row.tokens_in, tokensOut: row.tokens_out,
            costEur: row.cost, unpriced: !priceOf(prices, row.model)
        }));
        return { month, totalEur: usage.reduce((sum, row) => sum + row.costEur, 0), budgetEur, rows: usage };
    }
}

function monthBounds(month: string): [string, string] {
    const [year, m] = month.split('-').map(Number);
    const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
    return [`${month}-01T00:00:00.000Z`, `${next}-01T00:00:00.000Z`];
}
