import * as assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BilingualEncoder } from './bilingual-encoder';
import { EncoderWeights, quantizeTable, readEncoderOnnx, writeEncoderOnnx } from './bilingual-encoder-model';
import { DEFAULT_FEATURE_CONFIG } from './hashed-features';
import { defaultEncoderModelFile, readCompactTaxonomy } from './taxonomy-data';
import { TextCanonicalizer } from './text-canonicalizer';

const TEXTS = ['cariste', 'Conductrice de chariot élévateur', 'forklift operator', 'infirmière', 'registered nurse',
    'développeur Java', 'gérer des stocks', 'Proven ability to influence cross functional teams', '', 'x'];

function assertClose(a: ArrayLike<number>, b: ArrayLike<number>, tolerance: number): void {
    assert.equal(a.length, b.length);
    for (let i = 0; i < a.length; i++) { assert.ok(Math.abs(a[i] - b[i]) <= tolerance, `component ${i}: ${a[i]} vs ${b[i]}`); }
}

describe('BilingualEncoder (ONNX vs JS reference)', function (): void {
    this.timeout(60000);
    const canon = new TextCanonicalizer(readCompactTaxonomy().gender);

    it('the shipped ONNX model gives the JS reference vectors, unit length', async () => {
        const file = defaultEncoderModelFile();
        const encoder = new BilingualEncoder(readEncoderOnnx(file), canon, file);
        const onnx = await encoder.encode(TEXTS, 'fr');
        assert.equal(onnx.length, TEXTS.length);
        TEXTS.forEach((t, i) => {
            assertClose(onnx[i], encoder.embed(t, 'fr'), 1e-5);
            const norm = Math.sqrt(onnx[i].reduce((s, x) => s + x * x, 0));
            if (t.length > 1) { assert.ok(Math.abs(norm - 1) < 1e-4, `norm of "${t}" is ${norm}`); }
        });
        await encoder.dispose();
    });

    it('places a French title next to its English equivalent', () => {
        const file = defaultEncoderModelFile();
        const encoder = new BilingualEncoder(readEncoderOnnx(file), canon, file);
        const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);
        const cariste = encoder.embed('cariste', 'fr');
        assert.ok(cos(cariste, encoder.embed('forklift operator', 'en')) > cos(cariste, encoder.embed('registered nurse', 'en')));
    });

    it('round-trips weights through an ONNX file written with onnx-proto', async () => {
        const dim = 8;
        const features = { ...DEFAULT_FEATURE_CONFIG, buckets: 512 };
        const table = new Float32Array(features.buckets * dim).map((_, i) => Math.sin(i * 12.9898) * 0.5);
        const q = quantizeTable(table, features.buckets, dim);
        const weights: EncoderWeights = { features, dim, table: q.table, scales: q.scales, metadata: { name: 'tiny' } };
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'encoder-'));
        const file = path.join(dir, 'tiny.onnx');
        writeEncoderOnnx(weights, file);
        const back = readEncoderOnnx(file);
        assert.equal(back.dim, dim);
        assert.equal(back.metadata.name, 'tiny');
        assert.deepEqual(Array.from(back.table), Array.from(q.table));
        const encoder = new BilingualEncoder(back, canon, file);
        const onnx = await encoder.encode(TEXTS.slice(0, 4));
        TEXTS.slice(0, 4).forEach((t, i) => assertClose(onnx[i], encoder.embed(t), 1e-5));
        await encoder.dispose();
        fs.rmSync(dir, { recursive: true });
    });
});
