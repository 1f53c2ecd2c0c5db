import { EditorOpener } from '@matchpro/core/lib/browser/editor-opener';
import { matchProViewOptions } from '@matchpro/core/lib/browser/matchpro-view-container';
import { AbstractViewContribution, QuickInputService } from '@theia/core/lib/browser';
import { CommandRegistry } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CompanyService } from '../common/company-protocol';
import { CompanyCommands } from './company-commands';
import { COMPANY_EDITOR_FACTORY_ID } from './company-editor-widget';
import { COMPANY_LIST_VIEW_ID, CompanyListWidget } from './company-list-widget';

@injectable()
export class CompaniesContribution extends AbstractViewContribution<CompanyListWidget> {
    @inject(EditorOpener) protected readonly editors: EditorOpener;
    @inject(CompanyService) protected readonly companies: CompanyService;
    @inject(QuickInputService) protected readonly quickInput: QuickInputService;

    constructor() {
        super(matchProViewOptions(COMPANY_LIST_VIEW_ID, nls.localize('matchpro/companies/view', 'Companies')));
    }

    override registerCommands(registry: CommandRegistry): void {
        super.registerCommands(registry);
        registry.registerCommand(CompanyCommands.NEW, {
            execute: () => this.editors.open(COMPANY_EDITOR_FACTORY_ID, undefined)
        });
        registry.registerCommand(CompanyCommands.OPEN, {
            execute: async (id?: string) => {
                const companyId = typeof id === 'string' ? id : await this.pickCompany();
                if (companyId) {
                    await this.editors.open(COMPANY_EDITOR_FACTORY_ID, companyId);
                }
            }
        });
    }

    protected async pickCompany(): Promise<string | undefined> {
        const items = (await this.companies.list()).map(c => ({ label: c.name, description: [c.city, c.siret].filter(Boolean).join(' · '), id: c.id }));
        const picked = await this.quickInput.showQuickPick(items, { placeholder: nls.localize('matchpro/companies/pick', 'Choose a company') });
        return picked?.id;
    }
}
