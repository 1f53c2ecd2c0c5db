import { EntityListAction, EntityListPage, EntityListRow, EntityListWidget, pageOf } from '@matchpro/core/lib/browser/entity-list-widget';
import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import { CommandService } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import { CompanyService } from '../common/company-protocol';
import { CompanyCommands } from './company-commands';

export const COMPANY_LIST_VIEW_ID = 'matchpro-companies';

@injectable()
export class CompanyListWidget extends EntityListWidget {
    @inject(CompanyService) protected readonly companies: CompanyService;
    @inject(CommandService) protected readonly commands: CommandService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;

    @postConstruct()
    protected override init(): void {
        this.id = COMPANY_LIST_VIEW_ID;
        this.title.label = nls.localize('matchpro/companies/view', 'Companies');
        this.title.caption = this.title.label;
        this.title.closable = true;
        super.init();
        this.toDispose.push(this.watcher.onDidChange(event => {
            if (event.kind === 'company' || event.kind === 'contact' || event.kind === 'offer') {
                this.refresh();
            }
        }));
    }

    protected async fetchPage(query: string, offset: number, limit: number): Promise<EntityListPage> {
        return pageOf((await this.companies.list(query)).map(company => ({
            id: company.id,
            title: company.name,
            subtitle: [company.city, company.sector, company.siret].filter(Boolean).join(' · '),
            badges: company.activeOffers ? [{ label: nls.localize('matchpro/companies/activeOffers', 'active offers: {0}', company.activeOffers), tone: 'ok' as const }] : []
        })), offset, limit);
    }

    protected openRow(row: EntityListRow): void {
        this.commands.executeCommand(CompanyCommands.OPEN.id, row.id);
    }

    protected emptyMessage(): string {
        return nls.localize('matchpro/companies/empty', 'No company yet. Add one with + or load the demo data (MatchPro: Load Demo Data).');
    }

    protected override actions(): EntityListAction[] {
        return [{
            id: 'matchpro-new-company', icon: 'add', label: CompanyCommands.NEW.label!,
            run: () => this.commands.executeCommand(CompanyCommands.NEW.id)
        }];
    }
}
