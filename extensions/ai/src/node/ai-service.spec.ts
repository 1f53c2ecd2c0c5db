import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { connectOverRpc } from '@matchpro/core/lib/node/test-support/rpc-pipe';
import { CancellationTokenSource } from '@theia/core/lib/common/cancellation';
import { ConnectionHandler } from '@theia/core/lib/common/messaging';
import { AI_SERVICE_PATH, AiService } from '../common/ai-protocol';
import { AiServiceImpl } from './ai-service-impl';
import { goodAnswer, testKey } from './test-support/ai-fixtures';
import { AiTestBed, createAiTestBed } from './test-support/ai-test-setup';
import { MockProviderServer } from './test-support/mock-provider-server';

function filesUnder(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? filesUnder(full) : [full];
    });
}

/** Every file of the data folder that contains `secret` (as UTF-8 or UTF-16). */
function filesHolding(dir: string, secret: string): string[] {
    return filesUnder(dir).filter(file => {
        const bytes = fs.readFileSync(file);
        return bytes.includes(Buffer.from(secret, 'utf8')) || bytes.includes(Buffer.from(secret, 'utf16le'));
    });
}

describe('AiService (keys, settings, usage)', () => {
    const server = new MockProviderServer();
    let bed: AiTestBed;
    const KEY = testKey('openai');

    before(() => server.start());
    after(() => server.close());
    beforeEach(() => {
        server.reset();
        bed = createAiTestBed(server);
    });
    afterEach(() => bed.dispose());

    it('stores keys only encrypted: no file of the data folder holds one, before or after a snapshot', async () => {
        await bed.storeAll();
        const keys = ['openai', 'anthropic', 'google', 'mistral', 'openai-compatible'].map(p => testKey(p as never));
        assert.ok(filesUnder(bed.dataDir).length > 0);
        for (const key of keys) {
            assert.deepStrictEqual(filesHolding(bed.dataDir, key), [], 'journal');
        }
        await bed.container.get(MatchProDatabase).close();
        for (const key of keys) {
            assert.deepStrictEqual(filesHolding(bed.dataDir, key), [], 'snapshot');
        }
        // Reopened, the key is still usable (it was stored, not lost).
        server.enqueue('openai', { kind: 'answer', answer: { ok: true } });
        assert.strictEqual((await bed.service.testProvider('openai')).ok, true);
        const audit = await bed.container.get(MatchProDatabase).read(store => JSON.stringify(store.all('SELECT * FROM audit_log')));
        assert.ok(audit.includes('ai-provider.add') && !keys.some(key => audit.includes(key)), 'the audit log names the provider, never the key');
    });

    it('shows only the last 4 characters, and nothing of a short key', async () => {
        const saved = await bed.service.saveProvider({ provider: 'openai', key: KEY });
        assert.strictEqual(saved.last4, KEY.slice(-4));
        assert.strictEqual(saved.baseUrl, null);
        const local = await bed.service.saveProvider({ provider: 'openai-compatible', key: 'abc12', baseUrl: 'http://127.0.0.1:11434/v1/', model: 'llama3.1' });
        assert.strictEqual(local.last4, '****');
        assert.strictEqual(local.baseUrl, 'http://127.0.0.1:11434/v1');
        const keyless = await bed.service.saveProvider({ provider: 'openai-compatible', key: undefined, model: 'qwen2.5' });
        assert.deepStrictEqual([keyless.last4, keyless.model, keyless.baseUrl], ['****', 'qwen2.5', 'http://127.0.0.1:11434/v1'], 'changing the model keeps key and URL');
    });

    it('rejects bad provider input with a message naming the field', async () => {
        await assert.rejects(bed.service.saveProvider({ provider: 'anthropic' }), /key: Anthropic needs an API key/);
        await assert.rejects(bed.service.saveProvider({ provider: 'openai-compatible' }), /baseUrl/);
        await assert.rejects(bed.service.saveProvider({ provider: 'openai', key: KEY, baseUrl: 'ftp://x' }), /baseUrl/);
        await assert.rejects(bed.service.saveProvider({ provider: 'nope' as never, key: KEY }), /provider/);
        await assert.rejects(bed.service.saveProvider({ provider: 'openai', key: 'has a space' }), /printable ASCII/);
        await assert.rejects(bed.service.removeProvider('mistral'), /not found/);
        await assert.rejects(bed.service.usage('2025-13'), /month/);
        assert.deepStrictEqual(await bed.service.listProviders(), []);
    });

    it('validates settings: routes need a stored key, prices are unique', async () => {
        const settings = await bed.service.getSettings();
        assert.strictEqual(settings.monthlyBudgetEur, null);
        assert.ok(settings.prices.some(p => p.model === 'gpt-4o-mini'));
        await assert.rejects(bed.settings({ tasks: { ...settings.tasks, 'cv-parsing': { provider: 'mistral', model: null } } }), /tasks\.cv-parsing: no key is stored for Mistral/);
        await assert.rejects(bed.settings({ prices: [...settings.prices, settings.prices[0]] }), /priced twice/);
        await assert.rejects(bed.settings({ monthlyBudgetEur: -1 }), /monthlyBudgetEur/);
        await bed.service.saveProvider({ provider: 'mistral', key: testKey('mistral') });
        const saved = await bed.settings({ monthlyBudgetEur: 20, tasks: { ...settings.tasks, 'cv-parsing': { provider: 'mistral', model: null } } });
        assert.deepStrictEqual(await bed.service.getSettings(), saved);
        await bed.service.removeProvider('mistral');
        assert.strictEqual((await bed.service.getSettings()).tasks['cv-parsing'], null, 'removing a provider sends its tasks back to local');
        assert.strictEqual((await bed.service.getSettings()).monthlyBudgetEur, 20);
    });

    describe('over JSON-RPC, as the workbench calls it', () => {
        let remote: AiService;

        beforeEach(() => {
            const handler = bed.container.getAll<ConnectionHandler>(ConnectionHandler).find(h => h.path === AI_SERVICE_PATH)!;
            remote = connectOverRpc<AiService>(handler);
        });

        it('never returns the key from any method, even in errors', async () => {
            const results: unknown[] = [];
            const called = new Set<string>();
            const call = async <T>(name: keyof AiService, run: () => Promise<T>) => {
                called.add(name);
                try {
                    results.push(await run());
                } catch (error) {
                    results.push({ message: (error as Error).message, data: (error as { data?: unknown }).data, stack: (error as Error).stack });
                }
            };
            await call('saveProvider', () => remote.saveProvider({ provider: 'openai', key: KEY, baseUrl: server.baseUrl('openai'), model: 'gpt-4o-mini' }));
            await call('saveProvider', () => remote.saveProvider({ provider: 'openai', key: KEY + ' x' }));
            await call('listProviders', () => remote.listProviders());
            await call('getSettings', () => remote.getSettings());
            const settings = await remote.getSettings();
            await call('updateSettings', () => remote.updateSettings({ ...settings, tasks: { 'cv-parsing': null, 'offer-drafting': { provider: 'openai', model: null }, 'match-explanation': { provider: 'openai', model: null } } }));
            server.enqueue('openai', { kind: 'answer', answer: { ok: true } });
            await call('testProvider', () => remote.testProvider('openai'));
            server.enqueue('openai', { kind: 'error', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } });
            await call('testProvider', () => remote.testProvider('openai'));
            server.enqueue('openai', { kind: 'error', status: 400, body: { error: { message: `bad request for key ${KEY}` } } });
            await call('testProvider', () => remote.testProvider('openai'));
            server.enqueue('openai', { kind: 'answer', answer: { title: 'Cariste', description: 'Mission.', requiredSkills: [] } });
            await call('draftOffer', () => remote.draftOffer({ title: 'Cariste', notes: '', lang: 'fr' }));
            server.enqueue('openai', { kind: 'answer', answer: { summary: 'Bon profil.', strengths: [], concerns: [] } });
            await call('explainMatch', () => remote.explainMatch({ lang: 'fr', score: 50, breakdown: { semantic: 50, rules: 50, ml: 50 }, offer: { title: 'Cariste' }, candidate: {} }));
            server.enqueue('openai', { kind: 'error', status: 401, body: { error: { message: `Incorrect API key provided: ${KEY}` } } });
            await call('explainMatch', () => remote.explainMatch({ lang: 'fr', score: 50, breakdown: { semantic: 50, rules: 50, ml: 50 }, offer: { title: 'Cariste' }, candidate: {} }));
            await call('usage', () => remote.usage());
            await call('removeProvider', () => remote.removeProvider('openai'));

            const methods = Object.getOwnPropertyNames(AiServiceImpl.prototype).filter(name => name !== 'constructor');
            assert.deepStrictEqual([...called].sort(), methods.sort(), 'every RPC method was called');
            const text = JSON.stringify(results);
            assert.ok(!text.includes(KEY), 'no result or error carries the key');
            assert.ok(!text.includes(KEY.slice(0, -4)), 'nor any long part of it');
            assert.match(text, /refused the key \(HTTP 401\)/);
            assert.strictEqual((results[2] as { last4: string }[])[0].last4, KEY.slice(-4));
            assert.strictEqual(server.requestsFor('openai').length, 6);
        });

        it('sends a stored key only to the address it was stored with: a new base URL over the RPC needs the key again', async () => {
            await bed.storeAll();
            const attacker = new MockProviderServer();
            await attacker.start();
            try {
                for (const provider of ['openai', 'anthropic', 'openai-compatible'] as const) {
                    await assert.rejects(remote.saveProvider({ provider, baseUrl: attacker.baseUrl(provider) }),
                        (error: Error) => /needs its API key again/.test(error.message));
                    server.enqueue(provider, { kind: 'answer', answer: goodAnswer() });
                    await remote.testProvider(provider);
                    assert.deepStrictEqual(attacker.requestsFor(provider), [], `${provider}: nothing reached the new address`);
                    assert.strictEqual((await remote.listProviders()).find(p => p.provider === provider)?.baseUrl, server.baseUrl(provider));
                }
                // With the key given again, the new address is the user's own choice.
                await remote.saveProvider({ provider: 'openai', key: 'sk-new-key-for-the-new-server', baseUrl: attacker.baseUrl('openai') });
                attacker.enqueue('openai', { kind: 'answer', answer: goodAnswer() });
                await remote.testProvider('openai');
                assert.strictEqual(attacker.requestsFor('openai').length, 1);
                assert.ok(!JSON.stringify(attacker.requestsFor('openai')).includes(testKey('openai')), 'the old key never travels');
            } finally {
                await attacker.close();
            }
        });

        it('cancels a provider call from a Theia CancellationToken', async () => {
            await remote.saveProvider({ provider: 'anthropic', key: testKey('anthropic'), baseUrl: server.baseUrl('anthropic') });
            server.enqueue('anthropic', { kind: 'slow', ms: 20_000, answer: { ok: true } });
            const source = new CancellationTokenSource();
            setTimeout(() => source.cancel(), 200);
            const result = await remote.testProvider('anthropic', source.token);
            assert.deepStrictEqual([result.ok, result.failure], [false, 'cancelled']);
        });

        it('reports usage per provider, model and task with the budget', async () => {
            await remote.saveProvider({ provider: 'google', key: testKey('google'), baseUrl: server.baseUrl('google'), model: 'gemini-2.5-flash' });
            await remote.updateSettings({ ...(await remote.getSettings()), monthlyBudgetEur: 5 });
            server.enqueue('google', { kind: 'answer', answer: { ok: true }, tokensIn: 10, tokensOut: 3 }, { kind: 'answer', answer: { ok: true }, tokensIn: 20, tokensOut: 4 });
            await remote.testProvider('google');
            await remote.testProvider('google');
            const usage = await remote.usage();
            assert.strictEqual(usage.budgetEur, 5);
            assert.deepStrictEqual(usage.rows.map(r => [r.provider, r.model, r.task, r.calls, r.tokensIn, r.tokensOut]), [['google', 'gemini-2.5-flash', 'test', 2, 30, 7]]);
            assert.ok(Math.abs(usage.totalEur - (30 * 0.28 + 7 * 2.3) / 1e6) < 1e-12);
            assert.deepStrictEqual((await remote.usage('2001-01')).rows, []);
        });
    });

    describe('CLI', () => {
        const command = (words: string) => bed.container.getAll<CliCommand>(CliCommand).find(c => c.words.join(' ') === words)!;
        let dir: string;
        beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-ai-cli-')); });
        afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

        it('ai-key set reads the key from a file and answers {provider, last4}; ai-key list never shows the key', async () => {
            const keyFile = path.join(dir, 'openai.key');
            fs.writeFileSync(keyFile, KEY + '\n');
            const set = await command('ai-key set').run({ positionals: ['openai'], options: { 'key-file': keyFile, 'model': 'gpt-4o-mini' }, json: true });
            assert.deepStrictEqual(set, { provider: 'openai', last4: KEY.slice(-4) });
            const local = await command('ai-key set').run({ positionals: ['openai-compatible'], options: { 'base-url': 'http://127.0.0.1:8080/v1', 'model': 'qwen2.5' }, json: true });
            assert.deepStrictEqual(local, { provider: 'openai-compatible', last4: null });
            const list = await command('ai-key list').run({ positionals: [], options: {}, json: true });
            assert.deepStrictEqual(list, [
                { provider: 'openai', last4: KEY.slice(-4), baseUrl: null, model: 'gpt-4o-mini' },
                { provider: 'openai-compatible', last4: null, baseUrl: 'http://127.0.0.1:8080/v1', model: 'qwen2.5' }
            ]);
            assert.ok(!JSON.stringify(list).includes(KEY));
            assert.match(command('ai-key list').formatText!(list), /openai .*…/);
            await command('ai-key remove').run({ positionals: ['openai-compatible'], options: {}, json: true });
            assert.strictEqual((await bed.service.listProviders()).length, 1);
        });

        it('ai-key set names what is wrong', async () => {
            const set = command('ai-key set');
            const fail = (positionals: string[], options: Record<string, string | boolean>, pattern: RegExp) =>
                assert.rejects(set.run({ positionals, options, json: true }), (error: Error) => error instanceof CliUserError && pattern.test(error.message));
            await fail([], {}, /PROVIDER is required/);
            await fail(['openia'], {}, /unknown AI provider "openia"/);
            await fail(['openai'], {}, /--key-file FILE is required/);
            await fail(['openai'], { 'key-file': path.join(dir, 'missing.key') }, /missing\.key: cannot read the key file \(ENOENT\)/);
            fs.writeFileSync(path.join(dir, 'empty.key'), '\n');
            await fail(['openai'], { 'key-file': path.join(dir, 'empty.key') }, /the key file is empty/);
            fs.writeFileSync(path.join(dir, 'ok.key'), KEY);
            await fail(['openai'], { 'key-file': path.join(dir, 'ok.key'), 'base-url': 'not a url' }, /baseUrl/);
            await fail(['openai-compatible'], {}, /baseUrl/);
        });

        it('ai-key test reports a refused key as a user error', async () => {
            await bed.service.saveProvider({ provider: 'openai', key: KEY, baseUrl: server.baseUrl('openai') });
            server.enqueue('openai', { kind: 'error', status: 401 }, { kind: 'answer', answer: { ok: true } });
            await assert.rejects(command('ai-key test').run({ positionals: ['openai'], options: {}, json: true }), (e: Error) => e instanceof CliUserError && /refused the key/.test(e.message));
            const ok = await command('ai-key test').run({ positionals: ['openai'], options: {}, json: true });
            assert.strictEqual((ok as { ok: boolean }).ok, true);
        });
    });

    it('uses the real answer shape of each SDK for a connection test', async () => {
        await bed.storeAll();
        for (const provider of ['openai', 'anthropic', 'google', 'mistral', 'openai-compatible'] as const) {
            server.enqueue(provider, { kind: 'answer', answer: goodAnswer() });
            const result = await bed.service.testProvider(provider);
            assert.deepStrictEqual([result.ok, result.failure], [false, 'malformed-answer'], `${provider}: an answer without "ok" is not a success`);
        }
    });
});
