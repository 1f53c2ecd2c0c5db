/**
 * Certifications as a recruiter reads them. CACES: recommendation (R489 forklifts, R486 platforms, R482
 * construction machines...) and category; the old numbers (R389, R386, R372, R377, R390) map to the new
 * ones. A CACES category is a family of machines (R489: 1A/1B pallet trucks, 3 counterbalance forklifts
 * up to 6 t, 4 above 6 t, 5 reach trucks...), not a level: only the same category satisfies a required
 * one (a required "1" accepts 1A or 1B). Electrical
 * clearances (habilitation électrique) are compared by level within the same family (B0 < B1 < B1V < B2
 * < B2V < BR < BC; H0 < H0V < H1 < H1V < H2 < H2V < HC). Others (FIMO, FCO, SST, ADR...) match on words.
 */
export interface Certification {
    label: string;
    family: 'caces' | 'habilitation' | 'other';
    /** CACES recommendation ("R489") or undefined when the label does not say. */
    recommendation?: string;
    category?: string;
    words: string[];
}

const OLD_CACES: Record<string, string> = { R389: 'R489', R386: 'R486', R372: 'R482', R377: 'R483', R390: 'R490', R383: 'R485' };
const HABILITATION_ORDER = ['B0', 'BS', 'BE', 'B1', 'B1V', 'B2', 'B2V', 'BR', 'BC', 'H0', 'H0V', 'H1', 'H1V', 'H2', 'H2V', 'HC'];

function plain(text: string): string {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
}

export function parseCertification(label: string): Certification {
    const t = plain(label);
    const words = t.split(/[^A-Z0-9]+/).filter(w => w.length > 0 && !['CAT', 'CATEGORIE', 'CATEGORY', 'DE', 'LA', 'LE', 'THE', 'OF'].includes(w));
    if (/\bCACES\b/.test(t)) {
        const rec = /\bR\s?(\d{3})\b/.exec(t);
        const recommendation = rec ? (OLD_CACES['R' + rec[1]] ?? 'R' + rec[1]) : undefined;
        const rest = rec ? t.slice(rec.index + rec[0].length) : t.replace(/\bCACES\b/, '');
        const cat = /(?:CAT(?:EGORIE|EGORY)?\.?\s*)?\b(\d{1,2}[A-C]?|[A-G])\b/.exec(rest);
        return { label, family: 'caces', recommendation, category: cat ? cat[1] : undefined, words };
    }
    const hab = /\b(HABILITATION|ELECTRIQUE|ELECTRICAL)\b/.test(t) ? /\b(B0|BS|BE|B1V|B1|B2V|B2|BR|BC|H0V|H0|H1V|H1|H2V|H2|HC)\b/.exec(t) : null;
    if (hab) {
        return { label, family: 'habilitation', category: hab[1], words };
    }
    return { label, family: 'other', words };
}

/** 'unknown-category': the candidate holds the same kind, with no category stated ("CACES" as a heading). */
export type CertificationVerdict = 'satisfied' | 'other-category' | 'unknown-category' | 'missing';

/** Whether `held` satisfies `required`: 'other-category' when the candidate holds the same kind in another category (or a lower clearance). */
export function compareCertification(required: Certification, held: readonly Certification[]): { verdict: CertificationVerdict; closest?: Certification } {
    let lower: Certification | undefined, unclear: Certification | undefined;
    for (const h of held) {
        if (required.family === 'caces' && h.family === 'caces') {
            if (required.recommendation && h.recommendation && required.recommendation !== h.recommendation) { continue; }
            if (!required.category) { return { verdict: 'satisfied', closest: h }; }
            if (!h.category) { unclear ??= h; continue; }
            if (h.category === required.category || (/^\d+$/.test(required.category) && h.category.replace(/[A-C]$/, '') === required.category)) {
                return { verdict: 'satisfied', closest: h };
            }
            lower ??= h;
        } else if (required.family === 'habilitation' && h.family === 'habilitation') {
            const r = required.category!, c = h.category!;
            if (r[0] !== c[0]) { continue; }
            if (HABILITATION_ORDER.indexOf(c) >= HABILITATION_ORDER.indexOf(r)) { return { verdict: 'satisfied', closest: h }; }
            lower = h;
        } else if (required.family === 'other' && h.family === 'other') {
            if (required.words.length > 0 && required.words.every(w => h.words.includes(w))) { return { verdict: 'satisfied', closest: h }; }
        }
    }
    return lower ? { verdict: 'other-category', closest: lower } : unclear ? { verdict: 'unknown-category', closest: unclear } : { verdict: 'missing' };
}

/** The usual length of the training that gives a certification, for suggestions. */
export function trainingHint(required: Certification): { en: string; fr: string } {
    if (required.family === 'caces') { return { en: 'a CACES training of 2 to 5 days', fr: 'une formation CACES de 2 à 5 jours' }; }
    if (required.family === 'habilitation') { return { en: 'an electrical clearance training of 1 to 3 days', fr: 'une formation habilitation électrique de 1 à 3 jours' }; }
    return { en: 'a short training', fr: 'une formation courte' };
}
