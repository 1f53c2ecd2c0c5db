import * as fs from 'fs';
import * as path from 'path';
import { foldText } from './text-canonicalizer';

type OrtModule = typeof import('onnxruntime-node');
type OrtSession = import('onnxruntime-node').InferenceSession;

/**
 * Optional `matchpro-encoder.json` next to model.onnx. Defaults suit BERT-like sentence encoders
 * (e.g. a multilingual MiniLM or e5 exported to ONNX with its vocab.txt).
 */
export interface LocalEncoderConfig {
    /** 'mean' (masked mean of token states) or 'cls' (first token). */
    pooling: 'mean' | 'cls';
    lowercase: boolean;
    stripAccents: boolean;
    maxLength: number;
    /** Text prepended to every input, e.g. "query: " for e5 models. */
    prefix: string;
}

const DEFAULT_CONFIG: LocalEncoderConfig = { pooling: 'mean', lowercase: true, stripAccents: false, maxLength: 128, prefix: '' };

/**
 * Loads a user-supplied transformer sentence encoder from a local folder (model.onnx + vocab.txt, or a
 * tokenizer.json with a WordPiece vocabulary) and runs it with onnxruntime-node: WordPiece tokenisation,
 * [CLS]/[SEP], attention mask, pooling and L2 normalisation. Nothing is downloaded.
 */
export class LocalSentenceEncoder {
    protected session?: OrtSession;
    protected readonly vocab: Map<string, number>;
    readonly config: LocalEncoderConfig;

    constructor(readonly folder: string) {
        const modelFile = path.join(folder, 'model.onnx');
        if (!fs.existsSync(modelFile)) { throw new Error(`No model.onnx in encoder folder ${folder}`); }
        this.vocab = readVocabulary(folder);
        const configFile = path.join(folder, 'matchpro-encoder.json');
        this.config = { ...DEFAULT_CONFIG, ...(fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {}) };
        for (const special of ['[CLS]', '[SEP]', '[UNK]', '[PAD]']) {
            if (!this.vocab.has(special)) { throw new Error(`Vocabulary of ${folder} lacks the ${special} token`); }
        }
    }

    /** WordPiece ids with [CLS] and [SEP], truncated to maxLength. */
    tokenize(text: string): number[] {
        let t = this.config.prefix + text;
        if (this.config.stripAccents) { t = foldText(t); } else if (this.config.lowercase) { t = t.toLowerCase(); }
        const ids = [this.vocab.get('[CLS]')!];
        const unk = this.vocab.get('[UNK]')!;
        for (const word of t.match(/[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu) ?? []) {
            let start = 0;
            const pieces: number[] = [];
            while (start < word.length) {
                let end = word.length;
                let id: number | undefined;
                while (end > start) {
                    id = this.vocab.get((start > 0 ? '##' : '') + word.slice(start, end));
                    if (id !== undefined) { break; }
                    end--;
                }
                if (id === undefined) { pieces.length = 0; pieces.push(unk); break; }
                pieces.push(id);
                start = end;
            }
            ids.push(...pieces);
        }
        ids.length = Math.min(ids.length, this.config.maxLength - 1);
        ids.push(this.vocab.get('[SEP]')!);
        return ids;
    }

    async encode(texts: string[]): Promise<Float32Array[]> {
        if (!texts.length) { return []; }
        const ort: OrtModule = require('onnxruntime-node');
        if (!this.session) {
            this.session = await ort.InferenceSession.create(path.join(this.folder, 'model.onnx'), { intraOpNumThreads: 1 });
        }
        const session = this.session;
        const tokenized = texts.map(t => this.tokenize(t));
        const width = Math.max(...tokenized.map(t => t.length));
        const n = texts.length;
        const ids = new BigInt64Array(n * width).fill(BigInt(this.vocab.get('[PAD]')!));
        const mask = new BigInt64Array(n * width);
        tokenized.forEach((t, i) => t.forEach((id, k) => { ids[i * width + k] = BigInt(id); mask[i * width + k] = 1n; }));
        const feeds: Record<string, import('onnxruntime-node').Tensor> = {};
        for (const name of session.inputNames) {
            if (name === 'input_ids') { feeds[name] = new ort.Tensor('int64', ids, [n, width]); }
            else if (name === 'attention_mask') { feeds[name] = new ort.Tensor('int64', mask, [n, width]); }
            else if (name === 'token_type_ids') { feeds[name] = new ort.Tensor('int64', new BigInt64Array(n * width), [n, width]); }
            else { throw new Error(`Encoder input "${name}" is not supported (expected input_ids, attention_mask, token_type_ids)`); }
        }
        const output = (await session.run(feeds))[session.outputNames[0]];
        const data = output.data as Float32Array;
        const dims = output.dims;
        const out: Float32Array[] = [];
        for (let i = 0; i < n; i++) {
            let v: Float32Array;
            if (dims.length === 2) {
                v = data.slice(i * dims[1], (i + 1) * dims[1]);
            } else if (dims.length === 3) {
                const h = dims[2];
                v = new Float32Array(h);
                if (this.config.pooling === 'cls') {
                    v.set(data.subarray(i * width * h, i * width * h + h));
                } else {
                    const len = tokenized[i].length;
                    for (let k = 0; k < len; k++) {
                        for (let j = 0; j < h; j++) { v[j] += data[(i * width + k) * h + j] / len; }
                    }
                }
            } else {
                throw new Error(`Encoder output has ${dims.length} dimensions; expected 2 (pooled) or 3 (token states)`);
            }
            let norm = 0;
            for (const x of v) { norm += x * x; }
            norm = Math.max(Math.sqrt(norm), 1e-12);
            out.push(v.map(x => x / norm));
        }
        return out;
    }

    async dispose(): Promise<void> {
        await this.session?.release();
        this.session = undefined;
    }
}

function readVocabulary(folder: string): Map<string, number> {
    const vocabFile = path.join(folder, 'vocab.txt');
    if (fs.existsSync(vocabFile)) {
        const lines = fs.readFileSync(vocabFile, 'utf8').split(/\r?\n/);
        if (lines[lines.length - 1] === '') { lines.pop(); }
        return new Map(lines.map((token, id) => [token, id]));
    }
    const tokenizerFile = path.join(folder, 'tokenizer.json');
    if (fs.existsSync(tokenizerFile)) {
        const vocab = JSON.parse(fs.readFileSync(tokenizerFile, 'utf8'))?.model?.vocab;
        if (vocab && typeof vocab === 'object' && !Array.isArray(vocab)) { return new Map(Object.entries(vocab as Record<string, number>)); }
        throw new Error(`tokenizer.json of ${folder} has no WordPiece vocabulary (model.vocab); only WordPiece is supported`);
    }
    throw new Error(`No vocab.txt or tokenizer.json in encoder folder ${folder}`);
}
