import * as assert from 'assert';
import { randomUUID } from 'crypto';
import { JobOfferInput, MatchProErrors, OFFER_TRANSITIONS, OfferStatus } from '@matchpro/core/lib/common';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { createTestContainer, TestContainer } from '@matchpro/core/lib/node/test-support/matchpro-test-container';
import { connectOverRpc } from '@matchpro/core/lib/node/test-support/rpc-pipe';
import companiesBackendModule from '@matchpro/companies/lib/node/companies-backend-module';
import { CompanyService } from '@matchpro/companies/lib/common/company-protocol';
import taxonomyBackendModule from '@matchpro/taxonomy/lib/node/taxonomy-backend-module';
import { ConnectionHandler } from '@theia/core/lib/common/messaging';
import { OFFER_SERVICE_PATH, OfferService } from '../common/offer-protocol';
import { PlacementService } from '../common/placement-protocol';
import offersBackendModule from './offers-backend-module';

const ALL_STATUSES = OfferStatus.options;

describe('OfferService', function () {
    this.timeout(120_000);
    let test: TestContainer;
    let offers: OfferService;
    let companyId: string;

    const offerInput = (overrides: Partial<JobOfferInput> = {}): JobOfferInput => ({
        companyId, title: 'Cariste CACES R489 catégorie 3', contractType: 'mission', location: { city: 'Saint-Priest', postcode: '69800', remote: 'none' },
        requiredSkills: [{ name: 'conduite de chariot élévateur', mandatory: true, weight: 2 }], positions: 1, ...overrides
    });

    // One container for the suite: the taxonomy loads once; each test works on offers of its own.
    before(async () => {
        test = createTestContainer(taxonomyBackendModule, companiesBackendModule, offersBackendModule);
        offers = test.container.get<OfferService>(OfferService);
        companyId = (await test.container.get<CompanyService>(CompanyService).create({ name: 'Logistique Rhône Express', siret: '73282932000074' })).id;
    });
    after(() => test.dispose());

    it('starts a new offer as a draft and links its title to an occupation', async () => {
        const offer = await offers.create(offerInput());
        assert.strictEqual(offer.status, 'draft');
        assert.strictEqual(offer.statusHistory.length, 1);
        assert.match(offer.occupationUri ?? '', /^http:\/\/data\.europa\.eu\/esco\/occupation\//);
        assert.match(offer.romeCode ?? '', /^N11/, 'a cariste is in ROME N11xx (logistics handling)');
    });

    for (const from of ALL_STATUSES) {
        for (const to of ALL_STATUSES) {
            const legal = OFFER_TRANSITIONS[from].includes(to);
            it(`${legal ? 'allows' : 'rejects'} ${from} -> ${to}`, async () => {
                let offer = await offers.create(offerInput(), from === 'draft' ? 'draft' : 'active');
                // Walk to `from` by legal steps first.
                const path: Record<OfferStatus, OfferStatus[]> = { draft: [], active: [], suspended: ['suspended'], filled: ['filled'], archived: ['archived'] };
                for (const step of path[from]) {
                    offer = await offers.changeStatus(offer.id, offer.version, step, 'setup');
                }
                if (legal) {
                    const moved = await offers.changeStatus(offer.id, offer.version, to, 'because');
                    assert.strictEqual(moved.status, to);
                    const last = moved.statusHistory[moved.statusHistory.length - 1];
                    assert.deepStrictEqual([last.from, last.to, last.by, last.reason], [from, to, 'test', 'because']);
                    assert.ok(!Number.isNaN(Date.parse(last.at)));
                } else {
                    await assert.rejects(offers.changeStatus(offer.id, offer.version, to), (error: Error) =>
                        MatchProErrors.Rejected.is(error) && error.message.includes(`"${from}"`) && error.message.includes(`"${to}"`));
                    assert.strictEqual((await offers.get(offer.id)).status, from, 'nothing changed');
                }
            });
        }
    }

    it('records each transition in the audit log', async () => {
        const offer = await offers.create(offerInput(), 'active');
        await offers.changeStatus(offer.id, offer.version, 'suspended', 'client asked for a pause');
        const rows = await test.container.get(MatchProDatabase).read(store =>
            store.all<{ action: string; details: string }>("SELECT action, details FROM audit_log WHERE entity = 'offer' AND entity_id = ? ORDER BY at", [offer.id]));
        assert.deepStrictEqual(rows.map(r => r.action), ['create', 'status']);
        assert.deepStrictEqual(JSON.parse(rows[1].details), { to: 'suspended' });
    });

    for (const lang of ['fr', 'en'] as const) {
        it(`drafts a complete offer offline in ${lang === 'fr' ? 'French' : 'English'} from the occupation's real skills`, async () => {
            const draft = await offers.draft({ title: 'Cariste', lang, companyId, contractType: 'mission', city: 'Saint-Priest', notes: 'Poste en 2x8.' });
            assert.strictEqual(draft.source, 'taxonomy');
            assert.ok(draft.requiredSkills.length >= 3, 'the ESCO essential skills of the occupation become required skills');
            for (const skill of draft.requiredSkills) {
                assert.match(skill.escoUri ?? '', /^http:\/\/data\.europa\.eu\/esco\/skill\//);
                assert.ok(draft.description.includes(skill.name.slice(0, 1).toUpperCase() + skill.name.slice(1)) || draft.description.includes(skill.name),
                    `the description names the skill "${skill.name}"`);
            }
            assert.ok(draft.description.includes('Logistique Rhône Express'));
            assert.ok(draft.description.includes('Poste en 2x8.'), 'the recruiter notes are kept');
            if (lang === 'fr') {
                assert.match(draft.romeCode ?? '', /^N11/);
                assert.match(draft.description, /Vos missions :/);
                assert.match(draft.description, /chariot/i, 'the ROME sheet of a cariste talks about forklifts');
                assert.match(draft.description, /mission d'intérim/);
            } else {
                assert.match(draft.description, /Your role:/);
                assert.match(draft.description, /temporary assignment/);
            }
        });
    }

    it('rejects bad offers at the RPC boundary with the field named, and stores nothing', async () => {
        const handler = test.container.getAll<ConnectionHandler>(ConnectionHandler).find(h => h.path === OFFER_SERVICE_PATH)!;
        const remote = connectOverRpc<OfferService>(handler);
        const countOffers = () => test.container.get(MatchProDatabase).read(store => store.get<{ n: number }>('SELECT count(*) AS n FROM offers')!.n);
        const before = await countOffers();
        const cases: [unknown, RegExp][] = [
            [{ ...offerInput(), title: undefined }, /offer\.title/],
            [{ ...offerInput(), contractType: 'freelance' }, /offer\.contractType: unknown contract type/],
            [{ ...offerInput(), positions: 'two' }, /offer\.positions/],
            [{ ...offerInput(), description: 'x'.repeat(60_000) }, /offer\.description/],
            [{ ...offerInput(), salary: { min: 3000, max: 2000 } }, /offer\.salary\.min: salary min must not exceed max/],
            [{ ...offerInput(), companyId: randomUUID() }, /company .* does not exist/],
            [{ ...offerInput(), requiredSkills: [{ mandatory: true }] }, /offer\.requiredSkills\.0\.name/]
        ];
        for (const [input, message] of cases) {
            await assert.rejects(remote.create(input as JobOfferInput), (error: Error) => {
                assert.ok(MatchProErrors.InvalidInput.is(error), `InvalidInput expected, got ${error.message}`);
                assert.match(error.message, message);
                return true;
            });
        }
        assert.strictEqual(await countOffers(), before, 'nothing stored');
    });

    it('records a placement: the matching becomes accepted and the offer is filled when all positions are', async () => {
        const placements = test.container.get<PlacementService>(PlacementService);
        const db = test.container.get(MatchProDatabase);
        const offer = await offers.create(offerInput({ positions: 2 }), 'active');
        const now = new Date().toISOString();
        const candidateIds = [randomUUID(), randomUUID()];
        await db.write(tx => {
            for (const id of candidateIds) {
                tx.run('INSERT INTO candidates (id, version, created_at, updated_at, data) VALUES (?, 1, ?, ?, ?)', [id, now, now, '{}']);
                tx.run(`INSERT INTO matchings (id, version, created_at, updated_at, data, candidate_id, offer_id, score, semantic, rules, ml, status, model_version)
                    VALUES (?, 1, ?, ?, ?, ?, ?, 80, 80, 80, 80, 'interview', 'test')`, [randomUUID(), now, now, JSON.stringify({ status: 'interview' }), id, offer.id]);
            }
        });
        await placements.create({ candidateId: candidateIds[0], offerId: offer.id, startDate: '2026-12-01', contractType: 'mission', commissionPercent: 12 });
        let stored = await offers.get(offer.id);
        assert.deepStrictEqual([stored.status, stored.positionsFilled], ['active', 1], 'one of two positions filled: still active');
        await placements.create({ candidateId: candidateIds[1], offerId: offer.id, startDate: '2026-12-01', contractType: 'mission' });
        stored = await offers.get(offer.id);
        assert.deepStrictEqual([stored.status, stored.positionsFilled], ['filled', 2]);
        assert.strictEqual(stored.statusHistory[stored.statusHistory.length - 1].reason, 'all positions placed');
        const statuses = await db.read(store => store.all<{ status: string }>('SELECT status FROM matchings WHERE offer_id = ?', [offer.id]));
        assert.deepStrictEqual(statuses.map(s => s.status), ['accepted', 'accepted']);
        const list = await placements.list({ offerId: offer.id });
        assert.strictEqual(list.length, 2);
        assert.strictEqual(list.find(p => p.candidateId === candidateIds[0])?.commissionPercent, 12);
        const activity = await test.container.get<CompanyService>(CompanyService).activity(companyId);
        assert.strictEqual(activity.placements.filter(p => p.offerId === offer.id).length, 2, 'the company page lists the placements');
        assert.ok(activity.offers.some(o => o.id === offer.id && o.status === 'filled' && o.positionsFilled === 2));
        const choices = await placements.candidatesFor(offer.id);
        assert.deepStrictEqual(choices.slice(0, 2).map(c => c.pipelineStatus), ['accepted', 'accepted'], 'the pipeline comes first');
        await assert.rejects(placements.create({ candidateId: randomUUID(), offerId: offer.id, startDate: '2026-12-01', contractType: 'CDI' }),
            (error: Error) => MatchProErrors.NotFound.is(error));
    });
});
