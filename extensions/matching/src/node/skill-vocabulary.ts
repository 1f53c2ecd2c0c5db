import { foldText } from '@matchpro/core/lib/common/text-folding';
/**
 * Every distinct skill seen in candidates and offers, each encoded ONCE by the bilingual encoder. A skill is
 * keyed by its ESCO URI when it has one (so "cariste" FR and "forklift" EN with the same URI are one
 * entry), else by its normalised name. Offers compare their required skills against this vocabulary (a
 * few thousand entries) instead of against every candidate's skills.
 */
export function skillKey(skill: { name: string; escoUri?: string }): string {
    return skill.escoUri ? skill.escoUri : 'name:' + normalizeText(skill.name);
}

export function normalizeText(text: string): string {
    return foldText(text).replace(/[^a-z0-9+#]+/g, ' ').trim();
}

export type Encode = (texts: string[]) => Promise<number[][]>;

export class SkillVocabulary {
    readonly dim: number;
    protected readonly ids = new Map<string, number>();
    readonly labels: string[] = [];
    protected vectors: Float32Array;

    constructor(dim: number) {
        this.dim = dim;
        this.vectors = new Float32Array(dim * 1024);
    }

    get size(): number {
        return this.labels.length;
    }

    vector(id: number): Float32Array {
        return this.vectors.subarray(id * this.dim, (id + 1) * this.dim);
    }

    get(key: string): number | undefined {
        return this.ids.get(key);
    }

    /** Ids for these skills, encoding the ones never seen before in one batch. */
    async ensure(skills: { name: string; escoUri?: string }[], encode: Encode): Promise<number[]> {
        const fresh = new Map<string, string>();
        for (const s of skills) {
            const key = skillKey(s);
            if (!this.ids.has(key) && !fresh.has(key)) { fresh.set(key, s.name); }
        }
        if (fresh.size > 0) {
            const entries = [...fresh];
            const vectors = await encode(entries.map(([, name]) => name));
            while ((this.labels.length + entries.length) * this.dim > this.vectors.length) {
                const grown = new Float32Array(this.vectors.length * 2);
                grown.set(this.vectors);
                this.vectors = grown;
            }
            entries.forEach(([key, name], i) => {
                const id = this.labels.length;
                this.ids.set(key, id);
                this.labels.push(name);
                this.vectors.set(vectors[i], id * this.dim);
            });
        }
        return skills.map(s => this.ids.get(skillKey(s))!);
    }
}
