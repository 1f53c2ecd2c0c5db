import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const BIN = path.resolve(__dirname, '..', 'bin', 'matchpro.js');
const DEMO = path.resolve(__dirname, '..', '..', 'examples', 'demo-agency');

function matchpro(dataDir: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, ...args], { encoding: 'utf8', timeout: 120_000 });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('npx matchpro (headless CLI)', function () {
    this.timeout(300_000);
    let dataDir: string;

    before(() => { dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-cli-')); });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it('lists its commands', () => {
        const help = matchpro(dataDir, '--help');
        assert.strictEqual(help.code, 0);
        for (const command of ['import PATH', 'parse FILE', 'candidates list', 'candidates show', 'offers add', 'offers list', 'normalize title', 'normalize skill']) {
            assert.ok(help.stdout.includes(command), `--help lists ${command}`);
        }
        const unknown = matchpro(dataDir, 'frobnicate');
        assert.strictEqual(unknown.code, 1);
    });

    it('adds an offer from a file and lists it; a bad file is a one-line user error and stores nothing', () => {
        const offerFile = path.join(dataDir, '..', `offer-${process.pid}.json`);
        fs.writeFileSync(offerFile, JSON.stringify(JSON.parse(fs.readFileSync(path.join(DEMO, 'offers.json'), 'utf8'))[0]));
        const added = matchpro(dataDir, 'offers', 'add', '--file', offerFile, '--json');
        assert.strictEqual(added.code, 0, added.stderr);
        const { id, companyId } = JSON.parse(added.stdout);
        assert.ok(id && companyId);
        fs.writeFileSync(offerFile, JSON.stringify({ title: 'Soudeur', company: { name: 'X' }, contractType: 'freelance' }));
        const bad = matchpro(dataDir, 'offers', 'add', '--file', offerFile, '--json');
        assert.strictEqual(bad.code, 1);
        assert.strictEqual(bad.stdout, '', 'nothing on stdout');
        assert.match(bad.stderr.trim(), /^matchpro offers add: invalid offer: offer\.contractType: unknown contract type "freelance"/);
        assert.strictEqual(bad.stderr.trim().split('\n').length, 1);
        const list = JSON.parse(matchpro(dataDir, 'offers', 'list', '--json').stdout);
        assert.deepStrictEqual(list.map((o: { id: string }) => o.id), [id]);
        assert.strictEqual(list[0].status, 'active');
        fs.rmSync(offerFile);
    });

    it('imports a folder of CVs, then lists, searches and shows candidates as JSON', () => {
        const imported = matchpro(dataDir, 'import', path.join(DEMO, 'cvs'), '--json');
        assert.strictEqual(imported.code, 0, imported.stderr);
        const summary = JSON.parse(imported.stdout);
        assert.strictEqual(summary.imported, 12);
        assert.deepStrictEqual(summary.failed, []);
        assert.strictEqual(summary.ids.length, 12);
        const again = JSON.parse(matchpro(dataDir, 'import', path.join(DEMO, 'cvs', '01-julien-martin-cariste.pdf'), '--json').stdout);
        assert.deepStrictEqual([again.imported, again.duplicates], [0, 1], 'the same CV again is a duplicate');
        const caristes = JSON.parse(matchpro(dataDir, 'candidates', 'list', '--query', 'cariste', '--json').stdout);
        assert.ok(caristes.length >= 3);
        const shown = JSON.parse(matchpro(dataDir, 'candidates', 'show', summary.ids[0], '--json').stdout);
        assert.strictEqual(shown.id, summary.ids[0]);
        assert.ok(Array.isArray(shown.skills) && Array.isArray(shown.experiences));
        const missing = matchpro(dataDir, 'candidates', 'show', '00000000-0000-4000-8000-000000000000', '--json');
        assert.strictEqual(missing.code, 1);
        assert.match(missing.stderr, /not found/);
    });

    it('never leaves an imported folder (links out refused, loops read once) and re-imports identical files as duplicates', () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-cli-links-'));
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-cli-outside-'));
        const noContact = 'Marc Petit\nPréparateur de commandes\n\nExpérience\nPréparateur, Entrepôt Rhône, Lyon (2018 - 2024)\n';
        fs.writeFileSync(path.join(folder, 'marc.txt'), noContact);
        fs.mkdirSync(path.join(folder, 'sub'));
        fs.writeFileSync(path.join(folder, 'sub', 'marc-copie.txt'), noContact);
        fs.writeFileSync(path.join(outside, 'secret.txt'), 'Nadia Secret\nComptable\n');
        fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(folder, 'link-out.txt'));
        fs.symlinkSync(outside, path.join(folder, 'dir-out'));
        fs.symlinkSync(folder, path.join(folder, 'sub', 'loop'));
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-cli-links-db-'));
        try {
            const first = matchpro(dir, 'import', folder, '--json');
            assert.strictEqual(first.code, 0, first.stderr);
            const summary = JSON.parse(first.stdout);
            assert.deepStrictEqual([summary.imported, summary.duplicates], [1, 1], 'the copy in sub/ is the same file');
            assert.deepStrictEqual(summary.failed.map((f: { file: string }) => path.basename(f.file)).sort(), ['dir-out', 'link-out.txt']);
            assert.ok(summary.failed.every((f: { error: string }) => /outside the imported folder/.test(f.error)));
            const list = JSON.parse(matchpro(dir, 'candidates', 'list', '--json').stdout);
            assert.ok(!list.some((c: { lastName: string | null }) => c.lastName === 'Secret'), 'nothing from outside the folder');
            for (let i = 0; i < 2; i++) {
                const again = JSON.parse(matchpro(dir, 'import', path.join(folder, 'marc.txt'), '--json').stdout);
                assert.deepStrictEqual([again.imported, again.duplicates], [0, 1]);
            }
            assert.strictEqual(JSON.parse(matchpro(dir, 'candidates', 'list', '--json').stdout).length, 1, 'one candidate, however often the file comes');
        } finally {
            for (const d of [folder, outside, dir]) {
                fs.rmSync(d, { recursive: true, force: true });
            }
        }
    });

    it('exports all data as JSON (never the AI keys) and the candidates as CSV', () => {
        const json = matchpro(dataDir, 'export', '--format', 'json', '--json');
        assert.strictEqual(json.code, 0, json.stderr);
        const data = JSON.parse(json.stdout);
        assert.strictEqual(data.candidates.length, 12);
        assert.strictEqual(data.offers.length, 1);
        assert.strictEqual(data.ai_keys, undefined);
        const csv = matchpro(dataDir, 'export', '--format', 'csv');
        assert.strictEqual(csv.code, 0, csv.stderr);
        const lines = csv.stdout.trim().split(/\r\n/);
        assert.strictEqual(lines.length, 13, 'a header and one row per candidate');
        assert.match(lines[0], /^id,firstName,lastName,email,phone/);
        assert.ok(lines.some(l => l.includes('julien.martin@example.fr') && l.includes('+33612345678')));
        assert.strictEqual(matchpro(dataDir, 'export', '--format', 'xml').code, 1);
    });

    it('backs up and restores into a new folder only, CV files included', () => {
        const backup = path.join(os.tmpdir(), `matchpro-cli-backup-${process.pid}.mpbak`);
        const made = matchpro(dataDir, 'backup', '--out', backup, '--json');
        assert.strictEqual(made.code, 0, made.stderr);
        const target = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-cli-restored-'));
        const restored = matchpro(target, 'restore', '--from', backup, '--key-file', path.join(dataDir, 'store.key'), '--json');
        assert.strictEqual(restored.code, 0, restored.stderr);
        const candidates = JSON.parse(matchpro(target, 'candidates', 'list', '--json').stdout);
        assert.strictEqual(candidates.length, 12);
        const shown = JSON.parse(matchpro(target, 'candidates', 'show', candidates[0].id, '--json').stdout);
        assert.ok(shown.cvFileId, 'the CV file comes back with its candidate');
        const again = matchpro(target, 'restore', '--from', backup, '--key-file', path.join(dataDir, 'store.key'));
        assert.strictEqual(again.code, 1, 'never over existing data');
        assert.match(again.stderr, /not empty/);
        const overwrite = matchpro(dataDir, 'backup', '--out', backup);
        assert.strictEqual(overwrite.code, 1, 'a backup never overwrites anything');
        assert.match(overwrite.stderr, /already exists/);
        // The CV files the database refers to must come back intact, or nothing is restored.
        const cvDir = path.join(`${backup}.files`, 'cv');
        const [first, second] = fs.readdirSync(cvDir).sort();
        const flipped = fs.readFileSync(path.join(cvDir, first));
        flipped[flipped.length - 5] ^= 0x01;
        fs.writeFileSync(path.join(cvDir, first), flipped);
        fs.rmSync(path.join(cvDir, second));
        for (const [what, damage] of [['a flipped and a deleted CV file', () => undefined], ['no files folder at all', () => fs.rmSync(`${backup}.files`, { recursive: true })]] as const) {
            damage();
            const refused = path.join(os.tmpdir(), `matchpro-cli-refused-${process.pid}`);
            const result = matchpro(refused, 'restore', '--from', backup, '--key-file', path.join(dataDir, 'store.key'));
            assert.strictEqual(result.code, 1, `${what}: ${result.stderr}`);
            assert.match(result.stderr, /cv\/[0-9a-f-]+ (damaged|missing).*nothing was restored/, what);
            assert.ok(!fs.existsSync(refused) || fs.readdirSync(refused).length === 0, `${what}: no half folder`);
            fs.rmSync(refused, { recursive: true, force: true });
        }
        const damaged = fs.readFileSync(backup);
        damaged[damaged.length - 100] ^= 0x01;
        fs.writeFileSync(backup, damaged);
        const refusedDamaged = matchpro(path.join(os.tmpdir(), `matchpro-cli-damaged-${process.pid}`), 'restore', '--from', backup, '--key-file', path.join(dataDir, 'store.key'));
        assert.strictEqual(refusedDamaged.code, 1, `a damaged backup is a bad file: ${refusedDamaged.stderr}`);
        fs.rmSync(target, { recursive: true, force: true });
        fs.rmSync(backup, { force: true });
        fs.rmSync(`${backup}.files`, { recursive: true, force: true });
    });
});
