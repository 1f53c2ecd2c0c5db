import { BilingualEncoder } from './bilingual-encoder';

/** Bits of a word's cluster code; the tagger uses prefixes of it, coarse to fine, like Brown clusters. */
export const WORD_CLUSTER_BITS = 16;
const CACHE_LIMIT = 50000;

/**
 * Word -> cluster code: the signs of the first dimensions of the word's encoder embedding. Words the
 * encoder puts close (spellings, inflections, related skills) share long prefixes, which lets the skill
 * tagger generalise to words it never saw in training.
 */
export class WordClusters {
    protected readonly cache = new Map<string, string>();

    constructor(protected readonly encoder: BilingualEncoder) { }

    code(word: string): string {
        const key = word.toLowerCase();
        let code = this.cache.get(key);
        if (code === undefined) {
            code = '';
            // words without letters or digits (punctuation) have no embedding worth a cluster
            const v = /[\p{L}\p{N}]/u.test(key) ? this.encoder.embedIfAny(key, 'en') : undefined;
            if (v) {
                for (let j = 0; j < WORD_CLUSTER_BITS && j < v.length; j++) { code += v[j] > 0 ? '1' : '0'; }
            }
            if (this.cache.size >= CACHE_LIMIT) { this.cache.clear(); }
            this.cache.set(key, code);
        }
        return code;
    }
}
