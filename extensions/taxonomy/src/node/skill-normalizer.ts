import { inject, injectable } from '@theia/core/shared/inversify';
import { NormalizeOptions, SkillMatch } from '../common/taxonomy-protocol';
import { checkedOptions, checkedText } from './normalize-input';
import { TaxonomyStore } from './taxonomy-store';
import { round } from './title-normalizer';

/** Skill mention -> ESCO skills, by the encoder's cosine with every FR and EN label of every skill. */
@injectable()
export class SkillNormalizer {
    @inject(TaxonomyStore) protected readonly store: TaxonomyStore;

    normalize(text: string, options?: NormalizeOptions): SkillMatch[] {
        const mention = checkedText(text, 'skill');
        const { lang, top } = checkedOptions(mention, options);
        // nothing but punctuation or stop marks: no evidence, no match
        const query = this.store.encoder.embedIfAny(mention, lang);
        if (!query) { return []; }
        return this.store.skillLabels.search(query, top).map(hit => ({
            uri: this.store.skillUri(hit.concept),
            label: this.store.skillLabel(hit.concept, lang),
            score: round(Math.max(0, hit.score))
        }));
    }
}
