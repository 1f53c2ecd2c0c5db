import { inject, injectable } from '@theia/core/shared/inversify';
import { NormalizeOptions, OccupationMatch } from '../common/taxonomy-protocol';
import { checkedOptions, checkedText } from './normalize-input';
import { TaxonomyStore } from './taxonomy-store';

/** A French title this close to a ROME job title takes that title's ROME code. */
export const ROME_MATCH_THRESHOLD = 0.8;

/**
 * Job title -> ESCO occupations (best label per occupation, FR and EN labels alike, so a French title
 * finds an English-only synonym and the reverse), plus the ROME code of the closest ROME job title when
 * the title is French. ROME and ESCO are linked only through this similarity, never a crosswalk.
 */
@injectable()
export class TitleNormalizer {
    @inject(TaxonomyStore) protected readonly store: TaxonomyStore;

    normalize(text: string, options?: NormalizeOptions): OccupationMatch[] {
        const title = checkedText(text, 'job title');
        const { lang, top } = checkedOptions(title, options);
        const encoder = this.store.encoder;
        // nothing but punctuation or stop marks: no evidence, no match
        if (encoder.features(title, lang).ids.length === 0) { return []; }
        const query = encoder.embed(title, lang);
        const rome = lang === 'fr' ? this.romeCode(query) : undefined;
        return this.store.occupationLabels.search(query, top).map(hit => {
            const match: OccupationMatch = {
                uri: this.store.occupationUri(hit.concept),
                label: this.store.occupationLabel(hit.concept, lang),
                score: round(Math.max(0, hit.score))
            };
            if (rome) { match.rome = rome; }
            return match;
        });
    }

    /** ROME code of the closest ROME job title, when close enough. */
    romeCode(query: Float32Array): string | undefined {
        const [best] = this.store.romeTitles.search(query, 1);
        return best && best.score >= ROME_MATCH_THRESHOLD ? this.store.taxonomy.rome[best.concept].c : undefined;
    }
}

export function round(x: number): number {
    return Math.round(x * 10000) / 10000;
}
