import { inject, injectable } from '@theia/core/shared/inversify';
import { ExtractedSkill, TaxonomyLanguage } from '../common/taxonomy-protocol';
import { checkedText } from './normalize-input';
import { tagSpans } from './skill-tagger';
import { TaxonomyStore } from './taxonomy-store';
import { foldText, guessLanguage } from './text-canonicalizer';
import { round } from './title-normalizer';

export interface TextToken { start: number; end: number; text: string; folded: string }

/** Cue words after which a skill phrase usually follows ("experience in X", "maîtrise de X"). */
const CUES: Record<TaxonomyLanguage, RegExp> = {
    en: /^(ability|abilities|skills?|experience|knowledge|proficiency|proficient|expertise|familiarity|familiar|understanding)$/,
    fr: /^(capacite|capable|aptitude|maitrise|maitriser|connaissance|connaissances|competence|competences|experience|savoir|sachant|apte|aisance|expertise|pratique|capacites)$/
};
const LINKS: Record<TaxonomyLanguage, Set<string>> = {
    en: new Set(['to', 'in', 'of', 'with', 'for', 'on', 'at', 'the', 'a', 'an']),
    fr: new Set(['a', 'de', 'des', 'du', 'en', 'd', 'l', 'le', 'la', 'les', 'pour', 'avec', 'un', 'une'])
};
/** Words a skill phrase neither starts nor ends with. */
const EDGE_STOP = new Set(['and', 'or', 'the', 'a', 'an', 'of', 'to', 'in', 'with', 'for', 'on', 'at', 'as', 'by', 'is', 'are', 'be',
    'et', 'ou', 'de', 'des', 'du', 'le', 'la', 'les', 'un', 'une', 'en', 'pour', 'avec', 'd', 'l', 'au', 'aux', 'sur', 'par',
    'our', 'your', 'their', 'we', 'you', 'will', 'must', 'should', 'can', 'nous', 'vous', 'votre', 'vos', 'notre', 'nos', 'all', 'other']);
const PHRASE_END = /^(and|or|as|to|that|which|who|while|where|when|within|across|from|et|ou|afin|qui|que|dont|pour|dans)$/;
const BOUNDARY = /^[.;:,!?()[\]\n•·|]$/;

/** Links a phrase to ESCO when the encoder puts it at least this close to a skill label. */
export const SKILL_LINK_THRESHOLD = 0.75;
/** A French cue phrase is kept as a skill (even unlinked) above this similarity. */
export const CUE_PHRASE_THRESHOLD = 0.5;
const MAX_PHRASE_WORDS = 8;

/**
 * Finds skill spans in free text (CV sections, offers), FR and EN: exact matches of ESCO skill labels
 * (canonical form, longest first); in English, the spans of the skill tagger trained on SkillSpan; in
 * French, the phrases after cue words ("maîtrise de ..."). Every span is linked to ESCO by the encoder
 * when close enough.
 */
@injectable()
export class SkillExtractor {
    @inject(TaxonomyStore) protected readonly store: TaxonomyStore;

    extract(text: string, options?: { lang?: TaxonomyLanguage }): ExtractedSkill[] {
        const input = checkedText(text, 'text');
        const lang = options?.lang ?? guessLanguage(input);
        const tokens = tokenize(input);
        const words = tokens.map(t => t.text);
        const flags = this.store.skillDictionary(lang).flags(words);
        const found: ExtractedSkill[] = [];
        const taken = new Uint8Array(tokens.length);
        const add = (i: number, j: number, linkedExactly: boolean) => {
            const surface = input.slice(tokens[i].start, tokens[j].end);
            const skill = this.link(surface, lang, linkedExactly);
            if (!skill) { return; }
            found.push({ start: tokens[i].start, end: tokens[j].end, text: surface, ...skill });
            taken.fill(1, i, j + 1);
        };

        const tagger = lang === 'en' ? this.store.skillTagger : undefined;
        if (tagger) {
            const tags = tagger.tag(tokens.map((t, i) => ({ text: t.text, esco: flags[i] })));
            for (const [s, e] of tagSpans(tags)) {
                let a = s;
                let b = e - 1;
                while (a <= b && (BOUNDARY.test(tokens[a].text) || EDGE_STOP.has(tokens[a].folded))) { a++; }
                while (b >= a && (BOUNDARY.test(tokens[b].text) || EDGE_STOP.has(tokens[b].folded))) { b--; }
                if (a <= b) { add(a, b, false); }
            }
        }
        // ESCO labels found verbatim, where no tagged span already covers them. With the tagger (English),
        // only labels that are a whole list item ("Skills: Excel, forklift driving"): inside running text
        // the tagger has already seen them as a feature, and adding them anyway cost precision on SkillSpan dev
        // (span F1 0.31 against 0.35).
        for (let i = 0; i < tokens.length; i++) {
            if (flags[i] !== 1) { continue; }
            let j = i;
            while (j + 1 < tokens.length && flags[j + 1] === 2) { j++; }
            let free = true;
            for (let k = i; k <= j; k++) { if (taken[k]) { free = false; break; } }
            if (free && (!tagger || isWholeItem(input, tokens, i, j))) { add(i, j, true); }
            i = j;
        }
        if (!tagger) {
            this.cuePhrases(tokens, taken, lang, add);
            this.listItems(tokens, taken, lang, add);
        }
        return found.sort((a, b) => a.start - b.start);
    }

    protected cuePhrases(tokens: TextToken[], taken: Uint8Array, lang: TaxonomyLanguage, add: (i: number, j: number, exact: boolean) => void): void {
        for (let i = 0; i < tokens.length; i++) {
            if (!CUES[lang].test(tokens[i].folded)) { continue; }
            let s = i + 1;
            while (s < tokens.length && LINKS[lang].has(tokens[s].folded)) { s++; }
            if (s >= tokens.length || taken[s] || BOUNDARY.test(tokens[s].text) || CUES[lang].test(tokens[s].folded)) { continue; }
            let e = s;
            while (e + 1 < tokens.length && e - s + 1 < MAX_PHRASE_WORDS && !taken[e + 1] && !BOUNDARY.test(tokens[e + 1].text)
                && !PHRASE_END.test(tokens[e + 1].folded)) { e++; }
            while (e > s && EDGE_STOP.has(tokens[e].folded)) { e--; }
            if (!EDGE_STOP.has(tokens[s].folded)) { add(s, e, false); }
        }
    }

    /** Short items of comma/bullet lists ("gestion des stocks, travail en équipe"), kept when linked to ESCO. */
    protected listItems(tokens: TextToken[], taken: Uint8Array, lang: TaxonomyLanguage, add: (i: number, j: number, exact: boolean) => void): void {
        let start = 0;
        for (let k = 0; k <= tokens.length; k++) {
            if (k < tokens.length && !BOUNDARY.test(tokens[k].text)) { continue; }
            let a = start;
            let b = k - 1;
            start = k + 1;
            while (a <= b && EDGE_STOP.has(tokens[a].folded)) { a++; }
            while (b >= a && EDGE_STOP.has(tokens[b].folded)) { b--; }
            // "Compétences :" is a heading, not a skill
            if (a > b || b - a + 1 > 6 || tokens[k]?.text === ':') { continue; }
            let free = true;
            for (let x = a; x <= b; x++) { if (taken[x]) { free = false; break; } }
            if (!free) { continue; }
            const surface = tokens.slice(a, b + 1).map(t => t.text).join(' ');
            const [best] = this.store.skillLabels.search(this.store.encoder.embed(surface, lang), 1);
            if (best && best.score >= SKILL_LINK_THRESHOLD) { add(a, b, false); }
        }
    }

    /** ESCO link of a span: exact label, else the encoder's nearest label when close enough. */
    protected link(surface: string, lang: TaxonomyLanguage, exact: boolean): Omit<ExtractedSkill, 'start' | 'end' | 'text'> | undefined {
        {
            // an exact label wins (preferred labels first), even for a tagged span
            const concept = this.store.skillDictionary(lang).lookup(surface);
            if (concept !== undefined) {
                return { uri: this.store.skillUri(concept), label: this.store.skillLabel(concept, lang), score: 1 };
            }
        }
        const [best] = this.store.skillLabels.search(this.store.encoder.embed(surface, lang), 1);
        const score = best ? Math.max(0, best.score) : 0;
        if (best && score >= SKILL_LINK_THRESHOLD) {
            return { uri: this.store.skillUri(best.concept), label: this.store.skillLabel(best.concept, lang), score: round(score) };
        }
        // tagged spans are kept unlinked; French cue phrases only when they look like a skill at all
        return exact || lang === 'en' || score >= CUE_PHRASE_THRESHOLD ? { score: round(score) } : undefined;
    }
}

/**
 * Whether tokens i..j, give or take edge stop words, are all that stands between two list boundaries
 * (punctuation, bullets or line breaks).
 */
function isWholeItem(input: string, tokens: TextToken[], i: number, j: number): boolean {
    const breakBetween = (k: number) => input.slice(tokens[k].end, tokens[k + 1].start).includes('\n');
    let a = i - 1;
    while (a >= 0 && EDGE_STOP.has(tokens[a].folded) && !breakBetween(a)) { a--; }
    let b = j + 1;
    while (b < tokens.length && EDGE_STOP.has(tokens[b].folded) && !breakBetween(b - 1)) { b++; }
    const openBefore = a < 0 || BOUNDARY.test(tokens[a].text) || breakBetween(a);
    const closedAfter = b >= tokens.length || BOUNDARY.test(tokens[b].text) || breakBetween(b - 1);
    return openBefore && closedAfter;
}

/** Words (with inner - . ' / + #, e.g. "C++", "front-end", "Node.js") and punctuation, with offsets. */
export function tokenize(text: string): TextToken[] {
    const tokens: TextToken[] = [];
    const re = /[\p{L}\p{N}]+(?:[.'’\-/][\p{L}\p{N}]+)*[+#]*|[^\s\p{L}\p{N}]/gu;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
        tokens.push({ start: m.index, end: m.index + m[0].length, text: m[0], folded: foldText(m[0]) });
    }
    return tokens;
}
