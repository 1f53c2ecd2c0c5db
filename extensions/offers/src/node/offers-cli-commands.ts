import * as fs from 'fs';
import { JobOfferInput, OfferStatus, validate } from '@matchpro/core/lib/common';
import { CliArgs, CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { CompanyService } from '@matchpro/companies/lib/common/company-protocol';
import { inject, injectable } from '@theia/core/shared/inversify';
import { OfferService, OfferSummary } from '../common/offer-protocol';
import { OfferFile } from './offer-file';

/** `matchpro offers add --file OFFER.json`: creates an active offer, and its company when new. */
@injectable()
export class OffersAddCommand implements CliCommand {
    readonly words = ['offers', 'add'];
    readonly summary = 'creates an offer (and its company when new) from a JSON file';
    readonly usage = 'offers add --file OFFER.json [--json]';

    @inject(OfferService) protected readonly offers: OfferService;
    @inject(CompanyService) protected readonly companies: CompanyService;

    async run(args: CliArgs): Promise<{ id: string; companyId: string }> {
        const file = args.options.file;
        if (typeof file !== 'string') {
            throw new CliUserError('offers add: --file OFFER.json is required');
        }
        let json: unknown;
        try {
            json = JSON.parse(fs.readFileSync(file, 'utf8'));
        } catch (error) {
            throw new CliUserError(`${file}: cannot read the offer file as JSON (${(error as Error).message})`);
        }
        const offer = validate(OfferFile, json, 'offer');
        const companyId = await this.companyFor(offer.company);
        const input: JobOfferInput = {
            companyId, title: offer.title, description: offer.description, contractType: offer.contractType,
            location: { city: offer.city, postcode: offer.postcode, remote: 'none' },
            requiredSkills: offer.requiredSkills.map(s => ({ name: s.name, mandatory: s.mandatory, level: s.level, weight: s.weight ?? 1 })),
            experienceMinYears: offer.experienceMinYears, drivingLicence: offer.drivingLicence ?? null, languages: offer.languages,
            certifications: offer.certifications, positions: offer.positions ?? 1,
            salary: offer.salary ? { ...offer.salary, period: offer.salary.period ?? 'year' } : undefined
        };
        const created = await this.offers.create(input, 'active');
        return { id: created.id, companyId };
    }

    protected async companyFor(company: OfferFile['company']): Promise<string> {
        if (company.siret) {
            const existing = await this.companies.findBySiret(company.siret);
            if (existing) {
                return existing.id;
            }
        } else {
            const sameName = (await this.companies.list(company.name)).find(c => c.name.toLowerCase() === company.name.toLowerCase());
            if (sameName) {
                return sameName.id;
            }
        }
        return (await this.companies.create({ name: company.name, siret: company.siret })).id;
    }
}

/** `matchpro offers list [--status S] [--query Q]` */
@injectable()
export class OffersListCommand implements CliCommand {
    readonly words = ['offers', 'list'];
    readonly summary = 'lists offers';
    readonly usage = 'offers list [--status draft|active|suspended|filled|archived] [--query Q] [--json]';

    @inject(OfferService) protected readonly offers: OfferService;

    async run(args: CliArgs): Promise<OfferSummary[]> {
        const status = args.options.status === undefined ? undefined : validate(OfferStatus, args.options.status, 'status');
        return this.offers.list({ status, query: typeof args.options.query === 'string' ? args.options.query : undefined });
    }

    formatText(result: unknown): string {
        return (result as OfferSummary[]).map(o => `${o.id}  [${o.status}]  ${o.title}  — ${o.companyName}${o.city ? `, ${o.city}` : ''}`).join('\n');
    }
}
