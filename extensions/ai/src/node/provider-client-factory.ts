import { injectable } from '@theia/core/shared/inversify';
import { AnthropicMessagesClient } from './anthropic-messages-client';
import { GeminiClient } from './gemini-client';
import { MistralChatClient } from './mistral-chat-client';
import { OpenAiChatClient } from './openai-chat-client';
import { ProviderClient, ProviderEndpoint, ResponseRecorder } from './provider-client';

/** Builds the SDK client for a stored provider (a seam the tests do not need: they use mock servers). */
@injectable()
export class ProviderClientFactory {
    create(endpoint: ProviderEndpoint, recorder: ResponseRecorder): ProviderClient {
        switch (endpoint.provider) {
            case 'openai':
            case 'openai-compatible':
                return new OpenAiChatClient(endpoint, recorder);
            case 'anthropic':
                return new AnthropicMessagesClient(endpoint, recorder);
            case 'google':
                return new GeminiClient(endpoint, recorder);
            case 'mistral':
                return new MistralChatClient(endpoint, recorder);
        }
    }
}
