import * as assert from 'assert';
import { luhnValid, MatchProErrors, siretProblem } from '@matchpro/core/lib/common';
import { createTestContainer, TestContainer } from '@matchpro/core/lib/node/test-support/matchpro-test-container';
import { connectOverRpc } from '@matchpro/core/lib/node/test-support/rpc-pipe';
import { ConnectionHandler } from '@theia/core/lib/common/messaging';
import { COMPANY_SERVICE_PATH, CompanyService } from '../common/company-protocol';
import companiesBackendModule from './companies-backend-module';

describe('SIRET validation', () => {
    it('accepts valid SIRETs, with spaces or dots', () => {
        assert.strictEqual(siretProblem('73282932000074'), undefined);
        assert.strictEqual(siretProblem('732 829 320 00074'), undefined);
        assert.strictEqual(siretProblem('356 000 000 00048'), undefined, 'La Poste head office');
        assert.strictEqual(siretProblem('35600000010000'), undefined, 'La Poste establishments may use the digit-sum rule');
    });
    it('rejects a wrong check digit, a wrong length and letters', () => {
        assert.match(siretProblem('73282932000075')!, /check digit/);
        assert.match(siretProblem('7328293200007')!, /14 digits/);
        assert.match(siretProblem('7328293200007A')!, /14 digits/);
        assert.strictEqual(luhnValid('79927398713'), true);
        assert.strictEqual(luhnValid('79927398710'), false);
    });
});

describe('CompanyService', () => {
    let test: TestContainer;
    let companies: CompanyService;

    beforeEach(() => {
        test = createTestContainer(companiesBackendModule);
        companies = test.container.get<CompanyService>(CompanyService);
    });
    afterEach(() => test.dispose());

    it('creates, finds by SIRET, lists and updates a company', async () => {
        const created = await companies.create({ name: 'Transports Veyrier', siret: '732 829 320 00074', address: { city: 'Vénissieux', postcode: '69200', country: 'FR' } });
        assert.strictEqual(created.siret, '73282932000074');
        assert.strictEqual(created.version, 1);
        assert.strictEqual((await companies.findBySiret('73282932000074'))?.id, created.id);
        assert.deepStrictEqual((await companies.list('Vénis')).map(c => c.name), ['Transports Veyrier']);
        // accents and case do not matter: what a recruiter types on a phone keyboard finds the company
        assert.deepStrictEqual((await companies.list('VENISSIEUX')).map(c => c.name), ['Transports Veyrier']);
        await companies.create({ name: 'Société Générale de Levage', address: { city: 'Lyon', country: 'FR' } });
        assert.deepStrictEqual((await companies.list('societe generale')).map(c => c.name), ['Société Générale de Levage']);
        const updated = await companies.update(created.id, 1, { name: 'Transports Veyrier SA', siret: '73282932000074' });
        assert.strictEqual(updated.version, 2);
        assert.strictEqual((await companies.get(created.id)).name, 'Transports Veyrier SA');
    });

    it('refuses a second company with the same SIRET, naming the first', async () => {
        await companies.create({ name: 'Alpha', siret: '73282932000074' });
        await assert.rejects(companies.create({ name: 'Beta', siret: '73282932000074' }), (error: Error) =>
            MatchProErrors.Rejected.is(error) && /already used by the company "Alpha"/.test(error.message));
        assert.strictEqual((await companies.list()).length, 1);
    });

    it('reports a stale version as a conflict instead of losing an update', async () => {
        const company = await companies.create({ name: 'Gamma' });
        await companies.update(company.id, 1, { name: 'Gamma (window 1)' });
        await assert.rejects(companies.update(company.id, 1, { name: 'Gamma (window 2)' }), (error: Error) =>
            MatchProErrors.Conflict.is(error) && /changed by someone else/.test(error.message));
        assert.strictEqual((await companies.get(company.id)).name, 'Gamma (window 1)');
    });

    it('keeps one principal contact per company', async () => {
        const company = await companies.create({ name: 'Delta' });
        await companies.saveContact({ companyId: company.id, firstName: 'Ana', lastName: 'Roy', principal: true });
        await companies.saveContact({ companyId: company.id, firstName: 'Bob', lastName: 'Lee', principal: true });
        const contacts = await companies.listContacts(company.id);
        assert.deepStrictEqual(contacts.map(c => [c.firstName, c.principal]), [['Bob', true], ['Ana', false]]);
        assert.strictEqual((await companies.list())[0].contacts, 2);
    });

    describe('over JSON-RPC, as the workbench calls it', () => {
        let remote: CompanyService;

        beforeEach(() => {
            const handler = test.container.getAll<ConnectionHandler>(ConnectionHandler).find(h => h.path === COMPANY_SERVICE_PATH)!;
            remote = connectOverRpc<CompanyService>(handler);
        });

        it('round-trips a company', async () => {
            const created = await remote.create({ name: 'Epsilon', siret: '73282932000074' });
            assert.strictEqual((await remote.get(created.id)).name, 'Epsilon');
            assert.deepStrictEqual((await remote.list()).map(c => c.id), [created.id]);
        });

        it('rejects bad input with a clear error naming the field, and stores nothing', async () => {
            const cases: [unknown, RegExp][] = [
                [{}, /company\.name/],
                [{ name: 42 }, /company\.name/],
                [{ name: 'x'.repeat(100_000) }, /company\.name/],
                [{ name: 'Zeta', siret: '12345678901234' }, /company\.siret: SIRET check digit is wrong/],
                [{ name: 'Zeta', website: 'not a url' }, /company\.website/],
                ['a string', /invalid company/]
            ];
            for (const [input, message] of cases) {
                await assert.rejects(remote.create(input as never), (error: Error) => {
                    assert.ok(MatchProErrors.InvalidInput.is(error), `expected InvalidInput for ${JSON.stringify(input).slice(0, 60)}, got ${error.message}`);
                    assert.match(error.message, message);
                    return true;
                });
            }
            assert.deepStrictEqual(await remote.list(), []);
        });
    });
});
