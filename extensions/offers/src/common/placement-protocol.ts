import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
import type { Placement, PlacementInput } from '@matchpro/core/lib/common';

export const PLACEMENT_SERVICE_PATH = '/services/matchpro/placements';
export const PlacementService = Symbol('PlacementService');

export interface PlacementFollowUpInput {
    satisfaction?: number;
    active: boolean;
    endReason?: string;
    endedAt?: string;
}

/** A candidate a recruiter may place on an offer: those in its pipeline first. */
export interface PlacementCandidate {
    id: string;
    name: string;
    pipelineStatus: string | null;
    score: number | null;
}

export interface PlacementService {
    /** Candidates to choose from when recording a placement on `offerId` (pipeline first, then by name). */
    candidatesFor(offerId: string, query?: string): Promise<PlacementCandidate[]>;
    list(filter?: { offerId?: string; companyId?: string; candidateId?: string }): Promise<Placement[]>;
    /**
     * Records a placement: the pair's matching moves to "accepted", and the offer is marked filled when
     * all its positions are (unless `keepOfferOpen`).
     */
    create(input: PlacementInput, options?: { keepOfferOpen?: boolean }): Promise<Placement>;
    followUp(id: string, version: number, followUp: PlacementFollowUpInput): Promise<Placement>;
}

export const PlacementServiceAccess: ServiceAccess<PlacementService> = {
    candidatesFor: 'read', list: 'read', create: 'write', followUp: 'write'
};
