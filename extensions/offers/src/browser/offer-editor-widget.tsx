import { CefrLevel, ContractType, JobOffer, Placement, JobOfferInput, OFFER_TRANSITIONS, OfferStatus, RequiredSkill } from '@matchpro/core/lib/common';
import { EditorOptions } from '@matchpro/core/lib/browser/editor-opener';
import { CheckboxField, errorMessage, NumberField, SelectField, TextAreaField, TextField, withoutEmpty } from '@matchpro/core/lib/browser/form-fields';
import { CompanyService, CompanySummary } from '@matchpro/companies/lib/common/company-protocol';
import { RecordEditorWidget } from '@matchpro/core/lib/browser/record-editor-widget';
import { codicon } from '@theia/core/lib/browser';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import * as React from '@theia/core/shared/react';
import { OfferService } from '../common/offer-protocol';
import { PlacementService } from '../common/placement-protocol';
import { OfferCommands } from './offer-commands';
import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import { CommandService } from '@theia/core/lib/common/command';
import { contractTypeLabel, offerStatusLabel } from './offer-status-labels';

export const OFFER_EDITOR_FACTORY_ID = 'matchpro-offer-editor';
export const OfferEditorOptions = Symbol('OfferEditorOptions');

interface OfferDraftState {
    companyId: string; title: string; reference: string; contractType: ContractType; city: string; postcode: string;
    remote: 'none' | 'partial' | 'full'; salaryMin?: number; salaryMax?: number; salaryPeriod: 'hour' | 'month' | 'year';
    description: string; skills: RequiredSkill[]; experienceMinYears?: number; experienceIdealYears?: number; educationLevel: string;
    languages: string; drivingLicence: string; certifications: string; startDate: string; urgent: boolean; positions?: number;
    occupationUri?: string; romeCode?: string;
}

const LICENCES = ['B', 'BE', 'C1', 'C', 'CE', 'D'];

/** An offer's page: every field of the offer, its workflow, and a draft generated from the job title. */
@injectable()
export class OfferEditorWidget extends RecordEditorWidget {
    @inject(OfferService) protected readonly offers: OfferService;
    @inject(CompanyService) protected readonly companies: CompanyService;
    @inject(MessageService) protected readonly messages: MessageService;
    @inject(OfferEditorOptions) protected readonly options: EditorOptions & { companyId?: string };
    @inject(PlacementService) protected readonly placements: PlacementService;
    @inject(CommandService) protected readonly commands: CommandService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;

    protected offerPlacements: (Placement & { candidateName: string })[] = [];

    protected offer: JobOffer | undefined;
    protected companyList: CompanySummary[] = [];
    protected state: OfferDraftState = {
        companyId: '', title: '', reference: '', contractType: 'CDI', city: '', postcode: '', remote: 'none', salaryPeriod: 'year',
        description: '', skills: [], educationLevel: '', languages: '', drivingLicence: '', certifications: '', startDate: '', urgent: false, positions: 1
    };
    protected draftLang: 'fr' | 'en' = nls.locale === 'fr' ? 'fr' : 'en';
    protected newSkill = '';
    protected statusReason = '';

    @postConstruct()
    protected init(): void {
        this.id = `${OFFER_EDITOR_FACTORY_ID}:${this.options.recordId ?? 'new-' + this.options.draft}`;
        this.title.label = nls.localize('matchpro/offers/new', 'New Offer');
        this.title.iconClass = codicon('megaphone');
        this.title.closable = true;
        this.toDispose.push(this.watcher.onDidChange(async event => {
            if (this.offer && event.kind === 'placement') {
                this.setOffer(await this.offers.get(this.offer.id));
                this.update();
            }
        }));
        this.load();
    }

    protected async load(): Promise<void> {
        try {
            this.companyList = await this.companies.list();
            if (this.options.recordId) {
                this.setOffer(await this.offers.get(this.options.recordId));
            } else {
                this.state.companyId = this.options.companyId ?? this.companyList[0]?.id ?? '';
            }
        } catch (error) {
            this.error = errorMessage(error);
        }
        this.update();
    }

    protected setOffer(offer: JobOffer): void {
        this.offer = offer;
        this.placements.list({ offerId: offer.id }).then(async list => {
            // Names are looked up only when there is a placement to show (most offers have none).
            const names = new Map(list.length ? (await this.placements.candidatesFor(offer.id)).map(p => [p.id, p.name]) : []);
            this.offerPlacements = list.map(p => ({ ...p, candidateName: names.get(p.candidateId) ?? p.candidateId }));
            this.update();
        }, () => undefined);
        this.title.label = offer.title;
        this.state = {
            companyId: offer.companyId, title: offer.title, reference: offer.reference ?? '', contractType: offer.contractType,
            city: offer.location.city ?? '', postcode: offer.location.postcode ?? '', remote: offer.location.remote,
            salaryMin: offer.salary?.min, salaryMax: offer.salary?.max, salaryPeriod: offer.salary?.period ?? 'year',
            description: offer.description, skills: offer.requiredSkills, experienceMinYears: offer.experienceMinYears,
            experienceIdealYears: offer.experienceIdealYears, educationLevel: offer.educationLevel ?? '',
            languages: offer.languages.map(l => l.level ? `${l.language}:${l.level}` : l.language).join(', '),
            drivingLicence: offer.drivingLicence ?? '', certifications: offer.certifications.join(', '), startDate: offer.startDate ?? '',
            urgent: offer.urgent, positions: offer.positions, occupationUri: offer.occupationUri, romeCode: offer.romeCode
        };
    }

    protected toInput(): JobOfferInput {
        const s = this.state;
        const languages = s.languages.split(/[,;]/).map(part => part.trim()).filter(Boolean).map(part => {
            const [language, level] = part.split(/[:\s]+/);
            return { language: language.toLowerCase(), level: (level ? level.toUpperCase() : null) as CefrLevel | null };
        });
        return withoutEmpty({
            companyId: s.companyId, title: s.title, reference: s.reference, contractType: s.contractType, description: s.description,
            location: withoutEmpty({ city: s.city, postcode: s.postcode, remote: s.remote }),
            salary: s.salaryMin !== undefined || s.salaryMax !== undefined ? withoutEmpty({ min: s.salaryMin, max: s.salaryMax, currency: 'EUR', period: s.salaryPeriod }) : undefined,
            requiredSkills: s.skills, experienceMinYears: s.experienceMinYears, experienceIdealYears: s.experienceIdealYears,
            educationLevel: s.educationLevel, languages, drivingLicence: s.drivingLicence || null,
            certifications: s.certifications.split(',').map(c => c.trim()).filter(Boolean), startDate: s.startDate, urgent: s.urgent,
            positions: s.positions, occupationUri: s.occupationUri, romeCode: s.romeCode
        }) as JobOfferInput;
    }

    protected save = () => this.run(async () => {
        const saved = this.offer
            ? await this.offers.update(this.offer.id, this.offer.version, this.toInput())
            : await this.offers.create(this.toInput());
        this.setOffer(saved);
        this.messages.info(nls.localize('matchpro/offers/saved', 'Offer "{0}" saved.', saved.title));
    });

    protected generateDraft = () => this.run(async () => {
        const draft = await this.offers.draft({
            title: this.state.title, lang: this.draftLang, companyId: this.state.companyId || undefined,
            contractType: this.state.contractType, city: this.state.city || undefined, notes: this.state.description || undefined
        });
        // The draft fills the form; nothing is saved until the recruiter has read it and clicks Save.
        this.state = { ...this.state, description: draft.description, skills: draft.requiredSkills, occupationUri: draft.occupationUri, romeCode: draft.romeCode };
    });

    protected changeStatus = (to: OfferStatus) => this.run(async () => {
        if (this.offer) {
            this.setOffer(await this.offers.changeStatus(this.offer.id, this.offer.version, to, this.statusReason || undefined));
            this.statusReason = '';
        }
    });

    protected set<K extends keyof OfferDraftState>(key: K): (value: OfferDraftState[K]) => void {
        return value => { this.state = { ...this.state, [key]: value }; this.update(); };
    }

    protected render(): React.ReactNode {
        const s = this.state;
        const contractTypes = (['CDI', 'CDD', 'mission', 'stage', 'alternance'] as const).map(value => ({ value, label: contractTypeLabel(value) }));
        return <div className='matchpro-form matchpro-offer-form'>
            <h2>{this.offer ? this.offer.title : nls.localize('matchpro/offers/new', 'New Offer')}
                {this.offer && <span className='matchpro-badge'>{offerStatusLabel(this.offer.status)}</span>}</h2>
            {this.offer && this.renderWorkflow(this.offer)}
            <fieldset>
                <legend>{nls.localize('matchpro/offers/position', 'Position')}</legend>
                <div className='matchpro-form-row'>
                    <SelectField name='companyId' label={nls.localize('matchpro/offers/company', 'Company')} required value={s.companyId} onChange={this.set('companyId')}
                        options={this.companyList.map(c => ({ value: c.id, label: c.name }))} allowEmpty />
                    <TextField name='title' label={nls.localize('matchpro/offers/title', 'Job title')} required value={s.title} onChange={this.set('title')} />
                    <TextField name='reference' label={nls.localize('matchpro/offers/reference', 'Reference')} value={s.reference} onChange={this.set('reference')} />
                    <SelectField name='contractType' label={nls.localize('matchpro/offers/contract', 'Contract')} value={s.contractType}
                        onChange={value => this.set('contractType')((value || 'CDI') as ContractType)} options={contractTypes} />
                    <NumberField name='positions' label={nls.localize('matchpro/offers/positions', 'Positions')} value={s.positions} min={1} onChange={this.set('positions')} />
                    <CheckboxField name='urgent' label={nls.localize('matchpro/offers/urgentLabel', 'Urgent')} value={s.urgent} onChange={this.set('urgent')} />
                </div>
                {s.romeCode || s.occupationUri ? <div className='matchpro-occupation'>{nls.localize('matchpro/offers/occupation', 'Occupation')}: {s.romeCode ?? ''} {s.occupationUri ?? ''}</div> : undefined}
            </fieldset>
            <fieldset>
                <legend>{nls.localize('matchpro/offers/locationSalary', 'Location and salary')}</legend>
                <div className='matchpro-form-row'>
                    <TextField name='city' label={nls.localize('matchpro/address/city', 'City')} value={s.city} onChange={this.set('city')} />
                    <TextField name='postcode' label={nls.localize('matchpro/address/postcode', 'Postcode')} value={s.postcode} onChange={this.set('postcode')} maxLength={10} />
                    <SelectField name='remote' label={nls.localize('matchpro/offers/remote', 'Remote work')} value={s.remote} onChange={value => this.set('remote')((value || 'none') as OfferDraftState['remote'])}
                        options={[{ value: 'none', label: nls.localize('matchpro/offers/remote/none', 'On site') }, { value: 'partial', label: nls.localize('matchpro/offers/remote/partial', 'Hybrid') },
                        { value: 'full', label: nls.localize('matchpro/offers/remote/full', 'Full remote') }]} />
                    <NumberField name='salaryMin' label={nls.localize('matchpro/offers/salaryMin', 'Salary min (€)')} value={s.salaryMin} min={0} onChange={this.set('salaryMin')} />
                    <NumberField name='salaryMax' label={nls.localize('matchpro/offers/salaryMax', 'Salary max (€)')} value={s.salaryMax} min={0} onChange={this.set('salaryMax')} />
                    <SelectField name='salaryPeriod' label={nls.localize('matchpro/offers/salaryPeriod', 'Per')} value={s.salaryPeriod}
                        onChange={value => this.set('salaryPeriod')((value || 'year') as OfferDraftState['salaryPeriod'])}
                        options={[{ value: 'hour', label: nls.localize('matchpro/offers/perHour', 'hour') }, { value: 'month', label: nls.localize('matchpro/offers/perMonth', 'month') },
                        { value: 'year', label: nls.localize('matchpro/offers/perYear', 'year') }]} />
                </div>
            </fieldset>
            <fieldset>
                <legend>{nls.localize('matchpro/offers/requirements', 'Requirements')}</legend>
                <div className='matchpro-form-row'>
                    <NumberField name='experienceMinYears' label={nls.localize('matchpro/offers/expMin', 'Experience min (years)')} value={s.experienceMinYears} min={0} onChange={this.set('experienceMinYears')} />
                    <NumberField name='experienceIdealYears' label={nls.localize('matchpro/offers/expIdeal', 'Experience ideal (years)')} value={s.experienceIdealYears} min={0} onChange={this.set('experienceIdealYears')} />
                    <TextField name='educationLevel' label={nls.localize('matchpro/offers/education', 'Education level')} value={s.educationLevel} onChange={this.set('educationLevel')} />
                    <SelectField name='drivingLicence' label={nls.localize('matchpro/offers/licence', 'Driving licence')} value={s.drivingLicence} onChange={this.set('drivingLicence')}
                        options={LICENCES.map(l => ({ value: l, label: `Permis ${l}` }))} allowEmpty />
                    <TextField name='languages' label={nls.localize('matchpro/offers/languages', 'Languages (en:B2, es)')} value={s.languages} onChange={this.set('languages')} />
                    <TextField name='certifications' label={nls.localize('matchpro/offers/certifications', 'Certifications (comma separated)')} value={s.certifications} onChange={this.set('certifications')} />
                    <TextField name='startDate' type='date' label={nls.localize('matchpro/offers/startDate', 'Start date')} value={s.startDate} onChange={this.set('startDate')} />
                </div>
                {this.renderSkills()}
            </fieldset>
            <fieldset>
                <legend>{nls.localize('matchpro/offers/description', 'Description')}</legend>
                <div className='matchpro-form-row'>
                    <SelectField name='draftLang' label={nls.localize('matchpro/offers/draftLang', 'Draft language')} value={this.draftLang}
                        onChange={value => { this.draftLang = value === 'en' ? 'en' : 'fr'; this.update(); }}
                        options={[{ value: 'fr', label: 'Français' }, { value: 'en', label: 'English' }]} />
                    <div style={{ alignSelf: 'end' }}>
                        <button className='theia-button secondary matchpro-generate-draft' disabled={this.busy || !s.title.trim()} onClick={this.generateDraft}>
                            {nls.localize('matchpro/offers/generate', 'Generate a draft from the job title')}</button>
                    </div>
                </div>
                <TextAreaField name='description' label={nls.localize('matchpro/offers/descriptionLabel', 'Description (your notes are used by the draft)')} rows={14}
                    value={s.description} onChange={this.set('description')} />
            </fieldset>
            {this.error && <div className='matchpro-form-error' role='alert'>{this.error}</div>}
            <div className='matchpro-form-actions'>
                <button className='theia-button main matchpro-save' disabled={this.busy} onClick={this.save}>{nls.localize('matchpro/form/save', 'Save')}</button>
            </div>
        </div>;
    }

    protected renderSkills(): React.ReactNode {
        const skills = this.state.skills;
        const update = (index: number, patch: Partial<RequiredSkill>) => {
            this.state = { ...this.state, skills: skills.map((skill, i) => i === index ? { ...skill, ...patch } : skill) };
            this.update();
        };
        return <div className='matchpro-skills'>
            <div>{nls.localize('matchpro/offers/skills', 'Required skills')}</div>
            <table>
                <tbody>
                    {skills.map((skill, index) => <tr key={index}>
                        <td>{skill.name}</td>
                        <td><label style={{ flexDirection: 'row', gap: 4 }}><input type='checkbox' checked={skill.mandatory} onChange={e => update(index, { mandatory: e.target.checked })} />
                            {nls.localize('matchpro/offers/mandatory', 'mandatory')}</label></td>
                        <td><input className='theia-input' type='number' min={0} max={10} style={{ width: 60 }} value={skill.weight}
                            title={nls.localize('matchpro/offers/weight', 'weight')} onChange={e => update(index, { weight: Number(e.target.value) })} /></td>
                        <td><button className='theia-button secondary' title={nls.localize('matchpro/form/remove', 'Remove')}
                            onClick={() => { this.state = { ...this.state, skills: skills.filter((_, i) => i !== index) }; this.update(); }}><i className={codicon('close')} /></button></td>
                    </tr>)}
                </tbody>
            </table>
            <div style={{ display: 'flex', gap: 6 }}>
                <input className='theia-input' name='newSkill' value={this.newSkill} placeholder={nls.localize('matchpro/offers/addSkill', 'Add a skill')}
                    onChange={e => { this.newSkill = e.target.value; this.update(); }}
                    onKeyDown={e => { if (e.key === 'Enter') { this.addSkill(); } }} />
                <button className='theia-button secondary' onClick={() => this.addSkill()}>{nls.localize('matchpro/form/add', 'Add')}</button>
            </div>
        </div>;
    }

    protected addSkill(): void {
        const name = this.newSkill.trim();
        if (name) {
            this.state = { ...this.state, skills: [...this.state.skills, { name, mandatory: false, weight: 1 }] };
            this.newSkill = '';
            this.update();
        }
    }

    protected renderWorkflow(offer: JobOffer): React.ReactNode {
        const next = OFFER_TRANSITIONS[offer.status];
        return <fieldset className='matchpro-workflow'>
            <legend>{nls.localize('matchpro/offers/workflow', 'Status')}</legend>
            <div className='matchpro-form-row'>
                <TextField name='statusReason' label={nls.localize('matchpro/offers/reason', 'Reason (optional)')} value={this.statusReason}
                    onChange={value => { this.statusReason = value; this.update(); }} />
            </div>
            <div className='matchpro-form-actions'>
                {next.map(status => <button key={status} className={`theia-button secondary matchpro-status-${status}`} disabled={this.busy}
                    onClick={() => this.changeStatus(status)}>→ {offerStatusLabel(status)}</button>)}
            </div>
            <div className='matchpro-placements'>
                <b>{nls.localize('matchpro/offers/placements', 'Placements: {0} of {1} positions', offer.positionsFilled, offer.positions)}</b>
                <ul>{this.offerPlacements.map(p => <li key={p.id}>{p.startDate} — {p.candidateName}{p.commissionPercent !== undefined ? ` · ${p.commissionPercent} %` : ''}</li>)}</ul>
                {(offer.status === 'active' || offer.status === 'suspended') && <button className='theia-button secondary matchpro-record-placement' disabled={this.busy}
                    onClick={() => this.commands.executeCommand(OfferCommands.RECORD_PLACEMENT.id, offer.id)}>{OfferCommands.RECORD_PLACEMENT.label}</button>}
                {/* The matching extension's palette command, when it is installed. */}
                <button className='theia-button secondary matchpro-match-offer' disabled={this.busy}
                    onClick={() => this.commands.executeCommand('matchpro.matching.forOffer', offer.id)}>{nls.localize('matchpro/offers/matchCandidates', 'Match candidates')}</button>
            </div>
            <ul className='matchpro-history'>
                {offer.statusHistory.slice().reverse().map((change, index) => <li key={index}>
                    {new Date(change.at).toLocaleString(nls.locale || 'en')}: {index === offer.statusHistory.length - 1
                        ? `${nls.localize('matchpro/offers/created', 'Created')} (${offerStatusLabel(change.to)})`
                        : `${offerStatusLabel(change.from)} → ${offerStatusLabel(change.to)}`} ({change.by}){change.reason && change.reason !== 'created' ? ` — ${change.reason}` : ''}
                </li>)}
            </ul>
        </fieldset>;
    }
}
