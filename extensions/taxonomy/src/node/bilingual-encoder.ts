import { TaxonomyLanguage } from '../common/taxonomy-protocol';
import { EncoderWeights, ENCODER_INPUT_IDS, ENCODER_INPUT_WEIGHTS, ENCODER_OUTPUT, embedBag } from './bilingual-encoder-model';
import { FeatureBag, hashedFeatures } from './hashed-features';
import { TextCanonicalizer, guessLanguage } from './text-canonicalizer';

type OrtModule = typeof import('onnxruntime-node');
type OrtSession = import('onnxruntime-node').InferenceSession;

/**
 * The project's bilingual encoder: canonical words -> hashed features -> embedding. `encode` runs the ONNX
 * model in onnxruntime-node; `embed` is the JS reference over the same int8 weights (used for the label
 * indexes, where it avoids a native call per label, and checked equal to ONNX in the tests).
 */
export class BilingualEncoder {
    protected session?: Promise<OrtSession>;

    constructor(readonly weights: EncoderWeights, readonly canonicalizer: TextCanonicalizer, readonly modelFile: string) { }

    get dim(): number {
        return this.weights.dim;
    }

    features(text: string, lang?: TaxonomyLanguage): FeatureBag {
        return hashedFeatures(this.canonicalizer.words(text, lang ?? guessLanguage(text)), this.weights.features);
    }

    embed(text: string, lang?: TaxonomyLanguage): Float32Array {
        return embedBag(this.weights, this.features(text, lang));
    }

    /** The embedding, or undefined when the text has no feature at all (only punctuation or marks): no evidence. */
    embedIfAny(text: string, lang?: TaxonomyLanguage): Float32Array | undefined {
        const bag = this.features(text, lang);
        return bag.ids.length ? embedBag(this.weights, bag) : undefined;
    }

    embedFeatures(bag: FeatureBag): Float32Array {
        return embedBag(this.weights, bag);
    }

    /** Embeds with onnxruntime-node; texts are padded to the longest feature bag of the batch. */
    async encode(texts: string[], lang?: TaxonomyLanguage, batchSize = 256): Promise<Float32Array[]> {
        const out: Float32Array[] = [];
        if (texts.length === 0) { return out; }
        const ort: OrtModule = require('onnxruntime-node');
        const session = await this.getSession(ort);
        for (let start = 0; start < texts.length; start += batchSize) {
            const bags = texts.slice(start, start + batchSize).map(t => this.features(t, lang));
            const width = Math.max(1, ...bags.map(b => b.ids.length));
            const ids = new BigInt64Array(bags.length * width);
            const weights = new Float32Array(bags.length * width);
            bags.forEach((bag, i) => {
                for (let k = 0; k < bag.ids.length; k++) {
                    ids[i * width + k] = BigInt(bag.ids[k]);
                    weights[i * width + k] = bag.weights[k];
                }
            });
            const result = await session.run({
                [ENCODER_INPUT_IDS]: new ort.Tensor('int64', ids, [bags.length, width]),
                [ENCODER_INPUT_WEIGHTS]: new ort.Tensor('float32', weights, [bags.length, width])
            });
            const data = result[ENCODER_OUTPUT].data as Float32Array;
            for (let i = 0; i < bags.length; i++) { out.push(data.slice(i * this.dim, (i + 1) * this.dim)); }
        }
        return out;
    }

    protected getSession(ort: OrtModule): Promise<OrtSession> {
        if (!this.session) {
            this.session = ort.InferenceSession.create(this.modelFile, { intraOpNumThreads: 1, interOpNumThreads: 1 });
        }
        return this.session;
    }

    async dispose(): Promise<void> {
        const s = this.session;
        this.session = undefined;
        if (s) { await (await s).release(); }
    }
}

export function dot(a: Float32Array, b: Float32Array, offset = 0): number {
    let s = 0;
    for (let j = 0; j < a.length; j++) { s += a[j] * b[offset + j]; }
    return s;
}
