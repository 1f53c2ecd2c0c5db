import { z } from 'zod';
import { Address } from './address';
import { shortText, StoredFields } from './entity';
import { normalizeSiret, siretProblem } from './siret';

export const CompanySize = z.enum(['startup', 'tpe', 'pme', 'eti', 'grand-groupe']);
export type CompanySize = z.infer<typeof CompanySize>;

export const Siret = z.string().max(30).transform(normalizeSiret).superRefine((value, ctx) => {
    const problem = siretProblem(value);
    if (problem) {
        ctx.addIssue({ code: 'custom', message: problem });
    }
});

/** What a user types to create or edit a company. */
export const CompanyInput = z.object({
    name: shortText(200).min(1, 'name is required'),
    siret: Siret.optional(),
    sector: shortText(120).optional(),
    nafCode: z.string().regex(/^\d{2}\.?\d{2}[A-Z]$/, 'NAF code looks like 62.01Z').optional(),
    size: CompanySize.optional(),
    website: z.string().url().max(300).optional(),
    address: Address.optional(),
    notes: z.string().max(20_000).optional()
});
export type CompanyInput = z.infer<typeof CompanyInput>;

export const Company = CompanyInput.extend(StoredFields.shape);
export type Company = z.infer<typeof Company>;
