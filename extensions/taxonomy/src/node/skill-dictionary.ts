import { TaxonomyLanguage } from '../common/taxonomy-protocol';
import { CompactTaxonomy } from './taxonomy-data';
import { TextCanonicalizer } from './text-canonicalizer';

/** Words an ESCO label match neither starts nor ends with ("avec", "and" are no skills even if some acronym reads so). */
const EDGE_WORDS = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'to', 'in', 'with', 'for', 'on', 'at', 'as', 'by', 'is', 'are',
    'et', 'ou', 'de', 'des', 'du', 'le', 'la', 'les', 'un', 'une', 'en', 'pour', 'avec', 'au', 'aux', 'sur', 'par', 'dans']);

/** Canonical ESCO skill labels of one language, for exact n-gram matching in free text. */
export class SkillDictionary {
    protected readonly labels = new Map<string, number>();
    /** Keys that only come from acronyms (all capitals): they match upper-case text only. */
    protected readonly acronyms = new Set<string>();
    readonly maxWords = 6;

    constructor(taxonomy: CompactTaxonomy, readonly canonicalizer: TextCanonicalizer, readonly lang: TaxonomyLanguage) {
        const add = (text: string, skill: number) => {
            const key = canonicalizer.canonical(text, lang);
            if (!key) { return; }
            const acronym = /^[A-Z0-9]{2,}$/.test(text.trim());
            if (!this.labels.has(key)) {
                this.labels.set(key, skill);
                if (acronym) { this.acronyms.add(key); }
            } else if (!acronym) {
                this.acronyms.delete(key);
            }
        };
        // preferred labels first: they win a key shared with another skill's alternative label
        taxonomy.skills.forEach((s, i) => add(lang === 'fr' ? s.fr : s.en, i));
        taxonomy.skills.forEach((s, i) => (lang === 'fr' ? s.fa : s.ea).forEach(t => add(t, i)));
    }

    lookup(text: string): number | undefined {
        const key = this.canonicalizer.canonical(text, this.lang);
        if (this.acronyms.has(key) && text !== text.toUpperCase()) { return undefined; }
        return this.labels.get(key);
    }

    /** Per token: 1 first token, 2 inside, 0 outside of longest-first ESCO label matches. */
    flags(tokens: string[]): Uint8Array {
        const flags = new Uint8Array(tokens.length);
        const edge = (t: string) => !/[\p{L}\p{N}]/u.test(t) || EDGE_WORDS.has(t.toLowerCase());
        for (let n = this.maxWords; n >= 1; n--) {
            for (let i = 0; i + n <= tokens.length; i++) {
                if (edge(tokens[i]) || edge(tokens[i + n - 1])) { continue; }
                let free = true;
                for (let k = i; k < i + n; k++) {
                    // a match never spans a sentence or clause break
                    if (flags[k] || (k > i && /^[.;:,!?()[\]•|]$/.test(tokens[k]))) { free = false; break; }
                }
                if (!free) { continue; }
                const surface = tokens.slice(i, i + n).join(' ');
                if (n === 1 && surface.length < 3 && !/^[A-Z0-9]{2}$/.test(surface)) { continue; }
                if (this.lookup(surface) !== undefined) {
                    flags[i] = 1;
                    for (let k = i + 1; k < i + n; k++) { flags[k] = 2; }
                }
            }
        }
        return flags;
    }
}
