import { MatchEvidence, MatchProErrors, ScoreBreakdown } from '@matchpro/core/lib/common';
import { CliArgs, CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { inject, injectable } from '@theia/core/shared/inversify';
import { MatchingService, MatchRanking } from '../common/matching-protocol';
import { RankerRetraining, RetrainRefused, RetrainResult } from './ranker-retraining';

/** One line of `match --json` (CLI contract): `candidateId` for an offer, `offerId` for a candidate. */
export interface CliMatch {
    candidateId?: string;
    offerId?: string;
    score: number;
    breakdown: ScoreBreakdown;
    strengths: MatchEvidence[];
    weaknesses: MatchEvidence[];
    risks: MatchEvidence[];
}

/** `matchpro match --offer ID | --candidate ID [--top N]` */
@injectable()
export class MatchCommand implements CliCommand {
    readonly words = ['match'];
    readonly summary = 'ranks candidates for an offer, or offers for a candidate (hybrid score with explanations)';
    readonly usage = 'match --offer ID | --candidate ID [--top N] [--json]';

    @inject(MatchingService) protected readonly matching: MatchingService;

    async run(args: CliArgs): Promise<CliMatch[]> {
        const offer = args.options.offer, candidate = args.options.candidate;
        if ((typeof offer === 'string') === (typeof candidate === 'string')) {
            throw new CliUserError('match: give exactly one of --offer ID or --candidate ID');
        }
        let top = 20;
        if (args.options.top !== undefined) {
            top = Number(args.options.top);
            if (!Number.isInteger(top) || top < 1 || top > 1000) { throw new CliUserError(`match: --top must be an integer from 1 to 1000, got "${args.options.top}"`); }
        }
        let ranking: MatchRanking;
        try {
            ranking = typeof offer === 'string'
                ? await this.matching.matchCandidatesForOffer(offer, { top })
                : await this.matching.matchOffersForCandidate(candidate as string, { top });
        } catch (error) {
            if (MatchProErrors.NotFound.is(error as object)) { throw new CliUserError(`match: ${(error as Error).message}`); }
            throw error;
        }
        return ranking.results.map(r => ({
            ...(typeof offer === 'string' ? { candidateId: r.candidateId } : { offerId: r.offerId }),
            score: r.score, breakdown: r.breakdown, strengths: r.strengths, weaknesses: r.weaknesses, risks: r.risks
        }));
    }

    formatText(result: unknown): string {
        return (result as CliMatch[]).map((m, i) => `${String(i + 1).padStart(3)}. ${(m.candidateId ?? m.offerId)}  ${m.score.toFixed(1).padStart(5)}  `
            + `(semantic ${m.breakdown.semantic}, rules ${m.breakdown.rules}, ml ${m.breakdown.ml})`
            + (m.weaknesses.length ? `\n       - ${m.weaknesses.map(w => w.message).join('\n       - ')}` : '')).join('\n');
    }
}

/** `matchpro matching retrain [--min-pairs N]`: a new ranker version from the agency's outcomes. */
@injectable()
export class MatchingRetrainCommand implements CliCommand {
    readonly words = ['matching', 'retrain'];
    readonly summary = "retrains the matching ranker on the agency's outcomes (accepted/rejected matchings, placements)";
    readonly usage = 'matching retrain [--min-pairs N] [--json]';

    @inject(RankerRetraining) protected readonly retraining: RankerRetraining;

    async run(args: CliArgs): Promise<RetrainResult> {
        const minPairs = args.options['min-pairs'] === undefined ? 30 : Number(args.options['min-pairs']);
        if (!Number.isInteger(minPairs) || minPairs < 10) { throw new CliUserError(`matching retrain: --min-pairs must be an integer of at least 10, got "${args.options['min-pairs']}"`); }
        try {
            return await this.retraining.retrain(minPairs);
        } catch (error) {
            if (error instanceof RetrainRefused) { throw new CliUserError(`matching retrain: ${error.message}`); }
            throw error;
        }
    }

    formatText(result: unknown): string {
        const r = result as RetrainResult;
        return `model ${r.version} written to ${r.file} (${r.pairs} pairs: ${r.positives} positive, ${r.negatives} negative; loss ${r.finalLoss})`;
    }
}
