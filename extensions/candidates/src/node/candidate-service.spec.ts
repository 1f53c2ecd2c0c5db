import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { MatchProErrors } from '@matchpro/core/lib/common';
import { emptyParsedProfile, fitParsedProfile, PROFILE_LIMITS } from '@matchpro/core/lib/common/parsed-profile';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { createTestContainer, TestContainer } from '@matchpro/core/lib/node/test-support/matchpro-test-container';
import taxonomyBackendModule from '@matchpro/taxonomy/lib/node/taxonomy-backend-module';
import { CandidateService, ImportOutcome } from '../common/candidate-protocol';
import candidatesBackendModule from './candidates-backend-module';

const FIXTURES = path.resolve(__dirname, '../../test-fixtures');
const DEMO_CVS = path.resolve(__dirname, '../../../../examples/demo-agency/cvs');
const read = (file: string) => new Uint8Array(fs.readFileSync(file));

/** Every file below a folder, recursively. */
function allFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => e.isDirectory() ? allFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]);
}

describe('CandidateService: import, search, duplicates, erasure', function () {
    this.timeout(180_000);
    let test: TestContainer;
    let candidates: CandidateService;

    before(() => {
        test = createTestContainer(taxonomyBackendModule, candidatesBackendModule);
        candidates = test.container.get<CandidateService>(CandidateService);
    });
    after(() => test.dispose());

    it('imports a batch of CV files; bad files get a clear per-file error and the rest is imported', async () => {
        const batch: [string, Uint8Array][] = [
            ['fr-one-column.pdf', read(path.join(FIXTURES, 'fr-one-column.pdf'))],
            ['truncated.pdf', read(path.join(FIXTURES, 'truncated.pdf'))],
            ['fr-tables-header.docx', read(path.join(FIXTURES, 'fr-tables-header.docx'))],
            ['empty.txt', new Uint8Array(0)],
            ['zip-bomb.docx', read(path.join(FIXTURES, 'zip-bomb.docx'))],
            ['en-cv.pdf', read(path.join(FIXTURES, 'en-cv.pdf'))],
            ['password.pdf', read(path.join(FIXTURES, 'password.pdf'))]
        ];
        const outcomes: ImportOutcome[] = [];
        for (const [name, bytes] of batch) {
            outcomes.push(await candidates.importCv(name, bytes));
        }
        assert.deepStrictEqual(outcomes.map(o => o.status), ['imported', 'failed', 'imported', 'failed', 'failed', 'imported', 'failed']);
        const failures = outcomes.filter((o): o is Extract<ImportOutcome, { status: 'failed' }> => o.status === 'failed');
        assert.deepStrictEqual(failures.map(f => f.code), ['corrupt', 'empty', 'too-large', 'password-protected']);
        for (const failure of failures) {
            assert.ok(failure.error.length > 10 && failure.errorFr && failure.errorFr !== failure.error, 'a message in English and in French');
        }
        const page = await candidates.list();
        assert.strictEqual(page.total, 3);
    });

    it('finds candidates as you type, over names, titles, skills and city, accents ignored', async () => {
        const outcome = await candidates.importCv('03-kevin-roux-cariste.txt', read(path.join(DEMO_CVS, '03-kevin-roux-cariste.txt')));
        assert.strictEqual(outcome.status, 'imported');
        const id = (outcome as { candidateId: string }).candidateId;
        for (const typed of ['kev', 'Kévin', 'KEVIN ROUX', 'cariste bourg', 'chariot', 'caces', 'Bourg-en-Bresse']) {
            const page = await candidates.list({ text: typed });
            assert.ok(page.rows.some(r => r.id === id), `"${typed}" finds Kévin Roux`);
        }
        assert.strictEqual((await candidates.list({ text: 'kevin soudeur' })).total, 0, 'every word must match');
        assert.ok((await candidates.list({ city: '01000' })).rows.some(r => r.id === id));
        assert.ok(!(await candidates.list({ city: '69' })).rows.some(r => r.id === id));
    });

    it('finds candidates near a commune, within a radius', async () => {
        const ids: Record<string, string> = {};
        for (const file of ['04-sophie-lambert-preparatrice.pdf', '12-thomas-leroy-cariste.pdf']) {
            const outcome = await candidates.importCv(file, read(path.join(DEMO_CVS, file)));
            assert.strictEqual(outcome.status, 'imported', file);
            ids[file] = (outcome as { candidateId: string }).candidateId;
        }
        const near = async (place: string, radiusKm: number) => (await candidates.list({ near: place, radiusKm, limit: 100 })).rows.map(r => r.id);
        const saintPriest10 = await near('Saint-Priest', 10);
        assert.ok(saintPriest10.includes(ids['04-sophie-lambert-preparatrice.pdf']), 'Vénissieux is ~5 km away');
        assert.ok(!(await near('Saint-Priest', 3)).includes(ids['04-sophie-lambert-preparatrice.pdf']), 'but not within 3 km');
        assert.ok(!saintPriest10.includes(ids['12-thomas-leroy-cariste.pdf']));
        const kevin = (await candidates.list({ text: 'kevin roux' })).rows[0].id;
        assert.ok(!saintPriest10.includes(kevin), 'Bourg-en-Bresse is ~60 km away');
        assert.ok((await near('69800', 80)).includes(kevin));
        assert.ok((await near('13015', 20)).includes(ids['12-thomas-leroy-cariste.pdf']), 'by postcode, in Marseille');
        await assert.rejects(candidates.list({ near: 'Atlantis' }), (e: Error) => MatchProErrors.InvalidInput.is(e) && /not a French commune/.test(e.message));
    });

    it('detects a duplicate (same email) instead of creating a second candidate, then merges it on request', async () => {
        const before = (await candidates.list()).total;
        // Another file (one byte more) of the same person: identified by the email, not by the content.
        const again = await candidates.importCv('fr-one-column (copie).pdf', new Uint8Array(Buffer.concat([read(path.join(FIXTURES, 'fr-one-column.pdf')), Buffer.from('\n')])));
        assert.strictEqual(again.status, 'duplicate');
        assert.strictEqual((await candidates.list()).total, before, 'no second candidate');
        if (again.status !== 'duplicate' || again.reason === 'same-file') {
            assert.fail(`expected a duplicate by email, got ${JSON.stringify(again)}`);
        }
        const merged = await candidates.resolveDuplicate(again.fileId, 'merge', again.existingId);
        assert.strictEqual(merged.id, again.existingId);
        assert.strictEqual(merged.cvFileName, 'fr-one-column (copie).pdf');
        assert.strictEqual((await candidates.list()).total, before);
    });

    it('refuses oversized or malformed profile fields by name and stores nothing; a parsed profile is fitted instead', async () => {
        const before = (await candidates.list()).total;
        const base = { ...emptyParsedProfile('fr'), lastName: 'Valide' };
        const cases: [string, object][] = [
            ['candidate.firstName', { ...base, firstName: 'x'.repeat(10 * 1024 * 1024) }],
            ['candidate.email', { ...base, email: 'not-an-email' }],
            ['candidate.skills', { ...base, skills: Array.from({ length: 10_000 }, (_, i) => ({ name: `skill ${i}` })) }]
        ];
        for (const [field, input] of cases) {
            await assert.rejects(candidates.create(input as never), (e: Error) => MatchProErrors.InvalidInput.is(e) && e.message.includes(field), field);
        }
        assert.strictEqual((await candidates.list()).total, before, 'nothing stored');
        const fitted = fitParsedProfile({ ...base, email: 'jean@@exemple', skills: Array.from({ length: 600 }, (_, i) => ({ name: `skill ${i}` })), title: 't'.repeat(300) });
        assert.deepStrictEqual([fitted.email, fitted.skills.length, fitted.title!.length], [null, PROFILE_LIMITS.skills, PROFILE_LIMITS.title]);
    });

    it('knows the very same file again by its content, even without email or phone: no new candidate', async () => {
        const text = new TextEncoder().encode('Marc Petit\nCariste\n\nExpérience\nCariste, Transports Rhodaniens, Lyon (2019 - 2023)\n');
        const first = await candidates.importCv('sans-contact.txt', text);
        assert.strictEqual(first.status, 'imported');
        const before = (await candidates.list()).total;
        for (let i = 0; i < 3; i++) {
            const again = await candidates.importCv(`sans-contact (${i}).txt`, text);
            assert.deepStrictEqual(again.status === 'duplicate' ? [again.reason, again.existingId] : again, ['same-file', first.status === 'imported' && first.candidateId]);
        }
        assert.strictEqual((await candidates.list()).total, before, 'no second candidate');
    });

    it('keeps the original CV, encrypted: no file of the data folder contains a name, email or CV text in clear', async () => {
        const page = await candidates.list({ limit: 10 });
        const candidate = await candidates.get(page.rows.find(r => r.email)!.id);
        const cv = await candidates.getCvFile(candidate.id);
        assert.ok(cv && cv.bytes.byteLength > 100);
        assert.strictEqual(cv!.mediaType, 'application/pdf');
        await test.container.get(MatchProDatabase).close();
        const secrets = [candidate.email!, candidate.lastName!, '%PDF'];
        for (const file of allFiles(test.dataDir)) {
            const bytes = fs.readFileSync(file);
            for (const secret of secrets) {
                assert.strictEqual(bytes.indexOf(Buffer.from(secret, 'utf8')), -1, `${path.relative(test.dataDir, file)} contains "${secret}" in clear`);
                assert.strictEqual(bytes.indexOf(Buffer.from(secret, 'latin1')), -1, `${path.relative(test.dataDir, file)} contains "${secret}" in clear`);
            }
        }
    });

    it('records interactions and updates the last contact date', async () => {
        const { rows } = await candidates.list({ limit: 1 });
        const at = '2026-11-20T10:00:00.000Z';
        await candidates.addInteraction({ candidateId: rows[0].id, kind: 'call', subject: 'Disponibilité', at });
        assert.deepStrictEqual((await candidates.listInteractions(rows[0].id)).map(i => i.subject), ['Disponibilité']);
        assert.strictEqual((await candidates.get(rows[0].id)).lastContactAt, at);
        await assert.rejects(candidates.addInteraction({ candidateId: rows[0].id, kind: 'telepathy' as never, at }), (e: Error) => MatchProErrors.InvalidInput.is(e));
    });

    it('erases a candidate with their CV file, history and matchings (RGPD)', async () => {
        const { rows } = await candidates.list({ limit: 1 });
        const candidate = await candidates.get(rows[0].id);
        await assert.rejects(candidates.delete(candidate.id, candidate.version - 1), (e: Error) => MatchProErrors.Conflict.is(e));
        await candidates.delete(candidate.id, candidate.version);
        await assert.rejects(candidates.get(candidate.id), (e: Error) => MatchProErrors.NotFound.is(e));
        assert.deepStrictEqual(await candidates.listInteractions(candidate.id), []);
        assert.strictEqual((await candidates.list({ text: candidate.lastName ?? candidate.email ?? '' })).rows.some(r => r.id === candidate.id), false);
    });

    it('imports the demo agency CVs with their fields', async () => {
        if (!fs.existsSync(DEMO_CVS)) {
            return;
        }
        const outcome = await candidates.importCv('05-patrick-fabre-chauffeur-ce.pdf', read(path.join(DEMO_CVS, '05-patrick-fabre-chauffeur-ce.pdf')));
        assert.strictEqual(outcome.status, 'imported');
        const driver = await candidates.get((outcome as { candidateId: string }).candidateId);
        assert.deepStrictEqual(driver.drivingLicences, ['B', 'C', 'CE']);
        assert.strictEqual(driver.phone, '+33611223344');
        assert.strictEqual(driver.postcode, '69320');
        assert.ok(driver.certifications.some(c => /FIMO/.test(c)));
        const ce = await candidates.list({ licence: 'CE' });
        assert.ok(ce.rows.some(r => r.id === driver.id));
        const c = await candidates.list({ licence: 'D' });
        assert.ok(!c.rows.some(r => r.id === driver.id));
    });
});
