import { AsyncLocalStorage } from 'async_hooks';
import { injectable } from '@theia/core/shared/inversify';
import type { Role } from '../../common/server-access';

/** Who sent the RPC call being served: the workbench's local user, or a signed-in user of the hosted mode. */
export interface Caller {
    readonly name: string;
    readonly role: Role;
    readonly hosted: boolean;
}

/**
 * Carries the caller of each websocket message through the asynchronous work it starts, so services
 * and the audit log know who acts without every method taking a user argument. Code that runs outside
 * any message (start-up, the CLI) has no caller: it is the machine's owner acting.
 */
@injectable()
export class CallerContext {
    protected readonly storage = new AsyncLocalStorage<Caller>();

    run<T>(caller: Caller, fn: () => T): T {
        return this.storage.run(caller, fn);
    }

    current(): Caller | undefined {
        return this.storage.getStore();
    }
}
