import * as assert from 'node:assert/strict';
import type { Candidate } from '@matchpro/core/lib/common';
import { Container } from '@theia/core/shared/inversify';
import { MatchingService, MatchResult } from '../common/matching-protocol';
import { alternativePhrasings, requirementsInDescription, typeRequirement } from './offer-requirements';
import { disposeMatchingTestContainer, insertRecords, matchingTestContainer, testCandidate, testOffer } from './matching-test-support';

describe('requirement typing (unit)', () => {
    it('types what recruiters write, in French and English', () => {
        const kinds: Array<[string, string]> = [
            ['Titre professionnel Agent magasinier', 'diploma'], ['BTS MCO', 'diploma'], ['DEAS (diplôme d\'État d\'aide-soignant)', 'diploma'],
            ['CACES R482 cat. A', 'certification'], ['SST', 'certification'], ['HACCP', 'certification'], ['Habilitation électrique B1V', 'certification'],
            ['Permis CE', 'licence'], ['permis poids lourd', 'licence'], ['HGV licence C+E', 'licence'],
            ['2 ans d\'expérience en restauration collective', 'experience'], ['line cook experience', 'experience'],
            ['réception et contrôle des marchandises', 'task'], ['picking with a scanner', 'task'],
            ['SAP MM', 'tool'], ['terminal RF', 'tool'],
            ['anglais courant', 'language'], ['English B2', 'language'],
            ['autonomie', 'skill']
        ];
        for (const [text, kind] of kinds) { assert.equal(typeRequirement(text, 'Cariste').kind, kind, text); }
        // A licence's category among other words; "C ou CE" accepts the first; a duration in driving is experience.
        assert.equal(typeRequirement('HGV licence C+E').licence, 'CE');
        assert.equal(typeRequirement('Permis C ou CE').licence, 'C');
        assert.deepEqual(typeRequirement('3 ans d\'expérience en conduite PL/SPL', 'Conducteur SPL'), { kind: 'experience', years: 3, role: 'conduite pl/spl' });
    });

    it('reads durations and roles of experience requirements, the offer\'s own job when the role is "similar"', () => {
        assert.deepEqual(typeRequirement('2 ans d\'expérience en restauration collective', 'Cuisinier'), { kind: 'experience', years: 2, role: 'restauration collective' });
        assert.deepEqual(typeRequirement('6 mois d\'expérience minimum sur un poste similaire', 'Cariste'), { kind: 'experience', years: 0.5, role: 'Cariste' });
        assert.deepEqual(typeRequirement('line cook experience', 'Line Cook'), { kind: 'experience', years: undefined, role: 'line cook' });
        assert.deepEqual(typeRequirement('3 years of warehouse experience', 'Warehouse operative'), { kind: 'experience', years: 3, role: 'warehouse' });
    });

    it('rewrites abbreviations both ways, drops parentheses and reads "A / B" as either', () => {
        assert.ok(alternativePhrasings('SST').includes('sauveteur secouriste du travail'));
        assert.ok(alternativePhrasings('Sauveteur secouriste du travail').includes('sst'));
        assert.ok(alternativePhrasings('Titre professionnel Agent magasinier').includes('tp am'));
        assert.ok(alternativePhrasings('TP AM').includes('titre professionnel agent magasinier'));
        assert.ok(alternativePhrasings('soudure TIG (procédé 141)').includes('soudure tig'));
        const either = alternativePhrasings('lecture de plans / isométriques');
        assert.ok(either.includes('lecture de plans') && either.includes('isometriques'), JSON.stringify(either));
        assert.ok(alternativePhrasings('soudure MIG/MAG').includes('soudure mag'));
        assert.ok(!alternativePhrasings('BTS MCO ou équivalent').includes('equivalent'), '"or equivalent" is not a phrasing of its own');
        // English ad words and French CV words for the same work, two at once.
        assert.ok(alternativePhrasings('warehouse picking').includes('entrepot preparation de commandes'));
        assert.ok(alternativePhrasings('préparation de commandes').includes('picking'));
    });

    it('reads the requirement lists of a pasted ad, mandatory when the heading says so', () => {
        assert.deepEqual(requirementsInDescription('Our team grows. Minimum Required Skills: Java, C#, SQL. Nice to have: Docker. We offer a great place.'),
            [{ text: 'Java', mandatory: true }, { text: 'C#', mandatory: true }, { text: 'SQL', mandatory: true }, { text: 'Docker', mandatory: false }]);
        assert.deepEqual(requirementsInDescription('Profil recherché : CACES R489 cat. 3, 2 ans d\'expérience. Poste à pourvoir rapidement.').map(r => r.text),
            ['CACES R489 cat. 3', '2 ans d\'expérience']);
        assert.deepEqual(requirementsInDescription('Une mission de 3 mois dans un entrepôt moderne.'), []);
    });
});

describe('requirement evidence (service)', function () {
    this.timeout(120_000);
    let container: Container;
    let service: MatchingService;

    beforeEach(() => {
        container = matchingTestContainer();
        service = container.get<MatchingService>(MatchingService);
    });
    afterEach(() => disposeMatchingTestContainer(container));

    /** A profile as the parser gives it, with the CV text requirements are looked for in. */
    const profile = (id: number, fields: Partial<Candidate>) => testCandidate({
        id: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`, city: 'Orléans', postcode: '45000', ...fields
    });
    const filler = 'Personne sérieuse, ponctuelle, habituée au travail en équipe et aux horaires décalés, respect des consignes de sécurité, port des EPI, '
        + 'rangement du poste, communication avec le chef d\'équipe, polyvalence, esprit d\'initiative, disponibilité le samedi, véhicule personnel.';
    const find = (r: MatchResult, pattern: RegExp) => [...r.strengths, ...r.weaknesses, ...r.risks].find(e => pattern.test(e.message));

    it('finds a diploma, a certification and a task written in other words in the CV text, and quotes the sentence', async () => {
        const offer = testOffer({
            title: 'Magasinier (H/F)', location: { city: 'Orléans', postcode: '45000', remote: 'none' },
            requiredSkills: [
                { name: 'Titre professionnel Agent magasinier', mandatory: true, weight: 1 }, { name: 'SST', mandatory: true, weight: 1 },
                { name: 'réception et contrôle des marchandises', mandatory: true, weight: 1 }
            ]
        });
        const said = profile(1, {
            title: 'Magasinier', experiences: [{ title: 'Magasinier', company: 'Leroy Merlin', city: 'Saran', start: '2019-03', end: null }],
            cvText: `Magasinier\nExpérience\nMagasinier — Leroy Merlin, Saran (2019 – aujourd'hui)\nContrôle à réception des livraisons, saisie dans le WMS.\n`
                + `Formation\nTP AM obtenu en 2018 (AFPA Orléans)\nSauveteur secouriste du travail (2023)\n${filler}`
        });
        await insertRecords(container, { offers: [offer], candidates: [said] });
        const [r] = (await service.matchCandidatesForOffer(offer.id)).results;
        assert.equal(r.capped, false);
        const diploma = find(r, /Titre professionnel Agent magasinier/)!;
        assert.equal(diploma.status, 'met');
        assert.match(diploma.message, /"TP AM obtenu en 2018 \(AFPA Orléans\)"/);
        assert.match(diploma.messageFr, /Exigé « Titre professionnel Agent magasinier » : rempli/);
        assert.equal(find(r, /"SST"/)!.status, 'met');
        assert.equal(find(r, /"SST"/)!.source, 'Sauveteur secouriste du travail (2023)');
        assert.equal(find(r, /réception et contrôle/)!.status, 'met');
        assert.equal(find(r, /réception et contrôle/)!.source, 'Contrôle à réception des livraisons, saisie dans le WMS.');
    });

    it('counts the months in the role from dated experiences, across languages, and fails a clearly short one', async () => {
        const offer = testOffer({
            title: 'Soudeur TIG (H/F)', location: { city: 'Orléans', postcode: '45000', remote: 'none' },
            requiredSkills: [{ name: '3 ans d\'expérience en soudure', mandatory: true, weight: 1 }]
        });
        const welder = profile(2, {
            title: 'TIG Welder', language: 'en',
            experiences: [{ title: 'TIG Welder', company: 'Chantiers de l\'Atlantique', city: 'Saint-Nazaire', start: '2018-01', end: '2023-12' }],
            cvText: `TIG Welder\nExperience\nTIG Welder — Chantiers de l'Atlantique, 2018-2023\nTIG welding of stainless pipes on ships.\n${filler}`
        });
        const beginner = profile(3, {
            title: 'Soudeur', experiences: [{ title: 'Soudeur TIG', company: 'Atelier Martin', city: 'Orléans', start: '2025-01', end: '2025-08' }],
            cvText: `Soudeur\nSoudeur TIG — Atelier Martin (01/2025 - 08/2025)\nSoudure TIG de pièces inox.\n${filler}`
        });
        const salesman = profile(4, {
            title: 'Vendeur conseil bricolage', experiences: [{ title: 'Vendeur conseil bricolage', company: 'Castorama', city: 'Orléans', start: '2015-01', end: null }],
            cvText: `Vendeur conseil bricolage — Castorama (2015 - aujourd'hui)\nConseil clients, passionné de soudure, soudure MIG, soudure TIG, soudure à l'arc.\n${filler}`
        });
        await insertRecords(container, { offers: [offer], candidates: [salesman, beginner, welder] });
        const ranking = await service.matchCandidatesForOffer(offer.id);
        const by = (c: Candidate) => ranking.results.find(r => r.candidateId === c.id)!;
        assert.equal(ranking.results[0].candidateId, welder.id);
        assert.match(find(by(welder), /3 ans d'expérience en soudure/)!.message, /met \(6 years in the role\)/);
        assert.equal(by(beginner).capped, true);
        assert.match(find(by(beginner), /3 ans d'expérience en soudure/)!.message, /not met \(8 months in the role\)/);
        // The role's words in a CV whose jobs are elsewhere are no experience in it (keyword stuffing).
        assert.equal(by(salesman).capped, true);
    });

    it('gives a risk to check, not a failure, when the evidence is ambiguous', async () => {
        const offer = testOffer({
            title: 'Cariste (H/F)', location: { city: 'Orléans', postcode: '45000', remote: 'none' },
            requiredSkills: [{ name: 'CACES R489 cat. 3', mandatory: true, weight: 1 }, { name: 'gestion des stocks', mandatory: true, weight: 1 }]
        });
        // "CACES" is in the text but the parser could not read a category: maybe held, to ask.
        const unclear = profile(5, {
            title: 'Cariste', certifications: [], experiences: [{ title: 'Cariste', company: 'Geodis', city: 'Orléans', start: '2020-01', end: null }],
            cvText: `Cariste — Geodis (2020 - aujourd'hui)\nCACES R489 en cours de renouvellement, catégorie à confirmer.\n${filler}`
        });
        const other = profile(6, {
            title: 'Cariste', certifications: ['CACES', 'CACES R489 cat. 1A'], experiences: [{ title: 'Cariste', company: 'Geodis', city: 'Orléans', start: '2020-01', end: null }],
            cvText: `Cariste — Geodis (2020 - aujourd'hui)\nCACES R489 cat. 1A\n${filler}`
        });
        await insertRecords(container, { offers: [offer], candidates: [unclear, other] });
        const ranking = await service.matchCandidatesForOffer(offer.id);
        const by = (c: Candidate) => ranking.results.find(r => r.candidateId === c.id)!;
        const caces = find(by(unclear), /CACES R489 cat\. 3/)!;
        assert.equal(caces.status, 'partly');
        assert.ok(by(unclear).risks.includes(caces), 'a risk, not a weakness');
        assert.match(caces.messageFr, /en partie, à vérifier/);
        assert.equal(by(unclear).capped, false);
        // Another category is clear: a failure, even under a bare "CACES" heading the parser also kept.
        assert.equal(by(other).capped, true);
        assert.ok(by(unclear).score > by(other).score);
        // A mandatory skill a full CV does not name is asked, not failed.
        assert.ok(by(unclear).risks.some(e => /"gestion des stocks": not found in the CV, to ask/.test(e.message)));
    });
});
