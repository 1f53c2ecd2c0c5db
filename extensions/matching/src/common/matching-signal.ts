import type { Candidate, JobOffer, MatchEvidence } from '@matchpro/core/lib/common';

/**
 * Contribution point: one more thing matching weighs, from any extension (backend module:
 * `bind(MatchingSignal).to(MySignal).inSingletonScope()`). The engine asks each signal once per candidate
 * change (`indexCandidate`) and once per offer (`prepareOffer`) for what it needs, keeps that in memory,
 * then calls `score` for every pair of a ranking: keep it allocation-free, it runs 100k times in ~100 ms.
 *
 * The value (0..1) enters the rules component with the signal's weight (the built-in requirement
 * evidence weighs 4, distance 2, contract and availability 1, salary 0.5); `failed` puts the candidate in
 * the tier below, like a failed mandatory requirement; `feature` fills the ranker's input of that name
 * when the ranker was trained on it (its metadata lists its features). A signal reads only job-related
 * fields: never name, birth date, gender, nationality, photo or marital status.
 */
export const MatchingSignal = Symbol('MatchingSignal');

export interface MatchingSignal<OfferState = unknown, CandidateState = unknown> {
    /** Stable id ("availability", "acme.caces-validity"). */
    readonly id: string;
    /** Weight in the rules component (0 = shown in explanations only). */
    readonly weight: number;
    /** The ranker input this signal fills, when it is one of the ranker's features. */
    readonly featureName?: string;
    prepareOffer(offer: JobOffer): OfferState;
    indexCandidate(candidate: Candidate): CandidateState;
    /** `explain` is given only for the pairs shown: push the evidence lines there. */
    score(offer: OfferState, candidate: CandidateState, explain?: SignalExplanation): SignalScore;
}

export interface SignalScore {
    /** 0..1; undefined when the signal has nothing to say about this pair (it then weighs nothing). */
    value: number | undefined;
    /** A mandatory criterion of this signal failed: the candidate ranks below those who meet it. */
    failed?: boolean;
    /** The ranker input value (`featureName`), when different from `value`. */
    feature?: number;
}

/** Where a signal's evidence lines go, as the recruiter reads them. */
export interface SignalExplanation {
    strengths: MatchEvidence[];
    weaknesses: MatchEvidence[];
    risks: MatchEvidence[];
    suggestions: MatchEvidence[];
}
