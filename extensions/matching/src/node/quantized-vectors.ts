/**
 * Candidate vectors stored as int8 with one scale per vector (a quarter of float32's memory): 100k
 * candidates x 2 vectors x 96 dims fit in ~19 MB, which keeps a full ranking pass in cache. The encoder
 * itself is int8-quantised, so this loses nothing that matters (dot error ~0.005 on unit vectors).
 */
export class QuantizedVectors {
    protected q = new Int8Array(0);
    protected scales = new Float32Array(0);

    constructor(readonly dim: number) { }

    ensureCapacity(count: number): void {
        if (count <= this.scales.length) { return; }
        const size = Math.max(count, this.scales.length * 2, 1024);
        const q = new Int8Array(size * this.dim); q.set(this.q); this.q = q;
        const s = new Float32Array(size); s.set(this.scales); this.scales = s;
    }

    set(slot: number, vector: ArrayLike<number>): void {
        let max = 0;
        for (let j = 0; j < this.dim; j++) { max = Math.max(max, Math.abs(vector[j])); }
        const scale = max > 0 ? max / 127 : 1;
        const base = slot * this.dim;
        for (let j = 0; j < this.dim; j++) { this.q[base + j] = Math.round(vector[j] / scale); }
        this.scales[slot] = scale;
    }

    move(from: number, to: number): void {
        this.q.copyWithin(to * this.dim, from * this.dim, (from + 1) * this.dim);
        this.scales[to] = this.scales[from];
    }

    /** Dot product of stored vector `slot` with a float vector (unrolled by 4: the hottest loop of a ranking). */
    dot(slot: number, b: Float32Array): number {
        const q = this.q, dim = this.dim, base = slot * dim;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        let j = 0;
        for (; j + 3 < dim; j += 4) {
            s0 += q[base + j] * b[j];
            s1 += q[base + j + 1] * b[j + 1];
            s2 += q[base + j + 2] * b[j + 2];
            s3 += q[base + j + 3] * b[j + 3];
        }
        for (; j < dim; j++) { s0 += q[base + j] * b[j]; }
        return (s0 + s1 + s2 + s3) * this.scales[slot];
    }
}
