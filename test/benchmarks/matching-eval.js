/**
 * Matching quality on sets whose labels were fixed independently of the engine, through the very path a
 * user takes: CV files imported by the candidate service (the real parsers), offers added by the CLI's
 * `offers add`, rankings by the CLI's `match` (the workbench's matching service), in one process over a
 * throw-away data folder. Beside it, in the same run, BM25 over the CV text the parser read (plain and
 * stemmed) and the ablations. Sets:
 *   - fr-agency (test/matching-eval/fr-agency): French agency offers and CVs (DOCX/PDF), graded 0-3 by
 *     the written rules of GRADING-RULES.md, committed before any engine run. NDCG@10 and @5 per offer.
 *   - vanetik (../shared/data, GPL-3.0, evaluation only, not shipped): 30 real Word CVs x 5 real vacancies,
 *     ranked by two annotators; candidate -> offers direction; NDCG@5 and Kendall tau per annotator, with
 *     the annotators' agreement (the ceiling) and a random order.
 *   - synthetic (test/matching-eval/labelled-set.json): a regression check only; its labels follow rules
 *     close to the engine's.
 * Also: how many top-10s hold two candidates with the same score (ties the old cap produced).
 *
 * Run: node -e "require('./scripts/workspace-setup').ensureBuilt()" && node test/benchmarks/matching-eval.js [--sets fr-agency,vanetik,synthetic]
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
require('@theia/core/shared/reflect-metadata');
const { createCliContainer } = require('../../cli/lib/matchpro-cli');
const { CliCommand } = require('@matchpro/core/lib/node/cli/cli-command');
const { MatchProDatabase } = require('@matchpro/core/lib/node/matchpro-database');
const { CandidateService } = require('@matchpro/candidates/lib/common/candidate-protocol');
const { MatchingService } = require('@matchpro/matching/lib/common/matching-protocol');
const { wordsOf, isContentWord, stemsOf } = require('@matchpro/core/lib/common/text-terms');
const { parseCsvRecords } = require('../../scripts/csv-records');

const ROOT = path.resolve(__dirname, '..', '..');
const SHARED = path.resolve(ROOT, '..', 'shared', 'data');
const arg = (name, fallback) => { const i = process.argv.indexOf('--' + name); return i > 0 ? process.argv[i + 1] : fallback; };
const SETS = arg('sets', 'fr-agency,fr-agency-quick,vanetik,synthetic,retraining').split(',');

/** The engine's variants, written to the data folder's matching-config.json before each ranking. */
const VARIANTS = {
    'MatchPro (default: 0.25 semantic + 0.75 rules, tiers)': { weights: { semantic: 0.25, rules: 0.75, ml: 0 }, tiers: true },
    '  with the shipped ML ranker (0.25)': { weights: { semantic: 0.19, rules: 0.56, ml: 0.25 }, tiers: true },
    '  without tiers (failures ignored)': { weights: { semantic: 0.25, rules: 0.75, ml: 0 }, tiers: false },
    '  semantic only': { weights: { semantic: 1, rules: 0, ml: 0 }, tiers: false },
    '  rules (requirement evidence) only': { weights: { semantic: 0, rules: 1, ml: 0 }, tiers: true }
};

// --- metrics
const dcg = (gains, k) => gains.slice(0, k).reduce((a, g, i) => a + (2 ** g - 1) / Math.log2(i + 2), 0);
function ndcgAt(grades, allGrades, k) {
    const ideal = dcg([...allGrades].sort((a, b) => b - a), k);
    return ideal > 0 ? dcg(grades, k) / ideal : 0;
}
/** Kendall tau-b between two orders of the same items (position maps). */
function kendallTau(orderA, orderB) {
    const items = orderA.filter(x => orderB.includes(x));
    let concordant = 0, discordant = 0;
    for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length; j++) {
            const a = orderA.indexOf(items[i]) - orderA.indexOf(items[j]);
            const b = orderB.indexOf(items[i]) - orderB.indexOf(items[j]);
            if (a * b > 0) { concordant++; } else if (a * b < 0) { discordant++; }
        }
    }
    return concordant + discordant > 0 ? (concordant - discordant) / (concordant + discordant) : 0;
}
const mean = xs => xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN;
const f3 = x => Number.isNaN(x) ? '  -  ' : x.toFixed(3);

// --- BM25 (k1 1.2, b 0.75) over the CV text the parser read, accents folded; "stemmed" adds the Snowball stems (FR+EN).
const plainTokens = text => wordsOf(text).filter(t => t.length > 1);
const stemmedTokens = text => wordsOf(text).filter(isContentWord).flatMap(w => stemsOf(w));
function bm25(query, docs, tokens) {
    const toks = docs.map(d => tokens(d));
    const avg = toks.reduce((a, d) => a + d.length, 0) / Math.max(1, toks.length);
    const df = new Map();
    toks.forEach(d => new Set(d).forEach(t => df.set(t, (df.get(t) ?? 0) + 1)));
    const q = tokens(query);
    return toks.map(d => {
        const tf = new Map();
        d.forEach(t => tf.set(t, (tf.get(t) ?? 0) + 1));
        return q.reduce((score, t) => {
            const f = tf.get(t) ?? 0;
            if (!f) { return score; }
            const idf = Math.log(1 + (toks.length - df.get(t) + 0.5) / (df.get(t) + 0.5));
            return score + idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * d.length / avg));
        }, 0);
    });
}
const offerText = o => [o.title, o.description, ...(o.requiredSkills ?? []).map(s => s.name), ...(o.certifications ?? []),
    o.drivingLicence ? 'permis ' + o.drivingLicence : '', o.city ?? ''].join(' ');
const rankBy = (ids, scores) => ids.map((id, i) => [id, scores[i]]).sort((a, b) => b[1] - a[1]).map(x => x[0]);

// --- the workbench's services, in process
async function workbench(name) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `matchpro-eval-${name}-`));
    const container = createCliContainer({ dataDir, actor: 'matching-eval' });
    const commands = container.getAll(CliCommand);
    const cli = (words, options) => commands.find(c => c.words.join(' ') === words).run({ positionals: [], options, json: true });
    const candidates = container.get(CandidateService);
    return {
        dataDir, cli, candidates, matching: container.get(MatchingService),
        async importCvs(files) {
            const ids = new Map();
            for (const file of files) {
                const outcome = await candidates.importCv(path.basename(file), new Uint8Array(fs.readFileSync(file)));
                if (outcome.status === 'imported' || outcome.status === 'updated') { ids.set(path.basename(file), outcome.candidateId); } else {
                    ids.set(path.basename(file), outcome.existingId ?? null);
                    console.error(`  ${path.basename(file)}: ${outcome.status} ${outcome.reason ?? outcome.error ?? ''}`);
                }
            }
            return ids;
        },
        async addOffer(offer) {
            const file = path.join(dataDir, 'offer.json');
            fs.writeFileSync(file, JSON.stringify(offer));
            return (await cli('offers add', { file })).id;
        },
        setConfig(config) { fs.writeFileSync(path.join(dataDir, 'matching-config.json'), JSON.stringify(config)); },
        close: async () => { await container.get(MatchProDatabase).close(); fs.rmSync(dataDir, { recursive: true, force: true }); }
    };
}

function tiesInTop10(results) {
    const top = results.slice(0, 10).map(r => r.score);
    return top.length - new Set(top).size;
}

/**
 * `quick`: each offer reduced to its title, place and text, as a recruiter first types it (no requirement
 * list, no licence or experience field): the requirements then come from the text alone.
 */
async function frAgency(quick = false) {
    const dir = path.join(ROOT, 'test', 'matching-eval', 'fr-agency');
    if (!fs.existsSync(path.join(dir, 'labels.json'))) { console.log('fr-agency: set not found, skipped'); return; }
    const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
    const cvDir = path.join(dir, 'cvs');
    const files = fs.readdirSync(cvDir).filter(f => /\.(docx|pdf|txt)$/i.test(f)).sort().map(f => path.join(cvDir, f));
    const wb = await workbench('fr-agency');
    const t0 = Date.now();
    const ids = await wb.importCvs(files);
    const idToFile = new Map([...ids].filter(([, id]) => id).map(([f, id]) => [id, f]));
    const texts = new Map();
    for (const [file, id] of ids) { if (id) { const c = await wb.candidates.get(id); texts.set(file, c.cvText || ''); } }
    const offers = [];
    for (const entry of labels.offers) {
        const full = JSON.parse(fs.readFileSync(path.join(dir, entry.file), 'utf8'));
        const offer = quick ? { title: full.title, company: full.company, city: full.city, postcode: full.postcode, contractType: full.contractType, description: full.description } : full;
        offers.push({ entry, offer, id: await wb.addOffer(offer) });
    }
    console.log(`\n== fr-agency${quick ? ' (quick offers: title, place and text only)' : ''}: ${offers.length} offers x ${files.length} CVs (graded by GRADING-RULES.md; unlisted pairs are 0), imported in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const rows = {};
    let ties = 0;
    const allFiles = [...ids.keys()];
    for (const [name, config] of Object.entries(VARIANTS)) {
        wb.setConfig(config);
        rows[name] = { n10: [], n5: [] };
        for (const { entry, id } of offers) {
            const results = await wb.cli('match', { offer: id, top: '1000' });
            if (name === Object.keys(VARIANTS)[0]) { ties += tiesInTop10(results); }
            const order = results.map(r => idToFile.get(r.candidateId));
            const grade = f => entry.grades[f] ?? 0;
            const all = allFiles.map(grade);
            rows[name].n10.push(ndcgAt(order.map(grade), all, 10));
            rows[name].n5.push(ndcgAt(order.map(grade), all, 5));
        }
    }
    for (const [label, tokens] of [['BM25 over the CV text', plainTokens], ['BM25 over the CV text, stemmed', stemmedTokens]]) {
        rows[label] = { n10: [], n5: [] };
        for (const { entry, offer } of offers) {
            const order = rankBy(allFiles, bm25(offerText(offer), allFiles.map(f => texts.get(f) ?? ''), tokens));
            const grade = f => entry.grades[f] ?? 0;
            rows[label].n10.push(ndcgAt(order.map(grade), allFiles.map(grade), 10));
            rows[label].n5.push(ndcgAt(order.map(grade), allFiles.map(grade), 5));
        }
    }
    console.log('ranking'.padEnd(56) + 'NDCG@10  NDCG@5');
    for (const [name, r] of Object.entries(rows)) { console.log(name.padEnd(56) + f3(mean(r.n10)).padEnd(9) + f3(mean(r.n5))); }
    const main = rows[Object.keys(VARIANTS)[0]], base = rows['BM25 over the CV text'];
    if (!quick) { console.log('per offer (NDCG@10): MatchPro vs BM25'); }
    offers.filter(() => !quick).forEach(({ entry, offer }, i) => { console.log(`  ${path.basename(entry.file).padEnd(44)} ${f3(main.n10[i])}  ${f3(base.n10[i])}   ${offer.title}`); });
    console.log(`top-10s holding two equal scores (MatchPro default): ${ties} pair(s) over ${offers.length} offers`);
    await wb.close();
}

/** "place 1 in the annotation array is the best": each array lists vacancies 1-5 from best to worst. */
function readVanetikAnnotations(file) {
    const text = fs.readFileSync(file, 'utf8');
    const parse = name => JSON.parse(new RegExp(`${name}\\s*=\\s*(\\[[\\s\\S]*?\\]\\])`).exec(text)[1].replace(/#[^\n]*/g, ''));
    return [parse('ANNOTATOR_1_RANKINGS'), parse('ANNOTATOR_2_RANKINGS')];
}


async function vanetik() {
    const cvDir = path.join(SHARED, 'cv-samples', 'vanetik', 'CV');
    const annotationsFile = path.join(SHARED, 'benchmarks', 'vanetik-rankings', 'annotations-for-the-first-30-vacancies.txt');
    if (!fs.existsSync(cvDir) || !fs.existsSync(annotationsFile)) { console.log('vanetik: ../shared/data not found, skipped'); return; }
    const [a1, a2] = readVanetikAnnotations(annotationsFile);
    const vacancies = parseCsvRecords(fs.readFileSync(path.join(SHARED, 'cv-samples', 'vanetik', '5_vacancies.csv'), 'utf8')).filter(v => v.job_description);
    const wb = await workbench('vanetik');
    const files = Array.from({ length: 30 }, (_, i) => path.join(cvDir, `${i + 1}.docx`));
    const ids = await wb.importCvs(files);
    const offerIds = [];
    for (const v of vacancies) {
        // As a new user adds a real ad: its title and text, nothing more (no skill list, no place).
        offerIds.push(await wb.addOffer({ title: v.job_title, company: { name: 'Vanetik set' }, contractType: 'CDI', description: v.job_description }));
    }
    const valid = (ranking) => new Set(ranking).size === 5;
    const relevance = ranking => { const g = new Map(); ranking.forEach((v, pos) => g.set(v, 4 - pos)); return g; };
    const rows = {};
    const scoreOrders = async () => {
        const orders = [];
        for (let i = 0; i < 30; i++) {
            const id = ids.get(`${i + 1}.docx`);
            const results = id ? await wb.cli('match', { candidate: id, top: '10' }) : [];
            orders.push(results.map(r => offerIds.indexOf(r.offerId) + 1));
        }
        return orders;
    };
    const texts = [];
    for (let i = 0; i < 30; i++) { const id = ids.get(`${i + 1}.docx`); texts.push(id ? (await wb.candidates.get(id)).cvText : ''); }
    const systems = {};
    for (const [name, config] of Object.entries(VARIANTS)) { wb.setConfig(config); systems[name] = await scoreOrders(); }
    for (const [label, tokens] of [['BM25 (CV text as the query, vacancies as documents)', plainTokens], ['BM25, stemmed', stemmedTokens]]) {
        systems[label] = texts.map(t => rankBy([1, 2, 3, 4, 5], bm25(t, vacancies.map(v => v.job_title + ' ' + v.job_description), tokens)));
    }
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    systems['random order (mean of 200 shuffles)'] = 'random';
    console.log(`\n== vanetik: 30 real CVs x 5 real vacancies, candidate -> offers; annotator 1: 30 CVs (CVs 9 and 28 skipped: not permutations), annotator 2: 20 CVs`);
    console.log('ranking'.padEnd(56) + 'NDCG@5 a1  tau a1   NDCG@5 a2  tau a2');
    const measure = (orderOf, annotations) => {
        const n = [], t = [];
        annotations.forEach((truth, i) => {
            if (!valid(truth)) { return; }
            const order = orderOf(i);
            if (!order || order.length < 5) { return; }
            const g = relevance(truth);
            n.push(ndcgAt(order.map(v => g.get(v)), [...g.values()], 5));
            t.push(kendallTau(order, truth));
        });
        return [mean(n), mean(t)];
    };
    for (const [name, orders] of Object.entries(systems)) {
        let r1, r2;
        if (orders === 'random') {
            const runs = Array.from({ length: 200 }, () => { const o = Array.from({ length: 30 }, () => [1, 2, 3, 4, 5].sort(() => random() - 0.5)); return [measure(i => o[i], a1), measure(i => o[i], a2)]; });
            r1 = [mean(runs.map(r => r[0][0])), mean(runs.map(r => r[0][1]))];
            r2 = [mean(runs.map(r => r[1][0])), mean(runs.map(r => r[1][1]))];
        } else {
            r1 = measure(i => orders[i], a1); r2 = measure(i => orders[i], a2);
        }
        rows[name] = [r1, r2];
        console.log(name.padEnd(56) + f3(r1[0]).padEnd(11) + f3(r1[1]).padEnd(9) + f3(r2[0]).padEnd(11) + f3(r2[1]));
    }
    const agree = measure(i => a2[i], a1.slice(0, 20));
    console.log('annotator 2 against annotator 1 (the ceiling)'.padEnd(56) + f3(agree[0]).padEnd(11) + f3(agree[1]));
    await wb.close();
}

async function synthetic() {
    const set = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'matching-eval', 'labelled-set.json'), 'utf8'));
    const wb = await workbench('synthetic');
    const rows = {};
    const create = async c => {
        const { id: _id, version: _v, createdAt: _c, updatedAt: _u, cvFileId: _f, cvFileName: _n, aiFields: _a, lastContactAt: _l, note: _note, ...fields } = c;
        return (await wb.candidates.create({ ...fields, email: null })).id;
    };
    const pools = [];
    let ties = 0;
    for (const q of set.queries) {
        const ids = new Map();
        for (const p of q.pool) { ids.set(await create(p.candidate), p.grade); }
        const o = q.offer;
        const id = await wb.addOffer({ title: o.title, company: { name: 'Synthetic' }, city: o.location.city, postcode: o.location.postcode, contractType: o.contractType,
            description: o.description, requiredSkills: o.requiredSkills, experienceMinYears: o.experienceMinYears, drivingLicence: o.drivingLicence,
            languages: o.languages, certifications: o.certifications });
        pools.push({ id, ids });
    }
    for (const [name, config] of Object.entries(VARIANTS)) {
        wb.setConfig(config);
        rows[name] = [];
        for (const { id, ids } of pools) {
            // Each offer is graded against its own pool: rank everything, keep the pool.
            const results = (await wb.cli('match', { offer: id, top: '1000' })).filter(r => ids.has(r.candidateId));
            if (name === Object.keys(VARIANTS)[0]) { ties += tiesInTop10(results); }
            rows[name].push(ndcgAt(results.map(r => ids.get(r.candidateId)), [...ids.values()], 10));
        }
    }
    // These profiles have no CV file: BM25 reads the profile's fields as the CV text.
    const profileText = c => [c.title, c.summary, ...c.skills.map(k => k.name), ...c.certifications, ...c.drivingLicences.map(l => 'permis ' + l),
        ...c.experiences.map(e => e.title), c.city].filter(Boolean).join(' ');
    rows['BM25 over the profile text'] = set.queries.map(q => {
        const order = rankBy(q.pool.map((_, i) => i), bm25(offerText({ ...q.offer, city: q.offer.location.city }), q.pool.map(p => profileText(p.candidate)), plainTokens));
        return ndcgAt(order.map(i => q.pool[i].grade), q.pool.map(p => p.grade), 10);
    });
    console.log(`\n== synthetic regression set: ${set.queries.length} offers, labels from rules close to the engine's (NOT an independent measure)`);
    for (const [name, r] of Object.entries(rows)) { console.log(name.padEnd(56) + f3(mean(r))); }
    // Its pools hold candidates built alike: equal scores, ordered by their (random) ids, move this figure between runs.
    console.log(`top-10s holding two equal scores (MatchPro default): ${ties} pair(s) over ${set.queries.length} offers`);
    await wb.close();
}

/**
 * Backtest of `matching retrain` on the agency's outcomes: the fr-agency offers split in two halves; on
 * one half a recruiter "decides" the pairs shown at the top of each ranking (grade 3 accepted, 2
 * interview, 0-1 rejected, taken from the set's independent grades, in ranking order, up to a budget of
 * outcomes); the ranker is retrained on them and the other half is ranked with it (ML weight 0.25)
 * and without it (the default). Both halves in turn. Leaves out: real recruiters' noise, placements.
 */
async function retrainingBacktest() {
    const dir = path.join(ROOT, 'test', 'matching-eval', 'fr-agency');
    if (!fs.existsSync(path.join(dir, 'labels.json'))) { return; }
    const labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
    const files = fs.readdirSync(path.join(dir, 'cvs')).filter(f => /\.(docx|pdf|txt)$/i.test(f)).sort().map(f => path.join(dir, 'cvs', f));
    const half = Math.ceil(labels.offers.length / 2);
    const folds = [[labels.offers.slice(0, half), labels.offers.slice(half)], [labels.offers.slice(half), labels.offers.slice(0, half)]];
    const STATUS = { 3: 'accepted', 2: 'interview', 1: 'rejected', 0: 'rejected' };
    const withMl = { weights: { semantic: 0.19, rules: 0.56, ml: 0.25 }, tiers: true };
    console.log('\n== retraining backtest on fr-agency (train on half the offers\' outcomes, rank the other half; NDCG@10 of the held-out offers)');
    console.log('outcomes per half'.padEnd(20) + 'default (ML 0)  retrained (ML 0.25)  shipped ML (0.25)');
    for (const budget of [30, 60, 120]) {
        const base = [], retrained = [], shipped = [];
        let used = 0;
        for (const [train, test] of folds) {
            const wb = await workbench('retrain');
            const ids = await wb.importCvs(files);
            const idToFile = new Map([...ids].filter(([, id]) => id).map(([f, id]) => [id, f]));
            const offers = new Map();
            for (const entry of [...train, ...test]) { offers.set(entry.file, await wb.addOffer(JSON.parse(fs.readFileSync(path.join(dir, entry.file), 'utf8')))); }
            const rank = async (entries, config) => {
                wb.setConfig(config);
                const out = [];
                for (const entry of entries) {
                    const results = await wb.cli('match', { offer: offers.get(entry.file), top: '1000' });
                    const grade = f => entry.grades[f] ?? 0;
                    out.push(ndcgAt(results.map(r => grade(idToFile.get(r.candidateId))), [...ids.keys()].map(grade), 10));
                }
                return out;
            };
            base.push(...await rank(test, VARIANTS[Object.keys(VARIANTS)[0]]));
            shipped.push(...await rank(test, withMl));
            // The recruiter decides the shown pairs, offer after offer, best first, until the budget is spent.
            const perOffer = Math.ceil(budget / train.length);
            let decided = 0;
            wb.setConfig(VARIANTS[Object.keys(VARIANTS)[0]]);
            for (const entry of train) {
                const results = await wb.cli('match', { offer: offers.get(entry.file), top: String(perOffer) });
                for (const r of results) {
                    if (decided >= budget) { break; }
                    await wb.matching.setStatus(offers.get(entry.file), r.candidateId, STATUS[entry.grades[idToFile.get(r.candidateId)] ?? 0]);
                    decided++;
                }
            }
            used += decided;
            await wb.cli('matching retrain', { 'min-pairs': '10' });
            retrained.push(...await rank(test, withMl));
            await wb.close();
        }
        console.log(String(Math.round(used / 2)).padEnd(20) + f3(mean(base)).padEnd(16) + f3(mean(retrained)).padEnd(21) + f3(mean(shipped)));
    }
}

async function main() {
    console.log(`matching quality — ${new Date().toISOString().slice(0, 10)}, node ${process.version}`);
    if (SETS.includes('fr-agency')) { await frAgency(); }
    if (SETS.includes('fr-agency-quick')) { await frAgency(true); }
    if (SETS.includes('vanetik')) { await vanetik(); }
    if (SETS.includes('synthetic')) { await synthetic(); }
    if (SETS.includes('retraining')) { await retrainingBacktest(); }
}

main().catch(error => { console.error(error); process.exit(1); });
