/**
 * French driving licence categories and what each one includes: CE includes C, C1, C1E, BE and B;
 * C includes C1 and B; but C does not include CE (a trailer over 750 kg needs the E).
 */
const INCLUDES: Record<string, string[]> = {
    AM: [], A1: ['AM'], A2: ['A1'], A: ['A2'],
    B: [], BE: ['B'],
    C1: ['B'], C1E: ['C1', 'BE'], C: ['C1'], CE: ['C', 'C1E'],
    D1: ['B'], D1E: ['D1', 'BE'], D: ['D1'], DE: ['D', 'D1E']
};

export const LICENCE_CATEGORIES = Object.keys(INCLUDES);

/** Reads "Permis B", "C+E", "EC" (pre-2013 French name of CE), "poids lourd"... as a category, or undefined. */
export function parseLicence(text: string): string | undefined {
    const t = text.toUpperCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/PERMIS|LICEN[CS]E|DRIVING|CATEGORIE|CATEGORY|CAT\.?/g, '')
        .replace(/[\s+\-/]/g, '');
    if (t === 'EC') { return 'CE'; }
    if (t === 'EB') { return 'BE'; }
    if (t === 'ED') { return 'DE'; }
    return INCLUDES[t] ? t : undefined;
}

/** Every category a holder of `held` may drive, the held ones included. */
export function licenceClosure(held: readonly string[]): Set<string> {
    const out = new Set<string>();
    const visit = (c: string) => {
        if (out.has(c)) { return; }
        out.add(c);
        (INCLUDES[c] ?? []).forEach(visit);
    };
    held.map(h => parseLicence(h)).forEach(c => c && visit(c));
    return out;
}

export function licenceBit(category: string): number {
    const i = LICENCE_CATEGORIES.indexOf(category);
    return i < 0 ? 0 : 1 << i;
}

export function licenceMask(held: readonly string[]): number {
    let mask = 0;
    for (const c of licenceClosure(held)) { mask |= licenceBit(c); }
    return mask;
}
