import type { Placement, PlacementInput } from '@matchpro/core/lib/common';

export const PLACEMENT_SERVICE_PATH = '/services/matchpro/placements';
export const PlacementService = Symbol('PlacementService');

export interface PlacementFollowUpInput {
    satisfaction?: number;
    active: boolean;
    endReason?: string;
    endedAt?: string;
}

export interface PlacementService {
    list(filter?: { offerId?: string; companyId?: string; candidateId?: string }): Promise<Placement[]>;
    /**
     * Records a placement: the pair's matching moves to "accepted", and the offer is marked filled when
     * all its positions are (unless `keepOfferOpen`).
     */
    create(input: PlacementInput, options?: { keepOfferOpen?: boolean }): Promise<Placement>;
    followUp(id: string, version: number, followUp: PlacementFollowUpInput): Promise<Placement>;
}
