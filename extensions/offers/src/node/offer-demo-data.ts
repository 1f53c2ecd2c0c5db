import * as fs from 'fs';
import * as path from 'path';
import { validate } from '@matchpro/core/lib/common';
import { DemoDataContribution } from '@matchpro/core/lib/node/demo-data-contribution';
import { CompanyService } from '@matchpro/companies/lib/common/company-protocol';
import { inject, injectable } from '@theia/core/shared/inversify';
import { OfferFile } from './offer-file';
import { OfferServiceImpl } from './offer-service-impl';

/** Loads the demo agency's offers (examples/demo-agency/offers.json, in the CLI offer-file format). */
@injectable()
export class OfferDemoData implements DemoDataContribution {
    readonly order = 20;

    @inject(OfferServiceImpl) protected readonly offers: OfferServiceImpl;
    @inject(CompanyService) protected readonly companies: CompanyService;

    async load(folder: string): Promise<{ offers: number }> {
        const demo = JSON.parse(fs.readFileSync(path.join(folder, 'offers.json'), 'utf8')) as unknown[];
        for (const item of demo) {
            const offer = validate(OfferFile, item, 'offer');
            const company = offer.company.siret ? await this.companies.findBySiret(offer.company.siret) : undefined;
            const companyId = company?.id ?? (await this.companies.create({ name: offer.company.name, siret: offer.company.siret })).id;
            await this.offers.create({
                companyId, title: offer.title, description: offer.description, contractType: offer.contractType,
                location: { city: offer.city, postcode: offer.postcode, remote: 'none' },
                requiredSkills: offer.requiredSkills.map(s => ({ ...s, weight: s.weight ?? 1 })),
                experienceMinYears: offer.experienceMinYears, drivingLicence: offer.drivingLicence ?? null,
                languages: offer.languages, certifications: offer.certifications, positions: offer.positions ?? 1,
                salary: offer.salary ? { ...offer.salary, period: offer.salary.period ?? 'year' } : undefined
            }, 'active');
        }
        return { offers: demo.length };
    }
}
