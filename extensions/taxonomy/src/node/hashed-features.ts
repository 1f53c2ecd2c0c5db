/**
 * Hashed bag-of-features of canonical words: whole words and character 3-5-grams, so that
 * typos, inflections and unseen words still share features with known ones. Feature ids index the
 * encoder's embedding table.
 */
export interface FeatureBag {
    ids: Int32Array;
    weights: Float32Array;
}

export interface FeatureConfig {
    buckets: number;
    minGram: number;
    maxGram: number;
}

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { buckets: 1 << 17, minGram: 3, maxGram: 5 };

/** FNV-1a 32 bits: tiny, fast, identical everywhere the features are computed. */
export function fnv1a(text: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_STATE = fnvContinue(FNV_OFFSET, 'w ');
const GRAM_STATE = fnvContinue(FNV_OFFSET, 'c ');

function fnvContinue(state: number, text: string): number {
    let h = state;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, FNV_PRIME);
    }
    return h;
}

/** Same values as hashing the strings "w " + word and "c " + n-gram, without building them. */
export function hashedFeatures(words: string[], config: FeatureConfig = DEFAULT_FEATURE_CONFIG): FeatureBag {
    const rawIds: number[] = [];
    const rawWeights: number[] = [];
    const add = (hash: number, weight: number) => {
        rawIds.push((hash >>> 0) % config.buckets);
        rawWeights.push(weight);
    };
    const { minGram, maxGram } = config;
    for (const w of words) {
        add(fnvContinue(WORD_STATE, w), 1);
        const len = w.length + 2;
        const marked = '<' + w + '>';
        let count = 0;
        for (let n = minGram; n <= maxGram; n++) { count += Math.max(0, len - n + 1); }
        // a long word should not outweigh the others just by having more n-grams
        const gw = count ? 1 / Math.sqrt(count) : 0;
        for (let s = 0; s + minGram <= len; s++) {
            let h = GRAM_STATE;
            for (let k = 0; k < maxGram && s + k < len; k++) {
                h ^= marked.charCodeAt(s + k);
                h = Math.imul(h, FNV_PRIME);
                if (k + 1 >= minGram) { add(h, gw); }
            }
        }
    }
    // duplicates (repeated words, hash collisions) are merged, in order of first occurrence
    const first = new Map<number, number>();
    const ids: number[] = [];
    const weights: number[] = [];
    for (let i = 0; i < rawIds.length; i++) {
        const at = first.get(rawIds[i]);
        if (at === undefined) {
            first.set(rawIds[i], ids.length);
            ids.push(rawIds[i]);
            weights.push(rawWeights[i]);
        } else {
            weights[at] += rawWeights[i];
        }
    }
    return { ids: Int32Array.from(ids), weights: Float32Array.from(weights) };
}
