import type { ParsedLanguage } from '@matchpro/core/lib/common/parsed-profile';
import { fold } from './text-utils';
import { LANGUAGE_NAMES, parseLanguageLevel } from '@matchpro/core/lib/common/domain/language-level';

export { parseLanguageLevel };

const NAME_RE = new RegExp(`\\b(${Object.keys(LANGUAGE_NAMES).sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');

/** ISO 639-1 code of a language name in French or English ("Anglais" -> "en"), or undefined. */
export function languageCode(name: string): string | undefined {
    const code = LANGUAGE_NAMES[fold(name).trim()];
    return code && code.length === 2 ? code : undefined;
}

/**
 * Languages of a text (a "Langues" section, or a line elsewhere): each language name takes the level
 * stated between it and the next language name ("English (native), French (intermediate), Spanish – B2").
 */
export function parseLanguages(text: string): ParsedLanguage[] {
    const folded = fold(text);
    const hits: Array<{ code: string; index: number; end: number }> = [];
    NAME_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = NAME_RE.exec(folded))) {
        hits.push({ code: LANGUAGE_NAMES[m[1]], index: m.index, end: m.index + m[0].length });
    }
    const result: ParsedLanguage[] = [];
    hits.forEach((hit, i) => {
        if (hit.code.length !== 2) {
            return;
        }
        // The level lies after the name up to the next name, or before the name on the same line
        // ("C1 - Anglais" / "Courant : anglais") when nothing follows it.
        const after = folded.slice(hit.end, i + 1 < hits.length ? hits[i + 1].index : folded.length).split('\n')[0];
        let level = parseLanguageLevel(after);
        if (!level) {
            const lineStart = folded.lastIndexOf('\n', hit.index) + 1;
            const before = folded.slice(Math.max(lineStart, i > 0 ? hits[i - 1].end : 0), hit.index);
            if (!/[a-z]/.test(after.replace(/[^a-z]/g, '')) && before.trim()) {
                level = parseLanguageLevel(before);
            }
        }
        const existing = result.find(r => r.language === hit.code);
        if (existing) {
            existing.level = existing.level ?? level;
        } else {
            result.push({ language: hit.code, level });
        }
    });
    return result;
}
