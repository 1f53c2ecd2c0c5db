"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.pairFeatures = pairFeatures;
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
const fs = __importStar(require("fs"));
const os = __importStar(require("os"));
const path = __importStar(require("path"));
const inversify_1 = require("@theia/core/shared/inversify");
const matchpro_config_1 = require("@matchpro/core/lib/node/matchpro-config");
const taxonomy_data_1 = require("@matchpro/taxonomy/lib/node/taxonomy-data");
const matching_engine_1 = require("@matchpro/matching/lib/node/matching-engine");
const pair_evaluation_1 = require("@matchpro/matching/lib/node/pair-evaluation");
const ranker_store_1 = require("@matchpro/matching/lib/node/ranker-store");
const ranker_model_1 = require("@matchpro/matching/lib/node/ranker-model");
const synthetic_pairs_1 = require("./synthetic-pairs");
const SEED = 20261126;
const VERSION = 'default-1';
async function pairFeatures(engine, pairs) {
    await engine.upsertCandidates(pairs.map(p => p.candidate));
    const x = new Float32Array(pairs.length * pair_evaluation_1.FEATURE_COUNT);
    const prepared = new Map();
    for (let i = 0; i < pairs.length; i++) {
        const offer = pairs[i].offer;
        if (!prepared.has(offer.id)) {
            prepared.set(offer.id, await engine.prepare(offer));
        }
        x.set(engine.pairFeatures(prepared.get(offer.id), pairs[i].candidate.id).features, i * pair_evaluation_1.FEATURE_COUNT);
    }
    return x;
}
function auc(scores, labels) {
    const pos = [], neg = [];
    labels.forEach((l, i) => (l >= 0.5 ? pos : neg).push(scores[i]));
    let wins = 0;
    for (const p of pos) {
        for (const n of neg) {
            wins += p > n ? 1 : p === n ? 0.5 : 0;
        }
    }
    return wins / (pos.length * neg.length);
}
async function main() {
    const started = Date.now();
    const root = path.resolve(__dirname, '..', '..');
    const container = new inversify_1.Container();
    container.bind(matchpro_config_1.MatchProConfig).toConstantValue({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'ranker-train-')), actor: 'train' });
    container.load(require('@matchpro/core/lib/node/core-backend-module').default, require('@matchpro/taxonomy/lib/node/taxonomy-backend-module').default);
    container.bind(matching_engine_1.MatchingEngine).toSelf().inSingletonScope();
    const engine = container.get(matching_engine_1.MatchingEngine);
    const taxonomy = (0, taxonomy_data_1.readCompactTaxonomy)();
    const random = (0, ranker_model_1.seededRandom)(SEED);
    const train = (0, synthetic_pairs_1.generatePairs)(taxonomy, random, 500, 'aaaaaaaa');
    const held = (0, synthetic_pairs_1.generatePairs)(taxonomy, random, 100, 'bbbbbbbb');
    const xTrain = await pairFeatures(engine, train);
    const xHeld = await pairFeatures(engine, held);
    const yTrain = Float32Array.from(train.map(p => p.label));
    const yHeld = Float32Array.from(held.map(p => p.label));
    const model = (0, ranker_model_1.initRanker)([pair_evaluation_1.FEATURE_COUNT, 32, 16, 1], random, {
        version: VERSION, features: pair_evaluation_1.FEATURE_NAMES.join(','), trainedOn: 'synthetic ESCO-derived pairs (proxy labels)', encoder: ranker_store_1.RankerStore.encoderFingerprint()
    });
    const loss = (0, ranker_model_1.trainRanker)(model, xTrain, yTrain, train.length, { epochs: 60, batch: 32, learningRate: 0.003, random });
    const predicted = (0, ranker_model_1.rankerForward)(model, xHeld, held.length);
    let mae = 0;
    predicted.forEach((p, i) => { mae += Math.abs(p - yHeld[i]); });
    const metrics = {
        version: VERSION, encoder: ranker_store_1.RankerStore.encoderFingerprint(), seed: SEED, features: pair_evaluation_1.FEATURE_NAMES, trainPairs: train.length, heldOutPairs: held.length, trainOffers: 500, heldOutOffers: 100,
        finalTrainLoss: Number(loss.toFixed(4)), heldOutMae: Number((mae / held.length).toFixed(4)),
        heldOutAuc: Number(auc(predicted, yHeld).toFixed(4)), trainingSeconds: Math.round((Date.now() - started) / 1000)
    };
    const bytes = (0, ranker_model_1.rankerToOnnx)(model);
    fs.writeFileSync(path.join(__dirname, 'matching-ranker.onnx'), bytes);
    fs.writeFileSync(path.join(root, 'extensions', 'matching', 'data', 'matching-ranker.onnx'), bytes);
    fs.writeFileSync(path.join(__dirname, 'metrics.json'), JSON.stringify(metrics, null, 2) + '\n');
    console.log(JSON.stringify(metrics, null, 2));
    await container.get(require('@matchpro/core/lib/node/matchpro-database').MatchProDatabase).close();
}
if (require.main === module) {
    main().catch(error => { console.error(error); process.exit(1); });
}
