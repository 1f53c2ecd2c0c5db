import type { RpcServer } from '@theia/core/lib/common/messaging';

/** Backend -> frontend notice that stored records changed, so open views refresh themselves. */
export const DATA_CHANGE_PATH = '/services/matchpro/data-change';
export const DataChangeServer = Symbol('DataChangeServer');

export type DataKind = 'candidate' | 'company' | 'contact' | 'offer' | 'matching' | 'interaction' | 'placement' | 'settings';

export interface DataChangeEvent {
    kind: DataKind;
    ids: string[];
    change: 'created' | 'updated' | 'deleted' | 'reloaded';
}

export interface DataChangeClient {
    onDidChangeData(event: DataChangeEvent): void;
}

export type DataChangeServer = RpcServer<DataChangeClient>;
