import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { DemoDataContribution } from '@matchpro/core/lib/node/demo-data-contribution';
import { frenchLocalization } from '@matchpro/core/lib/node/french-localization';
import { bindGuardedRpcService } from '@matchpro/core/lib/node/security/access-guard';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { ContainerModule } from '@theia/core/shared/inversify';
import { CANDIDATE_SERVICE_PATH, CandidateService, CandidateServiceAccess } from '../common/candidate-protocol';
import { CandidateDemoData } from './candidate-demo-data';
import { CandidateRepository } from './candidate-repository';
import { CandidateServiceImpl } from './candidate-service-impl';
import { CandidatesListCommand, CandidatesShowCommand, ImportCommand } from './candidates-cli-commands';
import { CvFileStore } from './cv-file-store';
import { StoredFileReferences } from '@matchpro/core/lib/node/stored-file-references';
import { candidateSkillLinker } from './candidate-skill-linker';
import { CvSkillLinker } from './parsing/cv-parser-service';
import { bindCvParsing } from './parsing/parsing-backend-bindings';

export default new ContainerModule(bind => {
    bindCvParsing(bind);
    bind(CvSkillLinker).toDynamicValue(candidateSkillLinker).inSingletonScope();
    bind(CandidateRepository).toSelf().inSingletonScope();
    bind(CvFileStore).toSelf().inSingletonScope();
    bind(StoredFileReferences).toService(CvFileStore);
    bind(CandidateServiceImpl).toSelf().inSingletonScope();
    bind(CandidateService).toService(CandidateServiceImpl);
    bindGuardedRpcService(bind, CANDIDATE_SERVICE_PATH, CandidateService, CandidateServiceAccess);
    bind(CandidateDemoData).toSelf().inSingletonScope();
    bind(DemoDataContribution).toService(CandidateDemoData);
    for (const command of [ImportCommand, CandidatesListCommand, CandidatesShowCommand]) {
        bind(command).toSelf().inSingletonScope();
        bind(CliCommand).toService(command);
    }
    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
