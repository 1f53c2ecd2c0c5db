/**
 * Hashed bag-of-features of canonical words: whole words and character 3-5-grams, so that
 * typos, inflections and unseen words still share features with known ones. Feature ids index the
 * encoder's embedding table.
 */
import { termHash } from '@matchpro/core/lib/common/text-terms';

export interface FeatureBag {
    ids: Int32Array;
    weights: Float32Array;
}

export interface FeatureConfig {
    buckets: number;
    minGram: number;
    maxGram: number;
    /** Also hash pairs of neighbouring content words ("chef cuisine" is not "cuisine chef"). */
    wordBigrams?: boolean;
}

/** Function words skipped when forming word pairs, so "chef de cuisine" and "chef cuisine" share one. */
const PAIR_STOP_WORDS = new Set(['de', 'des', 'du', 'd', 'la', 'le', 'les', 'l', 'et', 'ou', 'en', 'a', 'au', 'aux', 'un', 'une', 'pour',
    'par', 'sur', 'dans', 'avec', 'of', 'the', 'and', 'or', 'in', 'for', 'to', 'on', 'at', 'an', 'with', 'by']);

export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { buckets: 1 << 17, minGram: 3, maxGram: 5 };

/** FNV-1a 32 bits: tiny, fast, identical everywhere the features are computed (core's term hash). */
export const fnv1a = termHash;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const WORD_STATE = fnvContinue(FNV_OFFSET, 'w ');
const GRAM_STATE = fnvContinue(FNV_OFFSET, 'c ');
const PAIR_STATE = fnvContinue(FNV_OFFSET, 'p ');

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
    if (config.wordBigrams) {
        const content = words.filter(w => !PAIR_STOP_WORDS.has(w));
        for (let i = 0; i + 1 < content.length; i++) { add(fnvContinue(PAIR_STATE, content[i] + ' ' + content[i + 1]), 1); }
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
