import { ForwardingChannel } from '@theia/core/lib/common/message-rpc/channel';
import { Uint8ArrayReadBuffer, Uint8ArrayWriteBuffer } from '@theia/core/lib/common/message-rpc/uint8-array-message-buffer';
import { ConnectionHandler, RpcProxyFactory } from '@theia/core/lib/common/messaging';

/**
 * Two channel ends joined in memory, carrying the same encoded bytes as the websocket does: a test
 * drives a service through Theia's real JSON-RPC encoding (msgpack, ApplicationError transport).
 */
export class ChannelPipe {
    readonly left: ForwardingChannel = new ForwardingChannel('left', () => this.right.onCloseEmitter.fire({ reason: 'left closed' }), () => {
        const buffer = new Uint8ArrayWriteBuffer();
        buffer.onCommit(bytes => this.right.onMessageEmitter.fire(() => new Uint8ArrayReadBuffer(bytes)));
        return buffer;
    });
    readonly right: ForwardingChannel = new ForwardingChannel('right', () => this.left.onCloseEmitter.fire({ reason: 'right closed' }), () => {
        const buffer = new Uint8ArrayWriteBuffer();
        buffer.onCommit(bytes => this.left.onMessageEmitter.fire(() => new Uint8ArrayReadBuffer(bytes)));
        return buffer;
    });
}

/** Connects a backend ConnectionHandler (as bound in a backend module) and returns the frontend's proxy. */
export function connectOverRpc<T extends object>(handler: ConnectionHandler): T {
    const pipe = new ChannelPipe();
    handler.onConnection(pipe.right);
    const factory = new RpcProxyFactory<T>();
    factory.listen(pipe.left);
    return factory.createProxy();
}
