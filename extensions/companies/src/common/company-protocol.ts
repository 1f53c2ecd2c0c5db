import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
import type { Company, CompanyInput, Contact, ContactInput } from '@matchpro/core/lib/common';

export const COMPANY_SERVICE_PATH = '/services/matchpro/companies';
export const CompanyService = Symbol('CompanyService');

export interface CompanySummary {
    id: string;
    name: string;
    siret: string | null;
    city: string | null;
    sector: string | null;
    contacts: number;
    activeOffers: number;
}

/** What happened with a company, for its page: its offers, the placements made there, the exchanges. */
export interface CompanyActivity {
    offers: { id: string; title: string; status: string; positions: number; positionsFilled: number }[];
    placements: { id: string; offerId: string; offerTitle: string; candidateId: string; candidateName: string; startDate: string; active: boolean }[];
    interactions: { id: string; kind: string; subject: string; at: string; candidateId: string }[];
}

export interface CompanyService {
    list(query?: string): Promise<CompanySummary[]>;
    get(id: string): Promise<Company>;
    findBySiret(siret: string): Promise<Company | undefined>;
    create(input: CompanyInput): Promise<Company>;
    /** `version` is the one the editor loaded: a stale one is a conflict. */
    update(id: string, version: number, input: CompanyInput): Promise<Company>;
    delete(id: string, version: number): Promise<void>;

    activity(companyId: string): Promise<CompanyActivity>;

    listContacts(companyId: string): Promise<Contact[]>;
    /** A contact marked principal becomes the company's only principal contact. */
    saveContact(input: ContactInput, id?: string, version?: number): Promise<Contact>;
    deleteContact(id: string, version: number): Promise<void>;
}

export const CompanyServiceAccess: ServiceAccess<CompanyService> = {
    list: 'read', get: 'read', findBySiret: 'read', create: 'write', update: 'write', delete: 'write', activity: 'read',
    listContacts: 'read', saveContact: 'write', deleteContact: 'write'
};
