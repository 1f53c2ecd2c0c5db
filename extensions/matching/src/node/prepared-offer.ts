import type { JobOffer } from '@matchpro/core/lib/common';
import { cefrRank } from '@matchpro/core/lib/common/domain/language-level';
import { Certification, parseCertification } from './certification';
import { CommuneLocator, Place } from '@matchpro/core/lib/node/commune-locator';
import { licenceBit, parseLicence } from './driving-licence';
import { contractMask, dayNumber, yearlySalary } from './candidate-facts';
import { SkillVocabulary } from './skill-vocabulary';

export interface PreparedSkill {
    name: string;
    mandatory: boolean;
    weight: number;
    vocabId: number;
    /** credit[v] in 0..1: how well vocabulary skill v covers this one (1 = same skill, FR or EN). */
    credit: Float32Array;
}

/** An offer ready to be scored against every candidate: everything that depends only on the offer. */
export interface PreparedOffer {
    offer: JobOffer;
    titleVec: Float32Array;
    docVec: Float32Array;
    skills: PreparedSkill[];
    skillWeightSum: number;
    licence: string | undefined;
    licenceBit: number;
    certifications: Certification[];
    place: Place | undefined;
    city: string;
    remote: boolean;
    expMin: number;
    expIdeal: number;
    languages: { code: string; rank: number; level: string | null }[];
    salaryMaxYear: number;
    startDay: number;
    vocabSize: number;
    contractBit: number;
    occupations: number[];
    nearOccupations: number[];
    occupationLabel: string | undefined;
    /** 1 at the ids of `occupations` / `nearOccupations` (index = occupation id; ids beyond the end are absent). */
    occupationTable: Uint8Array;
    nearOccupationTable: Uint8Array;
}

export function occupationTable(ids: number[]): Uint8Array {
    const table = new Uint8Array(ids.length ? Math.max(...ids) + 1 : 0);
    for (const id of ids) { table[id] = 1; }
    return table;
}

/**
 * Cosine -> credit. Measured on the bilingual encoder: unrelated skills stay under ~0.3, FR<->EN translations
 * of the same skill score 0.4-0.9 (median ~0.65). So: 0 under 0.25, full credit from 0.65, and a mandatory
 * skill counts as present from credit 0.6 (cosine ~0.49).
 */
export function skillCredit(cosine: number): number {
    return Math.max(0, Math.min(1, (cosine - 0.25) / 0.4));
}

export function offerTexts(offer: JobOffer, occupationSkills: string[]): { title: string; document: string } {
    const title = offer.title;
    const document = [offer.title, offer.requiredSkills.map(s => s.name).join(', '), offer.certifications.join(', '),
        occupationSkills.slice(0, 12).join(', '), offer.description.slice(0, 600)].filter(Boolean).join('. ');
    return { title, document };
}

/**
 * Recruiters often write a certification or a licence as a mandatory skill ("CACES R489 cat. 3", "Permis CE"):
 * those are checked as what they are (category rules), not as skills.
 */
export function requirementOf(skillName: string): { certification?: string; licence?: string } {
    const cert = parseCertification(skillName);
    if (cert.family !== 'other' || /^(FIMO|FCO|SST|ADR)\b/i.test(skillName.trim())) { return { certification: skillName }; }
    if (/\b(permis|licen[cs]e)\b/i.test(skillName)) {
        const licence = parseLicence(skillName);
        if (licence) { return { licence }; }
    }
    return {};
}

export function prepareOffer(offer: JobOffer, vectors: { title: number[]; document: number[] }, skillIds: number[],
    vocabulary: SkillVocabulary, locator: CommuneLocator): PreparedOffer {
    const certifications = [...offer.certifications];
    let licenceText = offer.drivingLicence ?? undefined;
    const skills: PreparedSkill[] = [];
    offer.requiredSkills.forEach((s, k) => {
        const requirement = s.mandatory ? requirementOf(s.name) : {};
        if (requirement.certification) {
            if (!certifications.includes(requirement.certification)) { certifications.push(requirement.certification); }
        } else if (requirement.licence) {
            licenceText ??= requirement.licence;
        } else {
            skills.push({ name: s.name, mandatory: s.mandatory, weight: Math.max(0.1, s.weight ?? 1) * (s.mandatory ? 2 : 1), vocabId: skillIds[k], credit: new Float32Array(0) });
        }
    });
    const licence = licenceText ? parseLicence(licenceText) : undefined;
    const prepared: PreparedOffer = {
        offer,
        titleVec: Float32Array.from(vectors.title), docVec: Float32Array.from(vectors.document),
        skills, skillWeightSum: skills.reduce((a, s) => a + s.weight, 0),
        licence, licenceBit: licence ? licenceBit(licence) : 0,
        certifications: certifications.map(parseCertification),
        place: locator.locate(offer.location?.postcode, offer.location?.city),
        city: offer.location?.city ?? offer.location?.postcode ?? '',
        remote: offer.location?.remote === 'full',
        expMin: offer.experienceMinYears ?? NaN,
        expIdeal: offer.experienceIdealYears ?? offer.experienceMinYears ?? NaN,
        languages: offer.languages.map(l => ({ code: l.language, rank: cefrRank(l.level) || 3, level: l.level })),
        salaryMaxYear: yearlySalary(offer.salary?.max ?? offer.salary?.min, offer.salary?.period),
        startDay: dayNumber(offer.startDate),
        vocabSize: 0,
        contractBit: contractMask([offer.contractType]),
        occupations: [], nearOccupations: [], occupationLabel: undefined,
        occupationTable: new Uint8Array(0), nearOccupationTable: new Uint8Array(0)
    };
    extendCredits(prepared, vocabulary);
    return prepared;
}

/** Brings the credit tables up to the vocabulary's current size (new skills appear as candidates change). */
export function extendCredits(prepared: PreparedOffer, vocabulary: SkillVocabulary): void {
    const size = vocabulary.size;
    if (prepared.vocabSize === size) { return; }
    const dim = vocabulary.dim;
    for (const skill of prepared.skills) {
        const credit = new Float32Array(size);
        credit.set(skill.credit);
        const own = vocabulary.vector(skill.vocabId);
        for (let v = prepared.vocabSize; v < size; v++) {
            if (v === skill.vocabId) { credit[v] = 1; continue; }
            const other = vocabulary.vector(v);
            let dot = 0;
            for (let j = 0; j < dim; j++) { dot += own[j] * other[j]; }
            credit[v] = skillCredit(dot);
        }
        skill.credit = credit;
    }
    prepared.vocabSize = size;
}
