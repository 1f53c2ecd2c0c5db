import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { DemoDataContribution } from '@matchpro/core/lib/node/demo-data-contribution';
import { frenchLocalization } from '@matchpro/core/lib/node/french-localization';
import { bindGuardedRpcService } from '@matchpro/core/lib/node/security/access-guard';
import { LocalizationContribution } from '@theia/core/lib/node/i18n/localization-contribution';
import { ContainerModule } from '@theia/core/shared/inversify';
import { OFFER_SERVICE_PATH, OfferService, OfferServiceAccess } from '../common/offer-protocol';
import { PLACEMENT_SERVICE_PATH, PlacementService, PlacementServiceAccess } from '../common/placement-protocol';
import { OfferDemoData } from './offer-demo-data';
import { OfferDrafter } from './offer-drafter';
import { OfferRepository, PlacementRepository } from './offer-repository';
import { OfferServiceImpl } from './offer-service-impl';
import { OffersAddCommand, OffersListCommand } from './offers-cli-commands';
import { PlacementServiceImpl } from './placement-service-impl';
import { RomeSheets } from './rome-sheets';

export default new ContainerModule(bind => {
    bind(OfferRepository).toSelf().inSingletonScope();
    bind(PlacementRepository).toSelf().inSingletonScope();
    bind(RomeSheets).toSelf().inSingletonScope();
    bind(OfferDrafter).toSelf().inSingletonScope();
    bind(OfferServiceImpl).toSelf().inSingletonScope();
    bind(OfferService).toService(OfferServiceImpl);
    bind(PlacementServiceImpl).toSelf().inSingletonScope();
    bind(PlacementService).toService(PlacementServiceImpl);
    bindGuardedRpcService(bind, OFFER_SERVICE_PATH, OfferService, OfferServiceAccess);
    bindGuardedRpcService(bind, PLACEMENT_SERVICE_PATH, PlacementService, PlacementServiceAccess);
    bind(OfferDemoData).toSelf().inSingletonScope();
    bind(DemoDataContribution).toService(OfferDemoData);
    for (const command of [OffersAddCommand, OffersListCommand]) {
        bind(command).toSelf().inSingletonScope();
        bind(CliCommand).toService(command);
    }
    bind(LocalizationContribution).toConstantValue(frenchLocalization(require('../../i18n/nls.fr.json')));
});
