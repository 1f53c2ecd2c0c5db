import { CliArgs, CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CompanyService, CompanySummary } from '../common/company-protocol';

/** `matchpro companies list [--query Q]` */
@injectable()
export class CompaniesListCommand implements CliCommand {
    readonly words = ['companies', 'list'];
    readonly summary = 'lists client companies';
    readonly usage = 'companies list [--query Q] [--json]';

    @inject(CompanyService) protected readonly companies: CompanyService;

    run(args: CliArgs): Promise<CompanySummary[]> {
        const query = typeof args.options.query === 'string' ? args.options.query : undefined;
        return this.companies.list(query);
    }

    formatText(result: unknown): string {
        return (result as CompanySummary[]).map(c => `${c.id}  ${c.name}  ${c.siret ?? ''}  ${c.city ?? ''}  offers:${c.activeOffers}`).join('\n');
    }
}
