/**
 * Matching scale benchmark: time to rank 10k and 100k candidates for one offer with the full hybrid score
 * (semantic + rules + ONNX ranker in ONE batch over the [N, F] feature tensor, no shortlist) and the
 * explanations of the top 50; p50/p95 after warm-up; memory. Candidates are synthetic (ESCO occupations and
 * skills, FR/EN labels, French postcodes); the index is built once (as on candidate changes), not timed per query.
 *
 * Run: npx tsc -b extensions/matching && node test/benchmarks/matching.js [--sizes 10000,100000] [--runs 15]
 */
const os = require('os');
const { readCompactTaxonomy } = require('@matchpro/taxonomy/lib/node/taxonomy-data');
const { seededRandom } = require('@matchpro/matching/lib/node/ranker-model');
const { createMatchingEngine } = require('./matching-engine-setup');

const arg = (name, fallback) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : fallback; };
const SIZES = arg('sizes', '10000,100000').split(',').map(Number);
const RUNS = Number(arg('runs', 15));
const PLACES = [['69003', 'Lyon'], ['69100', 'Villeurbanne'], ['38200', 'Vienne'], ['42000', 'Saint-Étienne'], ['01000', 'Bourg-en-Bresse'], ['71000', 'Mâcon'],
    ['75011', 'Paris'], ['59000', 'Lille'], ['13001', 'Marseille'], ['33000', 'Bordeaux'], ['44000', 'Nantes'], ['31000', 'Toulouse'], ['67000', 'Strasbourg']];
const CERTS = ['CACES R489 cat. 3', 'CACES R489 cat. 1A', 'CACES R489 cat. 5', 'FIMO', 'SST', 'Habilitation électrique B1V'];

function uuid(i) { return `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`; }
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const mb = bytes => Math.round(bytes / 1048576);

function makeCandidates(taxonomy, n, random, from) {
    const occ = taxonomy.occupations.filter(o => o.e.length >= 6 && o.fr);
    const pick = xs => xs[Math.floor(random() * xs.length)];
    const label = (s, fr) => (fr ? taxonomy.skills[s].fr : '') || taxonomy.skills[s].en;
    const out = [];
    for (let i = 0; i < n; i++) {
        const o = pick(occ), fr = random() < 0.6, place = pick(PLACES);
        out.push({
            id: uuid(from + i), version: 1, createdAt: '2026-01-01', updatedAt: '2026-01-01', firstName: 'X', lastName: 'Y', email: null, phone: null,
            city: place[1], postcode: place[0], drivingLicences: random() < 0.2 ? ['B', pick(['C', 'CE'])] : ['B'],
            certifications: random() < 0.3 ? [pick(CERTS)] : [], languages: random() < 0.4 ? [{ language: 'en', level: pick(['A2', 'B1', 'B2', 'C1']) }] : [],
            skills: o.e.slice(0, 4 + Math.floor(random() * 8)).map(s => ({ name: label(s, fr) })), experiences: [], education: [],
            yearsOfExperience: Math.floor(random() * 15), title: fr ? o.fr.split('/')[0] : o.en, summary: null, language: fr ? 'fr' : 'en',
            birthDate: null, nationality: null, street: null, mobility: { radiusKm: pick([10, 20, 30, 50, 100]), cities: [], remote: false, hasVehicle: random() < 0.8 },
            situation: null, availableFrom: random() < 0.3 ? '2026-04-01' : null, preferences: { contractTypes: random() < 0.5 ? [pick(['CDI', 'CDD', 'mission'])] : [], sectors: [] },
            notes: '', cvFileId: null, cvFileName: null, aiFields: [], lastContactAt: null
        });
    }
    return out;
}

async function main() {
    const { engine, encoderMatches, close } = await createMatchingEngine('matching-bench');
    const taxonomy = readCompactTaxonomy();
    const random = seededRandom(7);
    const offer = {
        id: uuid(999999999), version: 1, createdAt: '', updatedAt: '', companyId: uuid(1), title: 'Cariste', description: 'Conduite de chariots en entrepôt logistique',
        contractType: 'mission', location: { postcode: '69007', city: 'Lyon', remote: 'none' }, status: 'active', statusHistory: [], positionsFilled: 0,
        requiredSkills: [{ name: 'utiliser un chariot élévateur', mandatory: true, weight: 1 }, { name: 'gestion des stocks', mandatory: false, weight: 1 },
            { name: 'preparation de commandes', mandatory: false, weight: 1 }, { name: 'warehouse operations', mandatory: false, weight: 1 }],
        certifications: ['CACES R489 cat. 3'], drivingLicence: null, experienceMinYears: 1, experienceIdealYears: 3, languages: [],
        startDate: '2026-03-01', urgent: false, positions: 2
    };
    console.log(`matching benchmark — ${os.cpus().length} cores, Node ${process.version}, model ${engine.modelVersion} (trained with the current encoder: ${encoderMatches ? 'yes' : 'NO, retrain it'}), full batch ONNX over [N, ${require('@matchpro/matching/lib/node/pair-evaluation').FEATURE_COUNT}] (no shortlist)`);
    let indexed = 0;
    for (const size of SIZES) {
        const t0 = Date.now();
        await engine.upsertCandidates(makeCandidates(taxonomy, size - indexed, random, indexed));
        indexed = size;
        const buildMs = Date.now() - t0;
        const prepared = await engine.prepare(offer);
        for (let w = 0; w < 3; w++) { await engine.rankCandidates(prepared, { top: 50, explainTop: 50 }); }
        const times = [], cpu = [], parts = [];
        let last;
        for (let r = 0; r < RUNS; r++) {
            const t = process.hrtime.bigint();
            const c = process.cpuUsage();
            last = await engine.rankCandidates(prepared, { top: 50, explainTop: 50 });
            times.push(Number(process.hrtime.bigint() - t) / 1e6);
            const used = process.cpuUsage(c);
            cpu.push((used.user + used.system) / 1000);
            parts.push({ ...engine.lastTimings });
        }
        const median = key => pct(parts.map(p => p[key]), 0.5).toFixed(1);
        const prepT = process.hrtime.bigint();
        await engine.prepare(offer);
        const prepareMs = Number(process.hrtime.bigint() - prepT) / 1e6;
        const mem = process.memoryUsage();
        console.log(`${String(size).padStart(7)} candidates: rank p50 ${pct(times, 0.5).toFixed(1)} ms, p95 ${pct(times, 0.95).toFixed(1)} ms (${RUNS} runs after 3 warm-up; top 50 explained: ${last.results.filter(r => r.explanation).length}); CPU time p50 ${pct(cpu, 0.5).toFixed(1)} ms; load avg ${os.loadavg()[0].toFixed(1)}; `
            + `medians: evaluate ${median('evaluateMs')}, onnx ${median('mlMs')}, combine+top+explain ${median('combineMs')} ms; offer preparation ${prepareMs.toFixed(1)} ms; index build +${buildMs} ms; rss ${mb(mem.rss)} MB, heap ${mb(mem.heapUsed)} MB, external ${mb(mem.external)} MB`);
    }
    await close();
}

main().catch(error => { console.error(error); process.exit(1); });
