import { inject, injectable } from '@theia/core/shared/inversify';
import { NormalizeOptions, OccupationMatch } from '../common/taxonomy-protocol';
import { checkedOptions, checkedText } from './normalize-input';
import { TaxonomyStore } from './taxonomy-store';

/** A French title this close to a ROME job title takes that title's ROME code. */
export const ROME_MATCH_THRESHOLD = 0.8;
/**
 * Weight of the job-sheet skill fit in a French title's occupation scores. Chosen on held-out ESCO
 * alternative labels (MRR 0.944 -> 0.957 at 0.05-0.15, flat in between); never on MELO.
 */
export const SKILL_FIT_WEIGHT = 0.1;

/**
 * Job title -> ESCO occupations (best label per occupation, FR and EN labels alike, so a French title
 * finds an English-only synonym and the reverse), plus the ROME code of the closest ROME job title when
 * the title is French, whose job sheet's skills also weigh in (see `skillFit`). ROME and ESCO are linked only
 * through the encoder's similarities, never a crosswalk.
 */
@injectable()
export class TitleNormalizer {
    @inject(TaxonomyStore) protected readonly store: TaxonomyStore;

    normalize(text: string, options?: NormalizeOptions): OccupationMatch[] {
        const title = checkedText(text, 'job title');
        const { lang, top } = checkedOptions(title, options);
        const encoder = this.store.encoder;
        // nothing but punctuation or stop marks: no evidence, no match
        const query = encoder.embedIfAny(title, lang);
        if (!query) { return []; }
        const sheet = lang === 'fr' ? this.closestRomeSheet(query) : undefined;
        const rome = this.romeCodeOf(sheet);
        return this.store.occupationLabels.search(query, top, undefined, sheet && this.skillFit(sheet)).map(hit => {
            const match: OccupationMatch = {
                uri: this.store.occupationUri(hit.concept),
                label: this.store.occupationLabel(hit.concept, lang),
                score: round(Math.min(1, Math.max(0, hit.score)))
            };
            if (rome) { match.rome = rome; }
            return match;
        });
    }

    /** The ROME job sheet whose titles are closest to the (French) title, with that closeness. */
    closestRomeSheet(query: Float32Array): { concept: number; score: number } | undefined {
        const [best] = this.store.romeTitles.search(query, 1);
        return best && { concept: best.concept, score: best.score };
    }

    /** ROME code of the closest ROME job title, when close enough. */
    romeCode(query: Float32Array): string | undefined {
        return this.romeCodeOf(this.closestRomeSheet(query));
    }

    protected romeCodeOf(sheet: { concept: number; score: number } | undefined): string | undefined {
        return sheet && sheet.score >= ROME_MATCH_THRESHOLD ? this.store.taxonomy.rome[sheet.concept].c : undefined;
    }

    /**
     * Context from the French job sheet the title belongs to: an ESCO occupation whose essential skills
     * resemble that sheet's skills gains up to SKILL_FIT_WEIGHT x closeness. Titles that read alike but
     * belong to other trades fall behind. ROME and ESCO meet only through the encoder, never a crosswalk.
     */
    skillFit(sheet: { concept: number; score: number }): (occupation: number) => number {
        const dim = this.store.encoder.dim;
        const sheets = this.store.romeSheetSkillProfiles;
        const occupations = this.store.occupationSkillProfiles;
        const weight = SKILL_FIT_WEIGHT * Math.max(0, sheet.score);
        const base = sheet.concept * dim;
        return occupation => {
            let s = 0;
            for (let j = 0; j < dim; j++) { s += sheets[base + j] * occupations[occupation * dim + j]; }
            return weight * s;
        };
    }
}

export function round(x: number): number {
    return Math.round(x * 10000) / 10000;
}
