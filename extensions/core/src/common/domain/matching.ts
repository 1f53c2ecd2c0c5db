import { z } from 'zod';
import { EntityId } from './entity';

/** Recruiter pipeline for a candidate x offer pair: nouveau -> vu -> contacté -> proposé -> entretien -> accepté/refusé. */
export const PipelineStatus = z.enum(['new', 'seen', 'contacted', 'proposed', 'interview', 'accepted', 'rejected']);
export type PipelineStatus = z.infer<typeof PipelineStatus>;

export const ScoreBreakdown = z.object({
    semantic: z.number().min(0).max(100),
    rules: z.number().min(0).max(100),
    ml: z.number().min(0).max(100)
});
export type ScoreBreakdown = z.infer<typeof ScoreBreakdown>;

export const MatchEvidence = z.object({
    kind: z.enum(['skill', 'certification', 'licence', 'distance', 'experience', 'language', 'contract', 'salary', 'availability', 'occupation',
        'diploma', 'tool', 'task', 'signal']),
    message: z.string(),
    messageFr: z.string(),
    /** The CV sentence (or the held certificate, licence) the line rests on, when there is one. */
    source: z.string().max(400).optional(),
    /** For an offer requirement: met, partly (a risk to check) or not found. */
    status: z.enum(['met', 'partly', 'not-found']).optional()
});
export type MatchEvidence = z.infer<typeof MatchEvidence>;

export const Matching = z.object({
    id: EntityId,
    candidateId: EntityId,
    offerId: EntityId,
    score: z.number().min(0).max(100),
    breakdown: ScoreBreakdown,
    strengths: z.array(MatchEvidence),
    weaknesses: z.array(MatchEvidence),
    risks: z.array(MatchEvidence),
    suggestions: z.array(MatchEvidence),
    capped: z.boolean(),
    status: PipelineStatus,
    modelVersion: z.string(),
    version: z.number().int(),
    updatedAt: z.string()
});
export type Matching = z.infer<typeof Matching>;
