#!/usr/bin/env node
/**
 * Storage engine benchmark: single-record commit latency (p50/p99) with 1k and 100k candidate-like
 * rows stored, cold open time (a fresh process, sql.js load included, and open() alone), snapshot
 * (compaction) time, and file sizes. Rows are realistic: names, email, phone, city, a ~2 KB JSON profile.
 * Run after `npx tsc -b extensions/core`: node test/benchmarks/storage.js [--sizes 1000,100000] [--commits 1000]
 * Writes in a temporary folder under the OS temp dir, removed at the end.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { performance } = require('perf_hooks');

const LIB = path.resolve(__dirname, '..', '..', 'extensions', 'core', 'lib', 'node', 'storage');
const MIGRATIONS = [{
    version: 1,
    description: 'candidate-like table for the storage benchmark',
    sql: `CREATE TABLE candidate (id TEXT PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT UNIQUE, phone TEXT,
            city TEXT, postcode TEXT, profile TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
          CREATE INDEX candidate_city_name ON candidate(city, last_name);`
}];

// Child mode: time a cold open in a fresh process.
if (process.argv[2] === '--cold-open') {
    const start = performance.now();
    const { EncryptedStore } = require(path.join(LIB, 'encrypted-store'));
    (async () => {
        const openStart = performance.now();
        const store = await EncryptedStore.open({ dataDir: process.argv[3], migrations: MIGRATIONS, onWarning: () => undefined });
        const openMs = performance.now() - openStart;
        const rows = store.get('SELECT count(*) AS n FROM candidate').n;
        const rss = process.memoryUsage().rss;
        await store.close();
        process.stdout.write(JSON.stringify({ totalMs: performance.now() - start, openMs, rows, rss }));
    })().catch(error => { console.error(error); process.exit(2); });
    return;
}

const { EncryptedStore } = require(path.join(LIB, 'encrypted-store'));

const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : fallback; };
const SIZES = option('--sizes', '1000,100000').split(',').map(Number);
const COMMITS = Number(option('--commits', '1000'));

const FIRST = ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Lucas', 'Hugo', 'Louis', 'Nathan', 'Karim', 'Yasmine', 'Mathieu', 'Sébastien', 'Aurélie', 'Julien'];
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Benali', 'Nguyen', 'Lefèvre', 'Garnier', 'Kerbrat'];
const CITIES = [['Lyon', '69003'], ['Marseille', '13001'], ['Lille', '59000'], ['Nantes', '44000'], ['Toulouse', '31000'], ['Rennes', '35000'], ['Strasbourg', '67000'], ['Bordeaux', '33000']];
const TITLES = ['Cariste', 'Préparateur de commandes', 'Soudeur TIG', 'Aide-soignant', 'Chauffeur PL', 'Magasinier', 'Agent de production', 'Électricien'];

let seed = 42;
const rand = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
const pick = list => list[Math.floor(rand() * list.length)];

function candidate(n) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const [city, postcode] = pick(CITIES);
    const profile = {
        summary: `${pick(TITLES)} expérimenté, disponible rapidement, mobile dans un rayon de ${10 + Math.floor(rand() * 50)} km autour de ${city}.`,
        drivingLicences: rand() < 0.7 ? ['B'] : ['B', 'C', 'CE'],
        certifications: ['CACES R489 cat. 3', 'SST', 'Habilitation électrique B0'].filter(() => rand() < 0.6),
        languages: [{ language: 'fr', level: 'C2' }, { language: 'en', level: pick(['A2', 'B1', 'B2']) }],
        skills: Array.from({ length: 12 }, (_, i) => ({ name: `${pick(TITLES)} compétence ${i}`, level: 1 + Math.floor(rand() * 5), years: Math.floor(rand() * 15) })),
        experiences: Array.from({ length: 5 }, (_, i) => ({
            title: pick(TITLES), company: `Entreprise ${Math.floor(rand() * 5000)} SAS`, city: pick(CITIES)[0],
            start: `${2005 + i * 3}-0${1 + Math.floor(rand() * 9)}`, end: i === 4 ? null : `${2007 + i * 3}-1${Math.floor(rand() * 3)}`,
            missions: 'Réception et contrôle des marchandises, préparation des commandes, chargement des camions, inventaires.'
        })),
        education: [{ degree: 'CAP Opérateur logistique', school: `Lycée professionnel de ${city}`, year: 2004 + Math.floor(rand() * 15) }]
    };
    return [
        `cand-${n}`, first, last, `${first}.${last}.${n}@exemple.fr`.toLowerCase(), `+336${String(10000000 + n).slice(-8)}`,
        city, postcode, JSON.stringify(profile), '2026-01-01T08:00:00Z', '2026-01-01T08:00:00Z'
    ];
}

const INSERT = 'INSERT INTO candidate (id, first_name, last_name, email, phone, city, postcode, profile, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';

function folderSizes(dir) {
    const sizes = { snapshot: 0, newestSnapshot: 0, journal: 0, total: 0 };
    for (const name of fs.readdirSync(dir).sort()) {
        const size = fs.statSync(path.join(dir, name)).size;
        sizes.total += size;
        if (name.startsWith('snapshot-')) { sizes.snapshot += size; sizes.newestSnapshot = size; }
        if (name.startsWith('journal-')) { sizes.journal += size; }
    }
    return sizes;
}

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p / 100 * s.length))]; };
const mb = bytes => (bytes / 1048576).toFixed(1) + ' MB';
const ms = x => x.toFixed(2) + ' ms';

async function measure(rows) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-storage-bench-'));
    try {
        let store = await EncryptedStore.open({ dataDir, migrations: MIGRATIONS, onWarning: () => undefined });
        let t = performance.now();
        const batch = 5000;
        for (let start = 0; start < rows; start += batch) {
            await store.transaction(tx => {
                for (let n = start; n < Math.min(rows, start + batch); n++) {
                    tx.run(INSERT, candidate(n));
                }
            });
        }
        const seedMs = performance.now() - t;
        t = performance.now();
        await store.snapshot();
        const snapshotMs = performance.now() - t;
        const afterSeed = folderSizes(dataDir);
        const dbBytes = store.get('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').n;

        const latencies = [];
        for (let i = 0; i < COMMITS; i++) {
            const row = candidate(rows + i);
            const start = performance.now();
            await store.transaction(tx => tx.run(INSERT, row));
            latencies.push(performance.now() - start);
        }
        // Commits while a snapshot of the whole database is being sealed and written.
        const during = [];
        const snapshotting = store.snapshot();
        let snapshotDone = false;
        snapshotting.then(() => { snapshotDone = true; });
        const duringStart = performance.now();
        for (let i = 0; !snapshotDone || i < 20; i++) {
            const row = candidate(rows + COMMITS + i);
            const start = performance.now();
            await store.transaction(tx => tx.run(INSERT, row));
            during.push(performance.now() - start);
        }
        await snapshotting;
        const snapshotWallMs = performance.now() - duringStart;
        const updates = [];
        for (let i = 0; i < 200; i++) {
            const id = `cand-${Math.floor(rand() * rows)}`;
            const start = performance.now();
            await store.transaction(tx => tx.run('UPDATE candidate SET city = ?, updated_at = ? WHERE id = ?', ['Grenoble', '2026-02-01T08:00:00Z', id]));
            updates.push(performance.now() - start);
        }
        t = performance.now();
        const read = store.all('SELECT id, first_name, last_name FROM candidate WHERE city = ? AND last_name = ? LIMIT 50', ['Lyon', 'Martin']);
        const queryMs = performance.now() - t;
        const beforeClose = folderSizes(dataDir);
        await store.close();
        store = undefined;
        const coldWithJournal = JSON.parse(execFileSync(process.execPath, [__filename, '--cold-open', dataDir], { encoding: 'utf8', maxBuffer: 1 << 20 }));
        const afterClose = folderSizes(dataDir);
        return {
            rows, seedMs, snapshotMs, during, snapshotWallMs, afterSeed, dbBytes, beforeClose, afterClose, queryMs, queryRows: read.length,
            p50: pct(latencies, 50), p99: pct(latencies, 99), max: Math.max(...latencies),
            up50: pct(updates, 50), up99: pct(updates, 99), cold: coldWithJournal
        };
    } finally {
        fs.rmSync(dataDir, { recursive: true, force: true });
    }
}

async function main() {
    console.log(`storage benchmark: ${COMMITS} single-row insert commits (+200 single-row updates) after seeding; node ${process.version}, ${os.cpus().length} cpus`);
    const sample = Array.from({ length: 200 }, (_, i) => candidate(i)[7].length);
    console.log(`profile JSON: ${Math.round(sample.reduce((a, b) => a + b, 0) / sample.length)} bytes on average`);
    seed = 42;
    const results = [];
    for (const rows of SIZES) {
        results.push(await measure(rows));
    }
    const table = [
        ['rows stored', ...results.map(r => r.rows.toLocaleString('en'))],
        ['insert commit p50', ...results.map(r => ms(r.p50))],
        ['insert commit p99', ...results.map(r => ms(r.p99))],
        ['insert commit max', ...results.map(r => ms(r.max))],
        ['update commit p50', ...results.map(r => ms(r.up50))],
        ['update commit p99', ...results.map(r => ms(r.up99))],
        ['commits during snapshot', ...results.map(r => String(r.during.length))],
        ['  their p50 / max', ...results.map(r => `${ms(pct(r.during, 50))} / ${ms(Math.max(...r.during))}`)],
        ['  snapshot wall time', ...results.map(r => ms(r.snapshotWallMs))],
        ['seed (5k rows/tx)', ...results.map(r => (r.seedMs / 1000).toFixed(2) + ' s')],
        ['snapshot() after seed', ...results.map(r => ms(r.snapshotMs))],
        ['SQLite database', ...results.map(r => mb(r.dbBytes))],
        ['newest snapshot file', ...results.map(r => mb(r.afterSeed.newestSnapshot))],
        ['snapshots kept (2 gens)', ...results.map(r => mb(r.afterSeed.snapshot))],
        ['journal files before close', ...results.map(r => mb(r.beforeClose.journal))],
        ['folder after close', ...results.map(r => mb(r.afterClose.total))],
        ['cold open: process total', ...results.map(r => ms(r.cold.totalMs))],
        ['cold open: open() alone', ...results.map(r => ms(r.cold.openMs))],
        ['rss after cold open', ...results.map(r => mb(r.cold.rss))],
        ['indexed query (50 rows)', ...results.map(r => ms(r.queryMs))]
    ];
    const widths = table[0].map((_, c) => Math.max(...table.map(row => String(row[c]).length)));
    for (const row of table) {
        console.log(row.map((cell, c) => c === 0 ? String(cell).padEnd(widths[c]) : String(cell).padStart(widths[c])).join('  '));
    }
    console.log('cold open = a fresh node process: require + sql.js wasm load + key + snapshot decrypt + journal replay; the journal of the benchmark commits is replayed in it unless close() folded it.');
}

main().catch(error => { console.error(error); process.exit(1); });
