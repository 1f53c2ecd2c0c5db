import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Container } from '@theia/core/shared/inversify';
import { CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { OccupationMatch, TaxonomyService } from '../common/taxonomy-protocol';
import taxonomyBackendModule from './taxonomy-backend-module';
import { TaxonomyStore } from './taxonomy-store';
import { SKILL_FIT_WEIGHT, TitleNormalizer } from './title-normalizer';

describe('TaxonomyService (normalisers, extraction, CLI)', function (): void {
    this.timeout(120000);
    const container = new Container();
    container.load(taxonomyBackendModule);
    const service = container.get<TaxonomyService>(TaxonomyService);
    const store = container.get(TaxonomyStore);
    const top1 = async (title: string, lang?: 'fr' | 'en') => (await service.normalizeTitle(title, { lang, top: 3 }))[0];
    const isco = (m: OccupationMatch) => store.taxonomy.occupations[store.occupationIndex(m.uri)!].i;

    after(() => store.dispose());

    it('links "cariste" and "conducteur de chariot élévateur" to the same occupation family, with ROME N1101', async () => {
        const cariste = await top1('cariste');
        const conducteur = await top1('conducteur de chariot élévateur');
        assert.equal(isco(cariste), isco(conducteur));
        assert.equal(cariste.rome, 'N1101');
        assert.match(cariste.label, /cariste/i);
        assert.equal((await top1('Cariste CACES 3 (H/F)')).uri, cariste.uri);
        assert.equal((await top1('forklift driver', 'en')).uri, cariste.uri);
    });

    it('links gendered French titles like their masculine form', async () => {
        const nurse = await top1('infirmière');
        const details = await service.getOccupation(nurse.uri);
        assert.match(details!.labelEn, /nurse/);
        assert.equal((await top1('vendeuse')).uri, (await top1('vendeur')).uri);
        assert.equal((await top1('conductrice de bus')).uri, (await top1('conducteur de bus')).uri);
        assert.equal((await top1('préparatrice de commandes')).uri, (await top1('préparateur de commandes')).uri);
    });

    it('is robust to typos, case, accents and abbreviations', async () => {
        const anesthetist = await top1('infirmier anesthésiste');
        assert.equal((await top1('INFIRMIERE ANESTHESITE')).uri, anesthetist.uri);
        assert.equal((await top1('resp. logistique')).uri, (await top1('responsable logistique')).uri);
        assert.equal((await top1('assist. de direction')).uri, (await top1('assistant de direction')).uri);
        assert.match((await top1('chauffeur PL')).label, /poids lourd/);
    });

    it('weighs in the skills of the ROME job sheet a French title belongs to', async () => {
        const titles = container.get(TitleNormalizer);
        const sheet = titles.closestRomeSheet(store.encoder.embed('cariste', 'fr'))!;
        assert.equal(store.taxonomy.rome[sheet.concept].c, 'N1101');
        const fit = titles.skillFit(sheet);
        const forklift = store.occupationIndex((await top1('cariste')).uri)!;
        const nurse = store.occupationIndex((await top1('infirmière')).uri)!;
        // a forklift operator's essential skills resemble the forklift job sheet's; a nurse's do not
        assert.ok(fit(forklift) > fit(nurse) + 0.02, `${fit(forklift)} vs ${fit(nurse)}`);
        assert.ok(fit(forklift) <= SKILL_FIT_WEIGHT + 1e-6);
        // English titles get no job-sheet context (ROME is French), so no ROME code either
        assert.equal((await top1('forklift driver', 'en')).rome, undefined);
    });

    it('answers in the requested language with scores in [0, 1], best first', async () => {
        const en = await service.normalizeTitle('infirmière', { lang: 'fr', top: 5 });
        assert.equal(en.length, 5);
        for (let i = 1; i < en.length; i++) { assert.ok(en[i - 1].score >= en[i].score); }
        assert.ok(en.every(m => m.score >= 0 && m.score <= 1 && m.uri.startsWith('http://data.europa.eu/esco/occupation/')));
        const label = (await service.normalizeTitle('forklift operator', { lang: 'en', top: 1 }))[0].label;
        assert.equal(label, 'forklift operator');
        assert.equal((await service.normalizeTitle('forklift operator', { lang: 'en' }))[0].rome, undefined);
    });

    it('links skill mentions in French and English', async () => {
        const java = (await service.normalizeSkill('Java', { top: 3 }))[0];
        assert.match(java.label, /Java/);
        assert.ok(java.uri.startsWith('http://data.europa.eu/esco/skill/'));
        const haccp = await service.normalizeSkill('HACCP', { lang: 'fr', top: 3 });
        assert.ok(haccp.some(s => /HACCP/.test(s.label)));
        const team = await service.normalizeSkill('travail en équipe', { lang: 'fr', top: 3 });
        assert.ok(team.some(s => /équipe/.test(s.label)));
    });

    it('rejects bad input with a message naming it', async () => {
        await assert.rejects(service.normalizeTitle('   '), /job title is empty/);
        await assert.rejects(service.normalizeTitle('cariste', { top: 0 }), /top must be an integer/);
        await assert.rejects(service.normalizeSkill('java', { lang: 'de' as 'fr' }), /unknown language/);
        assert.deepEqual(await service.normalizeTitle('(H/F) - !'), []);
    });

    it('extracts skills with spans that point into the text', async () => {
        const text = 'Experience in Java programming and project management. Maîtrise de la gestion des stocks.';
        const skills = await service.extractSkills(text);
        assert.ok(skills.length >= 2);
        for (const s of skills) { assert.equal(text.slice(s.start, s.end), s.text); }
        assert.ok(skills.some(s => s.label && /Java/.test(s.label)));
    });

    it('extracts French skills from a CV list and links them to ESCO', async () => {
        const text = 'Compétences : gestion des stocks, travail en équipe, AVEC plaisir. Maîtrise de la gestion des stocks.';
        const skills = await service.extractSkills(text, { lang: 'fr' });
        assert.ok(skills.some(s => s.text === 'gestion des stocks' && /stocks/.test(s.label ?? '')));
        assert.ok(!skills.some(s => s.text === 'Compétences'), 'a heading is no skill');
        assert.ok(skills.some(s => s.text === 'travail en équipe' && /équipe/.test(s.label ?? '')));
        assert.ok(!skills.some(s => /avec/i.test(s.text)), 'a French stop word is no skill');
    });

    it('keeps ESCO labels that are whole items of an English list, line breaks included', async () => {
        const text = 'Key skills:\nproject management\nMicrosoft Excel; forklift driving';
        const skills = await service.extractSkills(text, { lang: 'en' });
        assert.ok(skills.some(s => s.text === 'project management' && s.label === 'project management'), JSON.stringify(skills));
        for (const s of skills) { assert.equal(text.slice(s.start, s.end), s.text); }
    });

    it('prefers an exact preferred label when linking an extracted span', async () => {
        const skills = await service.extractSkills('Experience in project management is required.', { lang: 'en' });
        assert.ok(skills.some(s => s.text === 'project management' && s.label === 'project management'));
    });

    it('gives occupation details with essential skills and no unknown URI', async () => {
        const cariste = await top1('cariste');
        const details = await service.getOccupation(cariste.uri);
        assert.ok(details && details.essentialSkills.length > 5);
        assert.equal(await service.getOccupation('http://data.europa.eu/esco/occupation/nope'), undefined);
    });

    it('contributes `normalize title` and `normalize skill` CLI commands with the contract shapes', async () => {
        const commands = container.getAll<CliCommand>(CliCommand);
        const title = commands.find(c => c.words.join(' ') === 'normalize title')!;
        const skill = commands.find(c => c.words.join(' ') === 'normalize skill')!;
        assert.ok(title && skill);
        const one = await title.run({ positionals: ['cariste'], options: { top: '2', lang: 'fr' }, json: true }) as OccupationMatch[];
        assert.equal(one.length, 2);
        assert.deepEqual(Object.keys(one[0]).sort(), ['label', 'rome', 'score', 'uri']);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taxonomy-cli-'));
        const file = path.join(dir, 'skills.txt');
        fs.writeFileSync(file, 'Java\n\nsoudure TIG\n');
        const many = await skill.run({ positionals: [], options: { file, top: '1' }, json: true }) as unknown[][];
        assert.equal(many.length, 3);
        assert.equal(many[1].length, 0);
        assert.deepEqual(Object.keys(many[0][0] as object).sort(), ['label', 'score', 'uri']);
        await assert.rejects(title.run({ positionals: ['x'], options: { top: 'abc' }, json: true }), CliUserError);
        await assert.rejects(title.run({ positionals: [], options: { file: path.join(dir, 'missing.txt') }, json: true }), CliUserError);
        await assert.rejects(title.run({ positionals: [], options: {}, json: true }), CliUserError);
        fs.rmSync(dir, { recursive: true });
    });
});
