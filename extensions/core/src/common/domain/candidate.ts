import { z } from 'zod';
import { ParsedProfileSchema } from '../parsed-profile';
import { ContractType } from './contract-type';
import { EntityId, longText, shortText, StoredFields } from './entity';

export const CandidateSituation = z.enum(['employed', 'available', 'notice', 'student']);
export type CandidateSituation = z.infer<typeof CandidateSituation>;

export const Mobility = z.object({
    /** How far the candidate will travel from home, in km. */
    radiusKm: z.number().min(0).max(2000).default(30),
    cities: z.array(shortText(120)).max(50).default([]),
    remote: z.boolean().default(false),
    hasVehicle: z.boolean().default(false)
});
export type Mobility = z.infer<typeof Mobility>;

export const CandidatePreferences = z.object({
    contractTypes: z.array(ContractType).default([]),
    sectors: z.array(shortText(120)).max(30).default([]),
    salaryMin: z.number().nonnegative().optional(),
    salaryMax: z.number().nonnegative().optional()
});
export type CandidatePreferences = z.infer<typeof CandidatePreferences>;

/**
 * What a recruiter enters or the parser extracts. Birth date and nationality are stored because the
 * agency's paperwork needs them; no score ever reads them (see the matching fairness test).
 */
export const CandidateInput = ParsedProfileSchema.extend({
    birthDate: z.string().date().nullable().default(null),
    nationality: z.string().max(60).nullable().default(null),
    street: shortText(300).nullable().default(null),
    mobility: Mobility.default({ radiusKm: 30, cities: [], remote: false, hasVehicle: false }),
    situation: CandidateSituation.nullable().default(null),
    availableFrom: z.string().date().nullable().default(null),
    preferences: CandidatePreferences.default({ contractTypes: [], sectors: [] }),
    notes: longText(20_000).default('')
});
export type CandidateInput = z.input<typeof CandidateInput>;
export type CandidateFields = z.infer<typeof CandidateInput>;

/** A CV's text beyond this is not kept (about 15 pages: what matters is at the top). */
export const CV_TEXT_LIMIT = 60_000;

export function fitCvText(text: string | undefined): string {
    return (text ?? '').slice(0, CV_TEXT_LIMIT);
}

export const Candidate = CandidateInput.extend({
    ...StoredFields.shape,
    /** The original CV file, stored encrypted beside the database. */
    cvFileId: EntityId.nullable(),
    cvFileName: z.string().nullable(),
    /**
     * The CV's whole text as the parser read it: matching looks for an offer's requirements in all of it
     * (experience descriptions, training, free text), not only in the extracted fields. Empty for
     * candidates entered by hand.
     */
    cvText: z.string().max(CV_TEXT_LIMIT).default(''),
    /** Which fields an AI provider added or corrected (shown in the editor). */
    aiFields: z.array(z.string()).default([]),
    lastContactAt: z.string().nullable()
});
export type Candidate = z.infer<typeof Candidate>;

/** The row a list shows: what a recruiter scans, not the whole profile. */
export interface CandidateSummary {
    id: string;
    firstName: string | null;
    lastName: string | null;
    email: string | null;
    phone: string | null;
    city: string | null;
    postcode: string | null;
    title: string | null;
    skills: string[];
    drivingLicences: string[];
    availableFrom: string | null;
    updatedAt: string;
}
