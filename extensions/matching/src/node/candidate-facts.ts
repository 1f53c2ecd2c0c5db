import { Candidate, ContractType } from '@matchpro/core/lib/common';
import { cefrRank } from '@matchpro/core/lib/common/domain/language-level';
import { Certification, parseCertification } from './certification';
import { CommuneLocator, Place } from '@matchpro/core/lib/node/commune-locator';
import { licenceMask } from './driving-licence';
import { monthsOfExperience } from '@matchpro/core/lib/common/domain/experience-duration';
import { termSetOf } from '@matchpro/core/lib/common/text-terms';

/** One experience of the CV, as experience requirements read it. */
export interface CandidateRole {
    title: string;
    /** Stem hashes of the title and the employer (sorted). */
    terms: Uint32Array;
    /** ESCO occupations the title links to (engine ids, close ones included). */
    occupations: number[];
    /** NaN when the experience is not dated. */
    months: number;
    /** The title's encoder vector (shared by every experience with this title; set by the engine). */
    vector: Float32Array | undefined;
}

/**
 * What the engine knows about a candidate, computed when the candidate changes, never at query time.
 * Deliberately built from a closed list of job-related fields: name, birth date, gender, nationality,
 * photo and marital status are never read here (`label` is for display only and no score reads it).
 */
export interface CandidateFacts {
    id: string;
    version: number;
    label: string;
    detail: string;
    title: string;
    /** ESCO occupations the job title links to (ids in the engine's occupation table): sure (score >= 0.95), and close (>= 0.85). */
    occupations: number[];
    nearOccupations: number[];
    skillIds: number[];
    skillNames: string[];
    licenceMask: number;
    licences: string[];
    certifications: Certification[];
    place: Place | undefined;
    city: string;
    radiusKm: number;
    hasVehicle: boolean;
    /** NaN when the CV gives no dated experience. */
    years: number;
    languages: { code: string; rank: number }[];
    contractTypes: ContractType[];
    /** Bit per ContractType.options index (0 = no preference). */
    contractMask: number;
    /** Yearly gross EUR, NaN when unknown. */
    salaryMinYear: number;
    roles: CandidateRole[];
    /** How many distinct terms the CV has (a short CV cannot show a requirement is absent). */
    termCount: number;
    /** Stem hashes of the whole CV, and of its diploma and training lines (sorted; set by the engine). */
    terms: Uint32Array;
    credentials: Uint32Array;
    /** What each matching signal keeps of the candidate (engine order). */
    signals: unknown[];
}

/** The job title linked to ESCO occupations: the headline title, else the latest experience's. */
export function candidateJobTitle(c: Candidate): string {
    return c.title || c.experiences.find(e => e.title)?.title || '';
}

/** The texts the encoder embeds for a candidate: the job title(s), and the whole job-related profile. */
export function candidateTexts(c: Candidate): { title: string; document: string } {
    const titles = [c.title, ...c.experiences.slice(0, 3).map(e => e.title)].filter((t): t is string => !!t);
    const title = titles.join(' ; ') || c.skills.slice(0, 5).map(s => s.name).join(', ');
    const document = [title, c.skills.map(s => s.name).join(', '), c.certifications.join(', '), c.summary ?? ''].filter(Boolean).join('. ');
    return { title, document };
}

/** Everything of the CV requirements are looked for in: its whole text, and the fields (hand-entered candidates have no text). */
export function candidateSearchTexts(c: Candidate): string[] {
    return [c.cvText ?? '', c.title ?? '', c.summary ?? '', ...c.skills.map(s => s.name), ...c.certifications, ...c.drivingLicences.map(l => 'permis ' + l),
        ...c.experiences.map(e => [e.title, e.company].filter(Boolean).join(' ')), ...c.education.map(e => [e.degree, e.school].filter(Boolean).join(' '))];
}

/** Diplomas and trainings as the profile states them (added to the CV's own diploma lines). */
export function candidateEducationTexts(c: Candidate): string[] {
    return [...c.education.map(e => [e.degree, e.school].filter(Boolean).join(' ')), ...c.certifications];
}

export function contractMask(types: readonly string[]): number {
    return types.reduce((mask, t) => mask | (1 << Math.max(0, ContractType.options.indexOf(t as ContractType))), 0);
}

export function yearlySalary(amount: number | undefined, period?: 'hour' | 'month' | 'year'): number {
    if (amount === undefined || !(amount > 0)) { return NaN; }
    // A candidate's expectation carries no period: amounts under 200 are hourly, under 10k monthly.
    const p = period ?? (amount < 200 ? 'hour' : amount < 10_000 ? 'month' : 'year');
    return p === 'hour' ? amount * 1607 : p === 'month' ? amount * 12 : amount;
}

export function dayNumber(date: string | null | undefined): number {
    if (!date) { return NaN; }
    const t = Date.parse(date.length === 7 ? date + '-01' : date);
    return Number.isNaN(t) ? NaN : Math.floor(t / 86_400_000);
}

const EMPTY = new Uint32Array(0);

export function candidateFacts(c: Candidate, skillIds: number[], locator: CommuneLocator): CandidateFacts {
    const languages = c.languages.map(l => ({ code: l.language, rank: cefrRank(l.level) || 3 }));
    if (!languages.some(l => l.code === c.language)) {
        // A CV written in a language shows a working command of it (B2 assumed).
        languages.push({ code: c.language, rank: 4 });
    }
    const name = [c.firstName, c.lastName].filter(Boolean).join(' ');
    return {
        id: c.id, version: c.version,
        label: name || c.email || c.id.slice(0, 8),
        detail: [c.title, c.city].filter(Boolean).join(' — '),
        title: candidateTexts(c).title,
        occupations: [], nearOccupations: [],
        skillIds, skillNames: c.skills.map(s => s.name),
        licenceMask: licenceMask(c.drivingLicences), licences: c.drivingLicences,
        certifications: c.certifications.map(parseCertification),
        place: locator.locate(c.postcode, c.city), city: c.city ?? c.postcode ?? '',
        radiusKm: c.mobility?.radiusKm ?? 30, hasVehicle: !!c.mobility?.hasVehicle,
        years: c.yearsOfExperience ?? NaN,
        languages,
        contractTypes: c.preferences?.contractTypes ?? [],
        contractMask: contractMask(c.preferences?.contractTypes ?? []),
        salaryMinYear: yearlySalary(c.preferences?.salaryMin),
        roles: c.experiences.filter(e => e.title).map(e => ({
            title: e.title!, terms: termSetOf([e.title!, e.company ?? '']), occupations: [],
            months: e.start ? monthsOfExperience([e], new Date()) ?? NaN : NaN, vector: undefined
        })),
        termCount: 0, terms: EMPTY, credentials: EMPTY, signals: []
    };
}
