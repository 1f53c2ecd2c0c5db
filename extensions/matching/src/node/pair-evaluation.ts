import type { MatchEvidence } from '@matchpro/core/lib/common';
import { CandidateFacts } from './candidate-facts';
import { trainingHint } from './certification';
import { OfferRequirement } from './offer-requirements';
import { checkRequirement, findSource, PairContext, RequirementOutcome } from './requirement-check';
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
export const FAILURE_SIGNAL = 16;


export interface PairScore {
    semantic: number;
    rules: number;
    failures: number;
    /** How many mandatory criteria failed (the candidate ranks after everyone with fewer). */
    failedCount: number;
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
    return { semantic: 0, rules: 0, failures: 0, failedCount: 0, onlyFailure: undefined, distanceKm: NaN };
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

const REQUIREMENT_KEYS = Array.from({ length: 200 }, (_, k) => 'requirement:' + k);
/** Best concept credit per offer skill, reused across pairs (the 100k loop allocates nothing). */
let conceptScratch = new Float32Array(64);

/** The context of the pair being scored, one object mutated per pair. */
const pairContext: PairContext & { offer: PreparedOffer | undefined; credits: Float32Array } = {
    facts: undefined as unknown as CandidateFacts, table: new Uint8Array(0), row: 0, occupationCloseness: 0, offer: undefined, credits: new Float32Array(0),
    concept(k: number): number { return this.credits[this.offer!.conceptIndex[k]]; },
    sameOccupation(occupations: number[]): boolean { return anyMarked(this.offer!.nearOccupationTable, occupations); }
};

const KIND_OF_EVIDENCE: Record<OfferRequirement['kind'], MatchEvidence['kind']> = {
    diploma: 'diploma', certification: 'certification', licence: 'licence', experience: 'experience', language: 'language', tool: 'tool', task: 'task', skill: 'skill'
};

function quote(source: string | undefined): { en: string; fr: string } {
    return source ? { en: `: "${source}"`, fr: ` : « ${source} »` } : { en: '', fr: '' };
}

/** The requirement's line of the explanation: met (with the CV sentence), a risk to check, or failed. */
function explainRequirement(explain: Explanation, r: OfferRequirement, o: RequirementOutcome, text: string | undefined): void {
    const kind = KIND_OF_EVIDENCE[r.kind];
    const source = o.held && o.channel === 'certificate' ? o.held : text ? findSource(r, text) : undefined;
    const q = quote(source);
    const months = Number.isNaN(o.months) || o.months <= 0 ? undefined : o.months;
    const inRole = r.kind === 'experience' && months !== undefined
        ? { en: ` (${formatMonths(months, 'en')} in the role)`, fr: ` (${formatMonths(months, 'fr')} dans le poste)` } : { en: '', fr: '' };
    const label = r.mandatory ? { en: 'Required', fr: 'Exigé' } : { en: 'Asked', fr: 'Demandé' };
    const item: MatchEvidence = o.status === 'met'
        ? { kind, message: `${label.en} "${r.text}": met${inRole.en}${q.en}`, messageFr: `${label.fr} « ${r.text} » : rempli${inRole.fr}${q.fr}`, source, status: 'met' }
        : o.failed
            ? {
                kind, source, status: o.status,
                message: `${label.en} "${r.text}": not met${inRole.en}${o.held ? ` (holds ${o.held})` : source ? q.en : ' — not found in the CV'} — ranked after the candidates who meet it`,
                messageFr: `${label.fr} « ${r.text} » : non rempli${inRole.fr}${o.held ? ` (détient ${o.held})` : source ? q.fr : ' — absent du CV'} — classé après les candidats qui le remplissent`
            }
            : o.status === 'partly'
                ? { kind, source, status: 'partly', message: `${label.en} "${r.text}": partly shown, to check${inRole.en}${q.en}`, messageFr: `${label.fr} « ${r.text} » : en partie, à vérifier${inRole.fr}${q.fr}` }
                : { kind, source, status: 'not-found', message: `${label.en} "${r.text}": not found in the CV, to ask`, messageFr: `${label.fr} « ${r.text} » : pas trouvé dans le CV, à demander` };
    (o.status === 'met' ? explain.strengths : o.failed ? explain.weaknesses : r.mandatory || o.status === 'partly' ? explain.risks : explain.weaknesses).push(item);
    if (o.failed) {
        const hint = r.kind === 'certification' ? trainingHint(r.certification!) : r.kind === 'licence' ? { en: `a licence ${r.licence} training`, fr: `une formation au permis ${r.licence}` } : undefined;
        if (hint) {
            explain.suggestions.push(ev(kind, `${r.text}: ${hint.en} would make this candidate eligible`, `${r.text} : ${hint.fr} rendrait ce candidat éligible`));
        }
    }
}

function formatMonths(months: number, lang: 'en' | 'fr'): string {
    if (months < 12) { return lang === 'en' ? `${months} months` : `${months} mois`; }
    const years = Math.round(months / 12 * 10) / 10;
    return lang === 'en' ? `${years} years` : `${years} ans`;
}


/** The presence table of the current ranking (requirement-check.ts) and the candidate's row in it. */
export interface PairTable {
    table: Uint8Array;
    row: number;
    /** The candidate's text relevance to the ad (requirement-check.ts offerCoverage*). */
    relevance: number;
}

export function evaluatePair(p: PreparedOffer, c: CandidateFacts, titleVecs: QuantizedVectors, docVecs: QuantizedVectors, slot: number,
    features: Float32Array, fOff: number, out: PairScore, terms: PairTable, explain?: Explanation, sourceText?: string): PairScore {
    let failures = 0;
    let failedItems = 0;
    let only: string | undefined;

    // --- semantic: occupation (title) closeness, skill closeness with related skills, whole profile
    const titleSim = titleVecs.dot(slot, p.titleVec);
    const docSim = docVecs.dot(slot, p.docVec);
    let closeness = 0;
    const ids = c.skillIds;
    const credits = conceptScratch.length >= p.skills.length ? conceptScratch : (conceptScratch = new Float32Array(p.skills.length * 2));
    for (let k = 0; k < p.skills.length; k++) {
        const s = p.skills[k];
        let best = 0;
        for (let i = 0; i < ids.length; i++) {
            const v = s.credit[ids[i]];
            if (v > best) { best = v; }
        }
        credits[k] = best;
        closeness += best * s.weight;
    }
    const skillCloseness = p.skills.length > 0 ? closeness / p.skillWeightSum : similarity(docSim);
    // Occupation closeness: the same ESCO occupation (FR and EN titles link to the same one) or the title vectors.
    const occupation = anyMarked(p.occupationTable, c.occupations) ? 1 : anyMarked(p.nearOccupationTable, c.nearOccupations) ? 0.6 : 0;
    // Text relevance: the share of the ad's words (weighted by rarity) the CV uses; 0.5 of them is already a close match.
    const relevance = Math.min(1, terms.relevance / 0.5);
    out.semantic = 100 * (0.3 * Math.max(similarity(titleSim), occupation) + 0.25 * skillCloseness + 0.15 * similarity(docSim) + 0.3 * relevance);
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

    // --- rules: every requirement of the offer, looked for in the whole CV
    let ruleSum = 0, ruleWeight = 0;
    const compiled = p.compiled!;
    const ctx = pairContext;
    ctx.facts = c; ctx.table = terms.table; ctx.row = terms.row; ctx.offer = p; ctx.credits = credits;
    ctx.occupationCloseness = Math.max(similarity(titleSim), occupation);
    let reqSum = 0, reqWeight = 0, mandatoryTotal = 0, mandatoryMet = 0;
    let certTotal = 0, certMet = 0, languageTotal = 0, languageMet = 0, licenceOk = 1, experienceValue = 0.5;
    for (let k = 0; k < p.requirements.length; k++) {
        const r = p.requirements[k];
        const o = checkRequirement(compiled, k, ctx);
        const w = r.weight * (r.mandatory ? 2 : 1);
        reqSum += w * o.value; reqWeight += w;
        if (r.mandatory) { mandatoryTotal++; if (o.status === 'met') { mandatoryMet++; } }
        if (r.kind === 'certification') { certTotal++; certMet += o.value; }
        if (r.kind === 'language') { languageTotal++; languageMet += o.value; }
        if (r.kind === 'licence') { licenceOk = o.status === 'met' ? 1 : 0; }
        if (r.kind === 'experience') { experienceValue = o.value; }
        if (o.failed) {
            failedItems++;
            if (r.kind === 'licence') { failures |= FAILURE_LICENCE; only = 'licence'; } else if (r.kind === 'certification') { failures |= FAILURE_CERTIFICATION; only = REQUIREMENT_KEYS[k]; } else { failures |= FAILURE_SKILL; only = REQUIREMENT_KEYS[k]; }
        }
        if (explain) { explainRequirement(explain, r, o, sourceText); }
    }
    // An offer that states no requirement counts as half met, so offers stay comparable for one candidate.
    ruleSum += 4 * (reqWeight > 0 ? reqSum / reqWeight : 0.5); ruleWeight += 4;
    const certRatio = certTotal > 0 ? certMet / certTotal : 1;
    const languageRatio = languageTotal > 0 ? languageMet / languageTotal : 1;
    const expRatio = experienceValue;

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
                explain.weaknesses.push(ev('distance', `Lives ${where.en}, more than twice the ${r} km travel radius — ranked after the candidates within reach`,
                    `Habite ${where.fr}, plus du double de son rayon de ${r} km — classé après les candidats à portée`));
            }
        }
    } else if (explain) {
        explain.risks.push(ev('distance', 'Distance unknown: the candidate\'s or the offer\'s commune is missing or not French', 'Distance inconnue : commune du candidat ou de l\'offre absente ou hors de France'));
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

    // Signals of every extension (the product's availability among them): weight in rules, tier, ranker input.
    const f = features;
    for (let k = 0; k < p.signals.length; k++) {
        const { signal, state, feature } = p.signals[k];
        const r = signal.score(state, c.signals[k], explain);
        if (feature >= 0) { f[fOff + feature] = r.feature ?? r.value ?? 0; }
        if (r.value === undefined) { continue; }
        ruleSum += signal.weight * r.value; ruleWeight += signal.weight;
        if (r.failed) { failedItems++; failures |= FAILURE_SIGNAL; only = undefined; }
    }

    out.rules = ruleWeight > 0 ? 100 * ruleSum / ruleWeight : 50;
    out.failures = failures;
    out.failedCount = failedItems;
    out.onlyFailure = failedItems === 1 ? only : undefined;

    f[fOff] = titleSim; f[fOff + 1] = skillCloseness; f[fOff + 2] = docSim;
    f[fOff + 3] = mandatoryTotal > 0 ? mandatoryMet / mandatoryTotal : 1;
    f[fOff + 4] = certRatio; f[fOff + 5] = licenceOk; f[fOff + 6] = expRatio; f[fOff + 7] = distanceRatio; f[fOff + 8] = within;
    f[fOff + 9] = languageRatio; f[fOff + 10] = contractFit; f[fOff + 11] = salaryFit;
    f[fOff + 13] = Math.min(1, Math.log1p(c.skillIds.length) / Math.log(50));
    f[fOff + 14] = occupation;
    return out;
}
