import { z } from 'zod';

/**
 * What a provider must answer, per task. Every field is required (nullable when unknown) so the same
 * schema works in OpenAI's strict mode, as an Anthropic tool input and as a Gemini/Mistral response
 * schema. Nothing here can carry a score: a model never sets one.
 */
const text = (max: number) => z.string().max(max);

export const AiProfileAnswer = z.object({
    firstName: text(100).nullable(),
    lastName: text(100).nullable(),
    email: text(200).nullable(),
    phone: text(40).nullable(),
    city: text(120).nullable(),
    postcode: text(12).nullable(),
    title: text(200).nullable(),
    drivingLicences: z.array(text(10)).max(20),
    certifications: z.array(text(200)).max(60),
    languages: z.array(z.object({ language: text(40), level: text(10).nullable() })).max(30),
    skills: z.array(text(200)).max(150),
    experiences: z.array(z.object({
        title: text(200).nullable(), company: text(200).nullable(), city: text(120).nullable(),
        start: text(10).nullable(), end: text(10).nullable()
    })).max(60),
    education: z.array(z.object({ degree: text(300).nullable(), school: text(200).nullable(), year: z.number().int().nullable() })).max(30)
});
export type AiProfileAnswer = z.infer<typeof AiProfileAnswer>;

export const OfferDraft = z.object({
    title: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(8000),
    requiredSkills: z.array(z.object({ name: z.string().trim().min(1).max(120), mandatory: z.boolean() })).max(25)
});
export type OfferDraft = z.infer<typeof OfferDraft>;

export const MatchExplanationAnswer = z.object({
    summary: z.string().trim().min(1).max(1500),
    strengths: z.array(z.string().trim().min(1).max(300)).max(8),
    concerns: z.array(z.string().trim().min(1).max(300)).max(8)
});
export type MatchExplanationAnswer = z.infer<typeof MatchExplanationAnswer>;
