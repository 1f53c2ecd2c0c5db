import OpenAI from 'openai';
import { CompletionRequest, CompletionResult, ProviderClient, ProviderEndpoint, ResponseRecorder } from './provider-client';

/** OpenAI chat completions with a strict JSON schema; also any OpenAI-compatible local server by base URL. */
export class OpenAiChatClient implements ProviderClient {
    constructor(protected readonly endpoint: ProviderEndpoint, protected readonly recorder: ResponseRecorder) { }

    async complete(request: CompletionRequest): Promise<CompletionResult> {
        const client = new OpenAI({
            // Local servers ignore the key, but the SDK refuses an empty one.
            apiKey: this.endpoint.apiKey || 'no-key', baseURL: this.endpoint.baseUrl, maxRetries: 0, organization: null, project: null, logLevel: 'off',
            timeout: 600_000, fetch: this.recorder.fetch as typeof fetch
        });
        const completion = await client.chat.completions.create({
            model: request.model,
            messages: [{ role: 'system', content: request.system }, { role: 'user', content: request.user }],
            response_format: { type: 'json_schema', json_schema: { name: request.schemaName, schema: request.jsonSchema, strict: true } },
            max_completion_tokens: request.maxOutputTokens
        }, { signal: request.signal });
        return {
            text: completion.choices[0]?.message?.content ?? '',
            tokensIn: completion.usage?.prompt_tokens ?? 0,
            tokensOut: completion.usage?.completion_tokens ?? 0,
            model: completion.model || request.model
        };
    }
}
