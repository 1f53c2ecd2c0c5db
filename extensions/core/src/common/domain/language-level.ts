import { z } from 'zod';
import { CefrLevel, CefrLevelSchema } from '../parsed-profile';

/** A language (ISO 639-1 code) and its CEFR level, null when the CV or offer does not say. */
export const LanguageSkill = z.object({
    language: z.string().regex(/^[a-z]{2}$/, 'language: ISO 639-1 code such as "fr" or "en"'),
    level: CefrLevelSchema.nullable().default(null)
});
export type LanguageSkill = z.infer<typeof LanguageSkill>;

export function cefrRank(level: CefrLevel | null | undefined): number {
    return level ? CefrLevelSchema.options.indexOf(level) + 1 : 0;
}
