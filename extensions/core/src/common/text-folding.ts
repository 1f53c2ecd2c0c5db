/**
 * Lower case without accents, French ligatures spelled out, typographic apostrophes and dashes made
 * ASCII: the one form every accent-insensitive comparison works on ("Société Générale" finds
 * "societe generale", "cœur" finds "coeur"), in the parsers, the normalisers and SQL searches (`fold()`).
 */
export function foldText(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ß/g, 'ss')
        .replace(/[’‘`´]/g, '\'').replace(/[‐‑‒–—―]/g, '-');
}
