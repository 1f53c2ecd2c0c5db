import type { JobOffer } from '@matchpro/core/lib/common';
import { CommuneLocator, Place } from '@matchpro/core/lib/node/commune-locator';
import { licenceBit } from './driving-licence';
import { OfferRequirement, offerRequirements, offerWords, RequirementWord } from './offer-requirements';
import { PreparedRequirements } from './requirement-check';
import { contractMask, yearlySalary } from './candidate-facts';
import type { MatchingSignal } from '../common/matching-signal';
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
    /** Everything the offer asks, typed (offer-requirements.ts). */
    requirements: OfferRequirement[];
    /** Per requirement: its index in `skills` (the concept channel), -1 when none. */
    conceptIndex: number[];
    /** The requirements compiled against the term index of the current ranking. */
    compiled: PreparedRequirements | undefined;
    /** The ad's meaningful words (text relevance). */
    words: RequirementWord[];
    /** Each matching signal with what it keeps of the offer, and the ranker input it fills (-1: none). */
    signals: { signal: MatchingSignal; state: unknown; feature: number }[];
    licence: string | undefined;
    licenceBit: number;
    place: Place | undefined;
    city: string;
    remote: boolean;
    salaryMaxYear: number;
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

export function prepareOffer(offer: JobOffer, vectors: { title: number[]; document: number[] }, skillIds: number[],
    vocabulary: SkillVocabulary, locator: CommuneLocator): PreparedOffer {
    const requirements = offerRequirements(offer);
    const skills: PreparedSkill[] = [];
    // The concept channel (ESCO / encoder credit against the CV's skills) serves the requirements that are
    // skills in a broad sense; certificates, licences, languages and durations have their own parsers.
    const conceptIndex = requirements.map((r, k) => {
        if (k >= offer.requiredSkills.length || !CONCEPT_KINDS.has(r.kind)) { return -1; }
        const s = offer.requiredSkills[k];
        skills.push({ name: s.name, mandatory: s.mandatory, weight: Math.max(0.1, s.weight ?? 1) * (s.mandatory ? 2 : 1), vocabId: skillIds[k], credit: new Float32Array(0) });
        return skills.length - 1;
    });
    const licence = requirements.find(r => r.kind === 'licence')?.licence;
    const prepared: PreparedOffer = {
        offer, requirements, conceptIndex, compiled: undefined, words: offerWords(offer),
        titleVec: Float32Array.from(vectors.title), docVec: Float32Array.from(vectors.document),
        skills, skillWeightSum: skills.reduce((a, s) => a + s.weight, 0),
        licence, licenceBit: licence ? licenceBit(licence) : 0,
        place: locator.locate(offer.location?.postcode, offer.location?.city),
        city: offer.location?.city ?? offer.location?.postcode ?? '',
        remote: offer.location?.remote === 'full',
        salaryMaxYear: yearlySalary(offer.salary?.max ?? offer.salary?.min, offer.salary?.period),
        signals: [],
        vocabSize: 0,
        contractBit: contractMask([offer.contractType]),
        occupations: [], nearOccupations: [], occupationLabel: undefined,
        occupationTable: new Uint8Array(0), nearOccupationTable: new Uint8Array(0)
    };
    extendCredits(prepared, vocabulary);
    return prepared;
}

const CONCEPT_KINDS = new Set(['diploma', 'task', 'tool', 'skill']);

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
