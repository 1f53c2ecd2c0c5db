import * as fs from 'fs';
import { inject, injectable, optional } from '@theia/core/shared/inversify';
import { TaxonomyLanguage } from '../common/taxonomy-protocol';
import { BilingualEncoder } from './bilingual-encoder';
import { readEncoderOnnx } from './bilingual-encoder-model';
import { LabelIndex, IndexedLabel } from './label-index';
import {
    CompactTaxonomy, ESCO_OCCUPATION_PREFIX, ESCO_SKILL_PREFIX, defaultEncoderModelFile, defaultSkillTaggerFile, defaultTaxonomyDataFile, readCompactTaxonomy
} from './taxonomy-data';
import { TextCanonicalizer } from './text-canonicalizer';
import { SkillDictionary } from './skill-dictionary';
import { SkillTagger } from './skill-tagger';
import { WordClusters } from './word-clusters';

/** Where the store reads its files; defaults to the package's own data folder. */
export const TaxonomyStoreFiles = Symbol('TaxonomyStoreFiles');
export interface TaxonomyStoreFiles {
    taxonomy: string;
    encoder: string;
    skillTagger: string;
}

/**
 * The taxonomy data, the encoder and the label indexes, each loaded on first use (the backend starts
 * without paying for them) and kept for the life of the process.
 */
@injectable()
export class TaxonomyStore {
    protected data?: CompactTaxonomy;
    protected canon?: TextCanonicalizer;
    protected enc?: BilingualEncoder;
    protected indexes = new Map<string, LabelIndex>();
    protected occupationByUri?: Map<string, number>;
    protected dictionaries = new Map<TaxonomyLanguage, SkillDictionary>();
    protected tagger?: SkillTagger | null;
    protected sheetProfiles?: Float32Array;
    protected occupationProfiles?: Float32Array;

    protected readonly files: TaxonomyStoreFiles;

    constructor(@inject(TaxonomyStoreFiles) @optional() files?: TaxonomyStoreFiles) {
        this.files = files ?? { taxonomy: defaultTaxonomyDataFile(), encoder: defaultEncoderModelFile(), skillTagger: defaultSkillTaggerFile() };
    }

    get taxonomy(): CompactTaxonomy {
        if (!this.data) { this.data = readCompactTaxonomy(this.files.taxonomy); }
        return this.data;
    }

    get canonicalizer(): TextCanonicalizer {
        if (!this.canon) { this.canon = new TextCanonicalizer(this.taxonomy.gender); }
        return this.canon;
    }

    get encoder(): BilingualEncoder {
        if (!this.enc) { this.enc = new BilingualEncoder(readEncoderOnnx(this.files.encoder), this.canonicalizer, this.files.encoder); }
        return this.enc;
    }

    occupationUri(index: number): string {
        return ESCO_OCCUPATION_PREFIX + this.taxonomy.occupations[index].u;
    }

    skillUri(index: number): string {
        return ESCO_SKILL_PREFIX + this.taxonomy.skills[index].u;
    }

    occupationIndex(uri: string): number | undefined {
        if (!this.occupationByUri) {
            this.occupationByUri = new Map(this.taxonomy.occupations.map((o, i) => [ESCO_OCCUPATION_PREFIX + o.u, i]));
        }
        return this.occupationByUri.get(uri);
    }

    occupationLabel(index: number, lang: TaxonomyLanguage): string {
        const o = this.taxonomy.occupations[index];
        return (lang === 'fr' && o.fr) || o.en;
    }

    skillLabel(index: number, lang: TaxonomyLanguage): string {
        const s = this.taxonomy.skills[index];
        return (lang === 'fr' && s.fr) || s.en;
    }

    /** Every FR and EN label of every ESCO occupation. */
    get occupationLabels(): LabelIndex {
        return this.index('occupations', () => this.taxonomy.occupations.flatMap((o, concept) => labelsOf(concept, [o.fr, ...o.fa], [o.en, ...o.ea])));
    }

    /** Every FR and EN label of every ESCO skill. */
    get skillLabels(): LabelIndex {
        return this.index('skills', () => this.taxonomy.skills.flatMap((s, concept) => labelsOf(concept, [s.fr, ...s.fa], [s.en, ...s.ea])));
    }

    /** ROME job titles (appellations); concept = ROME sheet index. */
    get romeTitles(): LabelIndex {
        return this.index('rome', () => this.taxonomy.rome.flatMap((r, concept) => labelsOf(concept, r.t, [])));
    }

    skillDictionary(lang: TaxonomyLanguage): SkillDictionary {
        let d = this.dictionaries.get(lang);
        if (!d) {
            d = new SkillDictionary(this.taxonomy, this.canonicalizer, lang);
            this.dictionaries.set(lang, d);
        }
        return d;
    }

    /** The English skill-span tagger, or undefined when its file is not shipped. */
    get skillTagger(): SkillTagger | undefined {
        if (this.tagger === undefined) {
            this.tagger = fs.existsSync(this.files.skillTagger) ? SkillTagger.load(this.files.skillTagger, new WordClusters(this.encoder)) : null;
        }
        return this.tagger ?? undefined;
    }

    /**
     * What each ROME job sheet asks for: the mean embedding of its skills and knowledge items, L2-normalised,
     * one row of `encoder.dim` per sheet.
     */
    get romeSheetSkillProfiles(): Float32Array {
        if (!this.sheetProfiles) {
            const items = this.taxonomy.romeItems.map(text => this.encoder.embed(text, 'fr'));
            this.sheetProfiles = profiles(this.taxonomy.rome.map(r => r.k.map(k => items[k])), this.encoder.dim);
        }
        return this.sheetProfiles;
    }

    /** The same for each ESCO occupation, from its essential skills (zero row when it lists none). */
    get occupationSkillProfiles(): Float32Array {
        if (!this.occupationProfiles) {
            const skills = new Map<number, Float32Array>();
            const skill = (i: number) => {
                let v = skills.get(i);
                if (!v) {
                    const s = this.taxonomy.skills[i];
                    v = this.encoder.embed(s.fr || s.en, s.fr ? 'fr' : 'en');
                    skills.set(i, v);
                }
                return v;
            };
            this.occupationProfiles = profiles(this.taxonomy.occupations.map(o => o.e.map(skill)), this.encoder.dim);
        }
        return this.occupationProfiles;
    }

    /**
     * Builds the label indexes ahead of the first request (a few seconds of CPU), yielding to the event loop
     * between them; a backend may call it once it has started.
     */
    async warmUp(): Promise<void> {
        const tick = () => new Promise<void>(resolve => setImmediate(resolve));
        await tick();
        this.occupationLabels;
        await tick();
        this.romeTitles;
        await tick();
        this.romeSheetSkillProfiles;
        await tick();
        this.occupationSkillProfiles;
        await tick();
        this.skillLabels;
    }

    protected index(name: string, labels: () => IndexedLabel[]): LabelIndex {
        let idx = this.indexes.get(name);
        if (!idx) {
            idx = new LabelIndex(labels(), this.encoder);
            this.indexes.set(name, idx);
        }
        return idx;
    }

    async dispose(): Promise<void> {
        await this.enc?.dispose();
    }
}

function labelsOf(concept: number, fr: string[], en: string[]): IndexedLabel[] {
    return [
        ...fr.filter(Boolean).map(text => ({ concept, text, lang: 'fr' as const })),
        ...en.filter(Boolean).map(text => ({ concept, text, lang: 'en' as const }))
    ];
}

/** Row i = the normalised mean of vectors[i] (a zero row for an empty list). */
function profiles(vectors: Float32Array[][], dim: number): Float32Array {
    const out = new Float32Array(vectors.length * dim);
    vectors.forEach((vs, i) => {
        const row = out.subarray(i * dim, (i + 1) * dim);
        for (const v of vs) { for (let j = 0; j < dim; j++) { row[j] += v[j]; } }
        let n = 0;
        for (let j = 0; j < dim; j++) { n += row[j] * row[j]; }
        if (n > 0) { n = Math.sqrt(n); for (let j = 0; j < dim; j++) { row[j] /= n; } }
    });
    return out;
}
