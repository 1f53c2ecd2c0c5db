import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import { codicon, ReactWidget } from '@theia/core/lib/browser';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import * as React from '@theia/core/shared/react';
import { DashboardFigures, DashboardService } from '../common/dashboard-protocol';
import { errorMessage } from '@matchpro/core/lib/browser/form-fields';

export const DASHBOARD_WIDGET_ID = 'matchpro-dashboard';

const OFFER_STATUSES: Record<string, string> = { draft: 'Draft', active: 'Active', suspended: 'Suspended', filled: 'Filled', archived: 'Archived' };
const PIPELINE: Record<string, string> = {
    new: 'New', seen: 'Seen', contacted: 'Contacted', proposed: 'Proposed', interview: 'Interview', accepted: 'Accepted', rejected: 'Rejected'
};

/** The agency at a glance: KPIs, the offer and pipeline funnels, imports over two weeks, alerts. */
@injectable()
export class DashboardWidget extends ReactWidget {
    @inject(DashboardService) protected readonly dashboard: DashboardService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;

    protected figures: DashboardFigures | undefined;
    protected error: string | undefined;
    protected refreshTimer: ReturnType<typeof setTimeout> | undefined;

    @postConstruct()
    protected init(): void {
        this.id = DASHBOARD_WIDGET_ID;
        this.title.label = nls.localize('matchpro/dashboard/title', 'Dashboard');
        this.title.iconClass = codicon('dashboard');
        this.title.closable = true;
        this.addClass('matchpro-dashboard-widget');
        // Many changes arrive together during an import: recompute once they settle.
        this.toDispose.push(this.watcher.onDidChange(() => {
            clearTimeout(this.refreshTimer);
            this.refreshTimer = setTimeout(() => this.refresh(), 500);
        }));
        this.refresh();
    }

    async refresh(): Promise<void> {
        try {
            this.figures = await this.dashboard.figures();
            this.error = undefined;
        } catch (error) {
            this.error = errorMessage(error);
        }
        this.update();
    }

    protected render(): React.ReactNode {
        const f = this.figures;
        if (!f) {
            return <div className='matchpro-dashboard'>{this.error ?? nls.localize('matchpro/list/loading', 'Loading…')}</div>;
        }
        const activeOffers = f.offersByStatus.active ?? 0;
        return <div className='matchpro-dashboard'>
            <h2>{nls.localize('matchpro/dashboard/title', 'Dashboard')}</h2>
            <div className='matchpro-kpis'>
                {this.kpi('candidates', f.candidates, nls.localize('matchpro/dashboard/candidates', 'Candidates'))}
                {this.kpi('new-candidates', f.candidatesAddedLast30Days, nls.localize('matchpro/dashboard/newCandidates', 'New candidates (30 days)'))}
                {this.kpi('companies', f.companies, nls.localize('matchpro/dashboard/companies', 'Client companies'))}
                {this.kpi('active-offers', activeOffers, nls.localize('matchpro/dashboard/activeOffers', 'Active offers'))}
                {this.kpi('placements', f.placementsActive, nls.localize('matchpro/dashboard/placements', 'Active placements'))}
                {this.kpi('ai-cost', `${f.aiCostThisMonthEur.toFixed(2)} €`, nls.localize('matchpro/dashboard/aiCost', 'AI cost this month'))}
            </div>
            <div className='matchpro-dashboard-charts' style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))', gap: 16 }}>
                {this.bars(nls.localize('matchpro/dashboard/offersByStatus', 'Offers by status'), Object.entries(OFFER_STATUSES).map(([s, label]) => [nls.localize(`matchpro/offers/status/${s}`, label), f.offersByStatus[s] ?? 0]))}
                {this.bars(nls.localize('matchpro/dashboard/pipeline', 'Recruitment pipeline'), Object.entries(PIPELINE).map(([s, label]) => [nls.localize(`matchpro/pipeline/${s}`, label), f.pipelineByStatus[s] ?? 0]))}
                {this.importsChart(f)}
            </div>
            <h3>{nls.localize('matchpro/dashboard/alerts', 'Alerts')}</h3>
            {f.alerts.length
                ? <ul className='matchpro-alerts'>{f.alerts.map((a, i) => <li key={i}><i className={codicon('warning')} /> {nls.locale === 'fr' ? a.messageFr : a.message}</li>)}</ul>
                : <p>{nls.localize('matchpro/dashboard/noAlerts', 'Nothing needs your attention.')}</p>}
        </div>;
    }

    protected kpi(id: string, value: number | string, label: string): React.ReactNode {
        return <div className={`matchpro-kpi matchpro-kpi-${id}`}><div className='matchpro-kpi-value'>{value}</div><div className='matchpro-kpi-label'>{label}</div></div>;
    }

    protected bars(title: string, rows: [string, number][]): React.ReactNode {
        const max = Math.max(1, ...rows.map(([, n]) => n));
        return <div className='matchpro-kpi'>
            <strong>{title}</strong>
            {rows.map(([label, n]) => <div key={label} style={{ display: 'grid', gridTemplateColumns: '110px 1fr 40px', alignItems: 'center', gap: 6, margin: '4px 0' }}>
                <span>{label}</span>
                <div className='matchpro-bar-track'><div className='matchpro-bar' style={{ width: `${(100 * n) / max}%` }} /></div>
                <span style={{ textAlign: 'right' }}>{n}</span>
            </div>)}
        </div>;
    }

    protected importsChart(f: DashboardFigures): React.ReactNode {
        const max = Math.max(1, ...f.importsPerDay.map(d => d.count));
        const width = 280, height = 100, step = width / f.importsPerDay.length;
        return <div className='matchpro-kpi'>
            <strong>{nls.localize('matchpro/dashboard/imports', 'Candidates added per day (14 days)')}</strong>
            <svg width='100%' viewBox={`0 0 ${width} ${height + 14}`} role='img' aria-label='imports'>
                {f.importsPerDay.map((d, i) => {
                    const h = (height * d.count) / max;
                    return <g key={d.day}><rect x={i * step + 2} y={height - h} width={step - 4} height={h} fill='var(--theia-progressBar-background, #0a84ff)'><title>{`${d.day}: ${d.count}`}</title></rect>
                        {i % 3 === 0 && <text x={i * step + 2} y={height + 12} fontSize='9' fill='currentColor'>{d.day.slice(5)}</text>}</g>;
                })}
            </svg>
        </div>;
    }
}
