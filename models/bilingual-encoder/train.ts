/**
 * Trains the MatchPro bilingual (FR/EN) encoder: hashed word + char-n-gram features -> int8 embedding bag
 * -> L2-normalised vector, trained contrastively (in-batch InfoNCE, Adagrad) on taxonomy pairs only:
 * ESCO alt label <-> preferred label and FR <-> EN label of the same occupation or skill, ROME job titles of
 * the same job sheet, ESCO occupation <-> its essential skills, ROME title <-> its job sheet's skills.
 * MELO is never read here. Seeds are fixed: a rerun gives the same artifact.
 *
 * Run from the repository root: npx tsc -b models && node models/bilingual-encoder/train.js [--out DIR]
 * Writes models/bilingual-encoder/bilingual-encoder.onnx, its copy extensions/taxonomy/data/bilingual-encoder.onnx
 * (the one the product loads), and models/bilingual-encoder/metrics.json.
 */
import * as fs from 'fs';
import * as path from 'path';
import { readCompactTaxonomy } from '@matchpro/taxonomy/lib/node/taxonomy-data';
import { TextCanonicalizer } from '@matchpro/taxonomy/lib/node/text-canonicalizer';
import { DEFAULT_FEATURE_CONFIG, FeatureBag, hashedFeatures } from '@matchpro/taxonomy/lib/node/hashed-features';
import { EncoderWeights, embedBag, quantizeTable, writeEncoderOnnx } from '@matchpro/taxonomy/lib/node/bilingual-encoder-model';

function arg(name: string, fallback: number): number {
    const i = process.argv.indexOf('--' + name);
    return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const SEED = arg('seed', 20240611);
const DIM = arg('dim', 128);
const STEPS = arg('steps', 8000);
const BATCH = arg('batch', 256);
const LR = arg('lr', 0.3);
const TEMPERATURE = arg('temperature', 0.05);
/** Share of occupation batches drawn from few ISCO groups, so that in-batch negatives are near misses. */
const HARD = arg('hard', 1);
/** 1: hash pairs of neighbouring content words too (stored in the model; the product reads it from there). */
const BIGRAMS = arg('bigrams', 1) === 1;
/**
 * Neighbours per seed occupation in mined hard batches: every 500 steps the model's own nearest occupations
 * are recomputed, and half of the hard batches gather seeds with their current neighbours (0: ISCO groups only).
 */
const MINED = arg('mined', 0);
/** Share of batches pairing job titles of one ROME job sheet. */
const ROME_WEIGHT = arg('rome', 0.15);
const outIndex = process.argv.indexOf('--out');
/** --out DIR writes there only (e.g. to check that a rerun reproduces the committed artifact byte for byte). */
const outDir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : __dirname;
const outModel = path.join(outDir, 'bilingual-encoder.onnx');

/** mulberry32: small seeded PRNG so that training is reproducible. */
function rng(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}
const random = rng(SEED);
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)];

const started = Date.now();
const taxonomy = readCompactTaxonomy();
const canon = new TextCanonicalizer(taxonomy.gender);
const config = { ...DEFAULT_FEATURE_CONFIG, wordBigrams: BIGRAMS };

// --- texts, interned once -------------------------------------------------------------------------------
const bags: FeatureBag[] = [];
const textIndex = new Map<string, number>();
function intern(text: string, lang: 'fr' | 'en'): number {
    const key = lang + '|' + text;
    let idx = textIndex.get(key);
    if (idx === undefined) {
        idx = bags.length;
        bags.push(hashedFeatures(canon.words(text, lang), config));
        textIndex.set(key, idx);
    }
    return idx;
}

interface Group { fr: number[]; en: number[] }
function group(fr: string[], en: string[]): Group {
    return { fr: fr.filter(Boolean).map(t => intern(t, 'fr')), en: en.filter(Boolean).map(t => intern(t, 'en')) };
}

/** Takes one label out of `labels` at random for validation (never trained on) and returns the others. */
function holdOut(labels: string[], concept: number, into: { text: string; concept: number }[]): string[] {
    const k = Math.floor(random() * labels.length);
    into.push({ text: labels[k], concept });
    return labels.filter((_, j) => j !== k);
}
// validation: one French alternative label held out from every 10th occupation that has two or more
const heldOut: { text: string; concept: number }[] = [];
const occupationGroups: Group[] = taxonomy.occupations.map((o, i) =>
    group([o.fr, ...(i % 10 === 3 && o.fa.length >= 2 ? holdOut(o.fa, i, heldOut) : o.fa)], [o.en, ...o.ea]));
const skillGroups: Group[] = taxonomy.skills.map(s => group([s.fr, ...s.fa], [s.en, ...s.ea]));
// and one job title held out from every 10th ROME job sheet that has three or more: French title variants
// like the ones recruiters type, checked against the other titles
const heldOutRome: { text: string; concept: number }[] = [];
const romeGroups: Group[] = taxonomy.rome.map((r, i) => group([r.l, ...(i % 10 === 7 && r.t.length >= 3 ? holdOut(r.t, i, heldOutRome) : r.t)], []));
const romeItemTexts = taxonomy.romeItems.map(t => intern(t, 'fr'));
console.log(`${bags.length} distinct texts, canonicalised and hashed in ${((Date.now() - started) / 1000).toFixed(1)} s`);

type Pair = [number, number];
const texts = (g: Group) => [...g.fr, ...g.en];
/** Two different labels of one concept; half of the time one French and one English when both exist. */
function identityPair(g: Group): Pair | undefined {
    if (g.fr.length && g.en.length && random() < 0.5) {
        return random() < 0.5 ? [pick(g.fr), pick(g.en)] : [pick(g.en), pick(g.fr)];
    }
    const all = texts(g);
    if (all.length < 2) { return undefined; }
    const a = Math.floor(random() * all.length);
    let b = Math.floor(random() * (all.length - 1));
    if (b >= a) { b++; }
    return [all[a], all[b]];
}

type Task = () => Pair | undefined;
const byIsco = new Map<string, number[]>();
taxonomy.occupations.forEach((o, i) => { const k = o.i.slice(0, 3); byIsco.set(k, [...(byIsco.get(k) ?? []), i]); });
const iscoGroups = [...byIsco.values()];
/** Occupations of the current hard batch, each used once (a concept twice in a batch would be a false negative). */
let hardPool: number[] = [];
const occupationsWithSkills = taxonomy.occupations.map((o, i) => ({ o, i })).filter(x => x.o.e.length > 0);
const tasks: { weight: number; sample: Task; name: string }[] = [
    { name: 'occupation labels', weight: 0.55 - ROME_WEIGHT, sample: () => identityPair(pick(occupationGroups)) },
    { name: 'occupation labels, same ISCO groups', weight: 0, sample: () => { const o = hardPool.pop(); return o === undefined ? undefined : identityPair(occupationGroups[o]); } },
    { name: 'skill labels', weight: 0.3, sample: () => identityPair(pick(skillGroups)) },
    { name: 'ROME titles', weight: ROME_WEIGHT, sample: () => identityPair(pick(romeGroups)) },
    {
        name: 'occupation <-> essential skill', weight: 0.1, sample: () => {
            const { o, i } = pick(occupationsWithSkills);
            const s = skillGroups[pick(o.e)];
            const occ = texts(occupationGroups[i]);
            const sk = texts(s);
            return occ.length && sk.length ? [pick(occ), pick(sk)] : undefined;
        }
    },
    {
        name: 'ROME title <-> job sheet skill', weight: 0.05, sample: () => {
            const r = pick(taxonomy.rome);
            return r.t.length && r.k.length ? [intern(pick(r.t), 'fr'), romeItemTexts[pick(r.k)]] : undefined;
        }
    }
];

// --- model ------------------------------------------------------------------------------------------------
const B = config.buckets;
const table = new Float32Array(B * DIM);
for (let i = 0; i < table.length; i++) { table[i] = (random() * 2 - 1) * 0.1; }
const adagrad = new Float32Array(B).fill(0.1);
const grad = new Float32Array(B * DIM);
const touchedEver = new Uint8Array(B);

function forward(bag: FeatureBag, out: Float32Array): number {
    out.fill(0);
    for (let k = 0; k < bag.ids.length; k++) {
        const base = bag.ids[k] * DIM;
        const w = bag.weights[k];
        for (let j = 0; j < DIM; j++) { out[j] += w * table[base + j]; }
    }
    let n = 0;
    for (let j = 0; j < DIM; j++) { n += out[j] * out[j]; }
    n = Math.max(Math.sqrt(n), 1e-6);
    for (let j = 0; j < DIM; j++) { out[j] /= n; }
    return n;
}

function trainStep(pairs: Pair[]): number {
    const N = pairs.length;
    const A = new Float32Array(N * DIM);
    const P = new Float32Array(N * DIM);
    const nA = new Float32Array(N);
    const nP = new Float32Array(N);
    for (let i = 0; i < N; i++) {
        nA[i] = forward(bags[pairs[i][0]], A.subarray(i * DIM, (i + 1) * DIM));
        nP[i] = forward(bags[pairs[i][1]], P.subarray(i * DIM, (i + 1) * DIM));
    }
    const S = new Float32Array(N * N);
    for (let i = 0; i < N; i++) {
        for (let k = 0; k < N; k++) {
            let s = 0;
            for (let j = 0; j < DIM; j++) { s += A[i * DIM + j] * P[k * DIM + j]; }
            S[i * N + k] = s / TEMPERATURE;
        }
    }
    // symmetric InfoNCE: rows (anchor -> positives) and columns (positive -> anchors)
    const G = new Float32Array(N * N);
    let loss = 0;
    for (let i = 0; i < N; i++) {
        let max = -Infinity;
        for (let k = 0; k < N; k++) { max = Math.max(max, S[i * N + k]); }
        let z = 0;
        for (let k = 0; k < N; k++) { z += Math.exp(S[i * N + k] - max); }
        loss += (Math.log(z) + max - S[i * N + i]) / (2 * N);
        for (let k = 0; k < N; k++) { G[i * N + k] += (Math.exp(S[i * N + k] - max) / z - (i === k ? 1 : 0)) / (2 * N); }
    }
    for (let k = 0; k < N; k++) {
        let max = -Infinity;
        for (let i = 0; i < N; i++) { max = Math.max(max, S[i * N + k]); }
        let z = 0;
        for (let i = 0; i < N; i++) { z += Math.exp(S[i * N + k] - max); }
        loss += (Math.log(z) + max - S[k * N + k]) / (2 * N);
        for (let i = 0; i < N; i++) { G[i * N + k] += (Math.exp(S[i * N + k] - max) / z - (i === k ? 1 : 0)) / (2 * N); }
    }
    const touched: number[] = [];
    const da = new Float32Array(DIM);
    const backward = (vecs: Float32Array, other: Float32Array, norms: Float32Array, rowWise: boolean) => {
        for (let i = 0; i < N; i++) {
            da.fill(0);
            for (let k = 0; k < N; k++) {
                const g = (rowWise ? G[i * N + k] : G[k * N + i]) / TEMPERATURE;
                if (g === 0) { continue; }
                for (let j = 0; j < DIM; j++) { da[j] += g * other[k * DIM + j]; }
            }
            let dot = 0;
            for (let j = 0; j < DIM; j++) { dot += da[j] * vecs[i * DIM + j]; }
            for (let j = 0; j < DIM; j++) { da[j] = (da[j] - vecs[i * DIM + j] * dot) / norms[i]; }
            const bag = bags[rowWise ? pairs[i][0] : pairs[i][1]];
            for (let f = 0; f < bag.ids.length; f++) {
                const row = bag.ids[f];
                const w = bag.weights[f];
                if (!touchedEver[row] || touchedEver[row] === 1) { touchedEver[row] = 2; }
                if (touched[touched.length - 1] !== row) { touched.push(row); }
                const base = row * DIM;
                for (let j = 0; j < DIM; j++) { grad[base + j] += w * da[j]; }
            }
        }
    };
    backward(A, P, nA, true);
    backward(P, A, nP, false);
    // Adagrad with one accumulator per row: sparse, and robust to very unequal feature frequencies
    const seen = new Set<number>();
    for (const row of touched) {
        if (seen.has(row)) { continue; }
        seen.add(row);
        const base = row * DIM;
        let g2 = 0;
        for (let j = 0; j < DIM; j++) { g2 += grad[base + j] * grad[base + j]; }
        adagrad[row] += g2 / DIM;
        const step = LR / Math.sqrt(adagrad[row]);
        for (let j = 0; j < DIM; j++) { table[base + j] -= step * grad[base + j]; grad[base + j] = 0; }
    }
    return loss;
}

/** Each occupation's MINED nearest other occupations under the current model (by preferred label). */
let neighbours: Int32Array | undefined;
function mineNeighbours(): void {
    const n = occupationGroups.length;
    const vectors = new Float32Array(n * DIM);
    occupationGroups.forEach((g, i) => {
        const label = g.fr[0] ?? g.en[0];
        if (label !== undefined) { forward(bags[label], vectors.subarray(i * DIM, (i + 1) * DIM)); }
    });
    neighbours = new Int32Array(n * MINED);
    const sims = new Float32Array(n);
    for (let i = 0; i < n; i++) {
        for (let k = 0; k < n; k++) {
            let s = 0;
            for (let j = 0; j < DIM; j++) { s += vectors[i * DIM + j] * vectors[k * DIM + j]; }
            sims[k] = k === i ? -Infinity : s;
        }
        for (let m = 0; m < MINED; m++) {
            let best = 0;
            for (let k = 1; k < n; k++) { if (sims[k] > sims[best]) { best = k; } }
            neighbours[i * MINED + m] = best;
            sims[best] = -Infinity;
        }
    }
}

function sampleBatch(): Pair[] {
    if (HARD > 0 && random() < HARD * 0.4) {
        if (neighbours && random() < 0.5) {
            // the occupations the model currently confuses, each seed with its neighbours, each once
            const seen = new Set<number>();
            hardPool = [];
            while (hardPool.length < BATCH) {
                const seed = Math.floor(random() * occupationGroups.length);
                for (const o of [seed, ...neighbours.subarray(seed * MINED, (seed + 1) * MINED)]) {
                    if (!seen.has(o)) { seen.add(o); hardPool.push(o); }
                }
            }
        } else {
            hardPool = Array.from({ length: 16 }, () => pick(iscoGroups)).flat();
        }
        for (let i = hardPool.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [hardPool[i], hardPool[j]] = [hardPool[j], hardPool[i]]; }
        return fill(tasks[1]);
    }
    const r = random();
    let acc = 0;
    let task = tasks[0];
    for (const t of tasks) { acc += t.weight; if (r < acc) { task = t; break; } }
    return fill(task);
}

function fill(task: { sample: Task }): Pair[] {
    const pairs: Pair[] = [];
    const used = new Set<number>();
    for (let tries = 0; pairs.length < BATCH && tries < BATCH * 4; tries++) {
        const p = task.sample();
        // one pair per text in a batch, so that an in-batch negative is never a duplicate positive
        if (!p || p[0] === p[1] || used.has(p[0]) || used.has(p[1])) { continue; }
        used.add(p[0]); used.add(p[1]);
        pairs.push(p);
    }
    return pairs;
}

// --- validation on held-out labels (never trained on): accuracy@1 and MRR of the right concept -----------------
interface Scores { acc: number; mrr: number }
function rankOf(q: Float32Array, xs: { v: Float32Array; concept: number }[], concept: number): number {
    // best score per concept, then the rank of the right concept among them
    const best = new Map<number, number>();
    for (const x of xs) {
        let s = 0;
        for (let j = 0; j < q.length; j++) { s += q[j] * x.v[j]; }
        if (!(best.get(x.concept)! >= s)) { best.set(x.concept, s); }
    }
    const target = best.get(concept) ?? -Infinity;
    let rank = 1;
    for (const [c, s] of best) { if (c !== concept && s >= target) { rank++; } }
    return rank;
}
function scores(queries: { text: string; concept: number }[], xs: { v: Float32Array; concept: number }[], embed: (bag: FeatureBag) => Float32Array): Scores {
    let acc = 0;
    let mrr = 0;
    for (const h of queries) {
        const r = rankOf(embed(hashedFeatures(canon.words(h.text, 'fr'), config)), xs, h.concept);
        if (r === 1) { acc++; }
        mrr += 1 / r;
    }
    return { acc: round4(acc / queries.length), mrr: round4(mrr / queries.length) };
}
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;
function validate(embed: (bag: FeatureBag) => Float32Array): { frToFr: Scores; frToEn: Scores; romeTitles: Scores } {
    const fr: { v: Float32Array; concept: number }[] = [];
    const en: { v: Float32Array; concept: number }[] = [];
    occupationGroups.forEach((g, concept) => {
        for (const t of g.fr) { fr.push({ v: embed(bags[t]), concept }); }
        for (const t of g.en) { en.push({ v: embed(bags[t]), concept }); }
    });
    const rome: { v: Float32Array; concept: number }[] = [];
    romeGroups.forEach((g, concept) => { for (const t of g.fr) { rome.push({ v: embed(bags[t]), concept }); } });
    return { frToFr: scores(heldOut, fr, embed), frToEn: scores(heldOut, en, embed), romeTitles: scores(heldOutRome, rome, embed) };
}
const floatEmbed = (bag: FeatureBag) => { const v = new Float32Array(DIM); forward(bag, v); return v; };

console.log(`validation before training (random features = lexical baseline):`, validate(floatEmbed));
let running = 0;
const t0 = Date.now();
for (let step = 1; step <= STEPS; step++) {
    if (MINED > 0 && step > 1000 && step % 500 === 1) { mineNeighbours(); }
    const loss = trainStep(sampleBatch());
    running = step === 1 ? loss : 0.98 * running + 0.02 * loss;
    if (step % 250 === 0 || step === STEPS) {
        console.log(`step ${step}/${STEPS} loss ${running.toFixed(3)} (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
    }
}
const validationFloat = validate(floatEmbed);
console.log('validation after training (float):', validationFloat);

const touched = new Uint8Array(B);
for (let r = 0; r < B; r++) { touched[r] = touchedEver[r] === 2 ? 1 : 0; }
const q = quantizeTable(table, B, DIM, touched);
const weights: EncoderWeights = {
    features: config, dim: DIM, table: q.table, scales: q.scales,
    metadata: {
        name: 'matchpro-bilingual-encoder', version: '1', seed: String(SEED), steps: String(STEPS), batch: String(BATCH),
        lr: String(LR), temperature: String(TEMPERATURE), hard: String(HARD), ...(MINED ? { mined: String(MINED) } : {}), rome: String(ROME_WEIGHT), data: taxonomy.version
    }
};
const validationInt8 = validate(bag => embedBag(weights, bag));
console.log('validation after int8 quantisation:', validationInt8);
weights.metadata.validation = JSON.stringify(validationInt8);
writeEncoderOnnx(weights, outModel);
fs.writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify({
    seed: SEED, dim: DIM, buckets: B, wordBigrams: BIGRAMS, hard: HARD, mined: MINED, rome: ROME_WEIGHT, steps: STEPS, batch: BATCH, lr: LR, temperature: TEMPERATURE,
    heldOutLabels: heldOut.length, heldOutRomeTitles: heldOutRome.length, validationFloat, validationInt8,
    trainingSeconds: Math.round((Date.now() - started) / 1000)
}, undefined, 2) + '\n');
console.log(`wrote ${outModel} (${(fs.statSync(outModel).size / 1e6).toFixed(1)} MB)` +
    `; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
