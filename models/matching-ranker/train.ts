/**
 * Trains the default MatchPro matching ranker (MLP 14 -> 32 -> 16 -> 1, ReLU, sigmoid) on synthetic pairs
 * (see synthetic-pairs.ts and MODEL_CARD.md: a PROXY, not observed placements), and exports it to ONNX with
 * onnx-proto. Features come from the product's own code (MatchingEngine.pairFeatures), so training and
 * serving cannot drift. Seeded: a rerun gives the same artifact.
 *
 * Run from the repository root: npx tsc -b extensions/matching && npx tsc -b models && node models/matching-ranker/train.js
 * Writes models/matching-ranker/matching-ranker.onnx, its copy extensions/matching/data/matching-ranker.onnx
 * (the one the product loads) and models/matching-ranker/metrics.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Container } from '@theia/core/shared/inversify';
import { MatchProConfig } from '@matchpro/core/lib/node/matchpro-config';
import { readCompactTaxonomy } from '@matchpro/taxonomy/lib/node/taxonomy-data';
import { MatchingEngine } from '@matchpro/matching/lib/node/matching-engine';
import { FEATURE_COUNT, FEATURE_NAMES } from '@matchpro/matching/lib/node/pair-evaluation';
import { RankerStore } from '@matchpro/matching/lib/node/ranker-store';
import { initRanker, rankerForward, rankerToOnnx, seededRandom, trainRanker } from '@matchpro/matching/lib/node/ranker-model';
import { generatePairs, LabelledPair } from './synthetic-pairs';

const SEED = 20261126;
const VERSION = 'default-1';

export async function pairFeatures(engine: MatchingEngine, pairs: LabelledPair[]): Promise<Float32Array> {
    await engine.upsertCandidates(pairs.map(p => p.candidate));
    const x = new Float32Array(pairs.length * FEATURE_COUNT);
    const prepared = new Map<string, Awaited<ReturnType<MatchingEngine['prepare']>>>();
    for (let i = 0; i < pairs.length; i++) {
        const offer = pairs[i].offer;
        if (!prepared.has(offer.id)) { prepared.set(offer.id, await engine.prepare(offer)); }
        x.set(engine.pairFeatures(prepared.get(offer.id)!, pairs[i].candidate.id)!.features, i * FEATURE_COUNT);
    }
    return x;
}

function auc(scores: Float32Array, labels: Float32Array): number {
    const pos: number[] = [], neg: number[] = [];
    labels.forEach((l, i) => (l >= 0.5 ? pos : neg).push(scores[i]));
    let wins = 0;
    for (const p of pos) { for (const n of neg) { wins += p > n ? 1 : p === n ? 0.5 : 0; } }
    return wins / (pos.length * neg.length);
}

async function main(): Promise<void> {
    const started = Date.now();
    const container = new Container();
    container.bind(MatchProConfig).toConstantValue({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ranker-train-')), actor: 'train' });
    container.load(require('@matchpro/core/lib/node/core-backend-module').default, require('@matchpro/taxonomy/lib/node/taxonomy-backend-module').default);
    container.bind(MatchingEngine).toSelf().inSingletonScope();
    const engine = container.get(MatchingEngine);
    const taxonomy = readCompactTaxonomy();
    const random = seededRandom(SEED);
    const train = generatePairs(taxonomy, random, 500, 'aaaaaaaa');
    const held = generatePairs(taxonomy, random, 100, 'bbbbbbbb');
    const xTrain = await pairFeatures(engine, train);
    const xHeld = await pairFeatures(engine, held);
    const yTrain = Float32Array.from(train.map(p => p.label));
    const yHeld = Float32Array.from(held.map(p => p.label));
    const model = initRanker([FEATURE_COUNT, 32, 16, 1], random, {
        version: VERSION, features: FEATURE_NAMES.join(','), trainedOn: 'synthetic ESCO-derived pairs (proxy labels)', encoder: RankerStore.encoderFingerprint()
    });
    const loss = trainRanker(model, xTrain, yTrain, train.length, { epochs: 60, batch: 32, learningRate: 0.003, random });
    const predicted = rankerForward(model, xHeld, held.length);
    let mae = 0;
    predicted.forEach((p, i) => { mae += Math.abs(p - yHeld[i]); });
    const metrics = {
        version: VERSION, encoder: RankerStore.encoderFingerprint(), seed: SEED, features: FEATURE_NAMES, trainPairs: train.length, heldOutPairs: held.length, trainOffers: 500, heldOutOffers: 100,
        finalTrainLoss: Number(loss.toFixed(4)), heldOutMae: Number((mae / held.length).toFixed(4)),
        heldOutAuc: Number(auc(predicted, yHeld).toFixed(4)), trainingSeconds: Math.round((Date.now() - started) / 1000)
    };
    const bytes = rankerToOnnx(model);
    fs.writeFileSync(path.join(__dirname, 'matching-ranker.onnx'), bytes);
    fs.writeFileSync(path.join(__dirname, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
    console.log(JSON.stringify(metrics, null, 2));
    await container.get<{ close(): Promise<void> }>(require('@matchpro/core/lib/node/matchpro-database').MatchProDatabase).close();
}

if (require.main === module) {
    main().catch(error => { console.error(error); process.exit(1); });
}
