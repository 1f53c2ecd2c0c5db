import { Candidate, DataChangeClient, DataChangeEvent } from '@matchpro/core/lib/common';
import { DataChangeBroadcaster } from '@matchpro/core/lib/node/data-change-broadcaster';
import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable, postConstruct } from '@theia/core/shared/inversify';
import { MatchingEngine } from './matching-engine';

/**
 * Keeps the engine's in-memory candidate index equal to the candidates table, incrementally: a
 * DataChangeBroadcaster notice or a changed table signature (count, max updated_at, sum of versions)
 * triggers a diff by (id, version); only new or changed candidates are re-encoded.
 */
@injectable()
export class CandidateIndexSync implements DataChangeClient {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;
    @inject(MatchingEngine) protected readonly engine: MatchingEngine;
    @inject(DataChangeBroadcaster) protected readonly changes: DataChangeBroadcaster;

    protected signature = '';
    protected dirty = true;
    protected syncing: Promise<void> | undefined;

    @postConstruct()
    protected init(): void {
        this.changes.connect(this);
    }

    onDidChangeData(event: DataChangeEvent): void {
        if (event.kind === 'candidate') { this.dirty = true; }
    }

    /** Brings the index up to date; concurrent callers share one pass. */
    sync(): Promise<void> {
        this.syncing ??= this.doSync().finally(() => { this.syncing = undefined; });
        return this.syncing;
    }

    protected async doSync(): Promise<void> {
        const signature = await this.db.read(store => {
            const row = store.get<{ n: number; at: string | null; v: number | null }>('SELECT count(*) AS n, max(updated_at) AS at, sum(version) AS v FROM candidates');
            return `${row?.n}|${row?.at}|${row?.v}`;
        });
        if (!this.dirty && signature === this.signature) { return; }
        this.dirty = false;
        const rows = await this.db.read(store => store.all<{ id: string; version: number }>('SELECT id, version FROM candidates'));
        const present = new Set<string>();
        const stale: string[] = [];
        for (const row of rows) {
            present.add(row.id);
            if (this.engine.versionOf(row.id) !== row.version) { stale.push(row.id); }
        }
        for (const id of this.engine.indexedIds()) {
            if (!present.has(id)) { await this.engine.removeCandidate(id); }
        }
        for (let start = 0; start < stale.length; start += 500) {
            const ids = stale.slice(start, start + 500);
            const candidates = await this.db.read(store => store.all<{ data: string }>(
                `SELECT data FROM candidates WHERE id IN (${ids.map(() => '?').join(',')})`, ids).map(r => JSON.parse(r.data) as Candidate));
            await this.engine.upsertCandidates(candidates);
        }
        this.signature = signature;
    }
}
