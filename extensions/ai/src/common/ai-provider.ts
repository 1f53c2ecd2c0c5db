import { z } from 'zod';

/** The providers a user can bring a key for; `openai-compatible` is any local server (Ollama, llama.cpp, LM Studio). */
export const AiProviderId = z.enum(['openai', 'anthropic', 'google', 'mistral', 'openai-compatible']);
export type AiProviderId = z.infer<typeof AiProviderId>;
export const AI_PROVIDERS: readonly AiProviderId[] = AiProviderId.options;

/** What the product asks a provider for; each task can use its own provider and model. */
export const AiTask = z.enum(['cv-parsing', 'offer-drafting', 'match-explanation']);
export type AiTask = z.infer<typeof AiTask>;
export const AI_TASKS: readonly AiTask[] = AiTask.options;

export interface AiProviderInfo {
    id: AiProviderId;
    label: string;
    /** Official endpoint; null when the user must give one (local servers). */
    defaultBaseUrl: string | null;
    /** A cheap model that supports structured output, used when the user names none. */
    defaultModel: string | null;
    /** Local servers usually ignore the key: an empty one is accepted. */
    keyRequired: boolean;
}

export const AI_PROVIDER_INFO: Readonly<Record<AiProviderId, AiProviderInfo>> = {
    'openai': { id: 'openai', label: 'OpenAI', defaultBaseUrl: 'https://api.openai.com/v1', defaultModel: 'gpt-4o-mini', keyRequired: true },
    'anthropic': { id: 'anthropic', label: 'Anthropic', defaultBaseUrl: 'https://api.anthropic.com', defaultModel: 'claude-haiku-4-5', keyRequired: true },
    'google': { id: 'google', label: 'Google Gemini', defaultBaseUrl: 'https://generativelanguage.googleapis.com', defaultModel: 'gemini-2.5-flash', keyRequired: true },
    'mistral': { id: 'mistral', label: 'Mistral AI', defaultBaseUrl: 'https://api.mistral.ai', defaultModel: 'mistral-small-latest', keyRequired: true },
    'openai-compatible': { id: 'openai-compatible', label: 'OpenAI-compatible (local)', defaultBaseUrl: null, defaultModel: null, keyRequired: false }
};

/** Price of a model in EUR per million tokens; the user edits the table in Settings. */
export const ModelPrice = z.object({
    model: z.string().trim().min(1).max(120),
    inputEurPerMTok: z.number().min(0).max(10_000),
    outputEurPerMTok: z.number().min(0).max(10_000)
});
export type ModelPrice = z.infer<typeof ModelPrice>;

/**
 * Public list prices converted to EUR (approximate, late 2025). A starting point only: the user keeps
 * them current in Settings; a model missing here is counted at 0 and flagged as unpriced.
 */
export const DEFAULT_PRICES: readonly ModelPrice[] = [
    { model: 'gpt-4o-mini', inputEurPerMTok: 0.14, outputEurPerMTok: 0.55 },
    { model: 'gpt-4.1-mini', inputEurPerMTok: 0.37, outputEurPerMTok: 1.47 },
    { model: 'gpt-4o', inputEurPerMTok: 2.3, outputEurPerMTok: 9.2 },
    { model: 'claude-haiku-4-5', inputEurPerMTok: 0.92, outputEurPerMTok: 4.6 },
    { model: 'claude-sonnet-4-5', inputEurPerMTok: 2.76, outputEurPerMTok: 13.8 },
    { model: 'gemini-2.5-flash', inputEurPerMTok: 0.28, outputEurPerMTok: 2.3 },
    { model: 'gemini-2.5-pro', inputEurPerMTok: 1.15, outputEurPerMTok: 9.2 },
    { model: 'mistral-small-latest', inputEurPerMTok: 0.09, outputEurPerMTok: 0.28 },
    { model: 'mistral-large-latest', inputEurPerMTok: 1.84, outputEurPerMTok: 5.52 }
];
