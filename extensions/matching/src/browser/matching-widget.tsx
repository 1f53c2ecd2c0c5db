import * as React from '@theia/core/shared/react';
import { DataChangeWatcher } from '@matchpro/core/lib/browser/data-change-watcher';
import type { MatchEvidence, PipelineStatus } from '@matchpro/core/lib/common';
import { ReactWidget } from '@theia/core/lib/browser/widgets/react-widget';
import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import { MatchingService, MatchRanking, MatchResult } from '../common/matching-protocol';

export const MATCHING_VIEW_ID = 'matchpro-matching';

const STATUSES: PipelineStatus[] = ['new', 'seen', 'contacted', 'proposed', 'interview', 'accepted', 'rejected'];

function statusLabel(status: PipelineStatus): string {
    switch (status) {
        case 'new': return nls.localize('matchpro/matching/status/new', 'New');
        case 'seen': return nls.localize('matchpro/matching/status/seen', 'Seen');
        case 'contacted': return nls.localize('matchpro/matching/status/contacted', 'Contacted');
        case 'proposed': return nls.localize('matchpro/matching/status/proposed', 'Proposed');
        case 'interview': return nls.localize('matchpro/matching/status/interview', 'Interview');
        case 'accepted': return nls.localize('matchpro/matching/status/accepted', 'Accepted');
        case 'rejected': return nls.localize('matchpro/matching/status/rejected', 'Rejected');
    }
}

/** The evidence in the workbench's language (each piece is stored in English and French). */
function say(e: MatchEvidence): string {
    return nls.locale?.startsWith('fr') ? e.messageFr : e.message;
}

/**
 * Matching view: pick an offer (or a candidate), see the ranked list with a bar per score component,
 * filter it, read the explanation of the selected pair and move the pair along the pipeline (the status is
 * stored with the pair and kept when the list is ranked again).
 */
@injectable()
export class MatchingWidget extends ReactWidget {
    @inject(MatchingService) protected readonly matching: MatchingService;
    @inject(DataChangeWatcher) protected readonly watcher: DataChangeWatcher;
    @inject(MessageService) protected readonly messages: MessageService;

    protected mode: 'offer' | 'candidate' = 'offer';
    protected subjects: { id: string; label: string }[] = [];
    protected subjectId: string | undefined;
    protected minScore = 0;
    protected hideCapped = false;
    protected ranking: MatchRanking | undefined;
    protected selected: string | undefined;
    protected busy = false;
    protected error: string | undefined;

    @postConstruct()
    protected init(): void {
        this.id = MATCHING_VIEW_ID;
        this.title.label = nls.localize('matchpro/matching/view', 'Matching');
        this.title.caption = this.title.label;
        this.title.closable = true;
        this.title.iconClass = 'codicon codicon-target';
        this.addClass('matchpro-matching');
        this.node.style.overflow = 'auto';
        this.loadSubjects();
        this.toDispose.push(this.watcher.onDidChange(event => {
            if (event.kind === 'offer' || event.kind === 'candidate') { this.loadSubjects(); }
        }));
        this.update();
    }

    /** Opens the view on one offer or candidate and ranks at once (palette commands). */
    async showRanking(mode: 'offer' | 'candidate', id: string): Promise<void> {
        this.mode = mode;
        this.subjectId = id;
        await this.loadSubjects();
        await this.rank();
    }

    protected async loadSubjects(): Promise<void> {
        try {
            this.subjects = await this.matching.listSubjects(this.mode);
        } catch (error) {
            this.error = (error as Error).message;
        }
        this.update();
    }

    protected async rank(): Promise<void> {
        if (!this.subjectId) { return; }
        this.busy = true; this.error = undefined; this.update();
        try {
            const options = { top: 100, minScore: this.minScore, hideCapped: this.hideCapped };
            this.ranking = this.mode === 'offer'
                ? await this.matching.matchCandidatesForOffer(this.subjectId, options)
                : await this.matching.matchOffersForCandidate(this.subjectId, options);
            if (!this.ranking.results.some(r => this.keyOf(r) === this.selected)) { this.selected = this.ranking.results[0] && this.keyOf(this.ranking.results[0]); }
        } catch (error) {
            this.error = (error as Error).message;
        } finally {
            this.busy = false;
            this.update();
        }
    }

    protected keyOf(r: MatchResult): string {
        return `${r.offerId}|${r.candidateId}`;
    }

    protected async changeStatus(r: MatchResult, status: PipelineStatus): Promise<void> {
        try {
            const saved = await this.matching.setStatus(r.offerId, r.candidateId, status, r.matchingVersion);
            r.status = saved.status;
            r.matchingVersion = saved.version;
        } catch (error) {
            this.messages.error(nls.localize('matchpro/matching/statusFailed', 'The status could not be saved: {0}', (error as Error).message));
            await this.rank();
        }
        this.update();
    }

    protected render(): React.ReactNode {
        const results = this.ranking?.results ?? [];
        const selected = results.find(r => this.keyOf(r) === this.selected);
        return <div className='matchpro-matching-body' style={{ padding: 8, display: 'flex', flexDirection: 'column', gap: 8 }}>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 6, alignItems: 'center' }}>
                <select className='theia-select' value={this.mode} title={nls.localize('matchpro/matching/mode', 'Rank for')}
                    onChange={e => { this.mode = e.currentTarget.value as 'offer' | 'candidate'; this.subjectId = undefined; this.ranking = undefined; this.loadSubjects(); }}>
                    <option value='offer'>{nls.localize('matchpro/matching/modeOffer', 'Candidates for an offer')}</option>
                    <option value='candidate'>{nls.localize('matchpro/matching/modeCandidate', 'Offers for a candidate')}</option>
                </select>
                <select className='theia-select matchpro-match-subject' style={{ flex: 1, minWidth: 120 }} value={this.subjectId ?? ''}
                    onChange={e => { this.subjectId = e.currentTarget.value || undefined; this.rank(); }}>
                    <option value=''>{this.mode === 'offer' ? nls.localize('matchpro/matching/pickOffer', 'Choose an offer…') : nls.localize('matchpro/matching/pickCandidate', 'Choose a candidate…')}</option>
                    {this.subjects.map(s => <option key={s.id} value={s.id}>{s.label}</option>)}
                </select>
            </div>
            <div style={{ display: 'flex', flexWrap: 'wrap', gap: 10, alignItems: 'center' }}>
                <label>{nls.localize('matchpro/matching/minScore', 'Min score')}{' '}
                    <input className='theia-input' type='number' min={0} max={100} style={{ width: 56 }} value={this.minScore}
                        onChange={e => { this.minScore = Math.max(0, Math.min(100, Number(e.currentTarget.value) || 0)); this.update(); }} onBlur={() => this.rank()} />
                </label>
                <label><input type='checkbox' checked={this.hideCapped} onChange={e => { this.hideCapped = e.currentTarget.checked; this.rank(); }} />
                    {' '}{nls.localize('matchpro/matching/hideCapped', 'Hide those failing a mandatory criterion')}</label>
                <button className='theia-button secondary' disabled={!this.subjectId || this.busy} onClick={() => this.rank()}>
                    {nls.localize('matchpro/matching/rerank', 'Rank again')}</button>
            </div>
            {this.error && <div style={{ color: 'var(--theia-errorForeground)' }}>{this.error}</div>}
            {this.busy && <div>{nls.localize('matchpro/matching/ranking', 'Ranking…')}</div>}
            {this.ranking && <div style={{ opacity: 0.8, fontSize: '0.9em' }}>
                {nls.localize('matchpro/matching/summary', '{0} scored in {1} ms, model {2}', this.ranking.scored, this.ranking.tookMs, this.ranking.modelVersion)}
            </div>}
            {this.ranking && this.ranking.relaxations.length > 0 && <div>
                <b>{nls.localize('matchpro/matching/widen', 'To widen the pool')}</b>
                <ul style={{ margin: '2px 0', paddingLeft: 18 }}>{this.ranking.relaxations.map((e, i) => <li key={i}>{say(e)}</li>)}</ul>
            </div>}
            {this.ranking && results.length === 0 && !this.busy && <div>{nls.localize('matchpro/matching/none', 'No match with these filters.')}</div>}
            <div>{results.map(r => this.renderRow(r))}</div>
            {selected && this.renderExplanation(selected)}
        </div>;
    }

    protected renderRow(r: MatchResult): React.ReactNode {
        const key = this.keyOf(r);
        const bar = (label: string, value: number, color: string) => <div title={`${label} ${value}`} style={{ display: 'flex', alignItems: 'center', gap: 4, fontSize: '0.8em' }}>
            <span style={{ width: 60 }}>{label}</span>
            <div style={{ flex: 1, height: 6, background: 'var(--theia-editorWidget-border)' }}><div style={{ width: `${value}%`, height: 6, background: color }} /></div>
            <span style={{ width: 30, textAlign: 'right' }}>{Math.round(value)}</span>
        </div>;
        return <div key={key} className='matchpro-match-row' onClick={() => { this.selected = key; this.update(); }}
            style={{ padding: 6, marginBottom: 4, cursor: 'pointer', borderLeft: `3px solid ${key === this.selected ? 'var(--theia-focusBorder)' : 'transparent'}`, background: 'var(--theia-list-hoverBackground)' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 6 }}>
                <span><b>{r.label}</b>{r.detail && <span style={{ opacity: 0.8 }}> — {r.detail}</span>}</span>
                <span><b>{r.score.toFixed(0)}</b>/100{r.capped && <span title={nls.localize('matchpro/matching/cappedHelp', 'A mandatory criterion is not met: ranked after every candidate who meets them all')}
                    style={{ marginLeft: 4, color: 'var(--theia-editorWarning-foreground)' }}>{nls.localize('matchpro/matching/capped', 'mandatory criterion not met')}</span>}</span>
            </div>
            {bar(nls.localize('matchpro/matching/semantic', 'Semantic'), r.breakdown.semantic, 'var(--theia-charts-blue)')}
            {bar(nls.localize('matchpro/matching/rules', 'Rules'), r.breakdown.rules, 'var(--theia-charts-green)')}
            {bar(nls.localize('matchpro/matching/ml', 'ML'), r.breakdown.ml, 'var(--theia-charts-purple)')}
            <select className='theia-select matchpro-match-status' value={r.status} onClick={e => e.stopPropagation()} onChange={e => this.changeStatus(r, e.currentTarget.value as PipelineStatus)}
                title={nls.localize('matchpro/matching/status', 'Pipeline status')}>
                {STATUSES.map(s => <option key={s} value={s}>{statusLabel(s)}</option>)}
            </select>
        </div>;
    }

    protected renderExplanation(r: MatchResult): React.ReactNode {
        const section = (title: string, items: MatchEvidence[], color?: string) => items.length > 0 && <div>
            <b style={{ color }}>{title}</b>
            <ul style={{ margin: '2px 0', paddingLeft: 18 }}>{items.map((e, i) => <li key={i}>{say(e)}</li>)}</ul>
        </div>;
        return <div className='matchpro-match-explanation' style={{ borderTop: '1px solid var(--theia-editorWidget-border)', paddingTop: 6 }}>
            <div><b>{r.label}</b></div>
            {section(nls.localize('matchpro/matching/strengths', 'Strengths'), r.strengths, 'var(--theia-charts-green)')}
            {section(nls.localize('matchpro/matching/weaknesses', 'Weaknesses'), r.weaknesses, 'var(--theia-editorWarning-foreground)')}
            {section(nls.localize('matchpro/matching/risks', 'Risks'), r.risks, 'var(--theia-charts-orange)')}
            {section(nls.localize('matchpro/matching/suggestions', 'Suggestions'), r.suggestions)}
            {!r.strengths.length && !r.weaknesses.length && !r.risks.length && <div>{nls.localize('matchpro/matching/noExplanation', 'Explanations are given for the first 50 results.')}</div>}
        </div>;
    }
}
