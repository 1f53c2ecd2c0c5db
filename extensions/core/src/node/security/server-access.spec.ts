import * as assert from 'assert';
import type * as http from 'http';
import { EarlyExpressMiddleware } from '@theia/core/lib/node/backend-application';
import { RpcConnectionHandler } from '@theia/core/lib/common/messaging';
import { MatchProErrors } from '../../common/errors';
import { PAGE_SECRET_QUERY, ServiceAccess } from '../../common/server-access';
import { AuditLog } from '../audit-log';
import { MatchProDatabase } from '../matchpro-database';
import { createTestContainer, TestContainer } from '../test-support/matchpro-test-container';
import { connectOverRpc } from '../test-support/rpc-pipe';
import { AccessGuard } from './access-guard';
import { Caller, CallerContext } from './caller-context';
import { LoginThrottle } from './login-throttle';
import { ServerAccessOptions } from './server-access-options';
import { ServerRequestGuard } from './server-request-guard';
import { UserAccounts } from './user-accounts';
import { pageMayOpen } from './workbench-messaging-service';
import { WorkbenchSessions } from './workbench-sessions';

function request(headers: Record<string, string>, url = '/socket.io/?EIO=4&transport=websocket', method = 'GET'): http.IncomingMessage {
    return { headers, url, method, socket: { remoteAddress: '127.0.0.1' } } as unknown as http.IncomingMessage;
}

interface Notes {
    add(text: string): Promise<string>;
    list(): Promise<string[]>;
    wipe(): Promise<void>;
    read(id: string): Promise<string>;
}

const NOTES_ACCESS: ServiceAccess<Notes> = { add: 'write', list: 'read', wipe: 'admin', read: { permission: 'read', auditEntity: 'note' } };

class NotesImpl implements Notes {
    readonly notes: string[] = [];
    async add(text: string): Promise<string> { this.notes.push(text); return String(this.notes.length - 1); }
    async list(): Promise<string[]> { return [...this.notes]; }
    async wipe(): Promise<void> { this.notes.length = 0; }
    async read(id: string): Promise<string> { return this.notes[Number(id)]; }
    /** Not in the protocol: must not be callable over RPC. */
    async internalReset(): Promise<void> { this.notes.length = 0; }
}

describe('Server access (page secret, hosts, sessions, roles)', function () {
    this.timeout(30_000);
    let test: TestContainer;
    let guard: ServerRequestGuard;
    let options: ServerAccessOptions;
    let sessions: WorkbenchSessions;

    beforeEach(() => {
        test = createTestContainer();
        const c = test.container;
        c.bind(ServerAccessOptions).toSelf().inSingletonScope();
        c.bind(WorkbenchSessions).toSelf().inSingletonScope();
        c.bind(LoginThrottle).toSelf().inSingletonScope();
        c.bind(EarlyExpressMiddleware).toSelf().inSingletonScope();
        c.bind(ServerRequestGuard).toSelf().inSingletonScope();
        options = c.get(ServerAccessOptions);
        sessions = c.get(WorkbenchSessions);
        guard = c.get(ServerRequestGuard);
    });
    afterEach(() => test.dispose());

    const ws = (secret: string | undefined, headers: Record<string, string> = {}) =>
        request({ host: '127.0.0.1:3000', ...headers }, '/socket.io/?EIO=4&transport=websocket' + (secret !== undefined ? `&${PAGE_SECRET_QUERY}=${encodeURIComponent(secret)}` : ''));

    it('local mode: the websocket needs the page secret, a loopback host name and the same origin', () => {
        const secret = sessions.localPageSecret;
        assert.ok(guard.allowWsUpgrade(ws(secret, { origin: 'http://127.0.0.1:3000' })), 'the workbench page itself');
        assert.ok(guard.allowWsUpgrade(ws(secret)), 'a client without Origin (same machine) that read the page');
        assert.ok(!guard.allowWsUpgrade(ws(undefined, { origin: 'http://127.0.0.1:3000' })), 'no secret');
        assert.ok(!guard.allowWsUpgrade(ws('x'.repeat(secret.length), { origin: 'http://127.0.0.1:3000' })), 'wrong secret');
        assert.ok(!guard.allowWsUpgrade(ws(secret, { origin: 'http://127.0.0.1:8080' })), 'another localhost port');
        assert.ok(!guard.allowWsUpgrade(ws(secret, { origin: 'null' })), 'an opaque origin');
        assert.ok(!guard.allowWsUpgrade(ws(secret, { host: 'rebound.example:3000', origin: 'http://rebound.example:3000' })), 'DNS rebinding');
        assert.ok(guard.allowWsUpgrade(ws(secret, { host: 'localhost:3000', origin: 'http://localhost:3000' })), 'localhost');
        assert.ok(guard.allowWsUpgrade(ws(secret, { host: '[::1]:3000', origin: 'http://[::1]:3000' })), 'IPv6 loopback');
    });

    it('refuses requests from other sites, but lets a link open the workbench page', () => {
        const base = { host: '127.0.0.1:3000' };
        assert.deepStrictEqual(guard.checkOrigin(request({ ...base, 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' }, '/bundle.js')).allowed, false);
        assert.deepStrictEqual(guard.checkOrigin(request({ ...base, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' }, '/')).allowed, false);
        assert.deepStrictEqual(guard.checkOrigin(request({ ...base, 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }, '/')).allowed, true);
        assert.deepStrictEqual(guard.checkOrigin(request({ ...base, 'sec-fetch-site': 'same-origin' }, '/bundle.js')).allowed, true);
        const rebound = guard.checkOrigin(request({ host: 'rebound.example:3000' }, '/'));
        assert.ok(!rebound.allowed && rebound.status === 421 && rebound.reason.includes('rebound.example'));
    });

    it('hosted mode: the websocket needs a live session and that session\'s page secret; an expired session is refused', () => {
        options.hosted = true;
        let now = 1_000_000;
        sessions.now = () => now;
        const session = sessions.create('alice', 'recruiter');
        const cookie = { cookie: `matchpro-session=${session.id}`, origin: 'http://127.0.0.1:3000' };
        assert.deepStrictEqual(guard.callerOf(ws(session.pageSecret, cookie))?.caller, { name: 'alice', role: 'recruiter', hosted: true });
        assert.strictEqual(guard.callerOf(ws(sessions.localPageSecret, cookie)), undefined, 'the local secret is not a session\'s');
        assert.strictEqual(guard.callerOf(ws(session.pageSecret, { origin: 'http://127.0.0.1:3000' })), undefined, 'no session cookie');
        const other = sessions.create('bob', 'viewer');
        assert.strictEqual(guard.callerOf(ws(other.pageSecret, cookie)), undefined, 'another session\'s secret');
        now += sessions.idleMs + 1;
        assert.strictEqual(guard.callerOf(ws(session.pageSecret, cookie)), undefined, 'idle past the limit');
        let ended = 0;
        const third = sessions.create('carol', 'admin');
        sessions.onEnd(third.id, () => ended++);
        now += sessions.lifetimeMs;
        assert.strictEqual(sessions.touch(third.id), undefined, 'past its lifetime');
        assert.strictEqual(ended, 1, 'its sockets are told to close');
    });

    it('locks an account out after 10 wrong passwords and an address after 20, the right password included', () => {
        const throttle = test.container.get(LoginThrottle);
        let now = 0;
        throttle.now = () => now;
        for (let i = 0; i < 9; i++) {
            throttle.failed('alice', '10.0.0.1');
        }
        assert.strictEqual(throttle.lockedFor('alice', '10.0.0.1'), 0);
        throttle.failed('alice', '10.0.0.1');
        assert.ok(throttle.lockedFor('alice', '10.0.0.2') > 0, 'the account is locked from any address');
        for (let i = 0; i < 20; i++) {
            throttle.failed(`user${i}`, '10.0.0.3');
        }
        assert.ok(throttle.lockedFor('someone', '10.0.0.3') > 0, 'a spray of names from one address locks that address');
        now += throttle.lockMs + 1;
        assert.strictEqual(throttle.lockedFor('alice', '10.0.0.1'), 0, 'for a while only');
    });

    it('stores accounts with scrypt hashes and checks passwords', async () => {
        const accounts = test.container.get(UserAccounts);
        await accounts.add('alice', 'admin', 'correct horse battery');
        await assert.rejects(accounts.add('alice', 'viewer', 'another password'), (e: Error) => MatchProErrors.Rejected.is(e));
        await assert.rejects(accounts.add('bob', 'viewer', 'short'), (e: Error) => MatchProErrors.InvalidInput.is(e) && /at least 10/.test(e.message));
        assert.strictEqual((await accounts.verify('alice', 'correct horse battery'))?.role, 'admin');
        assert.strictEqual(await accounts.verify('alice', 'wrong horse battery'), undefined);
        assert.strictEqual(await accounts.verify('nobody', 'correct horse battery'), undefined);
        const stored = await test.container.get(MatchProDatabase).read(store => store.all<{ password_hash: string }>('SELECT password_hash FROM users'));
        assert.ok(stored[0].password_hash.startsWith('scrypt$') && !stored[0].password_hash.includes('horse'));
        await accounts.setPassword('alice', 'a brand new password');
        assert.strictEqual(await accounts.verify('alice', 'correct horse battery'), undefined);
        await accounts.remove('alice');
        assert.deepStrictEqual(await accounts.list(), []);
    });

    it('RPC: only protocol methods are callable, each with its role; reads of a record are audited in the hosted mode', async () => {
        const notes = new NotesImpl();
        const accessGuard = test.container.get(AccessGuard);
        const callers = test.container.get(CallerContext);
        const remote = connectOverRpc<Notes & { internalReset(): Promise<void> }>(
            new RpcConnectionHandler('/services/matchpro/notes', () => accessGuard.guard('/services/matchpro/notes', notes, NOTES_ACCESS)));
        const as = <T>(caller: Caller, call: () => Promise<T>) => callers.run(caller, call);
        const viewer: Caller = { name: 'vic', role: 'viewer', hosted: true };
        const recruiter: Caller = { name: 'rita', role: 'recruiter', hosted: true };
        const admin: Caller = { name: 'ada', role: 'admin', hosted: true };

        const id = await as(recruiter, () => remote.add('first'));
        await assert.rejects(as(viewer, () => remote.add('second')), (e: Error) => MatchProErrors.Forbidden.is(e) && /vic \(viewer\) may not change records/.test(e.message));
        assert.deepStrictEqual(await as(viewer, () => remote.list()), ['first']);
        await assert.rejects(as(recruiter, () => remote.wipe()), (e: Error) => MatchProErrors.Forbidden.is(e) && /admin role/.test(e.message));
        await assert.rejects(as(admin, () => remote.internalReset()), (e: Error) => MatchProErrors.Forbidden.is(e) && /not a method/.test(e.message));
        await assert.rejects(as(recruiter, () => remote.add('x'.repeat(1_000_001))), (e: Error) => MatchProErrors.InvalidInput.is(e) && /add\(\)\[0\]/.test(e.message));
        assert.deepStrictEqual(notes.notes, ['first'], 'nothing refused was stored');

        assert.strictEqual(await as(viewer, () => remote.read(id)), 'first');
        const audit = await test.container.get(MatchProDatabase).read(store => test.container.get(AuditLog).list(store, 'note', id));
        assert.deepStrictEqual(audit.map(entry => [entry.actor, entry.action]), [['vic', 'read']]);
        await as(admin, () => remote.wipe());
        assert.deepStrictEqual(notes.notes, []);
    });

    it('opens only the service channels a page needs', () => {
        for (const path of ['/services/matchpro/candidates', '/services/remote-filesystem', '/services/envs', '/localization-server']) {
            assert.ok(pageMayOpen(path), path);
        }
        for (const path of ['/services/keyStore', '/services/request-service', '/services/matchpro/../keyStore', '/services/unknown']) {
            assert.ok(!pageMayOpen(path), path);
        }
    });
});
