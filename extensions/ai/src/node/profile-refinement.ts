import { totalYearsOfExperience } from '@matchpro/core/lib/common/domain/experience-duration';
import {
    CefrLevel, CefrLevelSchema, ParsedEducation, ParsedExperience, ParsedLanguage, ParsedProfile, ParsedProfileSchema, PartialDateSchema
} from '@matchpro/core/lib/common/parsed-profile';
import type { AiProfileAnswer } from '../common/ai-answers';
import { CvTextMatcher, normaliseWords, phoneKey } from './cv-text-matcher';

export type DropReason = 'not-in-cv' | 'invalid';

/** A value the provider proposed and the guard refused (shown to the user, never logged). */
export interface DroppedValue {
    field: string;
    value: string;
    reason: DropReason;
}

export interface ProfileRefinement {
    profile: ParsedProfile;
    /** Top-level profile fields an AI provider added or corrected. */
    aiFields: string[];
    dropped: DroppedValue[];
}

/** Language names a CV uses (fr and en), normalised, per ISO 639-1 code. */
const LANGUAGE_NAMES: Record<string, string[]> = {
    fr: ['francais', 'french'], en: ['anglais', 'english'], es: ['espagnol', 'spanish', 'castillan'], de: ['allemand', 'german'],
    it: ['italien', 'italian'], pt: ['portugais', 'portuguese'], ar: ['arabe', 'arabic'], nl: ['neerlandais', 'dutch', 'flamand'],
    ru: ['russe', 'russian'], zh: ['chinois', 'mandarin', 'chinese'], ja: ['japonais', 'japanese'], pl: ['polonais', 'polish'],
    ro: ['roumain', 'romanian'], tr: ['turc', 'turkish'], uk: ['ukrainien', 'ukrainian'], el: ['grec', 'greek'],
    sv: ['suedois', 'swedish'], da: ['danois', 'danish'], no: ['norvegien', 'norwegian'], fi: ['finnois', 'finnish'],
    cs: ['tcheque', 'czech'], hu: ['hongrois', 'hungarian'], bg: ['bulgare', 'bulgarian'], hr: ['croate', 'croatian'],
    sr: ['serbe', 'serbian'], vi: ['vietnamien', 'vietnamese'], ko: ['coreen', 'korean'], hi: ['hindi'], he: ['hebreu', 'hebrew'],
    fa: ['persan', 'farsi', 'persian'], wo: ['wolof'], ln: ['lingala'], sw: ['swahili'], ca: ['catalan'], eu: ['basque'], br: ['breton']
};

/**
 * Merges a provider's answer into the local parser's profile. The local result is the baseline: the
 * answer may add a missing value or correct one, never remove one, and only with values the CV text
 * really contains (the hallucination guard). Whatever else it says is dropped and reported, which is
 * also what defeats instructions injected in a CV: they cannot make up a value the text lacks.
 */
export function refineProfile(cvText: string, local: ParsedProfile, answer: AiProfileAnswer): ProfileRefinement {
    const cv = new CvTextMatcher(cvText);
    const profile: ParsedProfile = structuredClone(local);
    const aiFields = new Set<string>();
    const dropped: DroppedValue[] = [];
    const drop = (field: string, value: unknown, reason: DropReason = 'not-in-cv') => dropped.push({ field, value: String(value), reason });

    // Scalars: a verified value that differs from the local one adds or corrects it.
    const scalar = (field: 'firstName' | 'lastName' | 'city' | 'title', value: string | null) => {
        const v = clean(value);
        if (!v) {
            return;
        }
        if (!cv.hasPhrase(v)) {
            drop(field, v);
            return;
        }
        if (normaliseWords(profile[field] ?? '') !== normaliseWords(v)) {
            profile[field] = v;
            aiFields.add(field);
        }
    };
    scalar('firstName', answer.firstName);
    scalar('lastName', answer.lastName);
    scalar('city', answer.city);
    scalar('title', answer.title);

    const email = clean(answer.email)?.toLowerCase().replace(/\s+/g, '');
    if (email) {
        if (!/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/.test(email)) {
            drop('email', email, 'invalid');
        } else if (!cv.hasEmail(email)) {
            drop('email', email);
        } else if ((profile.email ?? '').toLowerCase() !== email) {
            profile.email = email;
            aiFields.add('email');
        }
    }

    const phone = clean(answer.phone);
    if (phone) {
        const key = phoneKey(phone);
        const e164 = key ? '+' + key : undefined;
        if (!e164 || !/^\+[1-9]\d{6,14}$/.test(e164)) {
            drop('phone', phone, 'invalid');
        } else if (!cv.hasPhone(phone)) {
            drop('phone', phone);
        } else if (profile.phone !== e164) {
            profile.phone = e164;
            aiFields.add('phone');
        }
    }

    const postcode = clean(answer.postcode)?.replace(/\s+/g, '');
    if (postcode) {
        if (!/^[0-9A-Z-]{3,10}$/i.test(postcode)) {
            drop('postcode', postcode, 'invalid');
        } else if (!cv.hasToken(postcode) && !cv.hasPhrase(postcode)) {
            drop('postcode', postcode);
        } else if (profile.postcode !== postcode) {
            profile.postcode = postcode;
            aiFields.add('postcode');
        }
    }

    // Lists: verified items the local parser missed are added; nothing is removed.
    const mentionsLicence = /\b(permis|licen[cs]e)\b/.test(normaliseWords(cvText));
    for (const raw of answer.drivingLicences) {
        const licence = clean(raw)?.toUpperCase().replace(/\s+/g, '');
        if (!licence) {
            continue;
        }
        if (!/^(AM|A1|A2|A|B1|B|BE|C1|C1E|C|CE|D1|D1E|D|DE)$/.test(licence)) {
            drop('drivingLicences', licence, 'invalid');
        } else if (!mentionsLicence || !cv.hasToken(licence)) {
            drop('drivingLicences', licence);
        } else if (!profile.drivingLicences.includes(licence)) {
            profile.drivingLicences.push(licence);
            aiFields.add('drivingLicences');
        }
    }

    addNames('certifications', answer.certifications, profile.certifications, cv, drop, () => aiFields.add('certifications'));
    const skillNames = profile.skills.map(s => s.name);
    addNames('skills', answer.skills, skillNames, cv, drop, () => aiFields.add('skills'));
    for (const name of skillNames.slice(profile.skills.length)) {
        profile.skills.push({ name });
    }

    for (const entry of answer.languages) {
        const language = languageCode(entry.language);
        if (!language) {
            drop('languages', entry.language, 'invalid');
            continue;
        }
        if (!LANGUAGE_NAMES[language]?.some(name => cv.hasToken(name))) {
            drop('languages', entry.language);
            continue;
        }
        let level: CefrLevel | null = null;
        const rawLevel = clean(entry.level)?.toUpperCase();
        if (rawLevel) {
            const parsed = CefrLevelSchema.safeParse(rawLevel);
            if (!parsed.success) {
                drop('languages.level', rawLevel, 'invalid');
            } else if (!cv.hasToken(parsed.data)) {
                drop('languages.level', parsed.data);
            } else {
                level = parsed.data;
            }
        }
        const existing = profile.languages.find(l => l.language === language);
        if (!existing) {
            profile.languages.push({ language, level } satisfies ParsedLanguage);
            aiFields.add('languages');
        } else if (existing.level === null && level !== null) {
            existing.level = level;
            aiFields.add('languages');
        }
    }

    let experiencesChanged = false;
    for (const entry of answer.experiences) {
        const experience: ParsedExperience = {
            title: verifiedPhrase('experiences.title', entry.title, cv, drop),
            company: verifiedPhrase('experiences.company', entry.company, cv, drop),
            city: verifiedPhrase('experiences.city', entry.city, cv, drop),
            start: verifiedDate('experiences.start', entry.start, cv, drop),
            end: verifiedDate('experiences.end', entry.end, cv, drop)
        };
        if (!experience.title && !experience.company) {
            continue;
        }
        const same = profile.experiences.find(e => sameKey(e.title, experience.title) && sameKey(e.company, experience.company));
        if (!same) {
            profile.experiences.push(experience);
            experiencesChanged = true;
        } else {
            for (const key of ['city', 'start', 'end'] as const) {
                if (same[key] === null && experience[key] !== null) {
                    same[key] = experience[key];
                    experiencesChanged = true;
                }
            }
        }
    }
    if (experiencesChanged) {
        aiFields.add('experiences');
        const years = yearsOfExperience(profile.experiences);
        if (years !== profile.yearsOfExperience) {
            profile.yearsOfExperience = years;
            aiFields.add('yearsOfExperience');
        }
    }

    for (const entry of answer.education) {
        const education: ParsedEducation = {
            degree: verifiedPhrase('education.degree', entry.degree, cv, drop),
            school: verifiedPhrase('education.school', entry.school, cv, drop),
            year: entry.year === null ? null : cv.hasYear(entry.year) ? entry.year : (drop('education.year', entry.year), null)
        };
        if (!education.degree && !education.school) {
            continue;
        }
        const same = profile.education.find(e => sameKey(e.degree, education.degree) && sameKey(e.school, education.school));
        if (!same) {
            profile.education.push(education);
            aiFields.add('education');
        } else if (same.year === null && education.year !== null) {
            same.year = education.year;
            aiFields.add('education');
        }
    }

    const checked = ParsedProfileSchema.safeParse(profile);
    if (!checked.success) {
        // Cannot happen with the checks above; the baseline is never worsened if it does.
        return { profile: local, aiFields: [], dropped };
    }
    return { profile: checked.data, aiFields: [...aiFields].sort(), dropped };
}

function clean(value: string | null | undefined): string | undefined {
    const v = value?.replace(/\s+/g, ' ').trim();
    return v ? v : undefined;
}

function addNames(field: string, proposed: string[], target: string[], cv: CvTextMatcher,
    drop: (field: string, value: unknown) => void, changed: () => void): void {
    for (const raw of proposed) {
        const name = clean(raw);
        if (!name) {
            continue;
        }
        if (!cv.hasPhrase(name) && !cv.hasAllWords(name)) {
            drop(field, name);
        } else if (!target.some(existing => normaliseWords(existing) === normaliseWords(name))) {
            target.push(name);
            changed();
        }
    }
}

function verifiedPhrase(field: string, value: string | null, cv: CvTextMatcher, drop: (field: string, value: unknown) => void): string | null {
    const v = clean(value);
    if (!v) {
        return null;
    }
    return cv.hasPhrase(v) ? v : (drop(field, v), null);
}

function verifiedDate(field: string, value: string | null, cv: CvTextMatcher, drop: (field: string, value: unknown, reason?: DropReason) => void): string | null {
    const v = clean(value);
    if (!v) {
        return null;
    }
    if (!PartialDateSchema.safeParse(v).success) {
        return (drop(field, v, 'invalid'), null);
    }
    return cv.hasYear(v.slice(0, 4)) ? v : (drop(field, v), null);
}

function sameKey(a: string | null, b: string | null): boolean {
    return normaliseWords(a ?? '') === normaliseWords(b ?? '');
}

function languageCode(value: string): string | undefined {
    const v = normaliseWords(value);
    if (/^[a-z]{2}$/.test(v) && LANGUAGE_NAMES[v]) {
        return v;
    }
    return Object.entries(LANGUAGE_NAMES).find(([, names]) => names.includes(v))?.[0];
}

/** Sum of the dated periods with overlaps counted once: the parser's own rule (core's experience-duration), so both agree. */
export function yearsOfExperience(experiences: ParsedExperience[], today = new Date()): number | null {
    return totalYearsOfExperience(experiences, today);
}
