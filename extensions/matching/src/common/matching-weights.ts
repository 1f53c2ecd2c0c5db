/**
 * How the total is made from the three components (each 0-100):
 *   total = semantic * w.semantic + rules * w.rules + ml * w.ml   (weights normalised to sum 1)
 * then, when a mandatory criterion fails (mandatory skill or certification, driving licence, minimum
 * experience, distance beyond the candidate's radius), total = min(total, capWhenMandatoryFails).
 * Configurable in `<dataDir>/matching-config.json` ({"weights": {...}, "capWhenMandatoryFails": 40}).
 */
export interface MatchingWeights {
    semantic: number;
    rules: number;
    ml: number;
}

export interface MatchingConfig {
    weights: MatchingWeights;
    capWhenMandatoryFails: number;
}

export const DEFAULT_MATCHING_CONFIG: MatchingConfig = {
    weights: { semantic: 0.35, rules: 0.4, ml: 0.25 },
    capWhenMandatoryFails: 40
};

export function combineScores(breakdown: MatchingWeights, weights: MatchingWeights, cap: number | undefined): number {
    const sum = weights.semantic + weights.rules + weights.ml;
    const total = sum > 0 ? (breakdown.semantic * weights.semantic + breakdown.rules * weights.rules + breakdown.ml * weights.ml) / sum : 0;
    const bounded = cap === undefined ? total : Math.min(total, cap);
    return Math.round(Math.max(0, Math.min(100, bounded)) * 10) / 10;
}
