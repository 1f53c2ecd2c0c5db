import { ContainerModule } from '@theia/core/shared/inversify';
import { bindGuardedRpcService } from '@matchpro/core/lib/node/security/access-guard';
import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { TAXONOMY_SERVICE_PATH, TaxonomyService, TaxonomyServiceAccess } from '../common/taxonomy-protocol';
import { NormalizeSkillCommand, NormalizeTitleCommand } from './normalize-command';
import { SkillExtractor } from './skill-extractor';
import { SkillNormalizer } from './skill-normalizer';
import { TaxonomyServiceImpl } from './taxonomy-service-impl';
import { TaxonomyStore } from './taxonomy-store';
import { TitleNormalizer } from './title-normalizer';

export default new ContainerModule(bind => {
    bind(TaxonomyStore).toSelf().inSingletonScope();
    bind(TitleNormalizer).toSelf().inSingletonScope();
    bind(SkillNormalizer).toSelf().inSingletonScope();
    bind(SkillExtractor).toSelf().inSingletonScope();
    bind(TaxonomyServiceImpl).toSelf().inSingletonScope();
    bind(TaxonomyService).toService(TaxonomyServiceImpl);
    bindGuardedRpcService(bind, TAXONOMY_SERVICE_PATH, TaxonomyService, TaxonomyServiceAccess);
    bind(NormalizeTitleCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(NormalizeTitleCommand);
    bind(NormalizeSkillCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(NormalizeSkillCommand);
});
