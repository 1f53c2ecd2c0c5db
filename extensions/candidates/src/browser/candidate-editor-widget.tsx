import { Candidate, CandidateFields, CandidateInput, emptyParsedProfile, Interaction, InteractionKind, ParsedEducation, ParsedExperience } from '@matchpro/core/lib/common';
import { EditorOptions } from '@matchpro/core/lib/browser/editor-opener';
import { CheckboxField, errorMessage, NumberField, SelectField, TextAreaField, TextField } from '@matchpro/core/lib/browser/form-fields';
import { RecordEditorWidget } from '@matchpro/core/lib/browser/record-editor-widget';
import { codicon } from '@theia/core/lib/browser';
import { CommandService } from '@theia/core/lib/common/command';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import * as React from '@theia/core/shared/react';
import { CandidateService } from '../common/candidate-protocol';

export const CANDIDATE_EDITOR_FACTORY_ID = 'matchpro-candidate-editor';
export const CandidateEditorOptions = Symbol('CandidateEditorOptions');

/** Lists typed as one comma-separated line (licences, certifications, skills). */
const joinList = (values: string[]) => values.join(', ');
const splitList = (text: string) => text.split(',').map(v => v.trim()).filter(Boolean);

export function newCandidateFields(): CandidateFields {
    return {
        ...emptyParsedProfile('fr'), birthDate: null, nationality: null, street: null,
        mobility: { radiusKm: 30, cities: [], remote: false, hasVehicle: false }, situation: null, availableFrom: null,
        preferences: { contractTypes: [], sectors: [] }, notes: ''
    };
}

/** A candidate's profile: every parsed field editable, the original CV beside it, and the interaction history. */
@injectable()
export class CandidateEditorWidget extends RecordEditorWidget {
    @inject(CandidateService) protected readonly candidates: CandidateService;
    @inject(MessageService) protected readonly messages: MessageService;
    @inject(CandidateEditorOptions) protected readonly options: EditorOptions;
    @inject(CommandService) protected readonly commands: CommandService;

    protected candidate: Candidate | undefined;
    protected fields: CandidateFields = newCandidateFields();
    protected lists = { licences: '', certifications: '', skills: '', languages: '' };
    protected interactions: Interaction[] = [];
    protected interactionDraft: { kind: InteractionKind; subject: string; content: string } = { kind: 'call', subject: '', content: '' };
    protected cvUrl: string | undefined;
    protected cvMediaType: string | undefined;

    @postConstruct()
    protected init(): void {
        this.id = `${CANDIDATE_EDITOR_FACTORY_ID}:${this.options.recordId ?? 'new-' + this.options.draft}`;
        this.title.label = nls.localize('matchpro/candidates/new', 'New Candidate');
        this.title.iconClass = codicon('person');
        this.title.closable = true;
        this.addClass('matchpro-editor');
        this.toDispose.push({ dispose: () => this.cvUrl && URL.revokeObjectURL(this.cvUrl) });
        this.setFields(this.fields);
        if (this.options.recordId) {
            this.load(this.options.recordId);
        }
    }

    get candidateId(): string | undefined {
        return this.candidate?.id;
    }

    protected async load(id: string): Promise<void> {
        try {
            this.setCandidate(await this.candidates.get(id));
            this.interactions = await this.candidates.listInteractions(id);
            const cv = await this.candidates.getCvFile(id);
            if (cv) {
                this.cvMediaType = cv.mediaType;
                this.cvUrl = URL.createObjectURL(new Blob([cv.bytes as Uint8Array<ArrayBuffer>], { type: cv.mediaType }));
            }
        } catch (error) {
            this.error = errorMessage(error);
        }
        this.update();
    }

    protected setCandidate(candidate: Candidate): void {
        this.candidate = candidate;
        this.title.label = [candidate.firstName, candidate.lastName].filter(Boolean).join(' ') || candidate.email || '?';
        this.setFields(candidate);
    }

    protected setFields(fields: CandidateFields): void {
        this.fields = { ...fields };
        this.lists = {
            licences: joinList(fields.drivingLicences), certifications: joinList(fields.certifications), skills: joinList(fields.skills.map(s => s.name)),
            languages: fields.languages.map(l => l.level ? `${l.language}:${l.level}` : l.language).join(', ')
        };
    }

    protected toInput(): CandidateInput {
        const known = new Map(this.fields.skills.map(s => [s.name.toLowerCase(), s]));
        return {
            ...this.fields,
            drivingLicences: splitList(this.lists.licences).map(l => l.toUpperCase()),
            certifications: splitList(this.lists.certifications),
            skills: splitList(this.lists.skills).map(name => known.get(name.toLowerCase()) ?? { name }),
            languages: splitList(this.lists.languages).map(part => {
                const [language, level] = part.split(/[:\s]+/);
                return { language: language.toLowerCase(), level: (level?.toUpperCase() ?? null) as CandidateFields['languages'][number]['level'] };
            })
        };
    }

    protected save = () => this.run(async () => {
        const saved = this.candidate
            ? await this.candidates.update(this.candidate.id, this.candidate.version, this.toInput())
            : await this.candidates.create(this.toInput());
        this.setCandidate(saved);
        this.messages.info(nls.localize('matchpro/candidates/saved', 'Candidate saved.'));
    });

    /** Re-parses the stored CV; the result fills the form for review, nothing is saved until Save. */
    reparse = () => this.run(async () => {
        if (this.candidate) {
            const profile = await this.candidates.reparse(this.candidate.id);
            this.setFields({ ...this.fields, ...profile });
            this.messages.info(nls.localize('matchpro/candidates/reparsed', 'CV parsed again: review the fields, then save.'));
        }
    });

    protected addInteraction = () => this.run(async () => {
        if (this.candidate) {
            await this.candidates.addInteraction({ ...this.interactionDraft, candidateId: this.candidate.id, at: new Date().toISOString() });
            this.interactionDraft = { kind: 'call', subject: '', content: '' };
            this.interactions = await this.candidates.listInteractions(this.candidate.id);
            this.setCandidate(await this.candidates.get(this.candidate.id));
        }
    });

    protected set<K extends keyof CandidateFields>(key: K): (value: CandidateFields[K]) => void {
        return value => { this.fields = { ...this.fields, [key]: value }; this.update(); };
    }

    protected text<K extends keyof CandidateFields>(key: K): (value: string) => void {
        return value => this.set(key)((value === '' ? null : value) as CandidateFields[K]);
    }

    protected setList(key: keyof CandidateEditorWidget['lists']): (value: string) => void {
        return value => { this.lists = { ...this.lists, [key]: value }; this.update(); };
    }


    protected render(): React.ReactNode {
        const f = this.fields;
        const name = [f.firstName, f.lastName].filter(Boolean).join(' ');
        return <div className='matchpro-candidate-editor'>
            <div className='matchpro-form matchpro-candidate-form'>
                <h2>{name || nls.localize('matchpro/candidates/new', 'New Candidate')}</h2>
                {!!this.candidate?.aiFields.length && <p className='matchpro-ai-field'>
                    {nls.localize('matchpro/candidates/aiFields', 'Added or corrected by your AI provider (checked against the CV): {0}', this.candidate.aiFields.join(', '))}</p>}
                <fieldset>
                    <legend>{nls.localize('matchpro/candidates/identity', 'Identity and contact')}</legend>
                    <div className='matchpro-form-row'>
                        <TextField name='firstName' label={nls.localize('matchpro/person/firstName', 'First name')} value={f.firstName ?? ''} onChange={this.text('firstName')} />
                        <TextField name='lastName' label={nls.localize('matchpro/person/lastName', 'Last name')} value={f.lastName ?? ''} onChange={this.text('lastName')} />
                        <TextField name='email' type='email' label={nls.localize('matchpro/person/email', 'Email')} value={f.email ?? ''} onChange={this.text('email')} />
                        <TextField name='phone' type='tel' label={nls.localize('matchpro/candidates/phoneE164', 'Phone (+33…)')} value={f.phone ?? ''} onChange={this.text('phone')} />
                        <TextField name='street' label={nls.localize('matchpro/address/street', 'Street')} value={f.street ?? ''} onChange={this.text('street')} />
                        <TextField name='postcode' label={nls.localize('matchpro/address/postcode', 'Postcode')} value={f.postcode ?? ''} onChange={this.text('postcode')} maxLength={10} />
                        <TextField name='city' label={nls.localize('matchpro/address/city', 'City')} value={f.city ?? ''} onChange={this.text('city')} />
                        <TextField name='birthDate' type='date' label={nls.localize('matchpro/candidates/birthDate', 'Birth date (never used in scores)')} value={f.birthDate ?? ''} onChange={this.text('birthDate')} />
                    </div>
                </fieldset>
                <fieldset>
                    <legend>{nls.localize('matchpro/candidates/profile', 'Profile')}</legend>
                    <div className='matchpro-form-row'>
                        <TextField name='title' label={nls.localize('matchpro/candidates/title', 'Job title')} value={f.title ?? ''} onChange={this.text('title')} />
                        <NumberField name='yearsOfExperience' label={nls.localize('matchpro/candidates/years', 'Years of experience')} value={f.yearsOfExperience ?? undefined} min={0} step={0.5}
                            onChange={value => this.set('yearsOfExperience')(value ?? null)} />
                        <SelectField name='situation' label={nls.localize('matchpro/candidates/situation', 'Situation')} value={f.situation ?? ''} allowEmpty
                            onChange={value => this.set('situation')(value || null)}
                            options={[{ value: 'available', label: nls.localize('matchpro/candidates/situation/available', 'Available') },
                            { value: 'employed', label: nls.localize('matchpro/candidates/situation/employed', 'In a job') },
                            { value: 'notice', label: nls.localize('matchpro/candidates/situation/notice', 'Serving notice') },
                            { value: 'student', label: nls.localize('matchpro/candidates/situation/student', 'Student') }]} />
                        <TextField name='availableFrom' type='date' label={nls.localize('matchpro/candidates/availableFrom', 'Available from')} value={f.availableFrom ?? ''} onChange={this.text('availableFrom')} />
                        <NumberField name='radiusKm' label={nls.localize('matchpro/candidates/radius', 'Mobility radius (km)')} value={f.mobility.radiusKm} min={0}
                            onChange={value => this.set('mobility')({ ...f.mobility, radiusKm: value ?? 0 })} />
                        <CheckboxField name='hasVehicle' label={nls.localize('matchpro/candidates/vehicle', 'Has a vehicle')} value={f.mobility.hasVehicle}
                            onChange={value => this.set('mobility')({ ...f.mobility, hasVehicle: value })} />
                    </div>
                    <div className='matchpro-form-row'>
                        <TextField name='licences' label={nls.localize('matchpro/candidates/licences', 'Driving licences (B, C, CE…)')} value={this.lists.licences} onChange={this.setList('licences')} />
                        <TextField name='certifications' label={nls.localize('matchpro/candidates/certifications', 'Certifications (CACES R489 cat. 3…)')} value={this.lists.certifications} onChange={this.setList('certifications')} />
                        <TextField name='languages' label={nls.localize('matchpro/candidates/languages', 'Languages (en:B2, es)')} value={this.lists.languages} onChange={this.setList('languages')} />
                    </div>
                    <TextAreaField name='skills' label={nls.localize('matchpro/candidates/skills', 'Skills (comma separated)')} rows={3} value={this.lists.skills} onChange={this.setList('skills')} />
                    <TextAreaField name='summary' label={nls.localize('matchpro/candidates/summary', 'Summary')} rows={3} value={f.summary ?? ''} onChange={this.text('summary')} />
                </fieldset>
                {this.renderExperiences()}
                {this.renderEducation()}
                <TextAreaField name='notes' label={nls.localize('matchpro/candidates/notes', 'Recruiter notes')} rows={3} value={f.notes} onChange={this.set('notes')} />
                {this.error && <div className='matchpro-form-error' role='alert'>{this.error}</div>}
                <div className='matchpro-form-actions'>
                    <button className='theia-button main matchpro-save' disabled={this.busy} onClick={this.save}>{nls.localize('matchpro/form/save', 'Save')}</button>
                    {this.candidate?.cvFileId && <button className='theia-button secondary' disabled={this.busy} onClick={this.reparse}>{nls.localize('matchpro/candidates/reparseButton', 'Parse the CV again')}</button>}
                    {this.candidate && <button className='theia-button secondary matchpro-match-candidate' disabled={this.busy}
                        onClick={() => this.commands.executeCommand('matchpro.matching.forCandidate', this.candidate!.id)}>{nls.localize('matchpro/candidates/matchOffers', 'Match offers')}</button>}
                </div>
                {this.candidate && this.renderInteractions()}
            </div>
            {this.renderCv()}
        </div>;
    }

    protected renderExperiences(): React.ReactNode {
        const rows = this.fields.experiences;
        const change = (index: number, patch: Partial<ParsedExperience>) => this.set('experiences')(rows.map((row, i) => i === index ? { ...row, ...patch } : row));
        const cell = (index: number, key: keyof ParsedExperience, placeholder: string) => <td>
            <input className='theia-input' value={rows[index][key] ?? ''} placeholder={placeholder} onChange={e => change(index, { [key]: e.target.value || null })} /></td>;
        return <fieldset>
            <legend>{nls.localize('matchpro/candidates/experiences', 'Experience')}</legend>
            <table className='matchpro-table'><tbody>
                {rows.map((_, index) => <tr key={index}>
                    {cell(index, 'title', nls.localize('matchpro/candidates/title', 'Job title'))}
                    {cell(index, 'company', nls.localize('matchpro/offers/company', 'Company'))}
                    {cell(index, 'city', nls.localize('matchpro/address/city', 'City'))}
                    {cell(index, 'start', 'YYYY-MM')}
                    {cell(index, 'end', nls.localize('matchpro/candidates/current', 'current'))}
                    <td><button className='theia-button secondary' title={nls.localize('matchpro/form/remove', 'Remove')} onClick={() => this.set('experiences')(rows.filter((__, i) => i !== index))}>
                        <i className={codicon('close')} /></button></td>
                </tr>)}
            </tbody></table>
            <button className='theia-button secondary' onClick={() => this.set('experiences')([...rows, { title: null, company: null, city: null, start: null, end: null }])}>
                {nls.localize('matchpro/form/add', 'Add')}</button>
        </fieldset>;
    }

    protected renderEducation(): React.ReactNode {
        const rows = this.fields.education;
        const change = (index: number, patch: Partial<ParsedEducation>) => this.set('education')(rows.map((row, i) => i === index ? { ...row, ...patch } : row));
        return <fieldset>
            <legend>{nls.localize('matchpro/candidates/education', 'Education')}</legend>
            <table className='matchpro-table'><tbody>
                {rows.map((row, index) => <tr key={index}>
                    <td><input className='theia-input' value={row.degree ?? ''} placeholder={nls.localize('matchpro/candidates/degree', 'Degree')} onChange={e => change(index, { degree: e.target.value || null })} /></td>
                    <td><input className='theia-input' value={row.school ?? ''} placeholder={nls.localize('matchpro/candidates/school', 'School')} onChange={e => change(index, { school: e.target.value || null })} /></td>
                    <td><input className='theia-input' type='number' value={row.year ?? ''} placeholder={nls.localize('matchpro/candidates/year', 'Year')} onChange={e => change(index, { year: e.target.value ? Number(e.target.value) : null })} /></td>
                    <td><button className='theia-button secondary' title={nls.localize('matchpro/form/remove', 'Remove')} onClick={() => this.set('education')(rows.filter((__, i) => i !== index))}>
                        <i className={codicon('close')} /></button></td>
                </tr>)}
            </tbody></table>
            <button className='theia-button secondary' onClick={() => this.set('education')([...rows, { degree: null, school: null, year: null }])}>{nls.localize('matchpro/form/add', 'Add')}</button>
        </fieldset>;
    }

    protected renderInteractions(): React.ReactNode {
        const d = this.interactionDraft;
        const kinds: { value: InteractionKind; label: string }[] = [
            { value: 'call', label: nls.localize('matchpro/interaction/call', 'Call') }, { value: 'email', label: 'Email' },
            { value: 'sms', label: 'SMS' }, { value: 'interview', label: nls.localize('matchpro/interaction/interview', 'Interview') },
            { value: 'test', label: nls.localize('matchpro/interaction/test', 'Test') }, { value: 'note', label: nls.localize('matchpro/interaction/note', 'Note') }];
        return <fieldset className='matchpro-interactions'>
            <legend>{nls.localize('matchpro/candidates/history', 'Interaction history')}</legend>
            <ul>
                {this.interactions.map(i => <li key={i.id}>{new Date(i.at).toLocaleString(nls.locale || 'en')} — {kinds.find(k => k.value === i.kind)?.label}: {i.subject} {i.content && <em>{i.content}</em>}</li>)}
            </ul>
            <div className='matchpro-form-row'>
                <SelectField name='interactionKind' label={nls.localize('matchpro/interaction/kind', 'Kind')} value={d.kind}
                    onChange={value => { this.interactionDraft = { ...d, kind: (value || 'note') as InteractionKind }; this.update(); }} options={kinds} />
                <TextField name='interactionSubject' label={nls.localize('matchpro/interaction/subject', 'Subject')} value={d.subject}
                    onChange={value => { this.interactionDraft = { ...d, subject: value }; this.update(); }} />
            </div>
            <TextAreaField name='interactionContent' label={nls.localize('matchpro/interaction/content', 'Content')} rows={2} value={d.content}
                onChange={value => { this.interactionDraft = { ...d, content: value }; this.update(); }} />
            <button className='theia-button secondary' disabled={this.busy} onClick={this.addInteraction}>{nls.localize('matchpro/interaction/add', 'Add to history')}</button>
        </fieldset>;
    }

    protected renderCv(): React.ReactNode {
        if (!this.cvUrl) {
            return <div className='matchpro-cv-preview'><p style={{ padding: 8 }}>{nls.localize('matchpro/candidates/noCv', 'No CV file.')}</p></div>;
        }
        const type = this.cvMediaType ?? '';
        return <div className='matchpro-cv-preview'>
            {type === 'application/pdf' ? <iframe src={this.cvUrl} title='CV' />
                : type.startsWith('image/') ? <img src={this.cvUrl} alt='CV' />
                    : <p style={{ padding: 8 }}><a href={this.cvUrl} download={this.candidate?.cvFileName ?? 'cv'}>{nls.localize('matchpro/candidates/downloadCv', 'Download the original CV ({0})', this.candidate?.cvFileName ?? '')}</a></p>}
        </div>;
    }
}
