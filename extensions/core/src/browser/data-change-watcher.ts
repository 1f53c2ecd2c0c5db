import { Emitter, Event } from '@theia/core/lib/common/event';
import { injectable } from '@theia/core/shared/inversify';
import { DataChangeClient, DataChangeEvent } from '../common/data-change-protocol';

/** Frontend end of the data-change channel: views subscribe and refresh when their records change. */
@injectable()
export class DataChangeWatcher implements DataChangeClient {
    protected readonly onDidChangeDataEmitter = new Emitter<DataChangeEvent>();
    readonly onDidChange: Event<DataChangeEvent> = this.onDidChangeDataEmitter.event;

    onDidChangeData(event: DataChangeEvent): void {
        this.onDidChangeDataEmitter.fire(event);
    }
}
