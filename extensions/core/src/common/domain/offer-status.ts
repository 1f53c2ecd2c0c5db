import { z } from 'zod';

/** Offer lifecycle: brouillon -> active -> suspendue / pourvue -> archivée. */
export const OfferStatus = z.enum(['draft', 'active', 'suspended', 'filled', 'archived']);
export type OfferStatus = z.infer<typeof OfferStatus>;

/** The allowed transitions; anything else is rejected with a message naming both states. */
export const OFFER_TRANSITIONS: Readonly<Record<OfferStatus, readonly OfferStatus[]>> = {
    draft: ['active', 'archived'],
    active: ['suspended', 'filled', 'archived'],
    suspended: ['active', 'filled', 'archived'],
    filled: ['active', 'archived'],
    archived: []
};

export function canTransition(from: OfferStatus, to: OfferStatus): boolean {
    return OFFER_TRANSITIONS[from].includes(to);
}

export const OfferStatusChange = z.object({
    from: OfferStatus,
    to: OfferStatus,
    at: z.string(),
    by: z.string().max(100),
    reason: z.string().max(1000).optional()
});
export type OfferStatusChange = z.infer<typeof OfferStatusChange>;
