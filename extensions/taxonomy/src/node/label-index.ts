import { TaxonomyLanguage } from '../common/taxonomy-protocol';
import { BilingualEncoder, dot } from './bilingual-encoder';
import { hashedFeatures } from './hashed-features';

export interface IndexedLabel {
    /** Index of the concept (occupation, skill, ROME sheet) the label belongs to. */
    concept: number;
    text: string;
    lang: TaxonomyLanguage;
}

export interface ConceptHit {
    concept: number;
    score: number;
    /** The label that scored best for this concept. */
    label: IndexedLabel;
}

/** Embeddings of every label of a set of concepts, searched by cosine with the best label per concept. */
export class LabelIndex {
    protected readonly vectors: Float32Array;
    protected readonly exact = new Map<string, number[]>();

    constructor(readonly labels: IndexedLabel[], protected readonly encoder: BilingualEncoder) {
        const dim = encoder.dim;
        this.vectors = new Float32Array(labels.length * dim);
        labels.forEach((l, i) => {
            const words = encoder.canonicalizer.words(l.text, l.lang);
            this.vectors.set(encoder.embedFeatures(hashedFeatures(words, encoder.weights.features)), i * dim);
            const key = words.join(' ');
            const list = this.exact.get(key);
            if (list) { list.push(i); } else { this.exact.set(key, [i]); }
        });
    }

    /** Label indices whose canonical form equals the text's. */
    exactMatches(text: string, lang?: TaxonomyLanguage): number[] {
        return this.exact.get(this.encoder.canonicalizer.canonical(text, lang)) ?? [];
    }

    labelScores(query: Float32Array): Float32Array {
        const dim = this.encoder.dim;
        const scores = new Float32Array(this.labels.length);
        for (let i = 0; i < this.labels.length; i++) { scores[i] = dot(query, this.vectors, i * dim); }
        return scores;
    }

    /**
     * Concepts ranked by their best label's cosine with the query, plus `bonus(concept)` when given (evidence
     * about the concept itself rather than its wording).
     */
    search(query: Float32Array, top: number, filter?: (label: IndexedLabel) => boolean, bonus?: (concept: number) => number): ConceptHit[] {
        const scores = this.labelScores(query);
        const best = new Map<number, ConceptHit>();
        for (let i = 0; i < this.labels.length; i++) {
            const label = this.labels[i];
            if (filter && !filter(label)) { continue; }
            const hit = best.get(label.concept);
            if (!hit || scores[i] > hit.score) { best.set(label.concept, { concept: label.concept, score: scores[i], label }); }
        }
        const hits = [...best.values()];
        if (bonus) { for (const hit of hits) { hit.score += bonus(hit.concept); } }
        return hits.sort((a, b) => b.score - a.score).slice(0, top);
    }

    vectorOf(labelIndex: number): Float32Array {
        const dim = this.encoder.dim;
        return this.vectors.subarray(labelIndex * dim, (labelIndex + 1) * dim);
    }
}
