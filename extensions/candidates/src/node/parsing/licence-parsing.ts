import { fold } from './text-utils';

/**
 * Driving licences and the certifications a French temp agency filters on (CACES, habilitations
 * électriques, FIMO/FCO, SST, HACCP...), normalised to stable labels: "CACES R489 cat. 3",
 * "Habilitation électrique B1V", "FIMO".
 */

const LICENCE_CATEGORIES = ['AM', 'A1', 'A2', 'A', 'B1', 'BE', 'B', 'C1E', 'C1', 'CE', 'C', 'D1E', 'D1', 'DE', 'D'];
const CAT = `(?:${LICENCE_CATEGORIES.join('|')})`;
const LIST_SEP = '(?:\\s*(?:,|;|/|\\+|&|et|and|ou|-)\\s*|\\s+)';
const LICENCE_RE = new RegExp(
    `\\b(?:permis|driving licen[cs]e|driver'?s licen[cs]e)\\s*(?:de conduire\\s*)?(?:\\(|:|-)?\\s*(?:cat[ée]gor(?:ie|y|ies)s?\\s*:?\\s*)?(${CAT}\\b(?:${LIST_SEP}${CAT}\\b)*)`, 'gi');
const PLAIN_LICENCE_RE = /\b(?:permis de conduire|full (?:uk |clean )?driving licen[cs]e|driving licen[cs]e|permis\s*(?:auto|voiture|v[ée]hicul[ée])|v[ée]hicul[ée])\b/i;

/** Licence categories found in a text, e.g. ["B", "C", "CE"]. */
export function parseDrivingLicences(text: string): string[] {
    const found = new Set<string>();
    let m: RegExpExecArray | null;
    for (const line of text.split('\n')) {
        LICENCE_RE.lastIndex = 0;
        // "de conduire" would otherwise read as the category DE (the match is case-insensitive).
        const plain = line.replace(/\b(permis)\s+de\s+conduire\b/gi, '$1');
        while ((m = LICENCE_RE.exec(plain))) {
            for (const cat of m[1].toUpperCase().split(new RegExp(LIST_SEP, 'i'))) {
                if (LICENCE_CATEGORIES.includes(cat)) {
                    found.add(cat);
                }
            }
        }
    }
    const folded = fold(text);
    if (/\bpermis\s+(?:poids lourds?|pl)\b|\bpermis\s+c\b/.test(folded)) {
        found.add('C');
    }
    if (/\bpermis\s+(?:super lourds?|spl)\b/.test(folded)) {
        found.add('CE');
    }
    // "Permis de conduire" or "full driving licence" without a category means a car licence (B).
    if (!found.size && PLAIN_LICENCE_RE.test(text) && /permis|licen[cs]e/i.test(text)) {
        found.add('B');
    }
    const order = ['AM', 'A1', 'A2', 'A', 'B', 'B1', 'BE', 'C1', 'C1E', 'C', 'CE', 'D1', 'D1E', 'D', 'DE'];
    return [...found].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

const CACES_RE = /\bCACES\s*®?\s*(?:n°\s*)?(R\s?\d{3})?\s*(?:[-:,]\s*)?(?:(?:cat[ée]gories?|cat)\.?\s*)?((?:\b(?:\d{1,2}[AB]?|[A-G]\d?)\b(?:\s*(?:,|et|&|\/|-|\+)\s*|\s+)?)*)/gi;
// "R489 : cat. 1B, 3, 5", "R.489 cat 3", "R489 1A" under a "CACES" heading: the recommendation number says CACES.
const CACES_ALONE_RE = /\b(R\.?\s?(?:48[2-9]|49[0-9]|3[0-9]{2}))\s*[:\-–]?\s*(?:(?:cat[ée]gories?|cat)\.?\s*)?((?:\b(?:\d{1,2}[AB]?|[A-G]\d?)\b(?:\s*(?:,|et|&|\/|-|\+)\s*|\s+)?)+)/gi;
const ELEC_CODES = 'B0V?|H0V?|B1V?|B2V?|BR|BC|BE|BP|BS|BF|HE|H1V?|H2V?|HC|HR|HF|B0L|H0L';
const ELEC_RE = new RegExp(`\\bhabilitations?\\s*(?:[ée]lectriques?)?\\s*(?:\\(|:|-)?\\s*((?:\\b(?:${ELEC_CODES})\\b(?:\\s*(?:,|;|/|et|&|-|\\+)\\s*|\\s+)?)+)`, 'gi');
const SIMPLE_CERTS: Array<[RegExp, string]> = [
    [/\bFIMO\b/, 'FIMO'],
    [/\bFCO\b/, 'FCO'],
    [/\bSST\b|sauveteur[- ]secouriste du travail/i, 'SST'],
    [/\bHACCP\b/i, 'HACCP'],
    [/\bPSC ?1\b/, 'PSC1'],
    [/\bAIPR\b/, 'AIPR'],
    [/\bADR\b/, 'ADR'],
    [/\bAFGSU\b/, 'AFGSU'],
    [/\bBAFA\b/, 'BAFA'],
    [/\bCertibiocide\b/i, 'Certibiocide'],
    [/\bATEX\b/, 'ATEX']
];

/** Certifications found in a text, normalised and de-duplicated, in order of appearance per kind. */
export function parseCertifications(text: string): string[] {
    const found: string[] = [];
    for (const line of text.split('\n')) {
        parseCertificationLine(line, found);
    }
    return found;
}

function parseCertificationLine(text: string, found: string[]): void {
    const add = (label: string) => {
        if (!found.includes(label)) {
            found.push(label);
        }
    };
    const addCaces = (rec: string | undefined, cats: string | undefined) => {
        const r = rec ? rec.replace(/[\s.]/g, '').toUpperCase() : undefined;
        const categories = (cats ?? '').toUpperCase().split(/\s*(?:,|ET|&|\/|-|\+)\s*|\s+/).filter(c => /^(?:\d{1,2}[AB]?|[A-G]\d?)$/.test(c));
        // Categories 1-7 without a recommendation are forklift categories (R489, formerly R389).
        const recommendation = r ?? (categories.length && categories.every(c => /^\d/.test(c)) ? 'R489' : undefined);
        if (!categories.length) {
            add(recommendation ? `CACES ${recommendation}` : 'CACES');
        }
        for (const c of categories) {
            add(`CACES${recommendation ? ` ${recommendation}` : ''} cat. ${c}`);
        }
    };
    let m: RegExpExecArray | null;
    CACES_RE.lastIndex = 0;
    while ((m = CACES_RE.exec(text))) {
        addCaces(m[1], m[2]);
    }
    CACES_ALONE_RE.lastIndex = 0;
    while ((m = CACES_ALONE_RE.exec(text))) {
        const before = text.slice(Math.max(0, m.index - 12), m.index);
        if (!/CACES/i.test(before)) {
            addCaces(m[1], m[2]);
        }
    }
    ELEC_RE.lastIndex = 0;
    while ((m = ELEC_RE.exec(text))) {
        for (const code of m[1].toUpperCase().split(/\s*(?:,|;|\/|ET|&|-|\+)\s*|\s+/)) {
            if (new RegExp(`^(?:${ELEC_CODES})$`).test(code)) {
                add(`Habilitation électrique ${code}`);
            }
        }
    }
    const ssiap = /\bSSIAP\s*(?:niveau\s*)?([1-3])?/i.exec(text);
    if (ssiap) {
        add(ssiap[1] ? `SSIAP ${ssiap[1]}` : 'SSIAP');
    }
    for (const [re, label] of SIMPLE_CERTS) {
        if (re.test(text)) {
            add(label);
        }
    }
}
