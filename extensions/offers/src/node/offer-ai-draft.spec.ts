import * as assert from 'assert';
import { AiService } from '@matchpro/ai/lib/common/ai-protocol';
import aiBackendModule from '@matchpro/ai/lib/node/ai-backend-module';
import { MockProviderServer } from '@matchpro/ai/lib/node/test-support/mock-provider-server';
import { CompanyService } from '@matchpro/companies/lib/common/company-protocol';
import companiesBackendModule from '@matchpro/companies/lib/node/companies-backend-module';
import { createTestContainer, TestContainer } from '@matchpro/core/lib/node/test-support/matchpro-test-container';
import taxonomyBackendModule from '@matchpro/taxonomy/lib/node/taxonomy-backend-module';
import { OfferService } from '../common/offer-protocol';
import offersBackendModule from './offers-backend-module';

describe('Offer drafting through the user\'s AI provider', function () {
    this.timeout(120_000);
    let server: MockProviderServer;
    let test: TestContainer;
    let offers: OfferService;
    let companyId: string;

    before(async () => {
        server = new MockProviderServer();
        await server.start();
        test = createTestContainer(taxonomyBackendModule, companiesBackendModule, aiBackendModule, offersBackendModule);
        offers = test.container.get<OfferService>(OfferService);
        companyId = (await test.container.get<CompanyService>(CompanyService).create({ name: 'Transports Veyrier' })).id;
    });
    after(async () => {
        await test.dispose();
        await server.close();
    });
    afterEach(() => server.reset());

    it('stays offline while no provider is chosen for offer drafting', async () => {
        const draft = await offers.draft({ title: 'Conducteur poids lourd', lang: 'fr', companyId });
        assert.strictEqual(draft.source, 'taxonomy');
        assert.strictEqual(server.requests.length, 0, 'nothing was sent anywhere');
    });

    it('uses the configured provider, grounded on the taxonomy draft, and falls back offline when it fails', async () => {
        const ai = test.container.get<AiService>(AiService);
        await ai.saveProvider({ provider: 'openai-compatible', key: 'local-server-key-123456', baseUrl: server.baseUrl('openai-compatible'), model: 'llama3' });
        await ai.updateSettings({ ...(await ai.getSettings()), tasks: { 'cv-parsing': null, 'match-explanation': null, 'offer-drafting': { provider: 'openai-compatible', model: null } } });
        server.enqueue('openai-compatible', { kind: 'answer', answer: {
            title: 'Conducteur poids lourd (H/F)', description: 'Transports Veyrier recrute un conducteur poids lourd pour des livraisons régionales.',
            requiredSkills: [{ name: 'permis C', mandatory: true }]
        } });
        const drafted = await offers.draft({ title: 'Conducteur poids lourd', lang: 'fr', companyId, notes: 'Livraisons régionales, retour chaque soir.' });
        assert.strictEqual(drafted.source, 'openai-compatible');
        assert.match(drafted.description, /livraisons régionales/);
        assert.ok(drafted.requiredSkills.some(s => s.name === 'permis C' && s.mandatory));
        assert.ok(drafted.requiredSkills.some(s => s.escoUri), 'the ESCO skills of the occupation are kept');
        const sent = JSON.stringify(server.requests[0].body);
        assert.match(sent, /Livraisons régionales, retour chaque soir/, 'the recruiter notes are sent');
        assert.match(sent, /Vos missions/, 'the taxonomy draft grounds the provider');

        server.enqueue('openai-compatible', { kind: 'error', status: 401, body: { error: { message: 'invalid key' } } });
        const fallback = await offers.draft({ title: 'Conducteur poids lourd', lang: 'fr', companyId });
        assert.strictEqual(fallback.source, 'taxonomy');
        assert.match(fallback.description, /Vos missions/);
    });
});
