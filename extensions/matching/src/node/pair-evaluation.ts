import type { MatchEvidence } from '@matchpro/core/lib/common';
import { CandidateFacts } from './candidate-facts';
import { compareCertification, trainingHint } from './certification';
import { haversineKm } from '@matchpro/core/lib/node/commune-locator';
import { PreparedOffer } from './prepared-offer';
import { QuantizedVectors } from './quantized-vectors';

/**
 * Scores one candidate x offer pair: the semantic and rules components (0-100), the mandatory failures, and
 * the feature vector the ML ranker reads. With `explain`, also the evidence a recruiter can check. The same
 * code serves ranking (100k pairs, no explanation), explanations (top 50) and the ranker's training.
 */
export const FEATURE_NAMES = [
    'titleSimilarity', 'skillCloseness', 'documentSimilarity', 'mandatorySkillRatio', 'certificationRatio', 'licenceOk',
    'experienceRatio', 'distanceRatio', 'withinRadius', 'languageRatio', 'contractFit', 'salaryFit', 'availabilityDelay', 'skillCount',
    'occupationMatch'
] as const;
export const FEATURE_COUNT = FEATURE_NAMES.length;

export const FAILURE_SKILL = 1;
export const FAILURE_CERTIFICATION = 2;
export const FAILURE_LICENCE = 4;
export const FAILURE_DISTANCE = 8;

/** Mandatory skill counts as present from this credit on (a translation or close synonym). */
export const SKILL_PRESENT = 0.6;

export interface PairScore {
    semantic: number;
    rules: number;
    failures: number;
    /** When exactly one mandatory item fails: which ("skill:<k>", "certification:<k>", "licence", "distance"). */
    onlyFailure: string | undefined;
    distanceKm: number;
}

export interface Explanation {
    strengths: MatchEvidence[];
    weaknesses: MatchEvidence[];
    risks: MatchEvidence[];
    suggestions: MatchEvidence[];
}

export function newPairScore(): PairScore {
    return { semantic: 0, rules: 0, failures: 0, onlyFailure: undefined, distanceKm: NaN };
}

function ev(kind: MatchEvidence['kind'], message: string, messageFr: string): MatchEvidence {
    return { kind, message, messageFr };
}

/** Whether one of the candidate's occupation ids is marked in the offer's table. */
function anyMarked(table: Uint8Array, ids: number[]): boolean {
    for (let i = 0; i < ids.length; i++) { if (table[ids[i]] === 1) { return true; } }
    return false;
}

function clamp01(x: number): number {
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

function similarity(x: number): number {
    return clamp01((x - 0.15) / 0.65);
}

const SKILL_KEYS = Array.from({ length: 100 }, (_, k) => 'skill:' + k);
const CERTIFICATION_KEYS = Array.from({ length: 30 }, (_, k) => 'certification:' + k);
const NO_CERTIFICATION = { verdict: 'missing' as const, closest: undefined };

const round1 = (x: number) => Math.round(x * 10) / 10;

export function evaluatePair(p: PreparedOffer, c: CandidateFacts, titleVecs: QuantizedVectors, docVecs: QuantizedVectors, slot: number,
    features: Float32Array, fOff: number, out: PairScore, explain?: Explanation, cap = 40): PairScore {
    let failures = 0;
    let failedItems = 0;
    let only: string | undefined;

    // --- semantic: occupation (title) closeness, skill closeness with related skills, whole profile
    const titleSim = titleVecs.dot(slot, p.titleVec);
    const docSim = docVecs.dot(slot, p.docVec);
    let closeness = 0;
    let mandatoryTotal = 0, mandatoryMet = 0;
    const ids = c.skillIds;
    for (let k = 0; k < p.skills.length; k++) {
        const s = p.skills[k];
        let best = 0, bestAt = -1;
        for (let i = 0; i < ids.length; i++) {
            const v = s.credit[ids[i]];
            if (v > best) { best = v; bestAt = i; }
        }
        closeness += best * s.weight;
        if (s.mandatory) {
            mandatoryTotal++;
            if (best >= SKILL_PRESENT) { mandatoryMet++; } else { failures |= FAILURE_SKILL; failedItems++; only = SKILL_KEYS[k]; }
        }
        if (explain) {
            if (best >= SKILL_PRESENT) {
                const as = c.skillNames[bestAt];
                const same = as.toLowerCase() === s.name.toLowerCase();
                explain.strengths.push(ev('skill', `Has the ${s.mandatory ? 'required ' : ''}skill "${s.name}"${same ? '' : ` (as "${as}")`}`,
                    `Possède la compétence ${s.mandatory ? 'requise ' : ''}« ${s.name} »${same ? '' : ` (« ${as} »)`}`));
            } else if (s.mandatory) {
                const near = best > 0.2 && bestAt >= 0 ? { en: ` (closest: "${c.skillNames[bestAt]}")`, fr: ` (le plus proche : « ${c.skillNames[bestAt]} »)` } : { en: '', fr: '' };
                explain.weaknesses.push(ev('skill', `Missing mandatory skill "${s.name}"${near.en} — score capped at ${cap}`,
                    `Compétence obligatoire « ${s.name} » absente${near.fr} — score plafonné à ${cap}`));
                explain.suggestions.push(ev('skill', `A short training in "${s.name}" would meet this mandatory requirement`,
                    `Une formation courte en « ${s.name} » permettrait de remplir ce critère obligatoire`));
            } else {
                explain.weaknesses.push(ev('skill', `Does not show the skill "${s.name}"`, `Ne montre pas la compétence « ${s.name} »`));
            }
        }
    }
    const skillCloseness = p.skills.length > 0 ? closeness / p.skillWeightSum : similarity(docSim);
    // Occupation closeness: the same ESCO occupation (FR and EN titles link to the same one) or the title vectors.
    const occupation = anyMarked(p.occupationTable, c.occupations) ? 1 : anyMarked(p.nearOccupationTable, c.nearOccupations) ? 0.6 : 0;
    out.semantic = 100 * (0.35 * Math.max(similarity(titleSim), occupation) + 0.4 * skillCloseness + 0.25 * similarity(docSim));
    if (explain && occupation === 1 && c.title) {
        explain.strengths.push(ev('occupation', `Same occupation as the offer (ESCO: ${p.occupationLabel}): "${c.title}" for "${p.offer.title}"`,
            `Même métier que l'offre (ESCO : ${p.occupationLabel}) : « ${c.title} » pour « ${p.offer.title} »`));
    } else if (explain && (titleSim >= 0.6 || occupation > 0) && c.title) {
        explain.strengths.push(ev('occupation', `Job title close to the offer: "${c.title}" for "${p.offer.title}"`,
            `Métier proche de l'offre : « ${c.title} » pour « ${p.offer.title} »`));
    } else if (explain && titleSim < 0.3 && occupation === 0) {
        explain.risks.push(ev('occupation', `Job title far from the offer: "${c.title || '—'}" for "${p.offer.title}"`,
            `Métier éloigné de l'offre : « ${c.title || '—'} » pour « ${p.offer.title} »`));
    }

    // --- rules
    let ruleSum = 0, ruleWeight = 0;
    if (mandatoryTotal > 0) { ruleSum += 3 * mandatoryMet / mandatoryTotal; ruleWeight += 3; }

    let certScore = 0;
    for (let k = 0; k < p.certifications.length; k++) {
        const required = p.certifications[k];
        const { verdict, closest } = c.certifications.length === 0 ? NO_CERTIFICATION : compareCertification(required, c.certifications);
        certScore += verdict === 'satisfied' ? 1 : verdict === 'other-category' ? 0.3 : 0;
        if (verdict !== 'satisfied') { failures |= FAILURE_CERTIFICATION; failedItems++; only = CERTIFICATION_KEYS[k]; }
        if (explain) {
            if (verdict === 'satisfied') {
                explain.strengths.push(ev('certification', `Holds ${closest!.label} (required: ${required.label})`, `Titulaire de ${closest!.label} (requis : ${required.label})`));
            } else {
                const hint = trainingHint(required);
                explain.weaknesses.push(verdict === 'other-category'
                    ? ev('certification', `Holds ${closest!.label}, not the required ${required.label} — score capped at ${cap}`,
                        `Titulaire de ${closest!.label}, mais pas du ${required.label} requis — score plafonné à ${cap}`)
                    : ev('certification', `Missing required certification ${required.label} — score capped at ${cap}`,
                        `Certification requise ${required.label} absente — score plafonné à ${cap}`));
                explain.suggestions.push(ev('certification', `${required.label}: ${hint.en} would make this candidate eligible`,
                    `${required.label} : ${hint.fr} rendrait ce candidat éligible`));
            }
        }
    }
    const certRatio = p.certifications.length > 0 ? certScore / p.certifications.length : 1;
    if (p.certifications.length > 0) { ruleSum += 2 * certRatio; ruleWeight += 2; }

    let licenceOk = 1;
    if (p.licence) {
        licenceOk = (c.licenceMask & p.licenceBit) !== 0 ? 1 : 0;
        ruleSum += 2 * licenceOk; ruleWeight += 2;
        if (!licenceOk) { failures |= FAILURE_LICENCE; failedItems++; only = 'licence'; }
        if (explain) {
            const held = c.licences.length ? c.licences.join(', ') : 'none';
            const heldFr = c.licences.length ? c.licences.join(', ') : 'aucun';
            if (licenceOk) {
                explain.strengths.push(ev('licence', `Driving licence ${held} covers the required ${p.licence}`, `Permis ${heldFr} : couvre le ${p.licence} requis`));
            } else {
                explain.weaknesses.push(ev('licence', `Driving licence ${p.licence} required, holds: ${held} — score capped at ${cap}`,
                    `Permis ${p.licence} requis, détient : ${heldFr} — score plafonné à ${cap}`));
                explain.suggestions.push(ev('licence', `A licence ${p.licence} training would meet this requirement`, `Une formation au permis ${p.licence} remplirait ce critère`));
            }
        }
    }

    let expRatio = 0.5;
    if (!Number.isNaN(p.expMin)) {
        let value: number;
        if (Number.isNaN(c.years)) {
            value = 0.5;
            if (explain) { explain.risks.push(ev('experience', `Experience not dated in the CV (offer asks ${p.expMin} years)`, `Expérience non datée dans le CV (l'offre demande ${p.expMin} ans)`)); }
        } else if (c.years >= p.expIdeal) {
            value = 1;
            if (explain) { explain.strengths.push(ev('experience', `${round1(c.years)} years of experience (ideal ${p.expIdeal})`, `${round1(c.years)} ans d'expérience (idéal ${p.expIdeal})`)); }
        } else if (c.years >= p.expMin) {
            value = 0.7 + 0.3 * (p.expIdeal > p.expMin ? (c.years - p.expMin) / (p.expIdeal - p.expMin) : 1);
            if (explain) { explain.strengths.push(ev('experience', `${round1(c.years)} years of experience (minimum ${p.expMin})`, `${round1(c.years)} ans d'expérience (minimum ${p.expMin})`)); }
        } else {
            value = 0.5 * (p.expMin > 0 ? c.years / p.expMin : 0);
            if (explain) { explain.weaknesses.push(ev('experience', `${round1(c.years)} years of experience, below the ${p.expMin} years asked`, `${round1(c.years)} ans d'expérience, sous les ${p.expMin} ans demandés`)); }
        }
        ruleSum += 1.5 * value; ruleWeight += 1.5;
        expRatio = Number.isNaN(c.years) ? 0.5 : clamp01(c.years / Math.max(1, p.expIdeal) / 2);
    }

    let distanceRatio = 0.5, within = 0.5;
    out.distanceKm = NaN;
    if (p.remote) {
        within = 1; distanceRatio = 0;
    } else if (p.place && c.place) {
        const d = haversineKm(p.place, c.place);
        out.distanceKm = d;
        const r = Math.max(1, c.radiusKm);
        let value: number;
        if (d <= r) { value = 1 - 0.2 * d / r; within = 1; } else if (d <= 2 * r) { value = 0.4 * (2 - d / r); within = 0; } else {
            value = 0; within = 0; failures |= FAILURE_DISTANCE; failedItems++; only = 'distance';
        }
        ruleSum += 2 * value; ruleWeight += 2;
        distanceRatio = clamp01(d / r / 4);
        if (explain) {
            // Without commune coordinates on either side, the distance is between département chefs-lieux: say so.
            const same = p.place.departement === c.place.departement && (p.place.precision === 'departement' || c.place.precision === 'departement');
            const where = same ? { en: `in the same département as the offer (${c.city || c.place.departement})`, fr: `dans le même département que l'offre (${c.city || c.place.departement})` }
                : d < 1 ? { en: `in ${c.city || p.city || 'the offer\'s commune'}, where the offer is`, fr: `à ${c.city || p.city || "la commune de l'offre"}, comme l'offre` }
                    : { en: `about ${Math.round(d)} km from ${p.city || 'the offer'} (${c.city})`, fr: `à environ ${Math.round(d)} km de ${p.city || "l'offre"} (${c.city})` };
            if (d <= r) {
                explain.strengths.push(ev('distance', `Lives ${where.en}, within the ${r} km travel radius`, `Habite ${where.fr}, dans son rayon de ${r} km`));
                if (d > 0.8 * r && !c.hasVehicle) { explain.risks.push(ev('distance', `Near the edge of the ${r} km radius and no vehicle declared`, `En limite du rayon de ${r} km et sans véhicule déclaré`)); }
            } else if (d <= 2 * r) {
                explain.weaknesses.push(ev('distance', `Lives ${where.en}, beyond the ${r} km travel radius`, `Habite ${where.fr}, au-delà de son rayon de ${r} km`));
            } else {
                explain.weaknesses.push(ev('distance', `Lives ${where.en}, more than twice the ${r} km travel radius — score capped at ${cap}`,
                    `Habite ${where.fr}, plus du double de son rayon de ${r} km — score plafonné à ${cap}`));
            }
        }
    } else if (explain) {
        explain.risks.push(ev('distance', 'Distance unknown: the candidate\'s or the offer\'s commune is missing or not French', 'Distance inconnue : commune du candidat ou de l\'offre absente ou hors de France'));
    }

    let languageRatio = 1;
    if (p.languages.length > 0) {
        let sum = 0;
        for (const l of p.languages) {
            const held = c.languages.find(x => x.code === l.code);
            const v = !held ? 0 : held.rank >= l.rank ? 1 : 0.5;
            sum += v;
            if (explain) {
                const lv = l.level ? ` ${l.level}` : '';
                if (v === 1) { explain.strengths.push(ev('language', `Speaks ${l.code.toUpperCase()} at the level asked${lv}`, `Parle ${l.code.toUpperCase()} au niveau demandé${lv}`)); } else if (v === 0.5) {
                    explain.weaknesses.push(ev('language', `${l.code.toUpperCase()} below the level asked${lv}`, `${l.code.toUpperCase()} sous le niveau demandé${lv}`));
                } else { explain.weaknesses.push(ev('language', `${l.code.toUpperCase()}${lv} asked, not in the profile`, `${l.code.toUpperCase()}${lv} demandé, absent du profil`)); }
            }
        }
        languageRatio = sum / p.languages.length;
        ruleSum += languageRatio; ruleWeight += 1;
    }

    let contractFit = 0.8;
    if (c.contractMask !== 0) {
        contractFit = (c.contractMask & p.contractBit) !== 0 ? 1 : 0.2;
        if (explain && contractFit < 1) {
            explain.weaknesses.push(ev('contract', `Looks for ${c.contractTypes.join('/')}, the offer is ${p.offer.contractType}`, `Recherche ${c.contractTypes.join('/')}, l'offre est en ${p.offer.contractType}`));
        }
    }
    ruleSum += contractFit; ruleWeight += 1;

    let salaryFit = 1;
    if (!Number.isNaN(p.salaryMaxYear) && !Number.isNaN(c.salaryMinYear)) {
        salaryFit = p.salaryMaxYear >= c.salaryMinYear ? 1 : clamp01(1 - (c.salaryMinYear - p.salaryMaxYear) / c.salaryMinYear * 4) * 0.5;
        ruleSum += 0.5 * salaryFit; ruleWeight += 0.5;
        if (explain && salaryFit < 1) {
            explain.weaknesses.push(ev('salary', `Expects about ${Math.round(c.salaryMinYear / 100) * 100} EUR/year, the offer pays up to ${Math.round(p.salaryMaxYear / 100) * 100}`,
                `Attend environ ${Math.round(c.salaryMinYear / 100) * 100} EUR/an, l'offre paie jusqu'à ${Math.round(p.salaryMaxYear / 100) * 100}`));
        }
    }

    let delay = 0;
    if (!Number.isNaN(p.startDay)) {
        const late = Number.isNaN(c.availableDay) ? 0 : c.availableDay - p.startDay;
        delay = clamp01(late / 90);
        ruleSum += late <= 0 ? 1 : clamp01(1 - late / 60); ruleWeight += 1;
        if (explain && late > 0) {
            const start = p.offer.startDate!;
            (late > 30 ? explain.weaknesses : explain.risks).push(ev('availability', `Available from ${c.availableFrom}, ${late} days after the start date ${start}`,
                `Disponible le ${c.availableFrom}, ${late} jours après la date de début ${start}`));
        }
    }

    out.rules = ruleWeight > 0 ? 100 * ruleSum / ruleWeight : 50;
    out.failures = failures;
    out.onlyFailure = failedItems === 1 ? only : undefined;

    const f = features;
    f[fOff] = titleSim; f[fOff + 1] = skillCloseness; f[fOff + 2] = docSim;
    f[fOff + 3] = mandatoryTotal > 0 ? mandatoryMet / mandatoryTotal : 1;
    f[fOff + 4] = certRatio; f[fOff + 5] = licenceOk; f[fOff + 6] = expRatio; f[fOff + 7] = distanceRatio; f[fOff + 8] = within;
    f[fOff + 9] = languageRatio; f[fOff + 10] = contractFit; f[fOff + 11] = salaryFit; f[fOff + 12] = delay;
    f[fOff + 13] = Math.min(1, Math.log1p(c.skillIds.length) / Math.log(50));
    f[fOff + 14] = occupation;
    return out;
}
