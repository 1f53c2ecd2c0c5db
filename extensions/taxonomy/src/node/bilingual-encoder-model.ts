import * as fs from 'fs';
import { onnx } from 'onnx-proto';
import { FeatureBag, FeatureConfig } from './hashed-features';

/**
 * The bilingual encoder's weights: an int8 embedding table (one scale per row) over hashed features. The
 * ONNX file is the single artifact: onnxruntime-node runs it, and this module reads its initializers back
 * for the JS reference and the normalisers' label index.
 */
export interface EncoderWeights {
    features: FeatureConfig;
    dim: number;
    /** buckets x dim, row-major. */
    table: Int8Array;
    /** One dequantisation scale per row. */
    scales: Float32Array;
    /** Free-form provenance written in the ONNX metadata (version, data, metrics). */
    metadata: Record<string, string>;
}

export const ENCODER_INPUT_IDS = 'ids';
export const ENCODER_INPUT_WEIGHTS = 'weights';
export const ENCODER_OUTPUT = 'embedding';

/** Symmetric per-row int8 quantisation; rows that training never touched are zero. */
export function quantizeTable(table: Float32Array, buckets: number, dim: number, touched?: Uint8Array): { table: Int8Array; scales: Float32Array } {
    const q = new Int8Array(buckets * dim);
    const scales = new Float32Array(buckets);
    for (let r = 0; r < buckets; r++) {
        if (touched && !touched[r]) { continue; }
        let max = 0;
        for (let j = 0; j < dim; j++) { max = Math.max(max, Math.abs(table[r * dim + j])); }
        if (max === 0) { continue; }
        const scale = max / 127;
        scales[r] = scale;
        for (let j = 0; j < dim; j++) { q[r * dim + j] = Math.round(table[r * dim + j] / scale); }
    }
    return { table: q, scales };
}

/** JS reference of the ONNX graph: weighted sum of dequantised rows, then L2 normalisation. */
export function embedBag(weights: EncoderWeights, bag: FeatureBag, out: Float32Array = new Float32Array(weights.dim)): Float32Array {
    const { dim, table, scales } = weights;
    out.fill(0);
    for (let k = 0; k < bag.ids.length; k++) {
        const row = bag.ids[k];
        const f = scales[row] * bag.weights[k];
        if (f === 0) { continue; }
        const base = row * dim;
        for (let j = 0; j < dim; j++) { out[j] += f * table[base + j]; }
    }
    let norm = 0;
    for (let j = 0; j < dim; j++) { norm += out[j] * out[j]; }
    norm = Math.max(Math.sqrt(norm), 1e-12);
    for (let j = 0; j < dim; j++) { out[j] /= norm; }
    return out;
}

function tensor(name: string, dataType: onnx.TensorProto.DataType, dims: number[], raw: Uint8Array): onnx.ITensorProto {
    return { name, dataType, dims, rawData: raw };
}

function bytes(view: ArrayBufferView): Uint8Array {
    return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function node(opType: string, input: string[], output: string[], attribute: onnx.IAttributeProto[] = []): onnx.INodeProto {
    return { opType, input, output, name: output[0], attribute };
}

/** Serialises the encoder as an ONNX (opset 13) graph: Gather + Cast + Mul + ReduceSum + L2 normalisation. */
export function encoderToOnnx(weights: EncoderWeights): Uint8Array {
    const { buckets } = weights.features;
    const T = onnx.TensorProto.DataType;
    const A = onnx.AttributeProto.AttributeType;
    const dynamic = (names: string[]) => ({ dim: names.map(dimParam => ({ dimParam })) });
    const graph: onnx.IGraphProto = {
        name: 'matchpro_bilingual_encoder',
        initializer: [
            tensor('table', T.INT8, [buckets, weights.dim], bytes(weights.table)),
            tensor('scales', T.FLOAT, [buckets], bytes(weights.scales)),
            tensor('axis_bag', T.INT64, [1], bytes(new BigInt64Array([1n]))),
            tensor('axis_last', T.INT64, [1], bytes(new BigInt64Array([2n]))),
            tensor('epsilon', T.FLOAT, [], bytes(new Float32Array([1e-12])))
        ],
        node: [
            node('Gather', ['table', ENCODER_INPUT_IDS], ['rows_q']),
            node('Cast', ['rows_q'], ['rows'], [{ name: 'to', type: A.INT, i: T.FLOAT }]),
            node('Gather', ['scales', ENCODER_INPUT_IDS], ['row_scales']),
            node('Mul', ['row_scales', ENCODER_INPUT_WEIGHTS], ['factors']),
            node('Unsqueeze', ['factors', 'axis_last'], ['factors3']),
            node('Mul', ['rows', 'factors3'], ['scaled']),
            node('ReduceSum', ['scaled', 'axis_bag'], ['summed'], [{ name: 'keepdims', type: A.INT, i: 0 }]),
            node('ReduceL2', ['summed'], ['norm'], [{ name: 'axes', type: A.INTS, ints: [1] }, { name: 'keepdims', type: A.INT, i: 1 }]),
            node('Max', ['norm', 'epsilon'], ['safe_norm']),
            node('Div', ['summed', 'safe_norm'], [ENCODER_OUTPUT])
        ],
        input: [
            { name: ENCODER_INPUT_IDS, type: { tensorType: { elemType: T.INT64, shape: dynamic(['batch', 'features']) } } },
            { name: ENCODER_INPUT_WEIGHTS, type: { tensorType: { elemType: T.FLOAT, shape: dynamic(['batch', 'features']) } } }
        ],
        output: [
            { name: ENCODER_OUTPUT, type: { tensorType: { elemType: T.FLOAT, shape: { dim: [{ dimParam: 'batch' }, { dimValue: weights.dim }] } } } }
        ]
    };
    const metadata = {
        ...weights.metadata,
        buckets: String(buckets), minGram: String(weights.features.minGram), maxGram: String(weights.features.maxGram),
        ...(weights.features.wordBigrams ? { wordBigrams: 'true' } : {}),
        dim: String(weights.dim)
    };
    const model = onnx.ModelProto.create({
        irVersion: 7,
        opsetImport: [{ domain: '', version: 13 }],
        producerName: 'matchpro-taxonomy',
        producerVersion: '0.1.0',
        graph,
        metadataProps: Object.entries(metadata).map(([key, value]) => ({ key, value }))
    });
    return onnx.ModelProto.encode(model).finish();
}

export function writeEncoderOnnx(weights: EncoderWeights, file: string): void {
    fs.writeFileSync(file, encoderToOnnx(weights));
}

/** Reads the weights back from an encoder ONNX file written by `writeEncoderOnnx`. */
export function readEncoderOnnx(file: string): EncoderWeights {
    const model = onnx.ModelProto.decode(fs.readFileSync(file));
    const meta: Record<string, string> = {};
    for (const p of model.metadataProps) { meta[p.key ?? ''] = p.value ?? ''; }
    const init = new Map((model.graph?.initializer ?? []).map(t => [t.name ?? '', t]));
    const table = init.get('table');
    const scales = init.get('scales');
    if (!table?.rawData || !scales?.rawData || !meta.buckets || !meta.dim) {
        throw new Error(`Not a MatchPro encoder model (missing table, scales or metadata): ${file}`);
    }
    const copy = (raw: Uint8Array) => { const b = new Uint8Array(raw.byteLength); b.set(raw); return b.buffer; };
    return {
        features: { buckets: Number(meta.buckets), minGram: Number(meta.minGram), maxGram: Number(meta.maxGram), wordBigrams: meta.wordBigrams === 'true' },
        dim: Number(meta.dim),
        table: new Int8Array(copy(table.rawData)),
        scales: new Float32Array(copy(scales.rawData)),
        metadata: meta
    };
}
