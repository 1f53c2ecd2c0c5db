import express from 'express';
import type { Server } from 'http';
import type { AddressInfo } from 'net';
import type { AiProviderId } from '../../common/ai-provider';

/**
 * A local stand-in for the providers' HTTP APIs (tests only), answering in each one's wire format:
 * OpenAI and OpenAI-compatible chat completions, Anthropic messages, Gemini generateContent and
 * Mistral chat completions. Each test scripts the next replies per provider.
 */
export type MockReply =
    /** A successful answer whose content is `answer` (serialised) or, when a string, that raw text. */
    | { kind: 'answer'; answer: unknown; tokensIn?: number; tokensOut?: number }
    | { kind: 'error'; status: number; body?: unknown; headers?: Record<string, string> }
    /** Answers only after `ms` (to hit the client's timeout). */
    | { kind: 'slow'; ms: number; answer: unknown };

export interface RecordedRequest {
    provider: AiProviderId;
    path: string;
    headers: Record<string, string | string[] | undefined>;
    body: Record<string, unknown>;
    /** Date.now() on arrival. */
    at: number;
}

const PREFIX: Record<AiProviderId, string> = {
    'openai': '/openai/v1', 'openai-compatible': '/compat/v1', 'anthropic': '/anthropic', 'google': '/google', 'mistral': '/mistral'
};

export class MockProviderServer {
    readonly requests: RecordedRequest[] = [];
    protected readonly queues = new Map<AiProviderId, MockReply[]>();
    protected readonly timers = new Set<NodeJS.Timeout>();
    protected server: Server | undefined;
    protected origin = '';

    async start(): Promise<void> {
        const app = express();
        app.use(express.json({ limit: '5mb' }));
        const handle = (provider: AiProviderId) => (req: express.Request, res: express.Response) => this.reply(provider, req, res);
        app.post(`${PREFIX.openai}/chat/completions`, handle('openai'));
        app.post(`${PREFIX['openai-compatible']}/chat/completions`, handle('openai-compatible'));
        app.post(`${PREFIX.mistral}/v1/chat/completions`, handle('mistral'));
        app.post(`${PREFIX.anthropic}/v1/messages`, handle('anthropic'));
        // Express 5's path syntax cannot express "models/NAME:generateContent": a RegExp can.
        app.post(/^\/google\/v1beta\/models\/[^/]+:generateContent$/, handle('google'));
        app.use((req, res) => { res.status(404).json({ error: { message: `mock: no route ${req.method} ${req.path}` } }); });
        await new Promise<void>(resolve => { this.server = app.listen(0, '127.0.0.1', () => resolve()); });
        this.origin = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
    }

    /** The base URL to store for `provider` so its SDK talks to this server. */
    baseUrl(provider: AiProviderId): string {
        return this.origin + PREFIX[provider];
    }

    enqueue(provider: AiProviderId, ...replies: MockReply[]): void {
        this.queues.set(provider, [...(this.queues.get(provider) ?? []), ...replies]);
    }

    /** Forgets scripted replies and recorded requests (between tests). */
    reset(): void {
        this.queues.clear();
        this.requests.length = 0;
    }

    requestsFor(provider: AiProviderId): RecordedRequest[] {
        return this.requests.filter(r => r.provider === provider);
    }

    async close(): Promise<void> {
        this.timers.forEach(clearTimeout);
        this.server?.closeAllConnections();
        await new Promise<void>(resolve => this.server ? this.server.close(() => resolve()) : resolve());
    }

    protected reply(provider: AiProviderId, req: express.Request, res: express.Response): void {
        this.requests.push({ provider, path: req.path, headers: req.headers, body: req.body, at: Date.now() });
        const next = this.queues.get(provider)?.shift();
        if (!next) {
            res.status(500).json({ error: { message: 'mock: no scripted reply' } });
            return;
        }
        if (next.kind === 'error') {
            res.status(next.status).set(next.headers ?? {}).json(next.body ?? errorBody(provider, next.status));
        } else if (next.kind === 'slow') {
            const timer = setTimeout(() => {
                this.timers.delete(timer);
                if (!res.writableEnded && !res.destroyed) {
                    res.json(success(provider, req, next.answer, 10, 5));
                }
            }, next.ms);
            this.timers.add(timer);
        } else {
            res.json(success(provider, req, next.answer, next.tokensIn ?? 120, next.tokensOut ?? 40));
        }
    }
}

function modelOf(req: express.Request): string {
    const fromPath = /models\/([^/:]+):/.exec(req.path)?.[1];
    return fromPath ?? String(req.body?.model ?? 'mock-model');
}

function success(provider: AiProviderId, req: express.Request, answer: unknown, tokensIn: number, tokensOut: number): unknown {
    const text = typeof answer === 'string' ? answer : JSON.stringify(answer);
    const model = modelOf(req);
    switch (provider) {
        case 'anthropic': {
            const toolName = (req.body?.tool_choice as { name?: string } | undefined)?.name ?? 'answer';
            return {
                id: 'msg_mock', type: 'message', role: 'assistant', model,
                // A well-behaved model answers through the forced tool; raw text stands for a broken answer.
                content: typeof answer === 'string' ? [{ type: 'text', text }] : [{ type: 'tool_use', id: 'toolu_mock', name: toolName, input: answer }],
                stop_reason: typeof answer === 'string' ? 'end_turn' : 'tool_use', stop_sequence: null,
                usage: { input_tokens: tokensIn, output_tokens: tokensOut }
            };
        }
        case 'google':
            return {
                candidates: [{ content: { parts: [{ text }], role: 'model' }, finishReason: 'STOP', index: 0 }],
                usageMetadata: { promptTokenCount: tokensIn, candidatesTokenCount: tokensOut, totalTokenCount: tokensIn + tokensOut },
                modelVersion: model
            };
        default:
            return {
                id: 'chatcmpl-mock', object: 'chat.completion', created: Math.floor(Date.now() / 1000), model,
                choices: [{ index: 0, message: { role: 'assistant', content: text, refusal: null, tool_calls: null }, finish_reason: 'stop', logprobs: null }],
                usage: { prompt_tokens: tokensIn, completion_tokens: tokensOut, total_tokens: tokensIn + tokensOut }
            };
    }
}

function errorBody(provider: AiProviderId, status: number): unknown {
    const message = status === 401 ? 'Invalid API key' : status === 429 ? 'Rate limit reached' : 'Server error';
    switch (provider) {
        case 'anthropic':
            return { type: 'error', error: { type: status === 401 ? 'authentication_error' : status === 429 ? 'rate_limit_error' : 'api_error', message } };
        case 'google':
            return { error: { code: status, message, status: status === 401 ? 'UNAUTHENTICATED' : status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL' } };
        case 'mistral':
            return { object: 'error', message, type: status === 401 ? 'invalid_api_key' : 'error', code: String(status) };
        default:
            return { error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code: status === 401 ? 'invalid_api_key' : null } };
    }
}
