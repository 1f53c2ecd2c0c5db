import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import { EntityListAction, EntityListPage, EntityListRow, EntityListWidget } from '@matchpro/core/lib/browser/entity-list-widget';
import { CommandService } from '@theia/core/lib/common/command';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import * as React from '@theia/core/shared/react';
import { CandidateQuery, CandidateService } from '../common/candidate-protocol';
import { CandidateCommands } from './candidate-commands';

export const CANDIDATE_LIST_VIEW_ID = 'matchpro-candidates';

/** The CVthèque: search as you type, filters on city, licence, skill and availability, pages fetched as they scroll in. */
@injectable()
export class CandidateListWidget extends EntityListWidget {
    @inject(CandidateService) protected readonly candidates: CandidateService;
    @inject(CommandService) protected readonly commands: CommandService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;

    protected filters: Pick<CandidateQuery, 'city' | 'near' | 'radiusKm' | 'licence' | 'skill' | 'availableBy' | 'sort'> = { sort: 'name', radiusKm: 30 };
    protected showFilters = false;

    @postConstruct()
    protected override init(): void {
        this.id = CANDIDATE_LIST_VIEW_ID;
        this.title.label = nls.localize('matchpro/candidates/view', 'Candidates');
        this.title.caption = this.title.label;
        this.title.closable = true;
        super.init();
        this.toDispose.push(this.watcher.onDidChange(event => {
            if (event.kind === 'candidate') {
                this.refresh();
            }
        }));
    }

    protected async fetchPage(query: string, offset: number, limit: number): Promise<EntityListPage> {
        const page = await this.candidates.list({ ...this.filters, text: query, offset, limit });
        return {
            total: page.total,
            rows: page.rows.map(c => ({
                id: c.id,
                title: [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || nls.localize('matchpro/candidates/unnamed', '(no name)'),
                subtitle: [c.title, c.city, c.skills.slice(0, 3).join(', ')].filter(Boolean).join(' · '),
                badges: c.drivingLicences.slice(0, 3).map(l => ({ label: l, tone: 'muted' as const }))
            }))
        };
    }

    protected openRow(row: EntityListRow): void {
        this.commands.executeCommand(CandidateCommands.OPEN.id, row.id);
    }

    protected emptyMessage(): string {
        return this.query || this.filters.city || this.filters.near || this.filters.licence || this.filters.skill || this.filters.availableBy
            ? nls.localize('matchpro/candidates/noMatch', 'No candidate matches.')
            : nls.localize('matchpro/candidates/empty', 'No candidate yet. Import CVs (files or a folder) or load the demo data.');
    }

    protected override actions(): EntityListAction[] {
        return [
            { id: 'matchpro-import-cvs', icon: 'cloud-upload', label: CandidateCommands.IMPORT_FILES.label!, run: () => this.commands.executeCommand(CandidateCommands.IMPORT_FILES.id) },
            { id: 'matchpro-new-candidate', icon: 'add', label: CandidateCommands.NEW.label!, run: () => this.commands.executeCommand(CandidateCommands.NEW.id) },
            { id: 'matchpro-candidate-filters', icon: 'filter', label: nls.localize('matchpro/candidates/filters', 'Filters'), run: () => { this.showFilters = !this.showFilters; this.update(); } }
        ];
    }

    protected override renderRows(): React.ReactNode {
        return <>
            {this.showFilters && this.renderFilters()}
            <div className='matchpro-list-count'>{nls.localize('matchpro/candidates/count', '{0} candidates', this.total)}</div>
            {super.renderRows()}
        </>;
    }

    protected renderFilters(): React.ReactNode {
        const set = (key: keyof CandidateListWidget['filters']) => (event: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
            this.filters = { ...this.filters, [key]: event.target.value || undefined };
            this.refresh();
        };
        return <div className='matchpro-list-filters'>
            <input className='theia-input' placeholder={nls.localize('matchpro/candidates/filterCity', 'City or postcode')} value={this.filters.city ?? ''} onChange={set('city')} />
            <input className='theia-input' placeholder={nls.localize('matchpro/candidates/filterSkill', 'Skill')} value={this.filters.skill ?? ''} onChange={set('skill')} />
            <input className='theia-input matchpro-filter-near' placeholder={nls.localize('matchpro/candidates/filterNear', 'Near (commune or postcode)')} value={this.filters.near ?? ''} onChange={set('near')} />
            <select className='theia-select' value={String(this.filters.radiusKm ?? 30)} title={nls.localize('matchpro/candidates/radiusFilter', 'Distance')}
                onChange={event => { this.filters = { ...this.filters, radiusKm: Number(event.target.value) }; this.refresh(); }}>
                {[5, 10, 20, 30, 50, 100].map(km => <option key={km} value={km}>{km} km</option>)}
            </select>
            <select className='theia-select' value={this.filters.licence ?? ''} onChange={set('licence')} title={nls.localize('matchpro/candidates/filterLicence', 'Driving licence')}>
                <option value=''>{nls.localize('matchpro/candidates/anyLicence', 'Any licence')}</option>
                {['B', 'C', 'CE', 'D', 'BE'].map(l => <option key={l} value={l}>Permis {l}</option>)}
            </select>
            <input className='theia-input' type='date' title={nls.localize('matchpro/candidates/availableBy', 'Available by')} value={this.filters.availableBy ?? ''} onChange={set('availableBy')} />
            <select className='theia-select' value={this.filters.sort ?? 'name'} onChange={set('sort')} title={nls.localize('matchpro/candidates/sort', 'Sort')}>
                <option value='name'>{nls.localize('matchpro/candidates/sortName', 'Name')}</option>
                <option value='updated'>{nls.localize('matchpro/candidates/sortUpdated', 'Recently updated')}</option>
                <option value='city'>{nls.localize('matchpro/candidates/sortCity', 'City')}</option>
            </select>
        </div>;
    }
}
