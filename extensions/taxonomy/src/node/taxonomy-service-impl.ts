import { inject, injectable } from '@theia/core/shared/inversify';
import {
    ExtractedSkill, NormalizeOptions, OccupationDetails, OccupationMatch, SkillMatch, TaxonomyLanguage, TaxonomyService
} from '../common/taxonomy-protocol';
import { MAX_TEXT_LENGTH, taxonomyInputError } from './normalize-input';
import { SkillExtractor } from './skill-extractor';
import { SkillNormalizer } from './skill-normalizer';
import { TaxonomyStore } from './taxonomy-store';
import { TitleNormalizer } from './title-normalizer';

/** Texts per `encode` call (the workbench sends a handful; a bulk caller batches). */
export const MAX_ENCODE_BATCH = 1000;

/** Backend TaxonomyService: all offline, data and model loaded on first use. */
@injectable()
export class TaxonomyServiceImpl implements TaxonomyService {
    @inject(TaxonomyStore) protected readonly store: TaxonomyStore;
    @inject(TitleNormalizer) protected readonly titles: TitleNormalizer;
    @inject(SkillNormalizer) protected readonly skills: SkillNormalizer;
    @inject(SkillExtractor) protected readonly extractor: SkillExtractor;

    async normalizeTitle(text: string, options?: NormalizeOptions): Promise<OccupationMatch[]> {
        return this.titles.normalize(text, options);
    }

    async normalizeSkill(text: string, options?: NormalizeOptions): Promise<SkillMatch[]> {
        return this.skills.normalize(text, options);
    }

    async extractSkills(text: string, options?: { lang?: TaxonomyLanguage }): Promise<ExtractedSkill[]> {
        return this.extractor.extract(text, options);
    }

    async getOccupation(uri: string): Promise<OccupationDetails | undefined> {
        const index = this.store.occupationIndex(uri);
        if (index === undefined) { return undefined; }
        const t = this.store.taxonomy;
        const o = t.occupations[index];
        const skill = (i: number) => ({ uri: this.store.skillUri(i), labelFr: t.skills[i].fr || t.skills[i].en, labelEn: t.skills[i].en });
        const romeCodes = o.fr ? this.romeCodesFor(o.fr) : [];
        return {
            uri, labelFr: o.fr || o.en, labelEn: o.en, romeCodes,
            essentialSkills: o.e.map(skill), optionalSkills: o.o.map(skill)
        };
    }

    async encode(texts: string[]): Promise<number[][]> {
        if (!Array.isArray(texts) || texts.some(t => typeof t !== 'string')) {
            throw taxonomyInputError('encode expects an array of strings');
        }
        // One call is one batch of the event loop's time: bounded, so other users' calls are not stalled.
        if (texts.length > MAX_ENCODE_BATCH || texts.some(t => t.length > MAX_TEXT_LENGTH)) {
            throw taxonomyInputError(`encode takes at most ${MAX_ENCODE_BATCH} texts of at most ${MAX_TEXT_LENGTH} characters per call`);
        }
        const vectors = await this.store.encoder.encode(texts);
        return vectors.map(v => Array.from(v));
    }

    /** ROME code of the job title closest to the occupation's French label (no crosswalk). */
    protected romeCodesFor(labelFr: string): string[] {
        const code = this.titles.romeCode(this.store.encoder.embed(labelFr, 'fr'));
        return code ? [code] : [];
    }
}
