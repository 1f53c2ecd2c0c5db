import * as fs from 'fs';
import * as path from 'path';
import { CompanyInput, ContactInput } from '@matchpro/core/lib/common';
import { DemoDataContribution } from '@matchpro/core/lib/node/demo-data-contribution';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CompanyServiceImpl } from './company-service-impl';

interface DemoCompany extends CompanyInput {
    contacts?: Omit<ContactInput, 'companyId'>[];
}

/** Loads the demo agency's client companies and their contacts (examples/demo-agency/companies.json). */
@injectable()
export class CompanyDemoData implements DemoDataContribution {
    readonly order = 10;

    @inject(CompanyServiceImpl) protected readonly companies: CompanyServiceImpl;

    async load(folder: string): Promise<{ companies: number }> {
        const demo = JSON.parse(fs.readFileSync(path.join(folder, 'companies.json'), 'utf8')) as DemoCompany[];
        for (const { contacts, ...input } of demo) {
            const company = await this.companies.create(input);
            for (const contact of contacts ?? []) {
                await this.companies.saveContact({ ...contact, companyId: company.id });
            }
        }
        return { companies: demo.length };
    }
}
