import { QuickInputService } from '@theia/core/lib/browser';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable } from '@theia/core/shared/inversify';
import { OfferService } from '../common/offer-protocol';
import { PlacementService } from '../common/placement-protocol';
import { errorMessage } from '@matchpro/core/lib/browser/form-fields';

/** Records a placement step by step: candidate (pipeline first), start date, commission. */
@injectable()
export class PlacementRecorder {
    @inject(PlacementService) protected readonly placements: PlacementService;
    @inject(OfferService) protected readonly offers: OfferService;
    @inject(QuickInputService) protected readonly quickInput: QuickInputService;
    @inject(MessageService) protected readonly messages: MessageService;

    async record(offerId: string): Promise<void> {
        const offer = await this.offers.get(offerId);
        const candidates = await this.placements.candidatesFor(offerId);
        const picked = await this.quickInput.showQuickPick(candidates.map(c => ({
            label: c.name, id: c.id,
            description: c.pipelineStatus ? `${c.pipelineStatus}${c.score !== null ? ` · ${Math.round(c.score)}/100` : ''}` : undefined
        })), { placeholder: nls.localize('matchpro/placements/pickCandidate', 'Candidate placed on "{0}"', offer.title) });
        if (!picked) {
            return;
        }
        const startDate = await this.quickInput.input({
            prompt: nls.localize('matchpro/placements/startDate', 'Start date (YYYY-MM-DD)'),
            value: new Date().toISOString().slice(0, 10),
            validateInput: async value => /^\d{4}-\d{2}-\d{2}$/.test(value) ? undefined : nls.localize('matchpro/placements/badDate', 'A date such as 2026-12-01')
        });
        if (!startDate) {
            return;
        }
        const commission = await this.quickInput.input({
            prompt: nls.localize('matchpro/placements/commission', 'Commission in % of the annual salary (optional)'),
            validateInput: async value => !value || (Number(value) >= 0 && Number(value) <= 100) ? undefined : nls.localize('matchpro/placements/badPercent', 'A number from 0 to 100')
        });
        if (commission === undefined) {
            return;
        }
        try {
            await this.placements.create({
                candidateId: picked.id, offerId, startDate, contractType: offer.contractType,
                commissionPercent: commission ? Number(commission) : undefined
            });
            const after = await this.offers.get(offerId);
            this.messages.info(after.status === 'filled'
                ? nls.localize('matchpro/placements/doneFilled', 'Placement recorded: {0}. All positions are filled, the offer is now filled.', picked.label)
                : nls.localize('matchpro/placements/done', 'Placement recorded: {0} ({1}/{2} positions filled).', picked.label, after.positionsFilled, after.positions));
        } catch (error) {
            this.messages.error(errorMessage(error));
        }
    }
}
