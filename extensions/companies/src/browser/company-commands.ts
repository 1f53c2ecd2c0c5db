import { matchProCommand } from '@matchpro/core/lib/browser/matchpro-command-category';

export namespace CompanyCommands {
    export const NEW = matchProCommand('matchpro.company.new', 'matchpro/companies/new', 'New Company');
    export const OPEN = matchProCommand('matchpro.company.open', 'matchpro/companies/open', 'Open Company');
}
