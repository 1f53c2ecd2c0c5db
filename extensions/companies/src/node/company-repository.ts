import { Company, Contact } from '@matchpro/core/lib/common';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { RecordRepository } from '@matchpro/core/lib/node/record-repository';
import { inject, injectable } from '@theia/core/shared/inversify';

@injectable()
export class CompanyRepository extends RecordRepository<Company> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, {
            table: 'companies', what: 'company', schema: Company,
            columns: { name: c => c.name, siret: c => c.siret ?? null, city: c => c.address?.city ?? null }
        });
    }
}

@injectable()
export class ContactRepository extends RecordRepository<Contact> {
    constructor(@inject(MatchProDatabase) db: MatchProDatabase) {
        super(db, {
            table: 'contacts', what: 'contact', schema: Contact,
            columns: { company_id: c => c.companyId, principal: c => c.principal ? 1 : 0 }
        });
    }
}
