import { z } from 'zod';

/** French contract types; `mission` is an intérim assignment (the agency is the employer of record). */
export const ContractType = z.enum(['CDI', 'CDD', 'mission', 'stage', 'alternance']);
export type ContractType = z.infer<typeof ContractType>;

const ALIASES: Record<string, ContractType> = {
    'cdi': 'CDI', 'permanent': 'CDI', 'full-time': 'CDI',
    'cdd': 'CDD', 'fixed-term': 'CDD', 'temporary contract': 'CDD',
    'mission': 'mission', 'interim': 'mission', 'intérim': 'mission', "mission d'intérim": 'mission', 'temp': 'mission', 'temporary': 'mission',
    'stage': 'stage', 'internship': 'stage', 'intern': 'stage',
    'alternance': 'alternance', 'apprenticeship': 'alternance', 'work-study': 'alternance'
};

/** Reads the contract type a person or a file wrote, French or English ("Mission", "internship"...). */
export function parseContractType(text: string): ContractType | undefined {
    return ALIASES[text.trim().toLowerCase()];
}

export const ContractTypeInput = z.string().transform((value, ctx) => {
    const type = parseContractType(value);
    if (!type) {
        ctx.addIssue({ code: 'custom', message: `unknown contract type "${value.slice(0, 40)}" (CDI, CDD, mission, stage, alternance)` });
        return z.NEVER;
    }
    return type;
});
