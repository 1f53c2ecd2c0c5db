import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import { EntityListAction, EntityListPage, EntityListRow, EntityListWidget, pageOf } from '@matchpro/core/lib/browser/entity-list-widget';
import { CommandService } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import { OfferService } from '../common/offer-protocol';
import { OfferCommands } from './offer-commands';
import { contractTypeLabel, offerStatusLabel } from './offer-status-labels';

export const OFFER_LIST_VIEW_ID = 'matchpro-offers';

@injectable()
export class OfferListWidget extends EntityListWidget {
    @inject(OfferService) protected readonly offers: OfferService;
    @inject(CommandService) protected readonly commands: CommandService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;

    @postConstruct()
    protected override init(): void {
        this.id = OFFER_LIST_VIEW_ID;
        this.title.label = nls.localize('matchpro/offers/view', 'Offers');
        this.title.caption = this.title.label;
        this.title.closable = true;
        super.init();
        this.toDispose.push(this.watcher.onDidChange(event => {
            if (event.kind === 'offer' || event.kind === 'company' || event.kind === 'placement') {
                this.refresh();
            }
        }));
    }

    protected async fetchPage(query: string, offset: number, limit: number): Promise<EntityListPage> {
        return pageOf((await this.offers.list({ query })).map(offer => ({
            id: offer.id,
            title: offer.title,
            subtitle: [offer.companyName, offer.city, contractTypeLabel(offer.contractType), offer.romeCode].filter(Boolean).join(' · '),
            badges: [
                { label: offerStatusLabel(offer.status), tone: offer.status === 'active' ? 'ok' as const : offer.status === 'suspended' ? 'warn' as const : 'muted' as const },
                ...(offer.urgent ? [{ label: nls.localize('matchpro/offers/urgent', 'urgent'), tone: 'warn' as const }] : [])
            ]
        })), offset, limit);
    }

    protected openRow(row: EntityListRow): void {
        this.commands.executeCommand(OfferCommands.OPEN.id, row.id);
    }

    protected emptyMessage(): string {
        return nls.localize('matchpro/offers/empty', 'No offer yet. Create one with + (a company is needed first).');
    }

    protected override actions(): EntityListAction[] {
        return [{ id: 'matchpro-new-offer', icon: 'add', label: OfferCommands.NEW.label!, run: () => this.commands.executeCommand(OfferCommands.NEW.id) }];
    }
}
