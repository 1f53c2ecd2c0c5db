import { matchProCommand } from '@matchpro/core/lib/browser/matchpro-command-category';

export namespace OfferCommands {
    export const NEW = matchProCommand('matchpro.offer.new', 'matchpro/offers/new', 'New Offer');
    export const OPEN = matchProCommand('matchpro.offer.open', 'matchpro/offers/open', 'Open Offer');
    export const RECORD_PLACEMENT = matchProCommand('matchpro.placement.record', 'matchpro/placements/record', 'Record a Placement…');
    export const DRAFT = matchProCommand('matchpro.offer.draft', 'matchpro/offers/draftCommand', 'Draft an Offer from a Job Title');
}
