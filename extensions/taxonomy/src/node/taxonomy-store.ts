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
            this.tagger = fs.existsSync(this.files.skillTagger) ? SkillTagger.load(this.files.skillTagger) : null;
        }
        return this.tagger ?? undefined;
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
