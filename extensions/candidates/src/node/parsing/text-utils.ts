import { foldText } from '@matchpro/core/lib/common/text-folding';

/** Lower case without accents, for comparisons ("Expérience" -> "experience"). */
export const fold = foldText;

/** Unicode dashes and apostrophes to ASCII, non-breaking spaces to spaces. */
export function normaliseTypography(text: string): string {
    return text.replace(/[\u00a0\u2007\u202f\u2009]/g, ' ').replace(/[’‘`´]/g, '\'').replace(/[‐‑‒–—―]/g, '–');
}

/** "BENALI" -> "Benali", "jean-pierre" -> "Jean-Pierre", "d'ALMEIDA" -> "d'Almeida". */
export function titleCaseName(word: string): string {
    return word.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
        .replace(/^(D|L)'(\p{Lu})/u, (_, p: string, ch: string) => `${p.toLowerCase()}'${ch}`);
}

export function collapseSpaces(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** Removes list bullets and leading dashes: "• Conduite" -> "Conduite". */
export function stripBullet(line: string): string {
    return line.replace(/^\s*(?:[•·▪■□●○◦►▶➢✓✔\-*–>]+|\d{1,2}[.)](?=\s))\s*/u, '').trim();
}

export function isBulletLine(line: string): boolean {
    return /^\s*[•·▪■□●○◦►▶➢✓✔*>]/u.test(line) || /^\s*[-–]\s+\S/.test(line);
}
