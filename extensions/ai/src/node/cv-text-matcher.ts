/**
 * Answers "does the CV actually say this?" for the hallucination guard: comparisons ignore case,
 * accents, punctuation and spacing, phone numbers compare by digits (national or international form).
 */
export function normaliseWords(text: string): string {
    return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/[^a-z0-9@+]+/g, ' ').trim();
}

/** International digits without "+": "06 12 34 56 78" and "+33 6 12 34 56 78" both give "33612345678" (a national number is French). */
export function phoneKey(phone: string): string | undefined {
    // "+33 (0)6 ..." writes the national trunk 0 in brackets: it is not dialled.
    const trimmed = phone.trim().replace(/\(0\)/g, '');
    const digits = trimmed.replace(/\D/g, '');
    if (digits.length < 8 || digits.length > 16) {
        return undefined;
    }
    if (trimmed.startsWith('+')) {
        return digits;
    }
    if (digits.startsWith('00')) {
        return digits.slice(2);
    }
    if (digits.startsWith('0')) {
        return '33' + digits.slice(1);
    }
    return digits;
}

export class CvTextMatcher {
    protected readonly words: string;
    protected readonly tokens: Set<string>;
    protected readonly compact: string;
    protected readonly phones: Set<string>;

    constructor(readonly text: string) {
        this.words = ` ${normaliseWords(text)} `;
        this.tokens = new Set(this.words.trim().split(' '));
        // Without any separator, for e-mails split or spaced by PDF extraction.
        this.compact = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, '');
        this.phones = new Set();
        // Loose sequences, plus French 10-digit numbers alone (two numbers on one line would glue together).
        for (const pattern of [/(?:\+|00)?\d(?:[\s.\-()/]{0,3}\d){7,15}/g, /\b0[1-9](?:[\s.\-]?\d{2}){4}\b/g]) {
            for (const match of text.matchAll(pattern)) {
                const key = phoneKey(match[0]);
                if (key) {
                    this.phones.add(key);
                }
            }
        }
    }

    /** The value appears as a whole phrase (word boundaries), normalised. */
    hasPhrase(value: string): boolean {
        const phrase = normaliseWords(value);
        return phrase.length > 0 && this.words.includes(` ${phrase} `);
    }

    /** Every word of the value appears somewhere (for skills a CV words slightly differently). */
    hasAllWords(value: string): boolean {
        const words = normaliseWords(value).split(' ').filter(w => w.length > 0);
        return words.length > 0 && words.every(w => this.tokens.has(w));
    }

    hasToken(value: string): boolean {
        return this.tokens.has(normaliseWords(value));
    }

    hasEmail(email: string): boolean {
        const value = email.trim().toLowerCase().replace(/\s+/g, '');
        return value.includes('@') && this.compact.includes(value);
    }

    hasPhone(phone: string): boolean {
        const key = phoneKey(phone);
        return key !== undefined && this.phones.has(key);
    }

    /** A four-digit year present as a word. */
    hasYear(year: number | string): boolean {
        return this.tokens.has(String(year));
    }
}
