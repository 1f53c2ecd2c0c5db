import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { frenchLocalization } from '@matchpro/core/lib/node/french-localization';
import { bindGuardedRpcService } from '@matchpro/core/lib/node/security/access-guard';
import { BackendApplicationContribution } from '@theia/core/lib/node/backend-application';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { bindContributionProvider } from '@theia/core/lib/common/contribution-provider';
import { ContainerModule } from '@theia/core/shared/inversify';
import { MatchingSignal } from '../common/matching-signal';
import { AvailabilitySignal } from './availability-signal';
import { MATCHING_SERVICE_PATH, MatchingService, MatchingServiceAccess } from '../common/matching-protocol';
import { CandidateIndexSync } from './candidate-index-sync';
import { MatchCommand, MatchingRetrainCommand } from './matching-cli-commands';
import { MatchingEngine } from './matching-engine';
import { MatchingRepository } from './matching-repository';
import { MatchingServiceImpl } from './matching-service-impl';
import { RankerRetraining } from './ranker-retraining';
import { RankerStore } from './ranker-store';

export default new ContainerModule(bind => {
    bind(MatchingEngine).toSelf().inSingletonScope();
    bindContributionProvider(bind, MatchingSignal);
    bind(AvailabilitySignal).toSelf().inSingletonScope();
    bind(MatchingSignal).toService(AvailabilitySignal);
    bind(CandidateIndexSync).toSelf().inSingletonScope();
    bind(MatchingRepository).toSelf().inSingletonScope();
    bind(RankerStore).toSelf().inSingletonScope();
    bind(RankerRetraining).toSelf().inSingletonScope();
    bind(MatchingServiceImpl).toSelf().inSingletonScope();
    bind(MatchingService).toService(MatchingServiceImpl);
    bindGuardedRpcService(bind, MATCHING_SERVICE_PATH, MatchingService, MatchingServiceAccess);
    bind(MatchCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(MatchCommand);
    bind(MatchingRetrainCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(MatchingRetrainCommand);
    // The workbench builds the candidate index in the background after start, so the first ranking does not wait for it.
    bind(BackendApplicationContribution).toDynamicValue(ctx => ({
        onStart: () => {
            setTimeout(() => ctx.container.get(CandidateIndexSync).sync().catch(error => console.error(`MatchPro matching: cannot build the candidate index: ${error.message}`)), 2000).unref();
        }
    })).inSingletonScope();
    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
