import Anthropic from '@anthropic-ai/sdk';
import { CompletionRequest, CompletionResult, ProviderClient, ProviderEndpoint, ResponseRecorder } from './provider-client';

/** Anthropic messages; structured output through a forced tool call whose input is the answer. */
export class AnthropicMessagesClient implements ProviderClient {
    constructor(protected readonly endpoint: ProviderEndpoint, protected readonly recorder: ResponseRecorder) { }

    async complete(request: CompletionRequest): Promise<CompletionResult> {
        const client = new Anthropic({
            // Explicit values only (nothing from ANTHROPIC_* variables or profile files), and no SDK logging.
            apiKey: this.endpoint.apiKey, authToken: null, baseURL: this.endpoint.baseUrl, maxRetries: 0, timeout: 600_000, logLevel: 'off',
            fetch: this.recorder.fetch as typeof fetch
        });
        const message = await client.messages.create({
            model: request.model,
            max_tokens: request.maxOutputTokens,
            system: request.system,
            messages: [{ role: 'user', content: request.user }],
            tools: [{ name: request.schemaName, description: 'Record the answer.', input_schema: request.jsonSchema as Anthropic.Tool.InputSchema }],
            tool_choice: { type: 'tool', name: request.schemaName }
        }, { signal: request.signal });
        const tool = message.content.find(block => block.type === 'tool_use');
        const text = tool && tool.type === 'tool_use'
            ? JSON.stringify(tool.input)
            : message.content.map(block => block.type === 'text' ? block.text : '').join('');
        return { text, tokensIn: message.usage?.input_tokens ?? 0, tokensOut: message.usage?.output_tokens ?? 0, model: message.model || request.model };
    }
}
