import { MatchProErrors } from '@matchpro/core/lib/common/errors';
import { NormalizeOptions, TaxonomyLanguage } from '../common/taxonomy-protocol';
import { guessLanguage } from './text-canonicalizer';

/** Bad input to a normaliser: names what is wrong (a user error at the RPC boundary and in the CLI). */
export function taxonomyInputError(message: string): Error {
    return MatchProErrors.InvalidInput(message, [{ path: 'taxonomy', message }]);
}

export const MAX_TEXT_LENGTH = 10000;

export function checkedText(text: unknown, what: string): string {
    if (typeof text !== 'string') { throw taxonomyInputError(`${what} must be a string`); }
    const t = text.trim();
    if (!t) { throw taxonomyInputError(`${what} is empty`); }
    if (t.length > MAX_TEXT_LENGTH) { throw taxonomyInputError(`${what} is longer than ${MAX_TEXT_LENGTH} characters`); }
    return t;
}

export function checkedOptions(text: string, options: NormalizeOptions | undefined): { lang: TaxonomyLanguage; top: number } {
    const lang = options?.lang ?? guessLanguage(text);
    if (lang !== 'fr' && lang !== 'en') { throw taxonomyInputError(`unknown language "${String(lang)}" (expected fr or en)`); }
    const top = options?.top ?? 5;
    if (!Number.isInteger(top) || top < 1 || top > 100) { throw taxonomyInputError(`top must be an integer from 1 to 100, got ${String(top)}`); }
    return { lang, top };
}
