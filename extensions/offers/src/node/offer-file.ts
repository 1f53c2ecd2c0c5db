import { z } from 'zod';
import { ContractTypeInput, LanguageSkill, shortText } from '@matchpro/core/lib/common';

/**
 * The offer file of the CLI contract (`offers add --file OFFER.json`): flatter than the stored
 * offer, with the company named inline. Unknown fields are ignored.
 */
export const OfferFile = z.object({
    title: shortText(200).min(1, 'title is required'),
    company: z.object({ name: shortText(200).min(1, 'company.name is required'), siret: z.string().max(30).optional() }),
    city: shortText(120).optional(),
    postcode: z.string().max(10).optional(),
    contractType: ContractTypeInput,
    description: z.string().max(50_000).default(''),
    requiredSkills: z.array(z.object({ name: shortText(120).min(1), mandatory: z.boolean().default(false), level: z.number().int().min(1).max(5).optional(), weight: z.number().min(0).max(10).optional() })).max(100).default([]),
    experienceMinYears: z.number().min(0).max(50).optional(),
    drivingLicence: z.string().nullable().optional(),
    languages: z.array(LanguageSkill).max(20).default([]),
    certifications: z.array(shortText(120)).max(30).default([]),
    positions: z.number().int().min(1).max(1000).optional(),
    salary: z.object({ min: z.number().nonnegative().optional(), max: z.number().nonnegative().optional(), currency: z.string().length(3).default('EUR'), period: z.enum(['hour', 'month', 'year']).optional() }).optional()
});
export type OfferFile = z.infer<typeof OfferFile>;
