import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
/** Contract of the taxonomy service: ESCO/ROME lookups, normalisers, skill extraction, encoder. */
export const TAXONOMY_SERVICE_PATH = '/services/matchpro/taxonomy';
export const TaxonomyService = Symbol('TaxonomyService');

export type TaxonomyLanguage = 'fr' | 'en';

export interface NormalizeOptions {
    /** Language of the input text; guessed when omitted. */
    lang?: TaxonomyLanguage;
    /** How many candidates to return (default 5). */
    top?: number;
}

/** An ESCO occupation linked to a job title (CLI: `normalize title`). */
export interface OccupationMatch {
    uri: string;
    label: string;
    score: number;
    /** ROME code (e.g. "N1101") when the title is French and a ROME job title matched. */
    rome?: string;
}

/** An ESCO skill linked to a skill mention (CLI: `normalize skill`). */
export interface SkillMatch {
    uri: string;
    label: string;
    score: number;
}

/** A skill found in free text, with its character span and the ESCO skill it links to. */
export interface ExtractedSkill {
    start: number;
    end: number;
    text: string;
    uri?: string;
    label?: string;
    score: number;
}

export interface OccupationDetails {
    uri: string;
    labelFr: string;
    labelEn: string;
    romeCodes: string[];
    essentialSkills: { uri: string; labelFr: string; labelEn: string }[];
    optionalSkills: { uri: string; labelFr: string; labelEn: string }[];
}

export interface TaxonomyService {
    normalizeTitle(text: string, options?: NormalizeOptions): Promise<OccupationMatch[]>;
    normalizeSkill(text: string, options?: NormalizeOptions): Promise<SkillMatch[]>;
    extractSkills(text: string, options?: { lang?: TaxonomyLanguage }): Promise<ExtractedSkill[]>;
    getOccupation(uri: string): Promise<OccupationDetails | undefined>;
    /** Unit-length embeddings from the bilingual encoder, one per text. */
    encode(texts: string[]): Promise<number[][]>;
}

export const TaxonomyServiceAccess: ServiceAccess<TaxonomyService> = {
    normalizeTitle: 'read', normalizeSkill: 'read', extractSkills: 'read', getOccupation: 'read', encode: 'read'
};
