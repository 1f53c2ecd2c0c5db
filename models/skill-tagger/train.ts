/**
 * Trains the skill-span tagger (averaged structured perceptron, BIO, first-order Viterbi) on the SkillSpan
 * TRAIN split (skill and knowledge spans merged), picks the epoch on the SkillSpan DEV split, and writes
 * models/skill-tagger/skill-tagger.json.gz (the product loads it through the @matchpro/models package)
 * and models/skill-tagger/metrics.json. Test sets are not read.
 * Run from the repository root: npx tsc -p models && node models/skill-tagger/train.js
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { readCompactTaxonomy } from '@matchpro/taxonomy/lib/node/taxonomy-data';
import { TextCanonicalizer } from '@matchpro/taxonomy/lib/node/text-canonicalizer';
import { SkillDictionary } from '@matchpro/taxonomy/lib/node/skill-dictionary';
import { SkillTagger, SkillTaggerModel, Tag, TaggerToken, tagSpans, tokenFeatures } from '@matchpro/taxonomy/lib/node/skill-tagger';
import { TaxonomyStore } from '@matchpro/taxonomy/lib/node/taxonomy-store';
import { WordClusters } from '@matchpro/taxonomy/lib/node/word-clusters';

const flag = (name: string, fallback: number) => { const i = process.argv.indexOf('--' + name); return i > 0 ? Number(process.argv[i + 1]) : fallback; };
const SEED = 7;
const EPOCHS = flag('epochs', 15);
/** 1: add the bilingual encoder's word clusters as features (the tagger then depends on that encoder). */
const CLUSTERS = flag('clusters', 1) === 1;
/** 1: after picking the epoch on dev, train again on train + dev for that many epochs (the shipped model). */
const REFIT = flag('refit', 1) === 1;
const repoRoot = path.resolve(__dirname, '..', '..');
const skillspan = path.resolve(repoRoot, '..', 'shared', 'data', 'benchmarks', 'skills', 'skillspan', 'data', 'json');
const outIndex = process.argv.indexOf('--out');
const outDir = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : __dirname;
const outFile = path.join(outDir, 'skill-tagger.json.gz');

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

interface Sentence { tokens: TaggerToken[]; gold: Tag[]; feats: string[][] }

const taxonomy = readCompactTaxonomy();
const dictionary = new SkillDictionary(taxonomy, new TextCanonicalizer(taxonomy.gender), 'en');
// the encoder the product ships (models/bilingual-encoder): train the encoder first, then this tagger
const clusters = CLUSTERS ? new WordClusters(new TaxonomyStore().encoder) : undefined;

function read(split: string): Sentence[] {
    return fs.readFileSync(path.join(skillspan, split + '.json'), 'utf8').split('\n').filter(Boolean).map(line => {
        const s = JSON.parse(line) as { tokens: string[]; tags_skill: string[]; tags_knowledge: string[] };
        const flags = dictionary.flags(s.tokens);
        const tokens: TaggerToken[] = s.tokens.map((text, i) => ({ text, esco: flags[i], ...(clusters ? { cluster: clusters.code(text) } : {}) }));
        // skill spans win over knowledge spans where they overlap
        const gold: Tag[] = s.tokens.map((_, i) => {
            const t = s.tags_skill[i] !== 'O' ? s.tags_skill[i] : s.tags_knowledge[i];
            return (t === 'B' ? 1 : t === 'I' ? 2 : 0) as Tag;
        });
        for (let i = 0; i < gold.length; i++) { if (gold[i] === 2 && (i === 0 || gold[i - 1] === 0)) { gold[i] = 1; } }
        return { tokens, gold, feats: tokens.map((_, i) => tokenFeatures(tokens, i)) };
    });
}

const train = read('train');
const dev = read('dev');
console.log(`SkillSpan train ${train.length} sentences, dev ${dev.length}`);

// averaged perceptron with lazy averaging: avg = w - u / c
const w = new Map<string, Float64Array>();
const u = new Map<string, Float64Array>();
const trans = new Float64Array(12);
const transU = new Float64Array(12);
let c = 1;
const vec = (m: Map<string, Float64Array>, f: string) => { let v = m.get(f); if (!v) { v = new Float64Array(3); m.set(f, v); } return v; };

function model(averaged: boolean): SkillTaggerModel {
    const weights: Record<string, number[]> = {};
    for (const [f, v] of w) {
        const a = averaged ? Array.from(v, (x, k) => x - (u.get(f)![k]) / c) : Array.from(v);
        if (a.some(x => Math.abs(x) >= 0.005)) { weights[f] = a.map(x => Math.round(x * 1000) / 1000); }
    }
    const transitions = Array.from(trans, (x, k) => Math.round((averaged ? x - transU[k] / c : x) * 1000) / 1000);
    return { version: '1', weights, transitions, metadata: {} };
}

function spanF1(tagger: SkillTagger, data: Sentence[]): { P: number; R: number; F1: number } {
    let tp = 0; let np = 0; let ng = 0;
    for (const s of data) {
        const pred = new Set(tagSpans(tagger.tag(s.tokens)).map(x => x.join(':')));
        const gold = tagSpans(s.gold).map(x => x.join(':'));
        np += pred.size; ng += gold.length;
        for (const g of gold) { if (pred.has(g)) { tp++; } }
    }
    const P = tp / (np || 1); const R = tp / (ng || 1);
    return { P, R, F1: P + R ? 2 * P * R / (P + R) : 0 };
}

/** Trains from zero on `data` for `epochs`; with a dev set, returns the epoch that scored best on it. */
function fit(data: Sentence[], epochs: number, devSet?: Sentence[]): { epoch: number; dev?: { P: number; R: number; F1: number }; model: SkillTaggerModel } {
    w.clear(); u.clear(); trans.fill(0); transU.fill(0); c = 1;
    let best: { epoch: number; dev?: { P: number; R: number; F1: number }; model: SkillTaggerModel } | undefined;
    const order = data.map((_, i) => i);
    for (let epoch = 1; epoch <= epochs; epoch++) {
        for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
        const current = new SkillTagger(model(false));
        for (const idx of order) {
            const s = data[idx];
            // scores from the live weights (not a snapshot) so that updates apply at once
            current.model.weights = new Proxy({}, { get: (_, f: string) => w.get(f) }) as Record<string, number[]>;
            current.model.transitions = trans as unknown as number[];
            const pred = current.tag(s.tokens);
            let diff = false;
            for (let i = 0; i < pred.length; i++) { if (pred[i] !== s.gold[i]) { diff = true; break; } }
            if (diff) {
                for (let i = 0; i < pred.length; i++) {
                    const g = s.gold[i];
                    const p = pred[i];
                    if (g !== p) {
                        for (const f of s.feats[i]) {
                            vec(w, f)[g] += 1; vec(u, f)[g] += c;
                            vec(w, f)[p] -= 1; vec(u, f)[p] -= c;
                        }
                    }
                    const gp = i === 0 ? 3 : s.gold[i - 1];
                    const pp = i === 0 ? 3 : pred[i - 1];
                    if (gp !== pp || g !== p) {
                        trans[gp * 3 + g] += 1; transU[gp * 3 + g] += c;
                        trans[pp * 3 + p] -= 1; transU[pp * 3 + p] -= c;
                    }
                }
            }
            c++;
        }
        const averaged = model(true);
        if (!devSet) {
            if (epoch === epochs) { best = { epoch, model: averaged }; }
            continue;
        }
        const score = spanF1(new SkillTagger(averaged), devSet);
        console.log(`epoch ${epoch}: dev span P ${score.P.toFixed(3)} R ${score.R.toFixed(3)} F1 ${score.F1.toFixed(3)}, ${Object.keys(averaged.weights).length} features`);
        if (!best || score.F1 > best.dev!.F1) { best = { epoch, dev: score, model: averaged }; }
    }
    return best!;
}

const selected = fit(train, EPOCHS, dev);
// the shipped model: the chosen number of epochs over train + dev (more data; dev has done its job)
const best = REFIT ? { ...fit([...train, ...dev], selected.epoch), dev: selected.dev } : selected;
if (REFIT) { console.log(`refitted on train + dev for ${selected.epoch} epochs`); }
best.model.metadata = {
    trainedOn: REFIT ? 'SkillSpan train + dev splits (skill + knowledge spans merged)' : 'SkillSpan train split (skill + knowledge spans merged)',
    epoch: String(best.epoch), seed: String(SEED), devF1: best.dev!.F1.toFixed(4), wordClusters: String(CLUSTERS),
    licence: 'trained on SkillSpan (MIT, Zhang et al. NAACL 2022)'
};
const gz = zlib.gzipSync(Buffer.from(JSON.stringify(best.model)), { level: 9 });
fs.writeFileSync(outFile, gz);
fs.writeFileSync(path.join(outDir, 'metrics.json'), JSON.stringify({ seed: SEED, epochs: EPOCHS, wordClusters: CLUSTERS, refitOnTrainAndDev: REFIT, bestEpoch: best.epoch, devOfTheChosenEpoch: best.dev }, undefined, 2) + '\n');
console.log(`best epoch ${best.epoch}; wrote ${path.relative(repoRoot, outFile)} (${(gz.length / 1e6).toFixed(2)} MB)`);
