import * as fs from 'fs';
import { onnx } from 'onnx-proto';

type OrtModule = typeof import('onnxruntime-node');
type OrtSession = import('onnxruntime-node').InferenceSession;

/**
 * The ML component: a small MLP (features -> hidden ReLU layers -> sigmoid) over the pair features of
 * pair-evaluation.ts. The ONNX file is the only artifact: onnxruntime-node runs it in one batch over
 * [N, F], and `readRankerOnnx` reads its weights back (to fine-tune it on the agency's outcomes).
 */
export const RANKER_INPUT = 'features';
export const RANKER_OUTPUT = 'relevance';

export interface DenseLayer {
    inputs: number;
    outputs: number;
    /** Row-major [inputs, outputs]. */
    weights: Float32Array;
    bias: Float32Array;
}

export interface RankerWeights {
    layers: DenseLayer[];
    metadata: Record<string, string>;
}

function bytes(view: ArrayBufferView): Uint8Array {
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

export function rankerToOnnx(model: RankerWeights): Uint8Array {
    const T = onnx.TensorProto.DataType;
    const initializer: onnx.ITensorProto[] = [];
    const node: onnx.INodeProto[] = [];
    let input = RANKER_INPUT;
    model.layers.forEach((layer, i) => {
        initializer.push({ name: `W${i}`, dataType: T.FLOAT, dims: [layer.inputs, layer.outputs], rawData: bytes(layer.weights) });
        initializer.push({ name: `b${i}`, dataType: T.FLOAT, dims: [layer.outputs], rawData: bytes(layer.bias) });
        node.push({ opType: 'MatMul', input: [input, `W${i}`], output: [`m${i}`], name: `m${i}` });
        node.push({ opType: 'Add', input: [`m${i}`, `b${i}`], output: [`a${i}`], name: `a${i}` });
        const last = i === model.layers.length - 1;
        const out = last ? RANKER_OUTPUT : `h${i}`;
        node.push({ opType: last ? 'Sigmoid' : 'Relu', input: [`a${i}`], output: [out], name: out });
        input = out;
    });
    const F = model.layers[0].inputs;
    const graph: onnx.IGraphProto = {
        name: 'matchpro_matching_ranker', initializer, node,
        input: [{ name: RANKER_INPUT, type: { tensorType: { elemType: T.FLOAT, shape: { dim: [{ dimParam: 'pairs' }, { dimValue: F }] } } } }],
        output: [{ name: RANKER_OUTPUT, type: { tensorType: { elemType: T.FLOAT, shape: { dim: [{ dimParam: 'pairs' }, { dimValue: 1 }] } } } }]
    };
    return onnx.ModelProto.encode(onnx.ModelProto.create({
        irVersion: 7, opsetImport: [{ domain: '', version: 13 }], producerName: 'matchpro-matching', producerVersion: '0.1.0', graph,
        metadataProps: Object.entries(model.metadata).map(([key, value]) => ({ key, value }))
    })).finish();
}

export function readRankerOnnx(file: string): RankerWeights {
    const model = onnx.ModelProto.decode(fs.readFileSync(file));
    const meta: Record<string, string> = {};
    for (const p of model.metadataProps) { meta[p.key ?? ''] = p.value ?? ''; }
    const init = new Map((model.graph?.initializer ?? []).map(t => [t.name ?? '', t]));
    const layers: DenseLayer[] = [];
    const copy = (raw: Uint8Array) => { const b = new Uint8Array(raw.byteLength); b.set(raw); return new Float32Array(b.buffer); };
    for (let i = 0; init.has(`W${i}`); i++) {
        const w = init.get(`W${i}`)!, b = init.get(`b${i}`);
        if (!w.rawData || !b?.rawData || !w.dims || w.dims.length !== 2) { throw new Error(`Not a MatchPro ranker model (layer ${i}): ${file}`); }
        layers.push({ inputs: Number(w.dims[0]), outputs: Number(w.dims[1]), weights: copy(w.rawData), bias: copy(b.rawData) });
    }
    if (layers.length === 0) { throw new Error(`Not a MatchPro ranker model (no layers): ${file}`); }
    return { layers, metadata: meta };
}

/** JS reference of the ONNX graph (tests check both agree; training uses it). */
export function rankerForward(model: RankerWeights, x: Float32Array, n: number): Float32Array {
    let input = x;
    model.layers.forEach((layer, li) => {
        const out = new Float32Array(n * layer.outputs);
        for (let r = 0; r < n; r++) {
            for (let o = 0; o < layer.outputs; o++) {
                let s = layer.bias[o];
                for (let i = 0; i < layer.inputs; i++) { s += input[r * layer.inputs + i] * layer.weights[i * layer.outputs + o]; }
                out[r * layer.outputs + o] = li === model.layers.length - 1 ? 1 / (1 + Math.exp(-s)) : Math.max(0, s);
            }
        }
        input = out;
    });
    return input;
}

/** Seeded PRNG (mulberry32): the training runs are reproducible. */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6D2B79F5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function initRanker(sizes: number[], random: () => number, metadata: Record<string, string> = {}): RankerWeights {
    const layers: DenseLayer[] = [];
    for (let i = 0; i + 1 < sizes.length; i++) {
        const scale = Math.sqrt(2 / sizes[i]);
        const weights = new Float32Array(sizes[i] * sizes[i + 1]).map(() => (random() * 2 - 1) * scale);
        layers.push({ inputs: sizes[i], outputs: sizes[i + 1], weights, bias: new Float32Array(sizes[i + 1]) });
    }
    return { layers, metadata };
}

export interface TrainOptions {
    epochs: number;
    batch: number;
    learningRate: number;
    random: () => number;
    /** L2 pull towards the starting weights (fine-tuning on few outcomes must not forget the default model). */
    anchor?: number;
}

/** Adam on binary cross-entropy with soft labels in [0, 1]. Returns the final mean loss. */
export function trainRanker(model: RankerWeights, x: Float32Array, y: Float32Array, n: number, options: TrainOptions): number {
    const L = model.layers;
    const start = L.map(l => ({ w: Float32Array.from(l.weights), b: Float32Array.from(l.bias) }));
    const m = L.map(l => ({ w: new Float32Array(l.weights.length), b: new Float32Array(l.bias.length) }));
    const v = L.map(l => ({ w: new Float32Array(l.weights.length), b: new Float32Array(l.bias.length) }));
    const grads = L.map(l => ({ w: new Float32Array(l.weights.length), b: new Float32Array(l.bias.length) }));
    const order = Array.from({ length: n }, (_, i) => i);
    const b1 = 0.9, b2 = 0.999, eps = 1e-8;
    let step = 0, lastLoss = 0;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
        for (let i = n - 1; i > 0; i--) { const j = Math.floor(options.random() * (i + 1)); [order[i], order[j]] = [order[j], order[i]]; }
        let lossSum = 0;
        for (let s = 0; s < n; s += options.batch) {
            const rows = order.slice(s, s + options.batch);
            grads.forEach(g => { g.w.fill(0); g.b.fill(0); });
            for (const r of rows) {
                // forward, keeping activations
                const acts: Float32Array[] = [x.subarray(r * L[0].inputs, (r + 1) * L[0].inputs)];
                L.forEach((layer, li) => {
                    const a = acts[li];
                    const out = new Float32Array(layer.outputs);
                    for (let o = 0; o < layer.outputs; o++) {
                        let z = layer.bias[o];
                        for (let i = 0; i < layer.inputs; i++) { z += a[i] * layer.weights[i * layer.outputs + o]; }
                        out[o] = li === L.length - 1 ? 1 / (1 + Math.exp(-z)) : Math.max(0, z);
                    }
                    acts.push(out);
                });
                const p = acts[L.length][0];
                const t = y[r];
                lossSum += -(t * Math.log(p + 1e-7) + (1 - t) * Math.log(1 - p + 1e-7));
                let delta = new Float32Array([p - t]);
                for (let li = L.length - 1; li >= 0; li--) {
                    const layer = L[li], a = acts[li], g = grads[li];
                    const prev = new Float32Array(layer.inputs);
                    for (let o = 0; o < layer.outputs; o++) {
                        const d = delta[o];
                        if (d === 0) { continue; }
                        g.b[o] += d;
                        for (let i = 0; i < layer.inputs; i++) { g.w[i * layer.outputs + o] += a[i] * d; prev[i] += layer.weights[i * layer.outputs + o] * d; }
                    }
                    if (li > 0) { for (let i = 0; i < layer.inputs; i++) { if (a[i] <= 0) { prev[i] = 0; } } }
                    delta = prev;
                }
            }
            step++;
            const lr = options.learningRate * Math.sqrt(1 - b2 ** step) / (1 - b1 ** step);
            L.forEach((layer, li) => {
                for (const key of ['w', 'b'] as const) {
                    const param = key === 'w' ? layer.weights : layer.bias;
                    const g = grads[li][key], mm = m[li][key], vv = v[li][key], s0 = start[li][key];
                    for (let k = 0; k < param.length; k++) {
                        const gk = g[k] / rows.length + (options.anchor ?? 0) * (param[k] - s0[k]);
                        mm[k] = b1 * mm[k] + (1 - b1) * gk;
                        vv[k] = b2 * vv[k] + (1 - b2) * gk * gk;
                        param[k] -= lr * mm[k] / (Math.sqrt(vv[k]) + eps);
                    }
                }
            });
        }
        lastLoss = lossSum / n;
    }
    return lastLoss;
}

/** A loaded ONNX ranker, run by onnxruntime-node over a whole [N, F] batch at once. */
export class RankerSession {
    protected constructor(readonly file: string, readonly version: string, readonly featureCount: number, readonly metadata: Record<string, string>,
        protected readonly ort: OrtModule, protected readonly session: OrtSession) { }

    static async load(file: string): Promise<RankerSession> {
        const weights = readRankerOnnx(file);
        const ort: OrtModule = require('onnxruntime-node');
        const session = await ort.InferenceSession.create(file, { intraOpNumThreads: 1, interOpNumThreads: 1 });
        return new RankerSession(file, weights.metadata.version ?? 'unknown', weights.layers[0].inputs, weights.metadata, ort, session);
    }

    /** Relevance in 0..1 for each of the n rows of `features` ([n, F] row-major). */
    async predict(features: Float32Array, n: number): Promise<Float32Array> {
        if (n === 0) { return new Float32Array(0); }
        const input = new this.ort.Tensor('float32', features.subarray(0, n * this.featureCount), [n, this.featureCount]);
        const result = await this.session.run({ [RANKER_INPUT]: input });
        return result[RANKER_OUTPUT].data as Float32Array;
    }
}
