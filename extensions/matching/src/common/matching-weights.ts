/**
 * How the total is made from the three components (each 0-100):
 *   base = semantic * w.semantic + rules * w.rules + ml * w.ml   (weights normalised to sum 1)
 * then the candidates are put in tiers by how many mandatory criteria they clearly fail (a required
 * certificate, licence, diploma, language, experience in the role, distance beyond twice the travel
 * radius): meeting all of them maps base to 40-100, failing one to 20-40, failing more to 0-20. So every
 * candidate who meets the offer's mandatory criteria ranks above every one who does not, and the order
 * inside each tier is the base order (a cap used to flatten it into ties). A criterion the CV only
 * partly shows is a risk in the explanation, never a failure.
 * Configurable in `<dataDir>/matching-config.json` ({"weights": {...}, "tiers": true}).
 */
export interface MatchingWeights {
    semantic: number;
    rules: number;
    ml: number;
}

export interface MatchingConfig {
    weights: MatchingWeights;
    /** False only for the evaluation's ablation: the base score alone, failures ignored. */
    tiers: boolean;
}

/**
 * ML weight 0 by default: the shipped ranker was trained on a synthetic proxy and lowered NDCG on the
 * independent sets (test/benchmarks/matching-eval.js prints it). `matching retrain` on the agency's own
 * outcomes gives it a weight again (see ranker-retraining.ts).
 */
export const DEFAULT_MATCHING_CONFIG: MatchingConfig = {
    weights: { semantic: 0.25, rules: 0.75, ml: 0 },
    tiers: true
};

/** Tier of a base score (0-100) for a number of failed mandatory criteria. */
export function tieredScore(base: number, failed: number): number {
    const b = Math.max(0, Math.min(100, base));
    return failed === 0 ? 40 + 0.6 * b : failed === 1 ? 20 + 0.1999 * b : 0.1999 * b;
}

export function combineScores(breakdown: MatchingWeights, weights: MatchingWeights, failed: number, tiers = true): number {
    const sum = weights.semantic + weights.rules + weights.ml;
    const base = sum > 0 ? (breakdown.semantic * weights.semantic + breakdown.rules * weights.rules + breakdown.ml * weights.ml) / sum : 0;
    return tiers ? tieredScore(base, failed) : Math.max(0, Math.min(100, base));
}
