import { CompactTaxonomy } from './taxonomy-data';
import { TextCanonicalizer } from './text-canonicalizer';
import { TaxonomyLanguage } from '../common/taxonomy-protocol';

/** Canonical ESCO skill labels of one language, for exact n-gram matching in free text. */
export class SkillDictionary {
    protected readonly labels = new Map<string, number>();
    readonly maxWords = 6;

    constructor(taxonomy: CompactTaxonomy, readonly canonicalizer: TextCanonicalizer, readonly lang: TaxonomyLanguage) {
        taxonomy.skills.forEach((s, i) => {
            const texts = lang === 'fr' ? [s.fr, ...s.fa] : [s.en, ...s.ea];
            for (const t of texts) {
                const key = canonicalizer.canonical(t, lang);
                if (key && !this.labels.has(key)) { this.labels.set(key, i); }
            }
        });
    }

    lookup(text: string): number | undefined {
        return this.labels.get(this.canonicalizer.canonical(text, this.lang));
    }

    /** Per token: 1 first token, 2 inside, 0 outside of longest-first ESCO label matches. */
    flags(tokens: string[]): Uint8Array {
        const flags = new Uint8Array(tokens.length);
        for (let n = this.maxWords; n >= 1; n--) {
            for (let i = 0; i + n <= tokens.length; i++) {
                let free = true;
                for (let k = i; k < i + n; k++) { if (flags[k]) { free = false; break; } }
                if (!free) { continue; }
                const surface = tokens.slice(i, i + n).join(' ');
                if (n === 1 && surface.length < 3) { continue; }
                if (this.lookup(surface) !== undefined) {
                    flags[i] = 1;
                    for (let k = i + 1; k < i + n; k++) { flags[k] = 2; }
                }
            }
        }
        return flags;
    }
}
