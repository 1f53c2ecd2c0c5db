import { injectable } from '@theia/core/shared/inversify';
import { WebsocketEndpoint } from '@theia/core/lib/node/messaging/websocket-endpoint';

/**
 * Theia accepts websocket messages of up to 100 MB. The largest thing a page sends is one CV file
 * (25 MB at most, MAX_CV_BYTES): a message past 32 MB closes that connection before it is decoded.
 */
export const MAX_WEBSOCKET_MESSAGE_BYTES = 32 * 1024 * 1024;

@injectable()
export class WorkbenchWebsocketEndpoint extends WebsocketEndpoint {
    constructor() {
        super();
        this.maxHttpBufferSize = MAX_WEBSOCKET_MESSAGE_BYTES;
    }
}
