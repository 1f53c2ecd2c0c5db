import { MatchProDatabase } from '@matchpro/core/lib/node/matchpro-database';
import { inject, injectable } from '@theia/core/shared/inversify';
import { DashboardAlert, DashboardFigures, DashboardService } from '../common/dashboard-protocol';

const DAY = 86_400_000;
/** CNIL: a candidate not hired may be kept up to 2 years after the last contact. */
const RGPD_RETENTION_DAYS = 730;

/** KPIs, charts and alerts computed from the database with aggregate queries (no full scans in JS). */
@injectable()
export class DashboardServiceImpl implements DashboardService {
    @inject(MatchProDatabase) protected readonly db: MatchProDatabase;

    async figures(): Promise<DashboardFigures> {
        const now = new Date();
        const iso = (offsetDays: number) => new Date(now.getTime() - offsetDays * DAY).toISOString();
        return this.db.read(store => {
            const count = (sql: string, params: (string | number)[] = []) => store.get<{ n: number }>(sql, params)!.n;
            const grouped = (sql: string) => Object.fromEntries(store.all<{ k: string; n: number }>(sql).map(r => [r.k, r.n]));
            const imports = new Map(store.all<{ day: string; n: number }>(
                `SELECT substr(created_at, 1, 10) AS day, count(*) AS n FROM candidates WHERE created_at >= ? GROUP BY day`, [iso(14)]).map(r => [r.day, r.n]));
            const importsPerDay = Array.from({ length: 14 }, (_, i) => {
                const day = iso(13 - i).slice(0, 10);
                return { day, count: imports.get(day) ?? 0 };
            });
            const alerts: DashboardAlert[] = [];
            for (const offer of store.all<{ id: string; title: string }>(
                `SELECT o.id, o.title FROM offers o WHERE o.status = 'active' AND json_extract(o.data, '$.urgent') = 1
                 AND NOT EXISTS (SELECT 1 FROM matchings m WHERE m.offer_id = o.id AND m.status NOT IN ('rejected'))`)) {
                alerts.push({
                    kind: 'urgent-offer-without-candidates', recordId: offer.id,
                    message: `Urgent offer "${offer.title}" has no candidate in its pipeline yet.`,
                    messageFr: `L'offre urgente « ${offer.title} » n'a encore aucun candidat dans son pipeline.`
                });
            }
            const soon = iso(-7).slice(0, 10);
            for (const offer of store.all<{ id: string; title: string; expires: string }>(
                `SELECT id, title, json_extract(data, '$.expiresAt') AS expires FROM offers WHERE status = 'active' AND json_extract(data, '$.expiresAt') <= ?`, [soon])) {
                alerts.push({
                    kind: 'offer-expiring', recordId: offer.id,
                    message: `Offer "${offer.title}" expires on ${offer.expires}.`, messageFr: `L'offre « ${offer.title} » expire le ${offer.expires}.`
                });
            }
            const stale = count(`SELECT count(*) AS n FROM candidates WHERE coalesce(last_contact_at, created_at) < ?
                AND NOT EXISTS (SELECT 1 FROM placements p WHERE p.candidate_id = candidates.id)`, [iso(RGPD_RETENTION_DAYS)]);
            if (stale > 0) {
                alerts.push({
                    kind: 'rgpd-retention',
                    message: `${stale} candidate(s) without contact for over 2 years: ask for consent or erase them (RGPD).`,
                    messageFr: `${stale} candidat(s) sans contact depuis plus de 2 ans : demandez leur accord ou effacez-les (RGPD).`
                });
            }
            return {
                candidates: count('SELECT count(*) AS n FROM candidates'),
                candidatesAddedLast30Days: count('SELECT count(*) AS n FROM candidates WHERE created_at >= ?', [iso(30)]),
                companies: count('SELECT count(*) AS n FROM companies'),
                offersByStatus: grouped('SELECT status AS k, count(*) AS n FROM offers GROUP BY status'),
                pipelineByStatus: grouped('SELECT status AS k, count(*) AS n FROM matchings GROUP BY status'),
                placementsActive: count('SELECT count(*) AS n FROM placements WHERE active = 1'),
                placementsLast90Days: count('SELECT count(*) AS n FROM placements WHERE created_at >= ?', [iso(90)]),
                importsPerDay,
                aiCostThisMonthEur: store.get<{ c: number | null }>('SELECT sum(cost_eur) AS c FROM ai_usage WHERE at >= ?', [now.toISOString().slice(0, 7)])!.c ?? 0,
                alerts,
                computedAt: now.toISOString()
            };
        });
    }
}
