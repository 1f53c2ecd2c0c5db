import { z } from 'zod';
import { ContractTypeInput } from './contract-type';
import { EntityId, longText, shortText, StoredFields } from './entity';
import { LanguageSkill } from './language-level';
import { OfferStatus, OfferStatusChange } from './offer-status';

export const RequiredSkill = z.object({
    name: shortText(120).min(1, 'skill name is required'),
    escoUri: z.string().max(300).optional(),
    level: z.number().int().min(1).max(5).optional(),
    mandatory: z.boolean().default(false),
    weight: z.number().min(0).max(10).default(1)
});
export type RequiredSkill = z.infer<typeof RequiredSkill>;

export const Salary = z.object({
    min: z.number().nonnegative().optional(),
    max: z.number().nonnegative().optional(),
    currency: z.string().length(3).default('EUR'),
    period: z.enum(['hour', 'month', 'year']).default('year'),
    variable: shortText(200).optional(),
    benefits: shortText(500).optional()
}).refine(s => s.min === undefined || s.max === undefined || s.min <= s.max, { message: 'salary min must not exceed max', path: ['min'] });
export type Salary = z.infer<typeof Salary>;

export const OfferLocation = z.object({
    city: shortText(120).optional(),
    postcode: z.string().regex(/^[0-9A-Za-z -]{2,10}$/).optional(),
    department: shortText(60).optional(),
    region: shortText(60).optional(),
    remote: z.enum(['none', 'partial', 'full']).default('none')
});
export type OfferLocation = z.infer<typeof OfferLocation>;

export const JobOfferInput = z.object({
    companyId: EntityId,
    title: shortText(200).min(1, 'title is required'),
    occupationUri: z.string().max(300).optional(),
    romeCode: z.string().regex(/^[A-N]\d{4}$/, 'ROME code looks like N1101').optional(),
    reference: shortText(60).optional(),
    description: longText(50_000).default(''),
    contractType: ContractTypeInput,
    location: OfferLocation.default({ remote: 'none' }),
    salary: Salary.optional(),
    requiredSkills: z.array(RequiredSkill).max(100).default([]),
    experienceMinYears: z.number().min(0).max(50).optional(),
    experienceIdealYears: z.number().min(0).max(50).optional(),
    educationLevel: shortText(120).optional(),
    languages: z.array(LanguageSkill).max(20).default([]),
    drivingLicence: z.string().regex(/^(AM|A1|A2|A|B|BE|C1|C1E|C|CE|D1|D1E|D|DE)$/).nullable().default(null),
    certifications: z.array(shortText(120)).max(30).default([]),
    startDate: z.string().date().optional(),
    publishedAt: z.string().date().optional(),
    expiresAt: z.string().date().optional(),
    urgent: z.boolean().default(false),
    positions: z.number().int().min(1).max(1000).default(1)
});
export type JobOfferInput = z.input<typeof JobOfferInput>;
export type JobOfferFields = z.infer<typeof JobOfferInput>;

export const JobOffer = JobOfferInput.extend({
    ...StoredFields.shape,
    status: OfferStatus,
    statusHistory: z.array(OfferStatusChange),
    positionsFilled: z.number().int().nonnegative()
});
export type JobOffer = z.infer<typeof JobOffer>;
