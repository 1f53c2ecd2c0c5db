import type { AiProviderId } from '../common/ai-provider';

/** One structured request to a provider: the answer must be a JSON object following `jsonSchema`. */
export interface CompletionRequest {
    model: string;
    system: string;
    user: string;
    /** A short identifier (tool / schema name). */
    schemaName: string;
    jsonSchema: Record<string, unknown>;
    maxOutputTokens: number;
    signal: AbortSignal;
}

export interface CompletionResult {
    /** The JSON text the model produced (not yet trusted). */
    text: string;
    tokensIn: number;
    tokensOut: number;
    /** The model name the provider reports (may be a dated variant). */
    model: string;
}

/** Where and with which key a client talks; built per call from the stored record. */
export interface ProviderEndpoint {
    provider: AiProviderId;
    apiKey: string;
    baseUrl: string;
}

/** The one thing the gateway needs from each SDK. Clients do no retry of their own (the call policy does). */
export interface ProviderClient {
    complete(request: CompletionRequest): Promise<CompletionResult>;
}

/** What an HTTP error response said, captured under the SDK (whose error shapes all differ). */
export interface HttpFailureInfo {
    status: number;
    retryAfterMs: number | undefined;
    /** Start of the body, to tell quota exhaustion from a rate limit. Never shown raw. */
    body: string;
}

/**
 * A fetch handed to an SDK that remembers the last error response, so the call policy can classify
 * the failure and honour Retry-After the same way for every provider.
 */
export class ResponseRecorder {
    lastFailure: HttpFailureInfo | undefined;

    readonly fetch = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
        const response = await fetch(input, init);
        if (response.status >= 400) {
            let body = '';
            try {
                body = (await response.clone().text()).slice(0, 2000);
            } catch {
                // A body cut off by a timeout still leaves the status to classify.
            }
            this.lastFailure = { status: response.status, retryAfterMs: retryAfterMs(response.headers), body };
        }
        return response;
    };
}

/** `retry-after-ms` (OpenAI), then `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
    const ms = Number(headers.get('retry-after-ms'));
    if (headers.get('retry-after-ms') && Number.isFinite(ms) && ms >= 0) {
        return ms;
    }
    const value = headers.get('retry-after');
    if (!value) {
        return undefined;
    }
    const seconds = Number(value);
    if (Number.isFinite(seconds) && seconds >= 0) {
        return seconds * 1000;
    }
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Strips the JSON-schema keywords some providers refuse in structured mode; zod checks them on return. */
export function providerJsonSchema(schema: Record<string, unknown>): Record<string, unknown> {
    const unsupported = new Set(['$schema', 'maxLength', 'minLength', 'maxItems', 'minItems', 'minimum', 'maximum', 'pattern', 'format']);
    const strip = (value: unknown): unknown => {
        if (Array.isArray(value)) {
            return value.map(strip);
        }
        if (value && typeof value === 'object') {
            return Object.fromEntries(Object.entries(value).filter(([key]) => !unsupported.has(key)).map(([key, v]) => [key, strip(v)]));
        }
        return value;
    };
    return strip(schema) as Record<string, unknown>;
}
