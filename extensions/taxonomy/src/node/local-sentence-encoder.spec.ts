import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { onnx } from 'onnx-proto';
import { LocalSentenceEncoder } from './local-sentence-encoder';

/** Writes a tiny "transformer": token embeddings looked up by input_ids, output [batch, tokens, hidden]. */
function writeTinyModel(folder: string, vocab: string[], hidden: number): Float32Array {
    const table = new Float32Array(vocab.length * hidden).map((_, i) => Math.cos(i * 0.7) + (i % 3) * 0.1);
    const T = onnx.TensorProto.DataType;
    const shape = (names: (string | number)[]) => ({ dim: names.map(n => typeof n === 'number' ? { dimValue: n } : { dimParam: n }) });
    const model = onnx.ModelProto.create({
        irVersion: 7,
        opsetImport: [{ domain: '', version: 13 }],
        graph: {
            name: 'tiny',
            initializer: [{ name: 'emb', dataType: T.FLOAT, dims: [vocab.length, hidden], rawData: new Uint8Array(table.buffer) }],
            node: [
                { opType: 'Gather', input: ['emb', 'input_ids'], output: ['states'], name: 'g' },
                { opType: 'Cast', input: ['attention_mask'], output: ['mask_f'], name: 'c', attribute: [{ name: 'to', type: onnx.AttributeProto.AttributeType.INT, i: T.FLOAT }] },
                { opType: 'Unsqueeze', input: ['mask_f', 'axis'], output: ['mask3'], name: 'u' },
                { opType: 'Mul', input: ['states', 'mask3'], output: ['last_hidden_state'], name: 'm' }
            ],
            input: [
                { name: 'input_ids', type: { tensorType: { elemType: T.INT64, shape: shape(['b', 't']) } } },
                { name: 'attention_mask', type: { tensorType: { elemType: T.INT64, shape: shape(['b', 't']) } } }
            ],
            output: [{ name: 'last_hidden_state', type: { tensorType: { elemType: T.FLOAT, shape: shape(['b', 't', hidden]) } } }]
        }
    });
    model.graph!.initializer!.push({ name: 'axis', dataType: T.INT64, dims: [1], rawData: new Uint8Array(new BigInt64Array([2n]).buffer) });
    fs.writeFileSync(path.join(folder, 'model.onnx'), onnx.ModelProto.encode(model).finish());
    fs.writeFileSync(path.join(folder, 'vocab.txt'), vocab.join('\n') + '\n');
    return table;
}

describe('LocalSentenceEncoder (user-supplied ONNX model folder)', () => {
    const vocab = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', 'cariste', 'conducteur', 'de', 'chariot', 'elev', '##ateur', 'nurse'];
    const hidden = 4;
    let folder: string;
    let table: Float32Array;

    before(() => {
        folder = fs.mkdtempSync(path.join(os.tmpdir(), 'local-encoder-'));
        table = writeTinyModel(folder, vocab, hidden);
    });
    after(() => fs.rmSync(folder, { recursive: true }));

    it('tokenises with WordPiece, [CLS]/[SEP] and [UNK]', () => {
        const encoder = new LocalSentenceEncoder(folder);
        assert.deepEqual(encoder.tokenize('Conducteur de chariot elevateur'), [2, 5, 6, 7, 8, 9, 3]);
        assert.deepEqual(encoder.tokenize('cariste zzz'), [2, 4, 1, 3]);
    });

    it('mean-pools token states over the attention mask and L2-normalises', async () => {
        const encoder = new LocalSentenceEncoder(folder);
        const texts = ['cariste', 'conducteur de chariot elevateur'];
        const vectors = await encoder.encode(texts);
        texts.forEach((t, i) => {
            const ids = encoder.tokenize(t);
            const expected = new Float32Array(hidden);
            for (const id of ids) { for (let j = 0; j < hidden; j++) { expected[j] += table[id * hidden + j] / ids.length; } }
            const norm = Math.hypot(...expected);
            for (let j = 0; j < hidden; j++) { assert.ok(Math.abs(vectors[i][j] - expected[j] / norm) < 1e-5); }
        });
        await encoder.dispose();
    });

    it('names what is missing in a bad folder', () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'local-encoder-empty-'));
        assert.throws(() => new LocalSentenceEncoder(empty), /No model\.onnx/);
        fs.rmSync(empty, { recursive: true });
    });
});
