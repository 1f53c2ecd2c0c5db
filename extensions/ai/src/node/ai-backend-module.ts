import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { frenchLocalization } from '@matchpro/core/lib/node/french-localization';
import { bindGuardedRpcService } from '@matchpro/core/lib/node/security/access-guard';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { ContainerModule } from '@theia/core/shared/inversify';
import { AI_SERVICE_PATH, AiService, AiServiceAccess } from '../common/ai-protocol';
import { AiGateway } from './ai-gateway';
import { AiKeyListCommand, AiKeyRemoveCommand, AiKeySetCommand, AiKeyTestCommand } from './ai-key-cli-commands';
import { AiKeyRepository, AiSettingsRepository } from './ai-key-repository';
import { AiServiceImpl } from './ai-service-impl';
import { ProviderClientFactory } from './provider-client-factory';
import { UsageLedger } from './usage-ledger';

export default new ContainerModule(bind => {
    bind(AiKeyRepository).toSelf().inSingletonScope();
    bind(AiSettingsRepository).toSelf().inSingletonScope();
    bind(UsageLedger).toSelf().inSingletonScope();
    bind(ProviderClientFactory).toSelf().inSingletonScope();
    bind(AiGateway).toSelf().inSingletonScope();
    bind(AiServiceImpl).toSelf().inSingletonScope();
    bind(AiService).toService(AiServiceImpl);
    bindGuardedRpcService(bind, AI_SERVICE_PATH, AiService, AiServiceAccess);
    for (const command of [AiKeySetCommand, AiKeyListCommand, AiKeyRemoveCommand, AiKeyTestCommand]) {
        bind(command).toSelf().inSingletonScope();
        bind(CliCommand).toService(command);
    }
    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
