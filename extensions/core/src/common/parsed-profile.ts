import { z } from 'zod';

/**
 * The profile a CV parser extracts from a CV file (CLI contract: `parse`, `candidates show`).
 * Nullable fields are `null` when the CV does not state them; lists are empty, never missing.
 */

/** CEFR levels; `null` in a language entry means the CV names the language without a level. */
export const CefrLevelSchema = z.enum(['A1', 'A2', 'B1', 'B2', 'C1', 'C2']);
export type CefrLevel = z.infer<typeof CefrLevelSchema>;

/** "YYYY-MM" or "YYYY" (a CV often gives only the year). */
export const PartialDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'expected YYYY-MM or YYYY');

export const ParsedLanguageSchema = z.object({
    /** ISO 639-1 code, lower case ("fr", "en", "es"). */
    language: z.string().regex(/^[a-z]{2}$/),
    level: CefrLevelSchema.nullable()
});
export type ParsedLanguage = z.infer<typeof ParsedLanguageSchema>;

/**
 * Bounds of every profile field: generous for any real CV, and what keeps a hostile file or an RPC
 * call from storing megabytes in a name or thousands of skills (the parser's output is fitted to them).
 */
export const PROFILE_LIMITS = {
    name: 100, email: 254, place: 120, postcode: 20, licence: 10, licences: 20, label: 200, labels: 100, languages: 30,
    skills: 500, uri: 300, experiences: 100, education: 50, title: 200, summary: 5000
} as const;

const text = (max: number) => z.string().max(max);

export const ParsedSkillSchema = z.object({
    name: text(PROFILE_LIMITS.label).min(1),
    /** Set when a skill linker matched the mention to an ESCO skill. */
    escoUri: text(PROFILE_LIMITS.uri).optional()
});
export type ParsedSkill = z.infer<typeof ParsedSkillSchema>;

export const ParsedExperienceSchema = z.object({
    title: text(PROFILE_LIMITS.label).nullable(),
    company: text(PROFILE_LIMITS.label).nullable(),
    city: text(PROFILE_LIMITS.place).nullable(),
    start: PartialDateSchema.nullable(),
    /** `null` = current position (or unknown end when `start` is null too). */
    end: PartialDateSchema.nullable()
});
export type ParsedExperience = z.infer<typeof ParsedExperienceSchema>;

export const ParsedEducationSchema = z.object({
    degree: text(PROFILE_LIMITS.label).nullable(),
    school: text(PROFILE_LIMITS.label).nullable(),
    year: z.number().int().min(1900).max(2100).nullable()
});
export type ParsedEducation = z.infer<typeof ParsedEducationSchema>;

export const ParsedProfileSchema = z.object({
    firstName: text(PROFILE_LIMITS.name).nullable(),
    lastName: text(PROFILE_LIMITS.name).nullable(),
    email: z.string().max(PROFILE_LIMITS.email).email().nullable(),
    /** E.164, e.g. "+33612345678". */
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/).nullable(),
    city: text(PROFILE_LIMITS.place).nullable(),
    postcode: text(PROFILE_LIMITS.postcode).nullable(),
    /** Licence categories, e.g. ["B", "C", "CE"]. */
    drivingLicences: z.array(text(PROFILE_LIMITS.licence)).max(PROFILE_LIMITS.licences),
    /** Normalised labels, e.g. "CACES R489 cat. 3", "Habilitation électrique B1V", "FIMO", "SST". */
    certifications: z.array(text(PROFILE_LIMITS.label)).max(PROFILE_LIMITS.labels),
    languages: z.array(ParsedLanguageSchema).max(PROFILE_LIMITS.languages),
    skills: z.array(ParsedSkillSchema).max(PROFILE_LIMITS.skills),
    experiences: z.array(ParsedExperienceSchema).max(PROFILE_LIMITS.experiences),
    education: z.array(ParsedEducationSchema).max(PROFILE_LIMITS.education),
    /** Total of the experience periods, overlaps counted once, one decimal; null when no dated period. */
    yearsOfExperience: z.number().nullable(),
    /** The candidate's headline job title when the CV states one. */
    title: text(PROFILE_LIMITS.title).nullable(),
    /** A short profile/summary paragraph when the CV has one. */
    summary: text(PROFILE_LIMITS.summary).nullable(),
    /** Language the CV is written in. */
    language: z.enum(['fr', 'en'])
});
export type ParsedProfile = z.infer<typeof ParsedProfileSchema>;

/** A profile with every field empty, for a CV the parser could read but found nothing in. */
export function emptyParsedProfile(language: 'fr' | 'en' = 'fr'): ParsedProfile {
    return {
        firstName: null, lastName: null, email: null, phone: null, city: null, postcode: null,
        drivingLicences: [], certifications: [], languages: [], skills: [], experiences: [], education: [],
        yearsOfExperience: null, title: null, summary: null, language
    };
}

/**
 * A parsed profile made to fit the bounds above: what a CV says beyond them (a 300-character "name",
 * the 600th skill, an e-mail the parser took too loosely) is clipped or dropped rather than failing
 * the whole import. Values typed by a recruiter are validated, not fitted.
 */
export function fitParsedProfile(profile: ParsedProfile): ParsedProfile {
    const L = PROFILE_LIMITS;
    const clip = (value: string | null, max: number) => value === null ? null : value.slice(0, max);
    const email = profile.email && ParsedProfileSchema.shape.email.safeParse(profile.email).success ? profile.email : null;
    return {
        ...profile,
        firstName: clip(profile.firstName, L.name), lastName: clip(profile.lastName, L.name), email,
        city: clip(profile.city, L.place), postcode: clip(profile.postcode, L.postcode),
        drivingLicences: profile.drivingLicences.filter(l => l.length <= L.licence).slice(0, L.licences),
        certifications: profile.certifications.map(c => c.slice(0, L.label)).slice(0, L.labels),
        languages: profile.languages.slice(0, L.languages),
        skills: profile.skills.filter(s => s.name.length <= L.label && (s.escoUri ?? '').length <= L.uri).slice(0, L.skills),
        experiences: profile.experiences.slice(0, L.experiences).map(e => ({
            ...e, title: clip(e.title, L.label), company: clip(e.company, L.label), city: clip(e.city, L.place)
        })),
        education: profile.education.slice(0, L.education).map(e => ({
            ...e, degree: clip(e.degree, L.label), school: clip(e.school, L.label), year: e.year !== null && e.year >= 1900 && e.year <= 2100 ? e.year : null
        })),
        title: clip(profile.title, L.title), summary: clip(profile.summary, L.summary)
    };
}
