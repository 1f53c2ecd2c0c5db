import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
import type { ContractType, JobOffer, JobOfferInput, OfferStatus, RequiredSkill } from '@matchpro/core/lib/common';

export const OFFER_SERVICE_PATH = '/services/matchpro/offers';
export const OfferService = Symbol('OfferService');

export interface OfferSummary {
    id: string;
    title: string;
    status: OfferStatus;
    companyId: string;
    companyName: string;
    city: string | null;
    contractType: ContractType;
    romeCode: string | null;
    positions: number;
    positionsFilled: number;
    urgent: boolean;
    updatedAt: string;
}

export interface OfferFilter {
    query?: string;
    status?: OfferStatus;
    companyId?: string;
}

/** What the offline drafter (or an AI provider) proposes; the recruiter reviews it before saving. */
export interface OfferDraft {
    title: string;
    description: string;
    lang: 'fr' | 'en';
    occupationUri?: string;
    occupationLabel?: string;
    romeCode?: string;
    requiredSkills: RequiredSkill[];
    /** Where the draft came from: the ROME sheet and ESCO skills, or a named AI provider. */
    source: 'taxonomy' | string;
}

export interface OfferDraftRequest {
    title: string;
    notes?: string;
    lang: 'fr' | 'en';
    companyId?: string;
    contractType?: string;
    city?: string;
}

export interface OfferService {
    list(filter?: OfferFilter): Promise<OfferSummary[]>;
    get(id: string): Promise<JobOffer>;
    /** New offers start as drafts unless `status` says active. */
    create(input: JobOfferInput, status?: 'draft' | 'active'): Promise<JobOffer>;
    update(id: string, version: number, input: JobOfferInput): Promise<JobOffer>;
    /** Moves an offer along its workflow; an illegal transition is rejected with a message naming both states. */
    changeStatus(id: string, version: number, to: OfferStatus, reason?: string): Promise<JobOffer>;
    draft(request: OfferDraftRequest): Promise<OfferDraft>;
}

export const OfferServiceAccess: ServiceAccess<OfferService> = {
    list: 'read', get: 'read', create: 'write', update: 'write', changeStatus: 'write', draft: 'write'
};
