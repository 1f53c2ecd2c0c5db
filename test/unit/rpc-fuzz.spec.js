// Every method of every MatchPro service, called over the same guarded JSON-RPC the workbench page uses,
// with malformed, wrong-type and oversized arguments: the backend stays up, every refusal is a clear user
// error (a MatchPro error code and a message naming what is wrong), and nothing stored changes.
'use strict';
const assert = require('assert');
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ConnectionHandler } = require('@theia/core/lib/common/messaging');
const { createCliContainer } = require('@matchpro/cli/lib/matchpro-cli');
const { MatchProDatabase } = require('@matchpro/core/lib/node/matchpro-database');
const { MatchProErrors } = require('@matchpro/core/lib/common/errors');
const { emptyParsedProfile } = require('@matchpro/core/lib/common/parsed-profile');
const { connectOverRpc } = require('@matchpro/core/lib/node/test-support/rpc-pipe');
const { WorkbenchServiceAccess } = require('@matchpro/core/lib/common/workbench-protocol');
const { CandidateServiceAccess } = require('@matchpro/candidates/lib/common/candidate-protocol');
const { CompanyServiceAccess } = require('@matchpro/companies/lib/common/company-protocol');
const { OfferServiceAccess } = require('@matchpro/offers/lib/common/offer-protocol');
const { PlacementServiceAccess } = require('@matchpro/offers/lib/common/placement-protocol');
const { MatchingServiceAccess } = require('@matchpro/matching/lib/common/matching-protocol');
const { DashboardServiceAccess } = require('@matchpro/analytics/lib/common/dashboard-protocol');
const { TaxonomyServiceAccess } = require('@matchpro/taxonomy/lib/common/taxonomy-protocol');
const { AiServiceAccess } = require('@matchpro/ai/lib/common/ai-protocol');

const SERVICES = {
    '/services/matchpro/workbench': WorkbenchServiceAccess,
    '/services/matchpro/candidates': CandidateServiceAccess,
    '/services/matchpro/companies': CompanyServiceAccess,
    '/services/matchpro/offers': OfferServiceAccess,
    '/services/matchpro/placements': PlacementServiceAccess,
    '/services/matchpro/matching': MatchingServiceAccess,
    '/services/matchpro/dashboard': DashboardServiceAccess,
    '/services/matchpro/taxonomy': TaxonomyServiceAccess,
    '/services/matchpro/ai': AiServiceAccess
};
/** Loads the whole demo agency whatever its arguments: by design, not a fuzz target. */
const SKIPPED = new Set(['/services/matchpro/workbench#loadDemoData']);

function nested(depth) {
    let value = { leaf: 1 };
    for (let i = 0; i < depth; i++) {
        value = { inner: value };
    }
    return value;
}

/** Argument lists no workbench screen sends. */
function malformedArguments(realId) {
    const huge = 'x'.repeat(1_200_000);
    return [
        [], [null], [undefined, undefined, undefined], [42], [true, 'x', -1], [{}], [[]], [['a', 'b']],
        [{ constructor: 'x', __proto__: { polluted: true } }], [huge], [realId, huge], [realId, 'not-a-number', { bogus: true }],
        [realId, 1e308, { name: 42, email: ['x'], firstName: { a: 1 } }], [new Array(25_000).fill('a')], [nested(40)],
        ['../../../../etc/passwd'], [realId, -1, null], [NaN], [new Uint8Array(27 * 1024 * 1024)], ['x', new Uint8Array([1, 2, 3]), { onDuplicate: 42 }]
    ];
}

async function digest(db) {
    return db.read(store => {
        const tables = {};
        for (const table of ['companies', 'contacts', 'offers', 'candidates', 'cv_files', 'matchings', 'interactions', 'placements', 'ai_keys', 'users']) {
            tables[table] = crypto.createHash('sha256').update(JSON.stringify(store.all(`SELECT * FROM ${table} ORDER BY 1`))).digest('hex').slice(0, 12);
        }
        return tables;
    });
}

describe('RPC fuzz: malformed arguments to every MatchPro service', function () {
    this.timeout(600_000);
    let dataDir;
    let container;

    before(() => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-fuzz-'));
        container = createCliContainer({ dataDir, actor: 'fuzz' });
    });
    after(async () => {
        await container.get(MatchProDatabase).close();
        fs.rmSync(dataDir, { recursive: true, force: true });
    });

    it('answers every malformed call with a clear user error and changes nothing stored', async () => {
        const handlers = container.getAll(ConnectionHandler);
        const remote = path => connectOverRpc(handlers.find(h => h.path === path));
        const companies = remote('/services/matchpro/companies');
        const company = await companies.create({ name: 'Transports Veyrier', siret: '73282932000074', city: 'Vénissieux' });
        const offer = await remote('/services/matchpro/offers').create({ companyId: company.id, title: 'Cariste CACES R489 cat. 3', contractType: 'mission', city: 'Lyon' }, 'active');
        const candidate = await remote('/services/matchpro/candidates').create({ ...emptyParsedProfile('fr'), firstName: 'Inès', lastName: 'Moreau', email: 'ines.moreau@example.fr', city: 'Lyon' });
        const db = container.get(MatchProDatabase);
        const before = await digest(db);
        const filesBefore = fs.readdirSync(process.cwd()).sort();
        const unclear = [];
        let calls = 0;
        for (const [servicePath, access] of Object.entries(SERVICES)) {
            const service = remote(servicePath);
            for (const method of Object.keys(access)) {
                if (SKIPPED.has(`${servicePath}#${method}`)) {
                    continue;
                }
                for (const args of malformedArguments(method.includes('andidate') ? candidate.id : method.includes('ffer') ? offer.id : company.id)) {
                    calls++;
                    try {
                        await service[method](...args);
                    } catch (error) {
                        const clear = MatchProErrors.isUserError(error) && typeof error.message === 'string' && error.message.length > 0 && error.message.length < 2000;
                        if (!clear) {
                            unclear.push(`${servicePath}#${method}(${args.map(a => typeof a === 'string' ? a.slice(0, 20) : Array.isArray(a) ? `[${a.length}]` : String(a)).join(', ')}): ${String(error && error.message).slice(0, 160)}`);
                        }
                    }
                }
            }
        }
        assert.deepStrictEqual(unclear, [], `${unclear.length} of ${calls} malformed calls failed without a clear user error`);
        assert.deepStrictEqual(await digest(db), before, 'stored records are unchanged');
        assert.deepStrictEqual(fs.readdirSync(process.cwd()).sort(), filesBefore, 'no file was written by a malformed call (a backup named by an id, say)');
        assert.strictEqual((await companies.get(company.id)).name, 'Transports Veyrier', 'the backend still answers');
    });
});
