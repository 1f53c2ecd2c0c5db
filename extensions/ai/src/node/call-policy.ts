import { nls } from '@theia/core/lib/common/nls';
import { AiFailure, AiFailureKind } from '../common/ai-errors';
import { AI_PROVIDER_INFO, AiProviderId } from '../common/ai-provider';
import { HttpFailureInfo, ResponseRecorder } from './provider-client';

export interface CallPolicyOptions {
    provider: AiProviderId;
    /** Per attempt. */
    timeoutMs: number;
    /** Extra attempts after a 429 / 5xx / dropped connection. */
    maxRetries: number;
    /** The caller's cancellation (UI CancellationToken or CLI). */
    signal?: AbortSignal;
    /** The key, scrubbed from any text that reaches a message. */
    secret: string;
    /** Longest Retry-After honoured; beyond it the call fails at once with the delay in the message. */
    maxRetryAfterMs?: number;
    /** First backoff delay when the provider gives no Retry-After (doubled each retry). */
    baseDelayMs?: number;
}

const RETRYABLE = new Set([408, 409, 429, 500, 502, 503, 504, 529]);

/**
 * Runs one provider call with a timeout per attempt, retries with backoff on 429/5xx honouring
 * Retry-After, cancellation, and turns every failure into an AiFailure a recruiter can act on.
 */
export async function callWithPolicy<T>(options: CallPolicyOptions, attempt: (signal: AbortSignal, recorder: ResponseRecorder) => Promise<T>): Promise<T> {
    const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
    for (let attemptNo = 0; ; attemptNo++) {
        throwIfCancelled(options);
        const recorder = new ResponseRecorder();
        const timeout = new AbortController();
        const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
        const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
        try {
            return await attempt(signal, recorder);
        } catch (error) {
            if (AiFailure.is(error as object)) {
                throw error;
            }
            throwIfCancelled(options);
            if (timeout.signal.aborted) {
                throw failure(options, 'timeout', nls.localize('matchpro/ai/error/timeout', '{0} did not answer within {1} s.', label(options), Math.round(options.timeoutMs / 1000)));
            }
            const http = recorder.lastFailure;
            const kind = classify(http);
            if (kind === 'retry' && attemptNo < options.maxRetries) {
                const delay = http?.retryAfterMs ?? backoffMs(attemptNo, options.baseDelayMs ?? 500);
                if (delay <= maxRetryAfterMs) {
                    await sleep(delay, options.signal);
                    continue;
                }
            }
            throw describe(options, http, kind, error);
        } finally {
            clearTimeout(timer);
        }
    }
}

type Classified = 'retry' | AiFailureKind;

function classify(http: HttpFailureInfo | undefined): Classified {
    if (!http) {
        // No HTTP answer at all: refused connection, DNS, TLS. Worth one more try, like a 503.
        return 'retry';
    }
    const body = http.body.toLowerCase();
    if (/insufficient_quota|credit balance|billing|exceeded your current quota|quota exceeded|payment required/.test(body) || http.status === 402) {
        return 'quota';
    }
    if (http.status === 401 || http.status === 403) {
        return 'bad-key';
    }
    return RETRYABLE.has(http.status) ? 'retry' : 'provider-error';
}

function describe(options: CallPolicyOptions, http: HttpFailureInfo | undefined, kind: Classified, error: unknown): Error {
    const who = label(options);
    switch (kind) {
        case 'bad-key':
            return failure(options, 'bad-key', nls.localize('matchpro/ai/error/badKey', '{0} refused the key (HTTP {1}): check it in AI Providers settings.', who, http!.status), http!.status);
        case 'quota':
            return failure(options, 'quota', nls.localize('matchpro/ai/error/quota', 'The quota or credit of your {0} account is exhausted: top it up or choose another provider.', who), http?.status);
        case 'retry':
            if (!http) {
                return failure(options, 'unreachable', nls.localize('matchpro/ai/error/unreachable', '{0} cannot be reached ({1}).', who, scrub(errorText(error), options.secret)));
            }
            if (http.status === 429) {
                const wait = http.retryAfterMs !== undefined ? Math.ceil(http.retryAfterMs / 1000) : undefined;
                return failure(options, 'rate-limited', wait !== undefined
                    ? nls.localize('matchpro/ai/error/rateLimitedWait', '{0} is rate limiting your key: try again in {1} s.', who, wait)
                    : nls.localize('matchpro/ai/error/rateLimited', '{0} is rate limiting your key: try again later.', who), 429);
            }
            return failure(options, 'provider-error', nls.localize('matchpro/ai/error/unavailable', '{0} is unavailable (HTTP {1}) after {2} attempts.', who, http.status, options.maxRetries + 1), http.status);
        default:
            return failure(options, 'provider-error', nls.localize('matchpro/ai/error/provider', '{0} answered with an error (HTTP {1}): {2}', who, http?.status ?? '?',
                scrub(providerMessage(http?.body) ?? errorText(error), options.secret)), http?.status);
    }
}

function throwIfCancelled(options: CallPolicyOptions): void {
    if (options.signal?.aborted) {
        throw failure(options, 'cancelled', nls.localize('matchpro/ai/error/cancelled', 'The {0} request was cancelled.', label(options)));
    }
}

function failure(options: CallPolicyOptions, kind: AiFailureKind, message: string, status?: number): Error {
    return AiFailure(message, { kind, provider: options.provider, ...(status !== undefined ? { status } : {}) });
}

function label(options: CallPolicyOptions): string {
    return AI_PROVIDER_INFO[options.provider].label;
}

export function backoffMs(attemptNo: number, baseMs: number): number {
    const exponential = Math.min(baseMs * 2 ** attemptNo, 8000);
    return exponential / 2 + Math.random() * exponential / 2;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise(resolve => {
        const timer = setTimeout(done, ms);
        function done(): void {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
        }
        signal?.addEventListener('abort', done, { once: true });
    });
}

/** The provider's own short explanation from a JSON error body, when there is one. */
function providerMessage(body: string | undefined): string | undefined {
    if (!body) {
        return undefined;
    }
    try {
        const json = JSON.parse(body);
        const message = json?.error?.message ?? json?.message ?? json?.detail;
        return typeof message === 'string' ? message.slice(0, 300) : undefined;
    } catch {
        return body.slice(0, 200);
    }
}

function errorText(error: unknown): string {
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    return (cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))).slice(0, 300);
}

/** A provider may echo part of the key in an error: no message ever carries it. */
export function scrub(text: string, secret: string): string {
    let result = text;
    if (secret.length >= 4) {
        result = result.split(secret).join('***');
    }
    return result.replace(/\b(sk|key|AIza)[-_A-Za-z0-9]{8,}/g, '***');
}
