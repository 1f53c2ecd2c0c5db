/**
 * Matching quality: NDCG@10 and MRR on the synthetic labelled set (test/matching-eval/labelled-set.json,
 * described in test/matching-eval/README.md), for the hybrid engine, each component alone and without one
 * (ablation), and a plain BM25 ranking of CV text against offer text. Also, per hard case, how often an ideal
 * candidate is ranked above the hard-case candidate.
 *
 * Run: npx tsc -b extensions/matching && node test/benchmarks/matching-eval.js
 */
const fs = require('fs');
const path = require('path');
const { createMatchingEngine } = require('./matching-engine-setup');

const set = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'matching-eval', 'labelled-set.json'), 'utf8'));

const VARIANTS = {
    'hybrid (default: 0.35 semantic + 0.40 rules + 0.25 ML, cap 40)': { weights: { semantic: 0.35, rules: 0.4, ml: 0.25 }, capWhenMandatoryFails: 40 },
    'semantic only': { weights: { semantic: 1, rules: 0, ml: 0 }, capWhenMandatoryFails: 100 },
    'rules only (with cap)': { weights: { semantic: 0, rules: 1, ml: 0 }, capWhenMandatoryFails: 40 },
    'ML only': { weights: { semantic: 0, rules: 0, ml: 1 }, capWhenMandatoryFails: 100 },
    'without ML': { weights: { semantic: 0.35, rules: 0.4, ml: 0 }, capWhenMandatoryFails: 40 },
    'without rules': { weights: { semantic: 0.35, rules: 0, ml: 0.25 }, capWhenMandatoryFails: 40 },
    'without semantic': { weights: { semantic: 0, rules: 0.4, ml: 0.25 }, capWhenMandatoryFails: 40 },
    'without the mandatory cap': { weights: { semantic: 0.35, rules: 0.4, ml: 0.25 }, capWhenMandatoryFails: 100 }
};

function ndcgAt(grades, k) {
    const dcg = xs => xs.slice(0, k).reduce((a, g, i) => a + (2 ** g - 1) / Math.log2(i + 2), 0);
    const ideal = dcg([...grades].sort((a, b) => b - a));
    return ideal > 0 ? dcg(grades) / ideal : 0;
}
function mrr(grades) {
    const i = grades.findIndex(g => g === 3);
    return i < 0 ? 0 : 1 / (i + 1);
}

// --- BM25 (k1 1.2, b 0.75) of the CV text against the offer text, accents folded, no stemming.
const tokens = text => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(t => t.length > 1);
const cvText = c => [c.title, c.summary, ...c.skills.map(s => s.name), ...c.certifications, ...c.drivingLicences.map(l => 'permis ' + l),
    ...c.experiences.map(e => e.title), c.city].filter(Boolean).join(' ');
const offerText = o => [o.title, o.description, ...o.requiredSkills.map(s => s.name), ...o.certifications, o.drivingLicence ? 'permis ' + o.drivingLicence : '', o.location.city].join(' ');
function bm25(offer, candidates) {
    const docs = candidates.map(c => tokens(cvText(c)));
    const avg = docs.reduce((a, d) => a + d.length, 0) / docs.length;
    const df = new Map();
    docs.forEach(d => new Set(d).forEach(t => df.set(t, (df.get(t) ?? 0) + 1)));
    const q = tokens(offerText(offer));
    return docs.map(d => {
        const tf = new Map();
        d.forEach(t => tf.set(t, (tf.get(t) ?? 0) + 1));
        return q.reduce((score, t) => {
            const f = tf.get(t) ?? 0;
            if (!f) { return score; }
            const idf = Math.log(1 + (docs.length - df.get(t) + 0.5) / (df.get(t) + 0.5));
            return score + idf * f * 2.2 / (f + 1.2 * (0.25 + 0.75 * d.length / avg));
        }, 0);
    });
}

const CASES = [
    ['CV in the other language (should rank high: grade 3)', /other language/],
    ['same occupation 300+ km away', /300\+ km/], ['same occupation beyond the radius', /beyond a 30 km radius/],
    ['missing certification', /^missing/], ['lower certification category', /^lower category/], ['licence C instead of CE', /^licence C instead/],
    ['adjacent occupation', /^adjacent/], ['keyword-stuffed CV', /keyword-stuffed/], ['unrelated occupation', /^unrelated/]
];

async function main() {
    const { engine, encoderMatches, close } = await createMatchingEngine('matching-eval');
    const rankings = {};
    for (const name of [...Object.keys(VARIANTS), 'BM25 (CV text vs offer text)']) { rankings[name] = []; }
    for (const q of set.queries) {
        const candidates = q.pool.map(p => p.candidate);
        const grade = new Map(q.pool.map(p => [p.candidate.id, p.grade]));
        const note = new Map(q.pool.map(p => [p.candidate.id, p.candidate.note]));
        await engine.upsertCandidates(candidates);
        const prepared = await engine.prepare(q.offer);
        for (const [name, config] of Object.entries(VARIANTS)) {
            const { results } = await engine.rankCandidates(prepared, { top: candidates.length, explainTop: 0, config });
            rankings[name].push({ ids: results.map(r => r.candidateId), grade, note });
        }
        const scores = bm25(q.offer, candidates);
        rankings['BM25 (CV text vs offer text)'].push({ ids: candidates.map((c, i) => [c.id, scores[i]]).sort((a, b) => b[1] - a[1]).map(x => x[0]), grade, note });
        for (const c of candidates) { await engine.removeCandidate(c.id); }
    }
    const pairs = set.queries.reduce((a, q) => a + q.pool.length, 0);
    console.log(`matching quality — ${set.queries.length} offers (10 occupations x FR/EN), ${pairs} labelled pairs (synthetic, see test/matching-eval/README.md), model ${engine.modelVersion} (trained with the current encoder: ${encoderMatches ? 'yes' : 'NO, retrain it'})\n`);
    console.log('ranking'.padEnd(64) + 'NDCG@10   MRR');
    for (const [name, runs] of Object.entries(rankings)) {
        const n = runs.map(r => ndcgAt(r.ids.map(id => r.grade.get(id)), 10));
        const m = runs.map(r => mrr(r.ids.map(id => r.grade.get(id))));
        const mean = xs => xs.reduce((a, b) => a + b, 0) / xs.length;
        console.log(name.padEnd(64) + mean(n).toFixed(3).padEnd(10) + mean(m).toFixed(3));
    }
    console.log('\nhard cases: share of (ideal same-language candidate, hard-case candidate) pairs where the ideal one ranks first');
    console.log('case'.padEnd(56) + 'hybrid   BM25    pairs');
    const hybrid = rankings[Object.keys(VARIANTS)[0]], base = rankings['BM25 (CV text vs offer text)'];
    for (const [label, pattern] of CASES) {
        const rate = runs => {
            let ok = 0, total = 0;
            for (const r of runs) {
                const ideal = r.ids.find(id => r.note.get(id) === 'ideal, same language');
                for (const id of r.ids.filter(x => pattern.test(r.note.get(x)))) {
                    total++;
                    if (pattern.source.includes('other language') ? r.ids.indexOf(id) < 3 : r.ids.indexOf(ideal) < r.ids.indexOf(id)) { ok++; }
                }
            }
            return [ok / Math.max(1, total), total];
        };
        const [h, total] = rate(hybrid), [b] = rate(base);
        console.log(label.padEnd(56) + h.toFixed(2).padEnd(9) + b.toFixed(2).padEnd(8) + total);
    }
    console.log('(for "CV in the other language" the figure is the share ranked in the top 3)');
    await close();
}

main().catch(error => { console.error(error); process.exit(1); });
