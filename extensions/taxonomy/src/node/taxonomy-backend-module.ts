import { ContainerModule } from '@theia/core/shared/inversify';
import { ConnectionHandler, RpcConnectionHandler } from '@theia/core/lib/common/messaging';
import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { TAXONOMY_SERVICE_PATH, TaxonomyService } from '../common/taxonomy-protocol';
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
    bind(ConnectionHandler).toDynamicValue(ctx =>
        new RpcConnectionHandler(TAXONOMY_SERVICE_PATH, () => ctx.container.get<TaxonomyService>(TaxonomyService))
    ).inSingletonScope();
    bind(NormalizeTitleCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(NormalizeTitleCommand);
    bind(NormalizeSkillCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(NormalizeSkillCommand);
});
