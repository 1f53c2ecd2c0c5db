import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { DemoDataContribution } from '@matchpro/core/lib/node/demo-data-contribution';
import { frenchLocalization } from '@matchpro/core/lib/node/french-localization';
import { bindGuardedRpcService } from '@matchpro/core/lib/node/security/access-guard';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { ContainerModule } from '@theia/core/shared/inversify';
import { COMPANY_SERVICE_PATH, CompanyService, CompanyServiceAccess } from '../common/company-protocol';
import { CompaniesListCommand } from './companies-list-command';
import { CompanyDemoData } from './company-demo-data';
import { CompanyRepository, ContactRepository } from './company-repository';
import { CompanyServiceImpl } from './company-service-impl';

export default new ContainerModule(bind => {
    bind(CompanyRepository).toSelf().inSingletonScope();
    bind(ContactRepository).toSelf().inSingletonScope();
    bind(CompanyServiceImpl).toSelf().inSingletonScope();
    bind(CompanyService).toService(CompanyServiceImpl);
    bindGuardedRpcService(bind, COMPANY_SERVICE_PATH, CompanyService, CompanyServiceAccess);
    bind(CompanyDemoData).toSelf().inSingletonScope();
    bind(DemoDataContribution).toService(CompanyDemoData);
    bind(CompaniesListCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(CompaniesListCommand);
    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
