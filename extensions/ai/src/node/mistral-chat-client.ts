import { CompletionRequest, CompletionResult, ProviderClient, ProviderEndpoint, ResponseRecorder } from './provider-client';

/** The Mistral SDK is ESM-only: loaded on first use through a real dynamic import. */
const importMistral = () => import('@mistralai/mistralai');
let mistralModule: ReturnType<typeof importMistral> | undefined;

function loadMistral(): ReturnType<typeof importMistral> {
    mistralModule ??= importMistral();
    return mistralModule;
}

/** Mistral chat completions with a strict JSON schema. */
export class MistralChatClient implements ProviderClient {
    constructor(protected readonly endpoint: ProviderEndpoint, protected readonly recorder: ResponseRecorder) { }

    async complete(request: CompletionRequest): Promise<CompletionResult> {
        const { Mistral, HTTPClient } = await loadMistral();
        const client = new Mistral({
            apiKey: this.endpoint.apiKey, serverURL: this.endpoint.baseUrl,
            httpClient: new HTTPClient({ fetcher: this.recorder.fetch }), retryConfig: { strategy: 'none' }
        });
        const response = await client.chat.complete({
            model: request.model,
            messages: [{ role: 'system', content: request.system }, { role: 'user', content: request.user }],
            responseFormat: { type: 'json_schema', jsonSchema: { name: request.schemaName, schemaDefinition: request.jsonSchema, strict: true } },
            maxTokens: request.maxOutputTokens
        }, { signal: request.signal, retries: { strategy: 'none' } });
        const content = response.choices?.[0]?.message?.content;
        const text = typeof content === 'string' ? content
            : Array.isArray(content) ? content.map(chunk => chunk.type === 'text' ? chunk.text : '').join('') : '';
        return { text, tokensIn: response.usage?.promptTokens ?? 0, tokensOut: response.usage?.completionTokens ?? 0, model: response.model || request.model };
    }
}
