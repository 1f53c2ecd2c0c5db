import type { Candidate, JobOffer } from '@matchpro/core/lib/common';
import { injectable } from '@theia/core/shared/inversify';
import { MatchingSignal, SignalExplanation, SignalScore } from '../common/matching-signal';
import { dayNumber } from './candidate-facts';

interface OfferStart { day: number; date: string | undefined }
interface Availability { day: number; from: string | null }

/**
 * Whether the candidate is free by the offer's start date: the product's own matching signal, built on
 * the contribution point a third party uses. Late by a month or more is a weakness, less is a risk.
 */
@injectable()
export class AvailabilitySignal implements MatchingSignal<OfferStart, Availability> {
    readonly id = 'availability';
    readonly weight = 1;
    readonly featureName = 'availabilityDelay';

    protected readonly result: SignalScore = { value: undefined, feature: 0 };

    prepareOffer(offer: JobOffer): OfferStart {
        return { day: dayNumber(offer.startDate), date: offer.startDate };
    }

    indexCandidate(candidate: Candidate): Availability {
        return { day: dayNumber(candidate.availableFrom), from: candidate.availableFrom };
    }

    score(offer: OfferStart, candidate: Availability, explain?: SignalExplanation): SignalScore {
        const r = this.result;
        if (Number.isNaN(offer.day)) { r.value = undefined; r.feature = 0; return r; }
        const late = Number.isNaN(candidate.day) ? 0 : candidate.day - offer.day;
        r.value = late <= 0 ? 1 : Math.max(0, 1 - late / 60);
        r.feature = Math.max(0, Math.min(1, late / 90));
        if (explain && late > 0) {
            (late > 30 ? explain.weaknesses : explain.risks).push({
                kind: 'availability', message: `Available from ${candidate.from}, ${late} days after the start date ${offer.date}`,
                messageFr: `Disponible le ${candidate.from}, ${late} jours après la date de début ${offer.date}`
            });
        }
        return r;
    }
}
