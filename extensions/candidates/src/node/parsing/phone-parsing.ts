/**
 * Phone numbers to E.164. French numbers are the default for national formats ("06 12 34 56 78",
 * "06.12.34.56.78", "0612345678"); international ones keep their country code ("+33 6 ...",
 * "0033 6 ...", "+33 (0)6 ...", "+44 7700 900123").
 */
const CANDIDATE_RE = /(?:\+|\b00)\s?\d{1,3}(?:[\s.\-\u00a0]?\(0\))?(?:[\s.\-\u00a0/]?\(?\d\)?){6,13}|\b0[1-9](?:[\s.\-\u00a0/]?\d{2}){4}\b|\(?\b\d{3}\)?[\s.\-]\d{3}[\s.\-]\d{4}\b|\b[6-9]\d{9}\b/g;

export interface PhoneOptions {
    /** Country for national numbers without a prefix: 'FR' (default) or 'IN'/'US' (10 digits). */
    defaultCountry?: 'FR' | 'US' | 'IN' | 'GB';
}

/** Normalises one phone string to E.164, or undefined when it is not a plausible phone number. */
export function toE164(raw: string, options: PhoneOptions = {}): string | undefined {
    let s = raw.trim().replace(/\(0\)/g, '');
    const plus = s.startsWith('+') || s.startsWith('00');
    let digits = s.replace(/\D/g, '');
    if (plus) {
        if (s.startsWith('00')) {
            digits = digits.slice(2);
        }
        // "+33 06 12 ..." (a national 0 left after the country code) is a frequent mistake.
        if (digits.startsWith('330') && digits.length === 12) {
            digits = '33' + digits.slice(3);
        }
        if (digits.startsWith('33') && digits.length !== 11) {
            return undefined;
        }
        return digits.length >= 8 && digits.length <= 15 && digits[0] !== '0' ? `+${digits}` : undefined;
    }
    const country = options.defaultCountry ?? 'FR';
    if (/^0[1-9]\d{8}$/.test(digits) && country === 'FR') {
        return `+33${digits.slice(1)}`;
    }
    if (/^0\d{10}$/.test(digits) && country === 'GB') {
        return `+44${digits.slice(1)}`;
    }
    if (digits.length === 10 && country === 'US' && /^[2-9]/.test(digits)) {
        return `+1${digits}`;
    }
    if (digits.length === 10 && country === 'IN' && /^[6-9]/.test(digits)) {
        return `+91${digits}`;
    }
    return undefined;
}

/** The phone numbers of a text, in order, normalised and de-duplicated. */
export function findPhones(text: string, options: PhoneOptions = {}): string[] {
    const found: string[] = [];
    CANDIDATE_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CANDIDATE_RE.exec(text))) {
        const phone = toE164(m[0], options);
        if (phone && !found.includes(phone)) {
            found.push(phone);
        }
    }
    return found;
}
