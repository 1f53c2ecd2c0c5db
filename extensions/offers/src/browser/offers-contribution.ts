import { EditorOpener } from '@matchpro/core/lib/browser/editor-opener';
import { matchProViewOptions } from '@matchpro/core/lib/browser/matchpro-view-container';
import { AbstractViewContribution, QuickInputService } from '@theia/core/lib/browser';
import { CommandRegistry } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable } from '@theia/core/shared/inversify';
import { OfferService } from '../common/offer-protocol';
import { OfferCommands } from './offer-commands';
import { OFFER_EDITOR_FACTORY_ID } from './offer-editor-widget';
import { OFFER_LIST_VIEW_ID, OfferListWidget } from './offer-list-widget';
import { PlacementRecorder } from './placement-recorder';

@injectable()
export class OffersContribution extends AbstractViewContribution<OfferListWidget> {
    @inject(EditorOpener) protected readonly editors: EditorOpener;
    @inject(OfferService) protected readonly offers: OfferService;
    @inject(QuickInputService) protected readonly quickInput: QuickInputService;
    @inject(PlacementRecorder) protected readonly placementRecorder: PlacementRecorder;

    constructor() {
        super(matchProViewOptions(OFFER_LIST_VIEW_ID, nls.localize('matchpro/offers/view', 'Offers')));
    }

    override registerCommands(registry: CommandRegistry): void {
        super.registerCommands(registry);
        registry.registerCommand(OfferCommands.NEW, { execute: () => this.editors.open(OFFER_EDITOR_FACTORY_ID, undefined) });
        registry.registerCommand(OfferCommands.DRAFT, { execute: () => this.editors.open(OFFER_EDITOR_FACTORY_ID, undefined) });
        registry.registerCommand(OfferCommands.RECORD_PLACEMENT, {
            execute: async (id?: string) => {
                const offerId = typeof id === 'string' ? id : await this.pickOffer();
                if (offerId) {
                    await this.placementRecorder.record(offerId);
                }
            }
        });
        registry.registerCommand(OfferCommands.OPEN, {
            execute: async (id?: string) => {
                const offerId = typeof id === 'string' ? id : await this.pickOffer();
                if (offerId) {
                    await this.editors.open(OFFER_EDITOR_FACTORY_ID, offerId);
                }
            }
        });
    }

    protected async pickOffer(): Promise<string | undefined> {
        const items = (await this.offers.list()).map(o => ({ label: o.title, description: `${o.companyName} · ${o.status}`, id: o.id }));
        const picked = await this.quickInput.showQuickPick(items, { placeholder: nls.localize('matchpro/offers/pick', 'Choose an offer') });
        return picked?.id;
    }
}
