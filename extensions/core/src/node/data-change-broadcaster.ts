import { injectable } from '@theia/core/shared/inversify';
import { DataChangeClient, DataChangeEvent, DataChangeServer } from '../common/data-change-protocol';

/** Tells every connected window that records changed (one instance per window connection). */
@injectable()
export class DataChangeBroadcaster {
    protected readonly clients = new Set<DataChangeClient>();

    notify(event: DataChangeEvent): void {
        for (const client of this.clients) {
            try {
                client.onDidChangeData(event);
            } catch {
                // A window closing mid-notice must not fail the change that was already committed.
            }
        }
    }

    connect(client: DataChangeClient): DataChangeServer {
        this.clients.add(client);
        const server: DataChangeServer = {
            setClient: () => { /* fixed at connection */ },
            getClient: () => client,
            dispose: () => { this.clients.delete(client); }
        };
        return server;
    }
}
