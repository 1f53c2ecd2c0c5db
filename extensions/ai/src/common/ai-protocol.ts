import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
import type { CancellationToken } from '@theia/core/lib/common/cancellation';
import { z } from 'zod';
import { MatchExplanationAnswer, OfferDraft } from './ai-answers';
import { AiFailureKind } from './ai-errors';
import { AiProviderId, AiTask, ModelPrice } from './ai-provider';

export const AI_SERVICE_PATH = '/services/matchpro/ai';
export const AiService = Symbol('AiService');

/** A configured provider as the UI sees it: never the key, only its last 4 characters. */
export interface AiProviderSummary {
    provider: AiProviderId;
    label: string;
    /** null for a local server stored without a key. */
    last4: string | null;
    baseUrl: string | null;
    model: string | null;
    updatedAt: string;
}

const httpUrl = z.string().trim().max(500).url().refine(url => /^https?:\/\//i.test(url), 'expected an http:// or https:// URL');

/**
 * Adds or changes a provider. `key` travels once, from the password field to the backend; omit it to
 * change the base URL or model of a provider already stored.
 */
export const AiKeyInput = z.object({
    provider: AiProviderId,
    key: z.string().trim().min(1).max(1000).regex(/^[\x21-\x7e]+$/, 'a key is printable ASCII without spaces').optional(),
    baseUrl: httpUrl.nullable().optional(),
    model: z.string().trim().min(1).max(120).nullable().optional()
});
export type AiKeyInput = z.infer<typeof AiKeyInput>;

/** Which provider and model serve a task; `model: null` = the provider's own default. */
export const AiTaskRoute = z.object({ provider: AiProviderId, model: z.string().trim().min(1).max(120).nullable() });
export type AiTaskRoute = z.infer<typeof AiTaskRoute>;

export const AiSettings = z.object({
    /** EUR per calendar month over all providers; null = no limit. */
    monthlyBudgetEur: z.number().min(0).max(1_000_000).nullable(),
    tasks: z.object({
        'cv-parsing': AiTaskRoute.nullable(),
        'offer-drafting': AiTaskRoute.nullable(),
        'match-explanation': AiTaskRoute.nullable()
    }),
    prices: z.array(ModelPrice).max(200),
    /** Per attempt. */
    timeoutMs: z.number().int().min(1000).max(600_000),
    /** Extra attempts after a 429 or 5xx. */
    maxRetries: z.number().int().min(0).max(6)
});
export type AiSettings = z.infer<typeof AiSettings>;

export interface AiUsageRow {
    provider: AiProviderId;
    model: string;
    task: AiTask | 'test';
    calls: number;
    tokensIn: number;
    tokensOut: number;
    costEur: number;
    /** The model has no price in the table: its cost is counted as 0. */
    unpriced: boolean;
}

export interface AiUsageReport {
    /** "YYYY-MM" (UTC). */
    month: string;
    totalEur: number;
    budgetEur: number | null;
    rows: AiUsageRow[];
}

export interface AiTestResult {
    ok: boolean;
    provider: AiProviderId;
    model: string | null;
    message: string;
    failure?: AiFailureKind;
}

export const OfferDraftRequest = z.object({
    title: z.string().trim().min(1).max(200),
    notes: z.string().max(8000).default(''),
    lang: z.enum(['fr', 'en']).default('fr')
});
export type OfferDraftRequest = z.input<typeof OfferDraftRequest>;

/**
 * What an explanation may see: the computed score and its reasons, the offer's needs and the
 * candidate's professional facts; no identity (name, e-mail, birth date) is sent to a provider.
 */
export const MatchExplanationRequest = z.object({
    lang: z.enum(['fr', 'en']).default('fr'),
    score: z.number().min(0).max(100),
    breakdown: z.object({ semantic: z.number(), rules: z.number(), ml: z.number() }),
    offer: z.object({
        title: z.string().max(200), city: z.string().max(120).nullable().default(null),
        requiredSkills: z.array(z.string().max(120)).max(50).default([]), experienceMinYears: z.number().nullable().default(null)
    }),
    candidate: z.object({
        title: z.string().max(200).nullable().default(null), city: z.string().max(120).nullable().default(null),
        skills: z.array(z.string().max(200)).max(150).default([]), certifications: z.array(z.string().max(200)).max(60).default([]),
        yearsOfExperience: z.number().nullable().default(null)
    }),
    strengths: z.array(z.string().max(300)).max(20).default([]),
    weaknesses: z.array(z.string().max(300)).max(20).default([]),
    risks: z.array(z.string().max(300)).max(20).default([])
});
export type MatchExplanationRequest = z.input<typeof MatchExplanationRequest>;

/** The score is the one computed by MatchPro, copied from the request: never the model's. */
export interface MatchExplanation extends MatchExplanationAnswer {
    score: number;
    provider: AiProviderId;
    model: string;
}

export interface AiService {
    listProviders(): Promise<AiProviderSummary[]>;
    saveProvider(input: AiKeyInput): Promise<AiProviderSummary>;
    removeProvider(provider: AiProviderId): Promise<void>;
    /** Sends a tiny prompt; never throws for a provider failure, it reports it. */
    testProvider(provider: AiProviderId, token?: CancellationToken): Promise<AiTestResult>;
    getSettings(): Promise<AiSettings>;
    updateSettings(settings: AiSettings): Promise<AiSettings>;
    /** `month` "YYYY-MM", default the current one. */
    usage(month?: string): Promise<AiUsageReport>;
    draftOffer(request: OfferDraftRequest, token?: CancellationToken): Promise<OfferDraft & { provider: AiProviderId; model: string }>;
    explainMatch(request: MatchExplanationRequest, token?: CancellationToken): Promise<MatchExplanation>;
}

/** Keys and their settings are an administrator's; drafting and explaining spend the agency's credit: recruiters. */
export const AiServiceAccess: ServiceAccess<AiService> = {
    listProviders: 'read', saveProvider: 'admin', removeProvider: 'admin', testProvider: 'admin', getSettings: 'read',
    updateSettings: 'admin', usage: 'read', draftOffer: 'write', explainMatch: 'write'
};
