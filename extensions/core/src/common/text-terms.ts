import { newStemmer } from 'snowball-stemmers';
import { foldText } from './text-folding';

/**
 * Words as a search engine compares them: folded, stop words out, each word reduced to its Snowball stem
 * in French AND in English (a French CV often says "picking" or "reporting", an English offer "CACES"):
 * "magasiniers" and "magasinier", "contrôlé" and "contrôle", "operators" and "operator" meet. The
 * Snowball algorithms (snowball-stemmers) are the reference stemmers of both languages; hand-written
 * suffix rules would disagree with them on the cases that matter ("réception" -> "recept").
 */
const french = newStemmer('french');
const english = newStemmer('english');

const STOP_WORDS = new Set(('a au aux avec ce ces dans de des du en et l la le les leur un une d s sur par pour ou ne pas plus que qui se son sa ses '
    + 'est sont etre avoir ayant the an and or of in on to for with as at by from is are be been have has this that your our you we it its '
    + 'h f hf m y compris notamment tres bon bonne bonnes bons votre vos nos nous vous tout toute tous toutes etc ideal idealement '
    + 'souhaite souhaitee requis requise exige exigee obligatoire required mandatory must preferred apprecie appreciee').split(' '));

/** Folded words of a text, in order ("Réception/contrôle" -> ["reception", "controle"]), with digits kept. */
export function wordsOf(text: string): string[] {
    return foldText(text).split(/[^a-z0-9+#]+/).filter(w => w.length > 0);
}

/** Whether a folded word carries meaning for matching (not a stop word, not a lone letter). */
export function isContentWord(word: string): boolean {
    return (word.length > 1 || /\d/.test(word)) && !STOP_WORDS.has(word);
}

const stemCache = new Map<string, readonly string[]>();

/** The French and English stems of one folded word (one entry when both agree). */
export function stemsOf(word: string): readonly string[] {
    let stems = stemCache.get(word);
    if (!stems) {
        // Short words and codes ("r489", "b1v", "sst") are their own stem: stemming "caces" or "pl" only loses them.
        if (word.length <= 4 || /\d/.test(word)) {
            stems = [word];
        } else {
            const fr = foldText(french.stem(word)), en = english.stem(word);
            const set = new Set([fr, en]);
            // The worker and the work share a root: "soudeur", "soudure", "soudage"; "câbleur", "câblage".
            const root = /^(.{4,}?)(eurs?|euses?|ures?|ages?)$/.exec(word);
            if (root) { set.add(root[1]); }
            stems = [...set];
        }
        if (stemCache.size < 200_000) { stemCache.set(word, stems); }
    }
    return stems;
}

/** 32-bit FNV-1a of a term: the candidate index keeps hashes, not strings (a few bytes per term). */
export function termHash(term: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < term.length; i++) {
        h ^= term.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
}

/** Sorted, distinct hashes of every stem of every content word of the texts. */
export function termSetOf(texts: readonly string[]): Uint32Array {
    const hashes = new Set<number>();
    for (const text of texts) {
        for (const word of wordsOf(text)) {
            if (!isContentWord(word)) { continue; }
            for (const stem of stemsOf(word)) { hashes.add(termHash(stem)); }
        }
    }
    return Uint32Array.from(hashes).sort();
}

/** Whether a sorted term set holds a hash (binary search). */
export function hasTerm(set: Uint32Array, hash: number): boolean {
    let lo = 0, hi = set.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const v = set[mid];
        if (v === hash) { return true; }
        if (v < hash) { lo = mid + 1; } else { hi = mid - 1; }
    }
    return false;
}
