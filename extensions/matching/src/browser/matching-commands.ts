import { matchProCommand } from '@matchpro/core/lib/browser/matchpro-command-category';

export namespace MatchingCommands {
    export const FOR_OFFER = matchProCommand('matchpro.matching.forOffer', 'matchpro/matching/forOffer', 'Match Candidates for an Offer');
    export const FOR_CANDIDATE = matchProCommand('matchpro.matching.forCandidate', 'matchpro/matching/forCandidate', 'Match Offers for a Candidate');
}
