import { createTestContainer, TestContainer } from '@matchpro/core/lib/node/test-support/matchpro-test-container';
import { AiService, AiSettings } from '../../common/ai-protocol';
import { AI_PROVIDERS, AiProviderId } from '../../common/ai-provider';
import aiBackendModule from '../ai-backend-module';
import { AiGateway } from '../ai-gateway';
import { MockProviderServer } from './mock-provider-server';
import { TEST_MODELS, testKey } from './ai-fixtures';

export interface AiTestBed extends TestContainer {
    service: AiService;
    gateway: AiGateway;
    /** Stores every provider with its fake key, pointed at the mock server. */
    storeAll(): Promise<void>;
    settings(change: Partial<AiSettings>): Promise<AiSettings>;
}

/** A real backend container (encrypted database in a temp folder) with the AI module, for the specs. */
export function createAiTestBed(server: MockProviderServer): AiTestBed {
    const test = createTestContainer(aiBackendModule);
    const service = test.container.get<AiService>(AiService);
    return {
        ...test, service, gateway: test.container.get(AiGateway),
        async storeAll(): Promise<void> {
            for (const provider of AI_PROVIDERS) {
                await service.saveProvider({ provider, key: testKey(provider), baseUrl: server.baseUrl(provider), model: TEST_MODELS[provider as AiProviderId] });
            }
        },
        async settings(change: Partial<AiSettings>): Promise<AiSettings> {
            return service.updateSettings({ ...(await service.getSettings()), ...change });
        }
    };
}
