import { CompletionRequest, CompletionResult, ProviderClient, ProviderEndpoint, ResponseRecorder } from './provider-client';

/** @google/genai types itself as ESM: loaded through a dynamic import like the other ESM SDKs. */
const importGenAi = () => import('@google/genai');
let genAiModule: ReturnType<typeof importGenAi> | undefined;

/** Google Gemini generateContent (@google/genai) with a JSON response schema. */
export class GeminiClient implements ProviderClient {
    constructor(protected readonly endpoint: ProviderEndpoint, protected readonly recorder: ResponseRecorder) { }

    async complete(request: CompletionRequest): Promise<CompletionResult> {
        genAiModule ??= importGenAi();
        const { GoogleGenAI } = await genAiModule;
        const client = new GoogleGenAI({
            // Gemini API with this key, whatever GOOGLE_GENAI_USE_VERTEXAI says.
            apiKey: this.endpoint.apiKey, vertexai: false,
            httpOptions: { baseUrl: this.endpoint.baseUrl, fetch: this.recorder.fetch as typeof fetch }
        });
        const response = await client.models.generateContent({
            model: request.model,
            contents: [{ role: 'user', parts: [{ text: request.user }] }],
            config: {
                systemInstruction: request.system,
                responseMimeType: 'application/json',
                responseJsonSchema: request.jsonSchema,
                maxOutputTokens: request.maxOutputTokens,
                abortSignal: request.signal
            }
        });
        return {
            text: response.text ?? '',
            tokensIn: response.usageMetadata?.promptTokenCount ?? 0,
            tokensOut: response.usageMetadata?.candidatesTokenCount ?? 0,
            model: response.modelVersion || request.model
        };
    }
}
