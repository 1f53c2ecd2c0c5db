import type { DemoDataResult } from '../common/workbench-protocol';

/**
 * Contribution point: each extension loads its part of the demo agency (companies, then offers, then
 * candidates from their CV files), in `order`.
 */
export const DemoDataContribution = Symbol('DemoDataContribution');
export interface DemoDataContribution {
    readonly order: number;
    load(folder: string): Promise<Partial<DemoDataResult>>;
}
