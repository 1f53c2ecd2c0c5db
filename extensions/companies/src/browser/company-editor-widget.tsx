import { Company, CompanyInput, CompanySize, Contact, ContactInput } from '@matchpro/core/lib/common';
import { EditorOptions } from '@matchpro/core/lib/browser/editor-opener';
import { CheckboxField, errorMessage, SelectField, TextField, withoutEmpty } from '@matchpro/core/lib/browser/form-fields';
import { RecordEditorWidget } from '@matchpro/core/lib/browser/record-editor-widget';
import { codicon } from '@theia/core/lib/browser';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import * as React from '@theia/core/shared/react';
import { CompanyActivity, CompanyService } from '../common/company-protocol';
import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import { CommandService } from '@theia/core/lib/common/command';

export const COMPANY_EDITOR_FACTORY_ID = 'matchpro-company-editor';
export const CompanyEditorOptions = Symbol('CompanyEditorOptions');

interface CompanyDraft {
    name: string; siret: string; sector: string; nafCode: string; size: CompanySize | ''; website: string;
    street: string; city: string; postcode: string; notes: string;
}
interface ContactDraft { firstName: string; lastName: string; email: string; phone: string; position: string; principal: boolean }

const EMPTY_CONTACT: ContactDraft = { firstName: '', lastName: '', email: '', phone: '', position: '', principal: false };

/** A company's page: its details, its contacts (one principal), saved with optimistic concurrency. */
@injectable()
export class CompanyEditorWidget extends RecordEditorWidget {
    @inject(CompanyService) protected readonly companies: CompanyService;
    @inject(MessageService) protected readonly messages: MessageService;
    @inject(CompanyEditorOptions) protected readonly options: EditorOptions;
    @inject(CommandService) protected readonly commands: CommandService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;

    protected company: Company | undefined;
    protected draft: CompanyDraft = { name: '', siret: '', sector: '', nafCode: '', size: '', website: '', street: '', city: '', postcode: '', notes: '' };
    protected contacts: Contact[] = [];
    protected activity: CompanyActivity | undefined;
    protected contactDraft: ContactDraft = { ...EMPTY_CONTACT };
    protected contactError: string | undefined;

    @postConstruct()
    protected init(): void {
        this.id = `${COMPANY_EDITOR_FACTORY_ID}:${this.options.recordId ?? 'new-' + this.options.draft}`;
        this.title.label = nls.localize('matchpro/companies/new', 'New Company');
        this.title.iconClass = codicon('organization');
        this.title.closable = true;
        this.addClass('matchpro-editor');
        if (this.options.recordId) {
            this.load(this.options.recordId);
        }
        this.toDispose.push(this.watcher.onDidChange(event => {
            if (this.company && ['offer', 'placement', 'interaction'].includes(event.kind)) {
                this.loadActivity(this.company.id);
            }
        }));
        this.update();
    }

    protected async load(id: string): Promise<void> {
        try {
            const company = await this.companies.get(id);
            this.setCompany(company);
            this.contacts = await this.companies.listContacts(id);
            await this.loadActivity(id);
        } catch (error) {
            this.error = errorMessage(error);
        }
        this.update();
    }

    protected async loadActivity(id: string): Promise<void> {
        this.activity = await this.companies.activity(id);
        this.update();
    }

    protected setCompany(company: Company): void {
        this.company = company;
        this.title.label = company.name;
        this.draft = {
            name: company.name, siret: company.siret ?? '', sector: company.sector ?? '', nafCode: company.nafCode ?? '',
            size: company.size ?? '', website: company.website ?? '', street: company.address?.street ?? '',
            city: company.address?.city ?? '', postcode: company.address?.postcode ?? '', notes: company.notes ?? ''
        };
    }

    protected toInput(): CompanyInput {
        const d = this.draft;
        return withoutEmpty({
            name: d.name, siret: d.siret, sector: d.sector, nafCode: d.nafCode, size: d.size || undefined, website: d.website, notes: d.notes,
            address: d.street || d.city || d.postcode ? { street: d.street, city: d.city, postcode: d.postcode, country: 'FR' } : undefined
        }) as CompanyInput;
    }

    protected save = () => this.run(async () => {
        const saved = this.company
            ? await this.companies.update(this.company.id, this.company.version, this.toInput())
            : await this.companies.create(this.toInput());
        this.setCompany(saved);
        this.messages.info(nls.localize('matchpro/companies/saved', 'Company "{0}" saved.', saved.name));
    });

    protected addContact = async (): Promise<void> => {
        if (!this.company) {
            return;
        }
        this.contactError = undefined;
        try {
            await this.companies.saveContact(withoutEmpty({ ...this.contactDraft, companyId: this.company.id }) as ContactInput);
            this.contactDraft = { ...EMPTY_CONTACT };
            this.contacts = await this.companies.listContacts(this.company.id);
        } catch (error) {
            this.contactError = errorMessage(error);
        }
        this.update();
    };

    protected set<K extends keyof CompanyDraft>(key: K): (value: CompanyDraft[K]) => void {
        return value => { this.draft = { ...this.draft, [key]: value }; this.update(); };
    }

    protected setContact<K extends keyof ContactDraft>(key: K): (value: ContactDraft[K]) => void {
        return value => { this.contactDraft = { ...this.contactDraft, [key]: value }; this.update(); };
    }

    protected render(): React.ReactNode {
        const d = this.draft;
        const sizes: { value: CompanySize; label: string }[] = [
            { value: 'startup', label: 'Startup' }, { value: 'tpe', label: nls.localize('matchpro/companies/size/tpe', 'Micro-business (TPE)') },
            { value: 'pme', label: nls.localize('matchpro/companies/size/pme', 'SME (PME)') }, { value: 'eti', label: nls.localize('matchpro/companies/size/eti', 'Mid-cap (ETI)') },
            { value: 'grand-groupe', label: nls.localize('matchpro/companies/size/large', 'Large group') }];
        return <div className='matchpro-form matchpro-company-form'>
            <h2>{this.company ? this.company.name : nls.localize('matchpro/companies/new', 'New Company')}</h2>
            <fieldset>
                <legend>{nls.localize('matchpro/companies/identity', 'Company')}</legend>
                <div className='matchpro-form-row'>
                    <TextField name='name' label={nls.localize('matchpro/companies/name', 'Name')} required value={d.name} onChange={this.set('name')} />
                    <TextField name='siret' label='SIRET' value={d.siret} onChange={this.set('siret')} placeholder='14 chiffres / digits' maxLength={20} />
                    <TextField name='sector' label={nls.localize('matchpro/companies/sector', 'Sector')} value={d.sector} onChange={this.set('sector')} />
                    <TextField name='nafCode' label={nls.localize('matchpro/companies/naf', 'NAF code')} value={d.nafCode} onChange={this.set('nafCode')} placeholder='52.10B' />
                    <SelectField name='size' label={nls.localize('matchpro/companies/size', 'Size')} value={d.size} onChange={this.set('size')} options={sizes} allowEmpty />
                    <TextField name='website' type='url' label={nls.localize('matchpro/companies/website', 'Website')} value={d.website} onChange={this.set('website')} />
                </div>
                <div className='matchpro-form-row'>
                    <TextField name='street' label={nls.localize('matchpro/address/street', 'Street')} value={d.street} onChange={this.set('street')} />
                    <TextField name='postcode' label={nls.localize('matchpro/address/postcode', 'Postcode')} value={d.postcode} onChange={this.set('postcode')} maxLength={10} />
                    <TextField name='city' label={nls.localize('matchpro/address/city', 'City')} value={d.city} onChange={this.set('city')} />
                </div>
            </fieldset>
            {this.error && <div className='matchpro-form-error' role='alert'>{this.error}</div>}
            <div className='matchpro-form-actions'>
                <button className='theia-button main matchpro-save' disabled={this.busy} onClick={this.save}>{nls.localize('matchpro/form/save', 'Save')}</button>
            </div>
            {this.company && this.renderContacts()}
            {this.activity && this.renderActivity(this.activity)}
        </div>;
    }

    protected renderActivity(activity: CompanyActivity): React.ReactNode {
        const date = (iso: string) => new Date(iso).toLocaleDateString(nls.locale || 'en');
        return <>
            <fieldset className='matchpro-company-offers'>
                <legend>{nls.localize('matchpro/companies/offers', 'Offers')} ({activity.offers.length})</legend>
                <ul>{activity.offers.map(o => <li key={o.id}>
                    <a href='#' onClick={e => { e.preventDefault(); this.commands.executeCommand('matchpro.offer.open', o.id); }}>{o.title}</a>
                    {' '}<span className='matchpro-badge muted'>{o.status}</span> {o.positionsFilled}/{o.positions}
                </li>)}</ul>
            </fieldset>
            <fieldset className='matchpro-company-placements'>
                <legend>{nls.localize('matchpro/companies/placements', 'Placements')} ({activity.placements.length})</legend>
                <ul>{activity.placements.map(p => <li key={p.id}>{p.candidateName || p.candidateId} — {p.offerTitle}, {date(p.startDate)}
                    {p.active && <span className='matchpro-badge ok'>{nls.localize('matchpro/companies/placementActive', 'in progress')}</span>}</li>)}</ul>
            </fieldset>
            <fieldset className='matchpro-company-history'>
                <legend>{nls.localize('matchpro/companies/history', 'Interaction history')} ({activity.interactions.length})</legend>
                <ul>{activity.interactions.map(i => <li key={i.id}>{date(i.at)} — {i.kind}: {i.subject}</li>)}</ul>
            </fieldset>
        </>;
    }

    protected renderContacts(): React.ReactNode {
        const c = this.contactDraft;
        return <fieldset className='matchpro-contacts'>
            <legend>{nls.localize('matchpro/companies/contacts', 'Contacts')}</legend>
            <ul className='matchpro-contact-list'>
                {this.contacts.map(contact => <li key={contact.id}>
                    {contact.firstName} {contact.lastName}{contact.position ? ` — ${contact.position}` : ''}{contact.email ? ` · ${contact.email}` : ''}
                    {contact.principal && <span className='matchpro-badge ok'>{nls.localize('matchpro/companies/principal', 'principal')}</span>}
                </li>)}
            </ul>
            <div className='matchpro-form-row'>
                <TextField name='contactFirstName' label={nls.localize('matchpro/person/firstName', 'First name')} required value={c.firstName} onChange={this.setContact('firstName')} />
                <TextField name='contactLastName' label={nls.localize('matchpro/person/lastName', 'Last name')} required value={c.lastName} onChange={this.setContact('lastName')} />
                <TextField name='contactEmail' type='email' label={nls.localize('matchpro/person/email', 'Email')} value={c.email} onChange={this.setContact('email')} />
                <TextField name='contactPhone' type='tel' label={nls.localize('matchpro/person/phone', 'Phone')} value={c.phone} onChange={this.setContact('phone')} />
                <TextField name='contactPosition' label={nls.localize('matchpro/person/position', 'Position')} value={c.position} onChange={this.setContact('position')} />
                <CheckboxField name='contactPrincipal' label={nls.localize('matchpro/companies/principalContact', 'Principal contact')} value={c.principal} onChange={this.setContact('principal')} />
            </div>
            {this.contactError && <div className='matchpro-form-error' role='alert'>{this.contactError}</div>}
            <button className='theia-button secondary matchpro-add-contact' onClick={this.addContact}>{nls.localize('matchpro/companies/addContact', 'Add contact')}</button>
        </fieldset>;
    }
}
