import { CandidateFields } from '@matchpro/core/lib/common';

/**
 * Merges what a second CV says into a candidate: fields the candidate lacks are filled, lists are
 * united (same skill, licence, language or experience once), nothing already known is overwritten.
 */
export function mergeCandidateFields(keep: CandidateFields, other: CandidateFields): CandidateFields {
    const pick = <K extends keyof CandidateFields>(key: K): CandidateFields[K] => (keep[key] ?? other[key]) as CandidateFields[K];
    const unite = <T>(a: T[], b: T[], key: (item: T) => string): T[] => {
        const seen = new Set(a.map(key));
        return [...a, ...b.filter(item => !seen.has(key(item)))];
    };
    const lower = (text: string | null | undefined) => (text ?? '').trim().toLowerCase();
    return {
        ...keep,
        firstName: pick('firstName'), lastName: pick('lastName'), email: pick('email'), phone: pick('phone'), city: pick('city'),
        postcode: pick('postcode'), title: pick('title'), summary: pick('summary'), birthDate: pick('birthDate'), nationality: pick('nationality'),
        street: pick('street'), situation: pick('situation'), availableFrom: pick('availableFrom'),
        yearsOfExperience: Math.max(keep.yearsOfExperience ?? 0, other.yearsOfExperience ?? 0) || keep.yearsOfExperience || other.yearsOfExperience,
        drivingLicences: unite(keep.drivingLicences, other.drivingLicences, l => l),
        certifications: unite(keep.certifications, other.certifications, lower),
        languages: unite(keep.languages, other.languages, l => l.language),
        skills: unite(keep.skills, other.skills, s => s.escoUri ?? lower(s.name)),
        experiences: unite(keep.experiences, other.experiences, e => `${lower(e.title)}|${lower(e.company)}|${e.start ?? ''}`),
        education: unite(keep.education, other.education, e => `${lower(e.degree)}|${lower(e.school)}|${e.year ?? ''}`),
        notes: keep.notes || other.notes
    };
}
