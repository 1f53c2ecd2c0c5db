import { codicon, Message, ReactWidget } from '@theia/core/lib/browser';
import { nls } from '@theia/core/lib/common/nls';
import { injectable, postConstruct } from '@theia/core/shared/inversify';
import * as React from '@theia/core/shared/react';
import { errorMessage } from './form-fields';

export interface EntityListRow {
    id: string;
    title: string;
    subtitle?: string;
    badges?: { label: string; tone?: 'info' | 'ok' | 'warn' | 'muted' }[];
}

export interface EntityListAction {
    id: string;
    label: string;
    icon: string;
    run(): void;
}

export interface EntityListPage {
    total: number;
    rows: EntityListRow[];
}

/**
 * The list every MatchPro side view shows (candidates, companies, offers...): search as you type,
 * rows rendered only where visible so tens of thousands scroll smoothly, an empty state that says what
 * to do next. Subclasses say where rows come from and what opening one does.
 */
@injectable()
export abstract class EntityListWidget extends ReactWidget {
    static readonly ROW_HEIGHT = 40;

    static readonly PAGE_SIZE = 200;

    /** Rows by index; pages are fetched as they scroll into view, so 100k candidates never cross the wire at once. */
    protected rows: (EntityListRow | undefined)[] = [];
    protected total = 0;
    protected pagesLoading = new Set<number>();
    protected generation = 0;
    protected query = '';
    protected loading = false;
    protected error: string | undefined;
    protected selectedId: string | undefined;
    protected scrollTop = 0;
    protected viewportHeight = 400;
    protected searchTimer: ReturnType<typeof setTimeout> | undefined;

    protected abstract fetchPage(query: string, offset: number, limit: number): Promise<EntityListPage>;
    protected abstract openRow(row: EntityListRow): void;
    protected abstract emptyMessage(): string;
    protected actions(): EntityListAction[] {
        return [];
    }

    @postConstruct()
    protected init(): void {
        this.addClass('matchpro-entity-list');
        this.scrollOptions = undefined;
        this.node.tabIndex = 0;
        this.refresh();
    }

    async refresh(): Promise<void> {
        const generation = ++this.generation;
        this.loading = true;
        this.update();
        try {
            const first = Math.floor(this.scrollTop / EntityListWidget.ROW_HEIGHT / EntityListWidget.PAGE_SIZE) * EntityListWidget.PAGE_SIZE;
            const page = await this.fetchPage(this.query, first, EntityListWidget.PAGE_SIZE);
            if (generation !== this.generation) {
                return;
            }
            this.total = page.total;
            this.rows = new Array(page.total);
            page.rows.forEach((row, index) => this.rows[first + index] = row);
            this.pagesLoading.clear();
            this.error = undefined;
        } catch (error) {
            this.error = errorMessage(error);
        } finally {
            if (generation === this.generation) {
                this.loading = false;
                this.update();
            }
        }
    }

    protected async loadPage(pageIndex: number): Promise<void> {
        if (this.pagesLoading.has(pageIndex)) {
            return;
        }
        this.pagesLoading.add(pageIndex);
        const generation = this.generation;
        const offset = pageIndex * EntityListWidget.PAGE_SIZE;
        try {
            const page = await this.fetchPage(this.query, offset, EntityListWidget.PAGE_SIZE);
            if (generation === this.generation) {
                page.rows.forEach((row, index) => this.rows[offset + index] = row);
                this.update();
            }
        } catch (error) {
            this.pagesLoading.delete(pageIndex);
            this.error = errorMessage(error);
            this.update();
        }
    }

    get selection(): EntityListRow | undefined {
        return this.rows.find(row => row?.id === this.selectedId);
    }

    protected override onActivateRequest(msg: Message): void {
        super.onActivateRequest(msg);
        const input = this.node.querySelector('input');
        (input ?? this.node).focus();
    }

    protected override onResize(msg: Parameters<ReactWidget['onResize']>[0]): void {
        super.onResize(msg);
        this.update();
    }

    protected onSearch = (event: React.ChangeEvent<HTMLInputElement>): void => {
        this.query = event.target.value;
        this.update();
        clearTimeout(this.searchTimer);
        this.searchTimer = setTimeout(() => this.refresh(), 150);
    };

    protected onScroll = (event: React.UIEvent<HTMLDivElement>): void => {
        this.scrollTop = event.currentTarget.scrollTop;
        this.viewportHeight = event.currentTarget.clientHeight;
        this.update();
    };

    protected select(row: EntityListRow): void {
        this.selectedId = row.id;
        this.update();
    }

    protected render(): React.ReactNode {
        return <div className='matchpro-list'>
            <div className='matchpro-list-toolbar'>
                <input className='theia-input matchpro-list-search' type='search' value={this.query}
                    placeholder={nls.localize('matchpro/list/search', 'Search')}
                    aria-label={nls.localize('matchpro/list/search', 'Search')} onChange={this.onSearch} />
                {this.actions().map(action =>
                    <button key={action.id} className={`theia-button secondary matchpro-list-action ${action.id}`} title={action.label}
                        aria-label={action.label} onClick={() => action.run()}><i className={codicon(action.icon)} /></button>)}
            </div>
            {this.error && <div className='matchpro-list-error'>{this.error}</div>}
            {this.renderRows()}
        </div>;
    }

    protected renderRows(): React.ReactNode {
        if (!this.total) {
            return <div className='matchpro-list-empty'>{this.loading ? nls.localize('matchpro/list/loading', 'Loading…') : this.emptyMessage()}</div>;
        }
        const height = EntityListWidget.ROW_HEIGHT;
        const first = Math.max(0, Math.floor(this.scrollTop / height) - 10);
        const last = Math.min(this.total, Math.ceil((this.scrollTop + this.viewportHeight) / height) + 10);
        const visible: EntityListRow[] = [];
        for (let index = first; index < last; index++) {
            const row = this.rows[index];
            if (row) {
                visible.push(row);
            } else {
                this.loadPage(Math.floor(index / EntityListWidget.PAGE_SIZE));
                visible.push({ id: `loading-${index}`, title: '…' });
            }
        }
        return <div className='matchpro-list-viewport' onScroll={this.onScroll} role='list' aria-rowcount={this.total}>
            <div style={{ height: this.total * height, position: 'relative' }}>
                {visible.map((row, index) => <div key={row.id} role='listitem'
                    className={'matchpro-list-row' + (row.id === this.selectedId ? ' selected' : '')}
                    style={{ position: 'absolute', top: (first + index) * height, height, left: 0, right: 0 }}
                    onClick={() => this.select(row)} onDoubleClick={() => this.openRow(row)}
                    onKeyDown={event => event.key === 'Enter' && this.openRow(row)} tabIndex={0} title={row.title}>
                    <div className='matchpro-list-row-head'>
                        <span className='matchpro-list-row-title'>{row.title}</span>
                        {row.badges?.map(badge => <span key={badge.label} className={`matchpro-badge ${badge.tone ?? 'info'}`}>{badge.label}</span>)}
                    </div>
                    {row.subtitle && <div className='matchpro-list-row-subtitle'>{row.subtitle}</div>}
                </div>)}
            </div>
        </div>;
    }
}

/** For lists small enough to fetch whole (companies, offers): cut the page out of the full result. */
export function pageOf(rows: EntityListRow[], offset: number, limit: number): EntityListPage {
    return { total: rows.length, rows: rows.slice(offset, offset + limit) };
}
