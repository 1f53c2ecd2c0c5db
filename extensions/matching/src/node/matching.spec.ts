import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as path from 'path';
import type { Candidate } from '@matchpro/core/lib/common';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { Container } from '@theia/core/shared/inversify';
import { MatchingService, MatchResult } from '../common/matching-protocol';
import { MatchingSignal } from '../common/matching-signal';
import { compareCertification, parseCertification } from './certification';
import { CommuneLocator, haversineKm } from '@matchpro/core/lib/node/commune-locator';
import { licenceClosure, parseLicence } from './driving-licence';
import { MatchCommand, MatchingRetrainCommand } from './matching-cli-commands';
import { MatchingEngine } from './matching-engine';
import { disposeMatchingTestContainer, insertRecords, matchingTestContainer, testCandidate, testOffer, updateCandidate } from './matching-test-support';
import { FEATURE_NAMES } from './pair-evaluation';
import { typeRequirement } from './offer-requirements';
import { rankerForward, RankerSession, readRankerOnnx } from './ranker-model';
import { RankerStore } from './ranker-store';

const cariste = (fields: Partial<Candidate> & Record<string, unknown> = {}) => testCandidate({
    title: 'Cariste', skills: [{ name: 'conduite de chariot élévateur' }, { name: 'gestion des stocks' }, { name: 'préparation de commandes' }],
    certifications: ['CACES R489 cat. 3'], yearsOfExperience: 4, ...fields
});
const caristeOffer = (fields = {}) => testOffer({
    title: 'Cariste', contractType: 'mission', location: { city: 'Lyon', postcode: '69007', remote: 'none' },
    requiredSkills: [{ name: 'conduite de chariot élévateur', mandatory: true, weight: 1 }, { name: 'gestion des stocks', mandatory: false, weight: 1 }],
    certifications: ['CACES R489 cat. 3'], experienceMinYears: 1, experienceIdealYears: 3, startDate: '2026-03-02', ...fields
});
const all = (r: MatchResult) => [...r.strengths, ...r.weaknesses, ...r.risks, ...r.suggestions];

describe('matching rules (unit)', () => {
    it('reads driving licences with their inclusions: CE includes C and B, C does not include CE', () => {
        assert.equal(parseLicence('Permis C+E'), 'CE');
        assert.equal(parseLicence('EC'), 'CE');
        assert.ok(licenceClosure(['CE']).has('C'));
        assert.ok(licenceClosure(['CE']).has('B'));
        assert.ok(!licenceClosure(['C']).has('CE'));
        assert.ok(!licenceClosure(['B']).has('C'));
    });

    it('compares CACES categories as machine families: only the same category satisfies a required one', () => {
        const required = parseCertification('CACES R489 cat. 3');
        assert.equal(compareCertification(required, [parseCertification('CACES R489 catégorie 1A')]).verdict, 'other-category');
        assert.equal(compareCertification(required, [parseCertification('CACES R489 cat 5')]).verdict, 'other-category', 'reach trucks are not counterbalance forklifts');
        assert.equal(compareCertification(required, ['CACES R489 cat. 1', 'CACES R489 cat. 3', 'CACES R489 cat. 5'].map(parseCertification)).verdict, 'satisfied');
        assert.equal(compareCertification(parseCertification('CACES R489 cat. 1'), [parseCertification('CACES R489 cat. 1B')]).verdict, 'satisfied');
        assert.equal(compareCertification(required, [parseCertification('CACES R389 cat. 3')]).verdict, 'satisfied', 'R389 is the old R489');
        assert.equal(compareCertification(required, [parseCertification('CACES R486 cat. B')]).verdict, 'missing');
        assert.equal(compareCertification(parseCertification('FIMO'), [parseCertification('FIMO marchandises')]).verdict, 'satisfied');
    });

    it('checks a certification or a licence written as a mandatory skill as what it is', () => {
        assert.equal(typeRequirement('CACES R489 cat. 3').kind, 'certification');
        assert.equal(typeRequirement('FIMO marchandises').kind, 'certification');
        assert.deepEqual(typeRequirement('Permis CE'), { kind: 'licence', licence: 'CE' });
        assert.equal(typeRequirement('conduite de chariot élévateur').kind, 'task');
    });

    it('locates French communes by postcode or name and measures distances', () => {
        const geo = CommuneLocator.instance();
        const lyon = geo.locate('69003', null)!, marseille = geo.locate(null, 'Marseille')!;
        assert.equal(lyon.departement, '69');
        assert.equal(marseille.departement, '13');
        const km = haversineKm(lyon, marseille);
        assert.ok(km > 250 && km < 300, `Lyon-Marseille ${km} km`);
        assert.equal(geo.locate('20000', null)?.departement, '2A');
        assert.equal(geo.locate('99999', 'Atlantis'), undefined);
    });

    it('runs the shipped ONNX ranker exactly like its JS reference', async () => {
        const file = RankerStore.defaultModelFile();
        const session = await RankerSession.load(file);
        const x = Float32Array.from({ length: 3 * FEATURE_NAMES.length }, (_, i) => (i * 37 % 11) / 10);
        const onnx = await session.predict(x, 3);
        const js = rankerForward(readRankerOnnx(file), x, 3);
        for (let i = 0; i < 3; i++) { assert.ok(Math.abs(onnx[i] - js[i]) < 1e-5); }
        assert.equal(session.version, 'default-1');
    });

    it('never has a personal attribute as a feature', () => {
        for (const name of FEATURE_NAMES) {
            for (const word of name.split(/(?=[A-Z])/)) { assert.doesNotMatch(word, /^(age|birth|gender|sex|nationality|photo|name|marital|civil)/i, name); }
        }
    });
});

describe('matching service', function (): void {
    this.timeout(120_000);
    let container: Container;
    let service: MatchingService;

    beforeEach(() => {
        container = matchingTestContainer();
        service = container.get<MatchingService>(MatchingService);
    });
    afterEach(() => disposeMatchingTestContainer(container));

    it('gives the same scores whatever the age, gender, nationality, photo, name or marital status (fairness)', async () => {
        const base = cariste();
        const variants = [
            base,
            { ...base, id: '00000000-0000-4000-8000-00000000f001', firstName: 'Fatima', lastName: 'Benali', birthDate: '1961-07-14', nationality: 'marocaine', gender: 'F', photo: 'data:image/png;base64,AAAA', maritalStatus: 'married' },
            { ...base, id: '00000000-0000-4000-8000-00000000f002', firstName: 'Jean', lastName: 'Dupont', birthDate: '2004-02-02', nationality: 'française', gender: 'M', photo: null, maritalStatus: 'single' },
            { ...base, id: '00000000-0000-4000-8000-00000000f003', firstName: null, lastName: null, birthDate: null, nationality: null }
        ] as Candidate[];
        const offers = [caristeOffer(), caristeOffer({ drivingLicence: 'C', location: { city: 'Marseille', postcode: '13001', remote: 'none' } })];
        await insertRecords(container, { offers, candidates: variants });
        for (const offer of offers) {
            const ranking = await service.matchCandidatesForOffer(offer.id, { top: 10 });
            assert.equal(ranking.results.length, variants.length);
            const first = ranking.results[0];
            for (const r of ranking.results) {
                assert.deepEqual(r.breakdown, first.breakdown);
                assert.equal(r.score, first.score);
                assert.equal(r.capped, first.capped);
                assert.deepEqual(all(r), all(first));
            }
        }
        const perCandidate = await Promise.all(variants.map(v => service.matchOffersForCandidate(v.id)));
        for (const ranking of perCandidate) {
            assert.deepEqual(ranking.results.map(r => [r.offerId, r.score, r.breakdown]), perCandidate[0].results.map(r => [r.offerId, r.score, r.breakdown]));
        }
    });

    it('ranks everyone who meets the mandatory criteria above everyone who fails one, keeps the order inside each tier, and says so', async () => {
        const offer = caristeOffer({ drivingLicence: 'CE' });
        const ok = cariste({ drivingLicences: ['CE'] });
        const okFar = cariste({ drivingLicences: ['CE'], city: 'Vienne', postcode: '38200', mobility: { radiusKm: 40, cities: [], remote: false, hasVehicle: true } });
        const licenceC = cariste({ drivingLicences: ['C', 'B'] });
        const lowerCaces = cariste({ drivingLicences: ['CE'], certifications: ['CACES R489 cat. 1A'] });
        const lowerCacesFar = cariste({ drivingLicences: ['CE'], certifications: ['CACES R489 cat. 1A'], city: 'Vienne', postcode: '38200', mobility: { radiusKm: 40, cities: [], remote: false, hasVehicle: true } });
        const noSkill = cariste({ drivingLicences: ['CE'], skills: [{ name: 'gestion des stocks' }], title: 'Magasinier' });
        await insertRecords(container, { offers: [offer], candidates: [lowerCacesFar, ok, licenceC, okFar, lowerCaces, noSkill] });
        const ranking = await service.matchCandidatesForOffer(offer.id, { top: 10 });
        const by = (id: string) => ranking.results.find(r => r.candidateId === id)!;
        assert.equal(ranking.results[0].candidateId, ok.id);
        const met = ranking.results.filter(r => !r.capped), failed = ranking.results.filter(r => r.capped);
        assert.deepEqual(new Set(failed.map(r => r.candidateId)), new Set([licenceC.id, lowerCaces.id, lowerCacesFar.id]));
        assert.ok(Math.min(...met.map(r => r.score)) > Math.max(...failed.map(r => r.score)), 'every candidate meeting the mandatory criteria ranks first');
        // Inside a tier the base order stays: the nearer of two candidates failing the same criterion ranks first, with a different score.
        assert.ok(ranking.results.indexOf(by(lowerCaces.id)) < ranking.results.indexOf(by(lowerCacesFar.id)));
        assert.notEqual(by(lowerCaces.id).score, by(lowerCacesFar.id).score);
        for (const [c, kind, pattern] of [[licenceC, 'licence', /"Permis CE": not met \(holds C, B\)/], [lowerCaces, 'certification', /"CACES R489 cat\. 3": not met \(holds CACES R489 cat\. 1A\)/]] as const) {
            const weakness = by(c.id).weaknesses.find(w => w.kind === kind);
            assert.ok(weakness, `${kind} weakness`);
            assert.match(weakness!.message, pattern);
            assert.match(weakness!.message, /ranked after the candidates who meet it/);
            assert.match(weakness!.messageFr, /non rempli .*classé après les candidats qui le remplissent/);
        }
        // A task the short profile does not name is a question for the interview, not a failure.
        assert.equal(by(noSkill.id).capped, false);
        assert.ok(by(noSkill.id).risks.some(r => /"conduite de chariot élévateur": not found in the CV, to ask/.test(r.message)), JSON.stringify(by(noSkill.id).risks));
        assert.ok(by(lowerCaces.id).suggestions.some(s => /CACES R489 cat\. 3/.test(s.message) && /training/.test(s.message)));
        assert.ok(ranking.relaxations.some(e => /Accepting licence C instead of CE adds 1 candidate/.test(e.message)), JSON.stringify(ranking.relaxations));
        // CE satisfies an offer asking C.
        const offerC = caristeOffer({ drivingLicence: 'C' });
        await insertRecords(container, { offers: [offerC] });
        const rc = (await service.matchCandidatesForOffer(offerC.id)).results.find(r => r.candidateId === ok.id)!;
        assert.equal(rc.capped, false);
        assert.ok(rc.strengths.some(s => s.kind === 'licence' && /"Permis C": met: "CE"/.test(s.message)), JSON.stringify(rc.strengths));
    });

    it('takes a matching signal from any extension: its weight counts, its failure drops the candidate a tier, it explains itself', async () => {
        // What a third party binds in its backend module (here: candidates must have said they accept night shifts).
        const nightShifts: MatchingSignal<boolean, boolean> = {
            id: 'test.night-shifts', weight: 2,
            prepareOffer: offer => /nuit/i.test(offer.description),
            indexCandidate: candidate => /nuit/i.test(candidate.notes),
            score: (asks, accepts, explain) => {
                if (!asks) { return { value: undefined }; }
                if (explain) { (accepts ? explain.strengths : explain.weaknesses).push({ kind: 'signal', message: accepts ? 'Accepts night shifts' : 'Night shifts not accepted', messageFr: accepts ? 'Accepte le travail de nuit' : 'Travail de nuit non accepté' }); }
                return { value: accepts ? 1 : 0, failed: !accepts };
            }
        };
        container.bind(MatchingSignal).toConstantValue(nightShifts);
        const offer = caristeOffer({ description: 'Poste de nuit en entrepôt.' });
        const night = cariste({ notes: 'OK pour la nuit' });
        const day = cariste({ notes: '' });
        await insertRecords(container, { offers: [offer], candidates: [day, night] });
        const ranking = await service.matchCandidatesForOffer(offer.id);
        assert.deepEqual(ranking.results.map(r => r.candidateId), [night.id, day.id]);
        assert.deepEqual(ranking.results.map(r => r.capped), [false, true]);
        assert.ok(ranking.results[0].strengths.some(e => e.kind === 'signal' && e.messageFr === 'Accepte le travail de nuit'));
        assert.ok(ranking.results[1].weaknesses.some(e => e.message === 'Night shifts not accepted'));
        assert.ok(ranking.results[0].breakdown.rules > ranking.results[1].breakdown.rules);
    });

    it('ranks by distance against the mobility radius and cites the km', async () => {
        const offer = caristeOffer();
        const near = cariste({ city: 'Lyon', postcode: '69003' });
        const mid = cariste({ city: 'Bourg-en-Bresse', postcode: '01000', mobility: { radiusKm: 50, cities: [], remote: false, hasVehicle: true } });
        const far = cariste({ city: 'Marseille', postcode: '13001' });
        const farMobile = cariste({ city: 'Marseille', postcode: '13001', mobility: { radiusKm: 500, cities: [], remote: false, hasVehicle: true } });
        await insertRecords(container, { offers: [offer], candidates: [far, mid, near, farMobile] });
        const ranking = await service.matchCandidatesForOffer(offer.id);
        const order = ranking.results.map(r => r.candidateId);
        assert.ok(order.indexOf(near.id) < order.indexOf(mid.id));
        assert.ok(order.indexOf(mid.id) < order.indexOf(far.id));
        assert.ok(order.indexOf(farMobile.id) < order.indexOf(far.id));
        const rFar = ranking.results.find(r => r.candidateId === far.id)!;
        assert.equal(rFar.capped, true);
        assert.match(rFar.weaknesses.find(w => w.kind === 'distance')!.message, /about 2\d\d km from Lyon \(Marseille\).*30 km/);
        assert.match(ranking.results.find(r => r.candidateId === near.id)!.strengths.find(s => s.kind === 'distance')!.message, /Lives in Lyon, where the offer is, within the 30 km/);
        assert.match(ranking.results.find(r => r.candidateId === mid.id)!.weaknesses.find(w => w.kind === 'distance')!.message, /about (59|6\d) km from Lyon \(Bourg-en-Bresse\), beyond the 50 km/);
    });

    it('matches a French CV to an English offer', async () => {
        const offer = testOffer({
            title: 'Forklift operator', location: { city: 'Lyon', postcode: '69007', remote: 'none' },
            requiredSkills: [{ name: 'operate forklift', mandatory: false, weight: 1 }, { name: 'stock management', mandatory: false, weight: 1 }, { name: 'order picking', mandatory: false, weight: 1 }]
        });
        const frCariste = testCandidate({ title: 'Cariste', language: 'fr', skills: [{ name: 'utiliser un chariot élévateur' }, { name: 'gestion des stocks' }, { name: 'préparation de commandes' }] });
        const enCook = testCandidate({ title: 'Cook', language: 'en', skills: [{ name: 'prepare food' }, { name: 'kitchen hygiene' }, { name: 'menu planning' }] });
        const frCoiffeur = testCandidate({ title: 'Coiffeur', language: 'fr', skills: [{ name: 'coupe de cheveux' }, { name: 'coloration' }] });
        await insertRecords(container, { offers: [offer], candidates: [enCook, frCoiffeur, frCariste] });
        const ranking = await service.matchCandidatesForOffer(offer.id);
        assert.equal(ranking.results[0].candidateId, frCariste.id, JSON.stringify(ranking.results.map(r => [r.label, r.breakdown])));
        const top = ranking.results[0];
        assert.ok(top.breakdown.semantic > ranking.results[1].breakdown.semantic + 15);
        assert.ok(top.strengths.some(s => s.kind === 'skill'), 'a FR skill is credited for an EN requirement');
        assert.ok(top.strengths.some(s => s.kind === 'occupation' && /Same occupation as the offer \(ESCO: forklift operator/.test(s.message)), JSON.stringify(top.strengths));
    });

    it('explanations contain the evidence they cite (skill, certification, km, dates, years)', async () => {
        const offer = caristeOffer({ startDate: '2026-03-02' });
        const c = cariste({ city: 'Vienne', postcode: '38200', availableFrom: '2026-04-15', mobility: { radiusKm: 60, cities: [], remote: false, hasVehicle: false } });
        await insertRecords(container, { offers: [offer], candidates: [c] });
        const [r] = (await service.matchCandidatesForOffer(offer.id)).results;
        const text = all(r).map(e => e.message).join('\n');
        assert.match(text, /conduite de chariot élévateur/);
        assert.match(text, /CACES R489 cat\. 3/);
        const km = /about (\d+) km from Lyon \(Vienne\)/.exec(text);
        assert.ok(km, text);
        const geo = CommuneLocator.instance();
        assert.equal(Number(km![1]), Math.round(haversineKm(geo.locate('69007', null)!, geo.locate('38200', null)!)));
        assert.match(text, /Available from 2026-04-15, 44 days after the start date 2026-03-02/);
        assert.match(text, /"1 an d'expérience : Cariste": met \(4 years in the role\)/);
        for (const e of all(r)) { assert.ok(e.messageFr.length > 0 && e.messageFr !== e.message); }
    });

    it('keeps the pipeline status across re-ranking while the scores are updated, and audits every ranking', async () => {
        const offer = caristeOffer();
        const c = cariste({ certifications: [] });
        await insertRecords(container, { offers: [offer], candidates: [c] });
        const first = (await service.matchCandidatesForOffer(offer.id)).results[0];
        assert.equal(first.status, 'new');
        assert.equal(first.capped, true);
        const moved = await service.setStatus(offer.id, c.id, 'contacted', first.matchingVersion);
        assert.equal(moved.status, 'contacted');
        await assert.rejects(service.setStatus(offer.id, c.id, 'proposed', first.matchingVersion), /version|conflict/i);
        await updateCandidate(container, { ...c, version: 2, updatedAt: '2026-02-01T00:00:00.000Z', certifications: ['CACES R489 cat. 3'] });
        const second = (await service.matchCandidatesForOffer(offer.id)).results[0];
        assert.equal(second.status, 'contacted');
        assert.equal(second.capped, false);
        assert.ok(second.score > first.score);
        const db = container.get(MatchProDatabase);
        const audit = await db.read(store => container.get(AuditLog).list(store, 'offer', offer.id));
        assert.equal(audit.filter(a => a.action === 'matching.rank').length, 2);
        assert.equal(audit[0].actor, 'test');
        assert.equal(audit[0].details.modelVersion, 'default-1');
        assert.deepEqual((audit[0].details.top as { id: string }[]).map(t => t.id), [c.id]);
        assert.ok(!JSON.stringify(audit).includes('Camille'), 'no personal data in the audit details');
    });

    it('prints the CLI contract shape, best first, and rejects bad arguments', async () => {
        const offer = caristeOffer();
        const candidates = [cariste(), cariste({ certifications: [] }), cariste({ city: 'Lille', postcode: '59000' })];
        await insertRecords(container, { offers: [offer], candidates });
        const command = container.get(MatchCommand);
        const out = await command.run({ positionals: [], options: { offer: offer.id, top: '2' }, json: true });
        assert.equal(out.length, 2);
        for (const row of out) {
            assert.deepEqual(Object.keys(row).sort(), ['breakdown', 'candidateId', 'risks', 'score', 'strengths', 'weaknesses']);
            assert.deepEqual(Object.keys(row.breakdown).sort(), ['ml', 'rules', 'semantic']);
            for (const v of Object.values(row.breakdown)) { assert.ok(v >= 0 && v <= 100); }
            for (const e of [...row.strengths, ...row.weaknesses, ...row.risks]) {
                assert.deepEqual(Object.keys(e).filter(k => !['source', 'status'].includes(k)).sort(), ['kind', 'message', 'messageFr']);
            }
        }
        assert.ok(out[0].score >= out[1].score);
        assert.doesNotThrow(() => JSON.parse(JSON.stringify(out)));
        const byCandidate = await command.run({ positionals: [], options: { candidate: candidates[0].id }, json: true });
        assert.deepEqual(Object.keys(byCandidate[0]).sort(), ['breakdown', 'offerId', 'risks', 'score', 'strengths', 'weaknesses']);
        await assert.rejects(command.run({ positionals: [], options: { offer: '00000000-0000-4000-8000-00000000dead' }, json: true }), CliUserError);
        await assert.rejects(command.run({ positionals: [], options: {}, json: true }), CliUserError);
        await assert.rejects(command.run({ positionals: [], options: { offer: offer.id, top: 'x' }, json: true }), CliUserError);
    });

    it('updates the in-memory index incrementally when candidates are added, changed or deleted', async () => {
        const offer = caristeOffer();
        const first = cariste();
        await insertRecords(container, { offers: [offer], candidates: [first] });
        assert.deepEqual((await service.matchCandidatesForOffer(offer.id)).results.map(r => r.candidateId), [first.id]);
        const second = cariste({ city: 'Villeurbanne', postcode: '69100' });
        await insertRecords(container, { candidates: [second] });
        container.get(DataChangeBroadcaster).notify({ kind: 'candidate', ids: [second.id], change: 'created' });
        assert.deepEqual((await service.matchCandidatesForOffer(offer.id)).results.map(r => r.candidateId).sort(), [first.id, second.id].sort());
        await container.get(MatchProDatabase).write(tx => { tx.run('DELETE FROM candidates WHERE id = ?', [first.id]); });
        assert.deepEqual((await service.matchCandidatesForOffer(offer.id)).results.map(r => r.candidateId), [second.id]);
        assert.equal(container.get(MatchingEngine).size, 1);
    });

    it('combines the components with the weights of the agency configuration file', async () => {
        const offer = caristeOffer();
        const c = cariste();
        await insertRecords(container, { offers: [offer], candidates: [c] });
        const before = (await service.matchCandidatesForOffer(offer.id)).results[0];
        const b = before.breakdown;
        assert.equal(before.capped, false);
        // Default weights 0.25 semantic + 0.75 rules (ML 0), then the top tier maps the base to 40-100.
        assert.ok(Math.abs(before.score - (40 + 0.6 * (0.25 * b.semantic + 0.75 * b.rules))) < 0.2, `${before.score} ${JSON.stringify(b)}`);
        fs.writeFileSync(path.join(container.get(MatchProDatabase).dataDir, 'matching-config.json'), JSON.stringify({ weights: { semantic: 0, rules: 1, ml: 0 }, tiers: false }));
        const after = (await service.matchCandidatesForOffer(offer.id)).results[0];
        assert.ok(Math.abs(after.score - after.breakdown.rules) < 0.1, `${after.score} vs ${after.breakdown.rules}`);
        fs.writeFileSync(path.join(container.get(MatchProDatabase).dataDir, 'matching-config.json'), JSON.stringify({ weights: { semantic: 2, rules: 0, ml: 0 } }));
        await assert.rejects(service.matchCandidatesForOffer(offer.id), /matching configuration/);
    });

    it('retrains on the agency outcomes only when there are enough, writing a new model version', async () => {
        const offer = caristeOffer();
        const good = Array.from({ length: 16 }, () => cariste());
        const bad = Array.from({ length: 16 }, () => cariste({ certifications: [], city: 'Lille', postcode: '59000' }));
        await insertRecords(container, { offers: [offer], candidates: [...good, ...bad] });
        const retrain = container.get(MatchingRetrainCommand);
        await assert.rejects(retrain.run({ positionals: [], options: {}, json: true }), /not enough outcomes/);
        await service.matchCandidatesForOffer(offer.id, { top: 100 });
        for (const c of good) { await service.setStatus(offer.id, c.id, 'accepted'); }
        for (const c of bad) { await service.setStatus(offer.id, c.id, 'rejected'); }
        const result = await retrain.run({ positionals: [], options: {}, json: true });
        assert.equal(result.version, 'agency-1');
        assert.equal(result.pairs, 32);
        assert.ok(fs.existsSync(result.file));
        const after = await service.matchCandidatesForOffer(offer.id, { top: 5 });
        assert.equal(after.modelVersion, 'agency-1');
        assert.equal(container.get(MatchingEngine).modelVersion, 'agency-1');
    });
});
