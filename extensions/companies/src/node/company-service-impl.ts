import { z } from 'zod';
import { Company, CompanyInput, Contact, ContactInput, EntityId, MatchProErrors, foldText, normalizeSiret, validate } from '@matchpro/core/lib/common';
import { AuditLog } from '@matchpro/core/lib/node/audit-log';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import type { StoreTransaction } from '@matchpro/core/lib/node/storage/store-types';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CompanyActivity, CompanyService, CompanySummary } from '../common/company-protocol';
import { CompanyRepository, ContactRepository } from './company-repository';

@injectable()
export class CompanyServiceImpl implements CompanyService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(CompanyRepository) protected readonly companies: CompanyRepository;
    @inject(ContactRepository) protected readonly contacts: ContactRepository;
    @inject(AuditLog) protected readonly audit: AuditLog;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;

    async list(query?: string): Promise<CompanySummary[]> {
        const q = typeof query === 'string' ? query.trim().slice(0, 200) : '';
        const like = `%${foldText(q.replace(/[%_]/g, ''))}%`;
        return this.db.read(store => store.all<{ data: string; contacts: number; active_offers: number }>(
            `SELECT c.data,
                (SELECT count(*) FROM contacts k WHERE k.company_id = c.id) AS contacts,
                (SELECT count(*) FROM offers o WHERE o.company_id = c.id AND o.status = 'active') AS active_offers
             FROM companies c` + (q ? ' WHERE fold(c.name) LIKE ? OR c.siret LIKE ? OR fold(c.city) LIKE ?' : '') + ' ORDER BY c.name COLLATE NOCASE LIMIT 5000',
            q ? [like, like, like] : []).map(row => {
                const company = JSON.parse(row.data) as Company;
                return {
                    id: company.id, name: company.name, siret: company.siret ?? null, city: company.address?.city ?? null,
                    sector: company.sector ?? null, contacts: row.contacts, activeOffers: row.active_offers
                };
            }));
    }

    get(id: string): Promise<Company> {
        return this.companies.require(String(id));
    }

    async findBySiret(siret: string): Promise<Company | undefined> {
        const normalized = normalizeSiret(String(siret));
        return this.db.read(store => this.companies.listIn(store, { where: 'siret = ?', params: [normalized], limit: 1 })[0]);
    }

    async create(input: CompanyInput): Promise<Company> {
        const fields = validate(CompanyInput, input, 'company');
        const company = await this.db.write(tx => {
            this.checkSiretFree(tx, fields.siret);
            const created = this.companies.insert(tx, fields);
            this.audit.record(tx, { actor: this.db.actor, action: 'create', entity: 'company', entityId: created.id });
            return created;
        });
        this.changes.notify({ kind: 'company', ids: [company.id], change: 'created' });
        return company;
    }

    async update(id: string, version: number, input: CompanyInput): Promise<Company> {
        const fields = validate(CompanyInput, input, 'company');
        const company = await this.db.write(tx => {
            this.checkSiretFree(tx, fields.siret, id);
            const updated = this.companies.update(tx, String(id), Number(version), () => fields);
            this.audit.record(tx, { actor: this.db.actor, action: 'update', entity: 'company', entityId: id, details: { version: updated.version } });
            return updated;
        });
        this.changes.notify({ kind: 'company', ids: [company.id], change: 'updated' });
        return company;
    }

    async delete(id: string, version: number): Promise<void> {
        validate(EntityId, id, 'company id');
        validate(z.number().int().min(0), version, 'version');
        await this.db.write(tx => {
            const offers = tx.get<{ n: number }>('SELECT count(*) AS n FROM offers WHERE company_id = ?', [id])!.n;
            if (offers > 0) {
                throw MatchProErrors.Rejected(`This company still has ${offers} offer(s): archive or delete them first.`);
            }
            this.companies.delete(tx, String(id), Number(version));
            tx.run('DELETE FROM contacts WHERE company_id = ?', [id]);
            this.audit.record(tx, { actor: this.db.actor, action: 'delete', entity: 'company', entityId: id });
        });
        this.changes.notify({ kind: 'company', ids: [id], change: 'deleted' });
    }

    async activity(companyId: string): Promise<CompanyActivity> {
        const id = String(companyId);
        return this.db.read(store => {
            this.companies.requireIn(store, id);
            const offers = store.all<{ data: string }>('SELECT data FROM offers WHERE company_id = ? ORDER BY updated_at DESC', [id]).map(row => {
                const o = JSON.parse(row.data) as { id: string; title: string; status: string; positions: number; positionsFilled: number };
                return { id: o.id, title: o.title, status: o.status, positions: o.positions, positionsFilled: o.positionsFilled };
            });
            const placements = store.all<{ data: string; offer_title: string; first_name: string | null; last_name: string | null }>(
                `SELECT p.data, o.title AS offer_title, c.first_name, c.last_name FROM placements p
                 JOIN offers o ON o.id = p.offer_id LEFT JOIN candidates c ON c.id = p.candidate_id
                 WHERE p.company_id = ? ORDER BY p.created_at DESC`, [id]).map(row => {
                const p = JSON.parse(row.data) as { id: string; offerId: string; candidateId: string; startDate: string; active: boolean };
                return {
                    id: p.id, offerId: p.offerId, offerTitle: row.offer_title, candidateId: p.candidateId,
                    candidateName: [row.first_name, row.last_name].filter(Boolean).join(' '), startDate: p.startDate, active: p.active
                };
            });
            const interactions = store.all<{ data: string }>('SELECT data FROM interactions WHERE company_id = ? ORDER BY at DESC LIMIT 200', [id]).map(row => {
                const i = JSON.parse(row.data) as { id: string; kind: string; subject: string; at: string; candidateId: string };
                return { id: i.id, kind: i.kind, subject: i.subject, at: i.at, candidateId: i.candidateId };
            });
            return { offers, placements, interactions };
        });
    }

    async listContacts(companyId: string): Promise<Contact[]> {
        return this.contacts.list({ where: 'company_id = ?', params: [String(companyId)], orderBy: 'principal DESC, created_at' });
    }

    async saveContact(input: ContactInput, id?: string, version?: number): Promise<Contact> {
        const fields = validate(ContactInput, input, 'contact');
        const contact = await this.db.write(tx => {
            this.companies.requireIn(tx, fields.companyId);
            if (fields.principal) {
                // One principal contact per company: the new one takes over.
                for (const other of this.contacts.listIn(tx, { where: 'company_id = ? AND principal = 1 AND id != ?', params: [fields.companyId, id ?? ''] })) {
                    this.contacts.update(tx, other.id, undefined, current => ({ ...current, principal: false }));
                }
            }
            const saved = id === undefined
                ? this.contacts.insert(tx, fields)
                : this.contacts.update(tx, String(id), version === undefined ? undefined : Number(version), () => fields);
            this.audit.record(tx, { actor: this.db.actor, action: id ? 'update' : 'create', entity: 'contact', entityId: saved.id });
            return saved;
        });
        this.changes.notify({ kind: 'contact', ids: [contact.id], change: id ? 'updated' : 'created' });
        this.changes.notify({ kind: 'company', ids: [contact.companyId], change: 'updated' });
        return contact;
    }

    async deleteContact(id: string, version: number): Promise<void> {
        const contact = await this.db.write(tx => {
            const removed = this.contacts.delete(tx, String(id), Number(version));
            this.audit.record(tx, { actor: this.db.actor, action: 'delete', entity: 'contact', entityId: id });
            return removed;
        });
        this.changes.notify({ kind: 'contact', ids: [id], change: 'deleted' });
        this.changes.notify({ kind: 'company', ids: [contact.companyId], change: 'updated' });
    }

    protected checkSiretFree(tx: StoreTransaction, siret: string | undefined, exceptId?: string): void {
        if (!siret) {
            return;
        }
        const other = tx.get<{ id: string; name: string }>('SELECT id, name FROM companies WHERE siret = ? AND id != ?', [siret, exceptId ?? '']);
        if (other) {
            throw MatchProErrors.Rejected(`SIRET ${siret} is already used by the company "${other.name}".`);
        }
    }
}
