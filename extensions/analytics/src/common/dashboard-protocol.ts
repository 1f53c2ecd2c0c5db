import type { ServiceAccess } from '@matchpro/core/lib/common/server-access';
export const DASHBOARD_SERVICE_PATH = '/services/matchpro/dashboard';
export const DashboardService = Symbol('DashboardService');

export interface DashboardAlert {
    kind: 'urgent-offer-without-candidates' | 'offer-expiring' | 'rgpd-retention' | 'ai-budget';
    /** English and French texts, so the dashboard reads in the user's language. */
    message: string;
    messageFr: string;
    recordId?: string;
}

export interface DashboardFigures {
    candidates: number;
    candidatesAddedLast30Days: number;
    companies: number;
    offersByStatus: Record<string, number>;
    pipelineByStatus: Record<string, number>;
    placementsActive: number;
    placementsLast90Days: number;
    /** Imports per day over the last 14 days, oldest first. */
    importsPerDay: { day: string; count: number }[];
    aiCostThisMonthEur: number;
    alerts: DashboardAlert[];
    computedAt: string;
}

export interface DashboardService {
    figures(): Promise<DashboardFigures>;
}

export const DashboardServiceAccess: ServiceAccess<DashboardService> = { figures: 'read' };
