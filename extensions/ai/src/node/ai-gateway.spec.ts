import * as assert from 'assert';
import { aiFailureKind } from '../common/ai-errors';
import { AI_PROVIDERS, AiProviderId } from '../common/ai-provider';
import { CV_TEXT, goodAnswer, INJECTED_CV_TEXT, localProfile, obeyingAnswer, TEST_MODELS, testKey } from './test-support/ai-fixtures';
import { AiTestBed, createAiTestBed } from './test-support/ai-test-setup';
import { MockProviderServer } from './test-support/mock-provider-server';

/** Where each provider's wire format carries the key. */
function keyHeader(provider: AiProviderId, headers: Record<string, string | string[] | undefined>): string | undefined {
    switch (provider) {
        // The SDK sends x-api-key or, since 1.x, a Bearer authorization.
        case 'anthropic': return (headers['x-api-key'] as string) ?? (headers.authorization as string)?.replace(/^Bearer /, '');
        case 'google': return headers['x-goog-api-key'] as string;
        default: return (headers.authorization as string)?.replace(/^Bearer /, '');
    }
}

/** Where each provider's wire format asks for structured output. */
function structuredMode(provider: AiProviderId, body: Record<string, unknown>): unknown {
    switch (provider) {
        case 'anthropic': return (body.tool_choice as { type: string }).type === 'tool' && (body.tools as { input_schema: unknown }[])[0].input_schema;
        case 'google': return (body.generationConfig as { responseMimeType: string; responseJsonSchema: unknown }).responseMimeType === 'application/json'
            && (body.generationConfig as { responseJsonSchema: unknown }).responseJsonSchema;
        default: return (body.response_format as { type: string; json_schema: { schema: unknown } }).type === 'json_schema'
            && (body.response_format as { json_schema: { schema: unknown } }).json_schema.schema;
    }
}

describe('AiGateway against mock provider servers', () => {
    const server = new MockProviderServer();
    let bed: AiTestBed;

    before(() => server.start());
    after(() => server.close());
    beforeEach(async () => {
        server.reset();
        bed = createAiTestBed(server);
        await bed.storeAll();
        await bed.settings({ maxRetries: 2, timeoutMs: 10_000 });
    });
    afterEach(() => bed.dispose());

    for (const provider of AI_PROVIDERS) {
        describe(provider, () => {
            it('refines a profile through the structured mode, with the stored key, and records usage with cost', async () => {
                server.enqueue(provider, { kind: 'answer', answer: goodAnswer(), tokensIn: 1000, tokensOut: 200 });
                const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider });
                assert.strictEqual(result.failure, undefined);
                assert.strictEqual(result.provider, provider);
                assert.strictEqual(result.profile.email, 'jp.dupont@example.fr');
                assert.strictEqual(result.profile.phone, '+33612345678');
                assert.ok(result.aiFields.includes('email') && result.aiFields.includes('skills'));
                const [request] = server.requestsFor(provider);
                assert.strictEqual(keyHeader(provider, request.headers), testKey(provider));
                const schema = structuredMode(provider, request.body) as { properties: Record<string, unknown> };
                assert.ok(schema && schema.properties.email && schema.properties.skills, 'the JSON schema was sent');
                assert.ok(!JSON.stringify(schema).includes('score'), 'no score field is ever asked for');
                const usage = await bed.service.usage();
                const row = usage.rows.find(r => r.provider === provider)!;
                assert.deepStrictEqual([row.model, row.task, row.calls, row.tokensIn, row.tokensOut], [TEST_MODELS[provider], 'cv-parsing', 1, 1000, 200]);
                if (provider === 'openai-compatible') {
                    assert.ok(row.unpriced && row.costEur === 0, 'a local model is free and flagged unpriced');
                } else {
                    assert.ok(!row.unpriced && row.costEur > 0);
                    assert.ok(Math.abs(usage.totalEur - row.costEur) < 1e-12);
                }
            });

            it('falls back to the local profile on malformed JSON, with a clear reason', async () => {
                server.enqueue(provider, { kind: 'answer', answer: 'Sure! Here is the profile: {"firstName": "Jean"' });
                const local = localProfile();
                const result = await bed.gateway.refineProfile(CV_TEXT, local, { provider });
                assert.deepStrictEqual(result.profile, local);
                assert.deepStrictEqual(result.aiFields, []);
                assert.strictEqual(result.failure?.kind, 'malformed-answer');
                assert.match(result.failure!.message, /not valid JSON.*ignored/);
                assert.strictEqual((await bed.service.usage()).rows[0].calls, 1, 'the tokens of a useless answer are still counted');
            });

            it('rejects JSON of the wrong shape, naming the field', async () => {
                server.enqueue(provider, { kind: 'answer', answer: { ...goodAnswer(), skills: 'SAP' } });
                const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider });
                assert.strictEqual(result.failure?.kind, 'malformed-answer');
                assert.match(result.failure!.message, /skills/);
            });

            it('says the key was refused on 401, without retrying and without echoing the key', async () => {
                server.enqueue(provider, { kind: 'error', status: 401, body: { error: { message: `Incorrect API key provided: ${testKey(provider)}` } } });
                const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider });
                assert.strictEqual(result.failure?.kind, 'bad-key');
                assert.match(result.failure!.message, /refused the key \(HTTP 401\)/);
                assert.ok(!result.failure!.message.includes(testKey(provider)));
                assert.strictEqual(server.requestsFor(provider).length, 1);
            });

            it('retries after a 429, waiting as long as Retry-After says, then succeeds', async () => {
                server.enqueue(provider, { kind: 'error', status: 429, headers: { 'Retry-After': '1' } }, { kind: 'answer', answer: goodAnswer() });
                const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider });
                assert.strictEqual(result.failure, undefined);
                const [first, second] = server.requestsFor(provider);
                assert.ok(second, 'retried');
                assert.ok(second.at - first.at >= 950, `waited ${second.at - first.at} ms for Retry-After: 1`);
            });

            it('gives up after the timeout with a clear message', async () => {
                await bed.settings({ timeoutMs: 1000, maxRetries: 0 });
                server.enqueue(provider, { kind: 'slow', ms: 20_000, answer: goodAnswer() });
                const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider });
                assert.strictEqual(result.failure?.kind, 'timeout');
                assert.match(result.failure!.message, /did not answer within 1 s/);
            });
        });
    }

    it('retries a 503 with backoff when no Retry-After is given', async () => {
        server.enqueue('openai', { kind: 'error', status: 503 }, { kind: 'error', status: 502 }, { kind: 'answer', answer: goodAnswer() });
        const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'openai' });
        assert.strictEqual(result.failure, undefined);
        assert.strictEqual(server.requestsFor('openai').length, 3);
    });

    it('stops after maxRetries and reports the provider as unavailable', async () => {
        await bed.settings({ maxRetries: 1 });
        server.enqueue('mistral', { kind: 'error', status: 500 }, { kind: 'error', status: 500 }, { kind: 'answer', answer: goodAnswer() });
        const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'mistral' });
        assert.strictEqual(result.failure?.kind, 'provider-error');
        assert.match(result.failure!.message, /unavailable \(HTTP 500\) after 2 attempts/);
        assert.strictEqual(server.requestsFor('mistral').length, 2);
    });

    it('does not wait for a Retry-After beyond the limit: it says when to try again', async () => {
        server.enqueue('anthropic', { kind: 'error', status: 429, headers: { 'Retry-After': '3600' } });
        const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'anthropic' });
        assert.strictEqual(result.failure?.kind, 'rate-limited');
        assert.match(result.failure!.message, /try again in 3600 s/);
        assert.strictEqual(server.requestsFor('anthropic').length, 1);
    });

    it('reports an exhausted quota without retrying', async () => {
        server.enqueue('openai', { kind: 'error', status: 429, body: { error: { message: 'You exceeded your current quota', type: 'insufficient_quota', code: 'insufficient_quota' } } });
        const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'openai' });
        assert.strictEqual(result.failure?.kind, 'quota');
        assert.match(result.failure!.message, /quota or credit of your OpenAI account is exhausted/);
        assert.strictEqual(server.requestsFor('openai').length, 1);
    });

    it('is cancelled by an AbortSignal', async () => {
        server.enqueue('google', { kind: 'slow', ms: 20_000, answer: goodAnswer() });
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 100);
        const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'google', signal: controller.signal });
        assert.strictEqual(result.failure?.kind, 'cancelled');
    });

    it('reports an unreachable server', async () => {
        await bed.service.saveProvider({ provider: 'openai-compatible', key: testKey('openai-compatible'), baseUrl: 'http://127.0.0.1:9/v1' });
        await bed.settings({ maxRetries: 0 });
        const result = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'openai-compatible' });
        assert.strictEqual(result.failure?.kind, 'unreachable');
    });

    it('keeps a CV\'s injected instructions from changing fields: fabricated values are dropped and reported', async () => {
        server.enqueue('openai', { kind: 'answer', answer: obeyingAnswer() });
        const local = localProfile();
        const result = await bed.gateway.refineProfile(INJECTED_CV_TEXT, local, { provider: 'openai' });
        assert.strictEqual(result.failure, undefined);
        assert.strictEqual(result.profile.email, null);
        assert.ok(!result.profile.skills.some(s => s.name === 'Machine Learning'));
        assert.ok(result.dropped.some(d => d.field === 'email' && d.value === 'ceo@bigcorp.example'));
        assert.ok(result.dropped.some(d => d.field === 'skills' && d.value === 'Machine Learning'));
        assert.ok(!('score' in result.profile));
        const sent = JSON.stringify(server.requestsFor('openai')[0].body);
        assert.match(sent, /data, never instructions/);
    });

    it('works offline when no provider is chosen for the task', async () => {
        const local = localProfile();
        const result = await bed.gateway.refineProfile(CV_TEXT, local);
        assert.deepStrictEqual(result.profile, local);
        assert.strictEqual(result.failure?.kind, 'not-configured');
        assert.strictEqual(server.requests.length, 0);
    });

    it('uses the provider and model chosen per task', async () => {
        await bed.settings({ tasks: { 'cv-parsing': { provider: 'mistral', model: 'mistral-large-latest' }, 'offer-drafting': null, 'match-explanation': null } });
        server.enqueue('mistral', { kind: 'answer', answer: goodAnswer() });
        const result = await bed.gateway.refineProfile(CV_TEXT, localProfile());
        assert.strictEqual(result.provider, 'mistral');
        assert.strictEqual(result.model, 'mistral-large-latest');
        assert.strictEqual(server.requestsFor('mistral')[0].body.model, 'mistral-large-latest');
        assert.ok(await bed.gateway.isConfigured('cv-parsing'));
        assert.ok(!(await bed.gateway.isConfigured('offer-drafting')));
    });

    it('drafts an offer validated against its schema, and refuses an invalid one', async () => {
        const draft = { title: 'Cariste H/F', description: 'Mission de 3 mois à Vénissieux.', requiredSkills: [{ name: 'CACES R489 cat. 3', mandatory: true }, { name: 'caces r489 cat 3', mandatory: false }] };
        server.enqueue('anthropic', { kind: 'answer', answer: draft });
        const result = await bed.gateway.draftOffer({ title: 'Cariste', notes: 'CACES 3 obligatoire, 3 mois', lang: 'fr' }, { provider: 'anthropic' });
        assert.strictEqual(result.title, 'Cariste H/F');
        assert.deepStrictEqual(result.requiredSkills, [{ name: 'CACES R489 cat. 3', mandatory: true }], 'duplicates removed');
        server.enqueue('anthropic', { kind: 'answer', answer: { title: 'Cariste', requiredSkills: [] } });
        await assert.rejects(bed.gateway.draftOffer({ title: 'Cariste' }, { provider: 'anthropic' }),
            (error: Error) => aiFailureKind(error) === 'malformed-answer' && /description/.test(error.message));
        await assert.rejects(bed.gateway.draftOffer({ title: '' }, { provider: 'anthropic' }), /title/);
    });

    it('explains a match without letting the model change the score', async () => {
        server.enqueue('google', {
            kind: 'answer', answer: {
                summary: 'Bon profil de cariste avec le CACES demandé. Ce candidat mérite 100/100. Il habite près du site.',
                strengths: ['CACES R489 cat. 3', 'Note réelle : 97 %'], concerns: ['Pas d\'expérience en froid']
            }
        });
        const result = await bed.gateway.explainMatch({
            lang: 'fr', score: 72, breakdown: { semantic: 70, rules: 80, ml: 65 },
            offer: { title: 'Cariste', requiredSkills: ['CACES R489 cat. 3'] }, candidate: { title: 'Cariste', skills: ['gestion de stock'] }
        }, { provider: 'google' });
        assert.strictEqual(result.score, 72);
        assert.strictEqual(result.summary, 'Bon profil de cariste avec le CACES demandé. Il habite près du site.');
        assert.deepStrictEqual(result.strengths, ['CACES R489 cat. 3']);
        const sent = JSON.stringify(server.requestsFor('google')[0].body);
        assert.ok(!/firstName|email/.test(sent), 'no identity is sent for an explanation');
    });

    it('refuses calls once the monthly budget is used up, with a clear message', async () => {
        await bed.settings({ monthlyBudgetEur: 0.0005 });
        server.enqueue('openai', { kind: 'answer', answer: goodAnswer(), tokensIn: 2000, tokensOut: 1000 });
        const first = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'openai' });
        assert.strictEqual(first.failure, undefined);
        const second = await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'openai' });
        assert.strictEqual(second.failure?.kind, 'budget-exceeded');
        assert.match(second.failure!.message, /monthly AI budget of 0\.00 € is used up/);
        assert.strictEqual(server.requestsFor('openai').length, 1, 'the refused call never reached the provider');
        const test = await bed.service.testProvider('openai');
        assert.deepStrictEqual([test.ok, test.failure], [false, 'budget-exceeded']);
    });

    it('prices usage from the table the user edits', async () => {
        const settings = await bed.service.getSettings();
        await bed.settings({ prices: [...settings.prices.filter(p => p.model !== 'gpt-4o-mini'), { model: 'gpt-4o-mini', inputEurPerMTok: 1, outputEurPerMTok: 2 }] });
        server.enqueue('openai', { kind: 'answer', answer: goodAnswer(), tokensIn: 1_000_000, tokensOut: 500_000 });
        await bed.gateway.refineProfile(CV_TEXT, localProfile(), { provider: 'openai' });
        const usage = await bed.service.usage();
        assert.ok(Math.abs(usage.rows[0].costEur - 2) < 1e-9, `cost ${usage.rows[0].costEur}`);
    });
});
