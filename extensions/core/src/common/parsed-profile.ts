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

export const ParsedSkillSchema = z.object({
    name: z.string().min(1),
    /** Set when a skill linker matched the mention to an ESCO skill. */
    escoUri: z.string().optional()
});
export type ParsedSkill = z.infer<typeof ParsedSkillSchema>;

export const ParsedExperienceSchema = z.object({
    title: z.string().nullable(),
    company: z.string().nullable(),
    city: z.string().nullable(),
    start: PartialDateSchema.nullable(),
    /** `null` = current position (or unknown end when `start` is null too). */
    end: PartialDateSchema.nullable()
});
export type ParsedExperience = z.infer<typeof ParsedExperienceSchema>;

export const ParsedEducationSchema = z.object({
    degree: z.string().nullable(),
    school: z.string().nullable(),
    year: z.number().int().nullable()
});
export type ParsedEducation = z.infer<typeof ParsedEducationSchema>;

export const ParsedProfileSchema = z.object({
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    email: z.string().nullable(),
    /** E.164, e.g. "+33612345678". */
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/).nullable(),
    city: z.string().nullable(),
    postcode: z.string().nullable(),
    /** Licence categories, e.g. ["B", "C", "CE"]. */
    drivingLicences: z.array(z.string()),
    /** Normalised labels, e.g. "CACES R489 cat. 3", "Habilitation électrique B1V", "FIMO", "SST". */
    certifications: z.array(z.string()),
    languages: z.array(ParsedLanguageSchema),
    skills: z.array(ParsedSkillSchema),
    experiences: z.array(ParsedExperienceSchema),
    education: z.array(ParsedEducationSchema),
    /** Total of the experience periods, overlaps counted once, one decimal; null when no dated period. */
    yearsOfExperience: z.number().nullable(),
    /** The candidate's headline job title when the CV states one. */
    title: z.string().nullable(),
    /** A short profile/summary paragraph when the CV has one. */
    summary: z.string().nullable(),
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
