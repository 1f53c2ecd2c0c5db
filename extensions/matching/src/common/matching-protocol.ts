import { z } from 'zod';
import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
import type { MatchEvidence, PipelineStatus, ScoreBreakdown } from '@matchpro/core/lib/common';

/** Contract of the matching service: ranks candidates for an offer and offers for a candidate. */
export const MATCHING_SERVICE_PATH = '/services/matchpro/matching';
export const MatchingService = Symbol('MatchingService');

/** One ranked pair: the total, its three components, and the evidence behind it. */
export interface MatchResult {
    candidateId: string;
    offerId: string;
    /** What the list shows: the candidate's name and title, or the offer's title (never used as a feature). */
    label: string;
    detail: string;
    score: number;
    breakdown: ScoreBreakdown;
    /** True when a mandatory criterion failed and the total was capped. */
    capped: boolean;
    strengths: MatchEvidence[];
    weaknesses: MatchEvidence[];
    risks: MatchEvidence[];
    suggestions: MatchEvidence[];
    status: PipelineStatus;
    /** Stored matching record (id and version), present once the pair was saved. */
    matchingId?: string;
    matchingVersion?: number;
}

export interface MatchRanking {
    /** The offer or the candidate the ranking is for. */
    subject: { kind: 'offer' | 'candidate'; id: string; label: string };
    results: MatchResult[];
    /** How many candidates (or offers) were scored. */
    scored: number;
    /** For an offer: what relaxing one criterion would add to the pool ("licence C instead of CE: +12"). */
    relaxations: MatchEvidence[];
    modelVersion: string;
    tookMs: number;
}

export const MatchOptions = z.object({
    /** How many results to return (default 50, at most 1000). */
    top: z.number().int().min(1).max(1000).optional(),
    minScore: z.number().min(0).max(100).optional(),
    hideCapped: z.boolean().optional()
});
export type MatchOptions = z.infer<typeof MatchOptions>;

export interface MatchingService {
    matchCandidatesForOffer(offerId: string, options?: MatchOptions): Promise<MatchRanking>;
    matchOffersForCandidate(candidateId: string, options?: MatchOptions): Promise<MatchRanking>;
    /** Moves a pair along the recruiter pipeline; `version` is the one the view loaded (stale = conflict). */
    setStatus(offerId: string, candidateId: string, status: PipelineStatus, version?: number): Promise<{ id: string; version: number; status: PipelineStatus }>;
    /** Offers and candidates a recruiter can pick from in the view. */
    listSubjects(kind: 'offer' | 'candidate'): Promise<{ id: string; label: string }[]>;
}

/** Ranking stores scores as a cache (a read for the recruiter); moving a pair along the pipeline is a change. */
export const MatchingServiceAccess: ServiceAccess<MatchingService> = {
    matchCandidatesForOffer: 'read', matchOffersForCandidate: 'read', setStatus: 'write', listSubjects: 'read'
};
