#!/usr/bin/env node
/**
 * Taxonomy benchmark: MELO French job-title linking (FR->FR, FR->EN) beside the published baselines, skill
 * span extraction on Green and SkillSpan test sets, encoder speed, load time and memory.
 * Run after `npx tsc -b extensions/taxonomy`: node test/benchmarks/taxonomy.js [--skip-melo] [--skip-skills]
 *     [--encoder FILE.onnx] [--tagger FILE.json.gz]  (a candidate model instead of the shipped one)
 * Needs ../shared/data (evaluation only; the product never reads it). MELO is only read here.
 */
const fs = require('fs');
const path = require('path');
const { performance } = require('perf_hooks');
const { readCompactTaxonomy, defaultEncoderModelFile, defaultSkillTaggerFile, defaultTaxonomyDataFile } = require('@matchpro/taxonomy/lib/node/taxonomy-data');
const { TaxonomyStore } = require('@matchpro/taxonomy/lib/node/taxonomy-store');
const { SkillExtractor } = require('@matchpro/taxonomy/lib/node/skill-extractor');
const { hashedFeatures } = require('@matchpro/taxonomy/lib/node/hashed-features');

const SHARED = path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'benchmarks');
const args = new Set(process.argv.slice(2));
const option = name => { const i = process.argv.indexOf(name); return i > 0 ? path.resolve(process.argv[i + 1]) : undefined; };
const encoderFile = option('--encoder') ?? defaultEncoderModelFile();
const taggerFile = option('--tagger') ?? defaultSkillTaggerFile();
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const mb = x => (x / 1048576).toFixed(0) + ' MB';
const tsv = f => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean).map(l => l.split('\t'));

async function main() {
    // --- load time and memory ------------------------------------------------------------------------------
    const loads = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); readCompactTaxonomy(); loads.push(performance.now() - t); }
    const store = new TaxonomyStore({ taxonomy: defaultTaxonomyDataFile(), encoder: encoderFile, skillTagger: taggerFile });
    const rss0 = process.memoryUsage().rss;
    let t = performance.now();
    store.taxonomy; store.encoder;
    const loadMs = performance.now() - t;
    const rssLoaded = process.memoryUsage().rss;
    t = performance.now(); store.occupationLabels; store.romeTitles; const titleIndexMs = performance.now() - t;
    t = performance.now(); store.skillLabels; const skillIndexMs = performance.now() - t;
    const rssIndexed = process.memoryUsage().rss;
    console.log('## Load');
    console.log(`taxonomy data (gunzip + JSON), median of 5: ${median(loads).toFixed(0)} ms; data + encoder into the store: ${loadMs.toFixed(0)} ms`);
    console.log(`first title normalisation builds the occupation + ROME label indexes: ${titleIndexMs.toFixed(0)} ms; skill index: ${skillIndexMs.toFixed(0)} ms`);
    console.log(`RSS: before ${mb(rss0)}, loaded ${mb(rssLoaded)}, with all indexes ${mb(rssIndexed)}`);
    console.log(`files: taxonomy.json.gz ${(fs.statSync(defaultTaxonomyDataFile()).size / 1e6).toFixed(2)} MB, ` +
        `bilingual-encoder.onnx ${(fs.statSync(encoderFile).size / 1e6).toFixed(2)} MB`);

    // --- encoder speed ---------------------------------------------------------------------------------------
    const enc = store.encoder;
    const sample = store.taxonomy.occupations.slice(0, 2048).map(o => o.fr || o.en);
    await enc.encode(sample.slice(0, 16), 'fr');
    const onnxRates = [];
    for (let r = 0; r < 3; r++) { t = performance.now(); await enc.encode(sample, 'fr'); onnxRates.push(sample.length / ((performance.now() - t) / 1000)); }
    const jsRates = [];
    for (let r = 0; r < 3; r++) { t = performance.now(); for (const s of sample) { enc.embed(s, 'fr'); } jsRates.push(sample.length / ((performance.now() - t) / 1000)); }
    const title = new (require('@matchpro/taxonomy/lib/node/title-normalizer').TitleNormalizer)();
    title.store = store;
    const nt = [];
    for (const s of sample.slice(0, 200)) { const t1 = performance.now(); title.normalize(s, { lang: 'fr', top: 5 }); nt.push(performance.now() - t1); }
    console.log('\n## Encoder speed (one thread)');
    console.log(`onnxruntime-node (intra-op 1 thread, batches of 256, canonicalisation + hashing included): ${median(onnxRates).toFixed(0)} texts/s`);
    console.log(`JS reference: ${median(jsRates).toFixed(0)} texts/s; normalize title (warm, top 5): median ${median(nt).toFixed(1)} ms`);

    if (!args.has('--skip-melo')) { melo(store); }
    if (!args.has('--skip-skills')) { skills(store); }
    await store.dispose();
}

/**
 * MELO: rank every corpus element (its own surface forms) by cosine; MRR and success@k on the first relevant.
 * Two rankings: the encoder alone, and the product's title normaliser (the same cosine plus the fit between
 * the query's closest ROME job sheet and each element's occupation, by their skills). The corpus's own
 * element -> ESCO concept mapping tells which occupation an element names; the qrels are only read to score.
 */
function melo(store) {
    const enc = store.encoder;
    const titles = new (require('@matchpro/taxonomy/lib/node/title-normalizer').TitleNormalizer)();
    titles.store = store;
    console.log('\n## MELO French subsets (evaluation only)');
    console.log('ties broken like trec_eval (score, then element id descending); published baselines from results/*/summary.tsv');
    for (const sub of ['fra_q_fr_c_fr', 'fra_q_fr_c_en']) {
        const dir = path.join(SHARED, 'melo', 'data', sub);
        const lang = sub.endsWith('_en') ? 'en' : 'fr';
        const queries = tsv(path.join(dir, 'queries.tsv'));
        const corpus = tsv(path.join(dir, 'corpus_elements.tsv'));
        const concepts = new Map(tsv(path.join(dir, 'concept_mapping.tsv')));
        const occupationOf = corpus.map(([id]) => store.occupationIndex(concepts.get(id)));
        const relevant = new Map();
        for (const [q, , c] of tsv(path.join(dir, 'annotations.tsv'))) {
            if (!relevant.has(q)) { relevant.set(q, new Set()); }
            relevant.get(q).add(c);
        }
        const D = enc.dim;
        const vectors = new Float32Array(corpus.length * D);
        corpus.forEach(([, text], i) => vectors.set(enc.embed(text, lang), i * D));
        const rows = [{ name: 'MatchPro encoder alone', mrr: 0, s1: 0, s5: 0, s10: 0 }, { name: 'MatchPro title normaliser', mrr: 0, s1: 0, s5: 0, s10: 0 }];
        const cosines = new Float32Array(corpus.length);
        const scores = new Float32Array(corpus.length);
        let t = performance.now();
        for (const [qid, text] of queries) {
            const v = enc.embed(text, 'fr');
            for (let i = 0; i < corpus.length; i++) {
                let s = 0;
                for (let j = 0; j < D; j++) { s += v[j] * vectors[i * D + j]; }
                cosines[i] = s;
            }
            const sheet = titles.closestRomeSheet(v);
            const fit = sheet && titles.skillFit(sheet);
            for (const [r, row] of rows.entries()) {
                for (let i = 0; i < corpus.length; i++) {
                    scores[i] = cosines[i] + (r === 1 && fit && occupationOf[i] !== undefined ? fit(occupationOf[i]) : 0);
                }
                const rank = rankOfFirstRelevant(scores, corpus, relevant.get(qid));
                row.mrr += 1 / rank; if (rank === 1) { row.s1++; } if (rank <= 5) { row.s5++; } if (rank <= 10) { row.s10++; }
            }
        }
        const n = queries.length;
        console.log(`\n${sub} (${n} queries, ${corpus.length} corpus elements; ${((performance.now() - t) / n).toFixed(1)} ms per query)`);
        console.log('model                      MRR     s@1     s@5     s@10');
        for (const row of rows) {
            console.log(`${row.name.padEnd(27)}${(row.mrr / n).toFixed(4)}  ${(row.s1 / n).toFixed(4)}  ${(row.s5 / n).toFixed(4)}  ${(row.s10 / n).toFixed(4)}`);
        }
        for (const base of ['e5', 'me5', 'openai', 'bge_m3', 'char_tf_idf', 'bm25']) {
            const f = path.join(SHARED, 'melo', 'results', base, sub, 'summary.tsv');
            if (!fs.existsSync(f)) { continue; }
            const m = Object.fromEntries(tsv(f).slice(1).map(([k, v]) => [k, Number(v)]));
            console.log(`${base.padEnd(27)}${m.recip_rank.toFixed(4)}  ${m.success_1.toFixed(4)}  ${m.success_5.toFixed(4)}  ${m.success_10.toFixed(4)}`);
        }
    }
}

/** Rank of the best-placed relevant element; ties like trec_eval (score, then element id descending). */
function rankOfFirstRelevant(scores, corpus, rel) {
    const before = (i, k) => scores[i] > scores[k] || (scores[i] === scores[k] && corpus[i][0] > corpus[k][0]);
    let best = -1;
    for (let i = 0; i < corpus.length; i++) { if (rel.has(corpus[i][0]) && (best < 0 || before(i, best))) { best = i; } }
    let rank = 1;
    for (let i = 0; i < corpus.length; i++) { if (i !== best && before(i, best)) { rank++; } }
    return rank;
}

/** Span P/R/F1: exact (same start and end) and overlap (any shared token, each gold/predicted counted once). */
function spanScores(gold, pred) {
    let exact = 0;
    const g = new Set(gold.map(s => s.join(':')));
    for (const p of pred) { if (g.has(p.join(':'))) { exact++; } }
    const overlaps = (a, b) => a[0] === b[0] && a[1] < b[2] && b[1] < a[2];
    const goldHit = gold.filter(a => pred.some(b => overlaps(a, b))).length;
    const predHit = pred.filter(b => gold.some(a => overlaps(a, b))).length;
    const f = (p, r) => (p + r ? 2 * p * r / (p + r) : 0);
    const P = exact / (pred.length || 1); const R = exact / (gold.length || 1);
    const oP = predHit / (pred.length || 1); const oR = goldHit / (gold.length || 1);
    return { gold: gold.length, pred: pred.length, P, R, F1: f(P, R), oP, oR, oF1: f(oP, oR) };
}

/** Runs the extractor on the sentence rebuilt from tokens; predicted character spans are mapped back to tokens. */
function predictSpans(extractor, sentences) {
    const pred = [];
    sentences.forEach((tokens, si) => {
        let text = '';
        const starts = [];
        for (const tok of tokens) { if (text) { text += ' '; } starts.push(text.length); text += tok; }
        if (!text.trim()) { return; }
        for (const s of extractor.extract(text, { lang: 'en' })) {
            let a = -1; let b = -1;
            for (let k = 0; k < tokens.length; k++) {
                const ks = starts[k]; const ke = ks + tokens[k].length;
                if (ke > s.start && ks < s.end) { if (a < 0) { a = k; } b = k; }
            }
            if (a >= 0) { pred.push([si, a, b + 1]); }
        }
    });
    return pred;
}

function bioSpans(tags, si, accept) {
    const spans = [];
    let start = -1;
    for (let k = 0; k <= tags.length; k++) {
        // Green tags are B-Skill/I-Skill, SkillSpan's bare B/I (one column per span type)
        const t = tags[k] || 'O';
        const type = t.length > 2 ? t.slice(2) : '';
        const inside = t[0] === 'I' && accept(type) && start >= 0;
        if (!inside && start >= 0) { spans.push([si, start, k]); start = -1; }
        if (t[0] === 'B' && accept(type)) { start = k; }
    }
    return spans;
}

function skills(store) {
    const extractor = new SkillExtractor();
    extractor.store = store;
    const fmt = r => `gold ${r.gold}, predicted ${r.pred}; exact P ${r.P.toFixed(3)} R ${r.R.toFixed(3)} F1 ${r.F1.toFixed(3)}; ` +
        `overlap P ${r.oP.toFixed(3)} R ${r.oR.toFixed(3)} F1 ${r.oF1.toFixed(3)}`;
    console.log('\n## Skill span extraction (English test sets; nothing trained on them)');
    // Green et al.: raw_data/testset.txt, "token TAG" lines, blank line between sentences
    const green = fs.readFileSync(path.join(SHARED, 'skills', 'green-acp19tag', 'raw_data', 'testset.txt'), 'utf8').split(/\n\s*\n/)
        .map(block => block.split('\n').map(l => l.trim()).filter(Boolean).map(l => l.split(/\s+/))).filter(s => s.length);
    const gTokens = green.map(s => s.map(x => x[0]));
    const gGold = green.flatMap((s, si) => bioSpans(s.map(x => x[1] || 'O'), si, type => type === 'Skill'));
    let t = performance.now();
    const gPred = predictSpans(extractor, gTokens);
    const gMs = performance.now() - t;
    console.log(`Green test (${green.length} sentences, Skill spans): ${fmt(spanScores(gGold, gPred))} (${(gMs / green.length).toFixed(1)} ms/sentence)`);
    const sk = fs.readFileSync(path.join(SHARED, 'skills', 'skillspan', 'data', 'json', 'test.json'), 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
    const sTokens = sk.map(s => s.tokens);
    const sGold = sk.flatMap((s, si) => [...bioSpans(s.tags_skill, si, () => true), ...bioSpans(s.tags_knowledge, si, () => true)]);
    const sPred = predictSpans(extractor, sTokens);
    console.log(`SkillSpan test (${sk.length} sentences, skill + knowledge spans): ${fmt(spanScores(sGold, sPred))}`);
}

main().catch(e => { console.error(e); process.exit(2); });
