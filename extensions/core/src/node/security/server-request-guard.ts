import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { randomBytes } from 'crypto';
import { inject, injectable } from '@theia/core/shared/inversify';
import * as express from '@theia/core/shared/express';
import { BackendApplicationContribution, BackendApplicationPath, EarlyExpressMiddleware } from '@theia/core/lib/node/backend-application';
import { environment } from '@theia/core/lib/common/index';
import type { WsRequestValidatorContribution } from '@theia/core/lib/node/ws-request-validators';
import type { MessagingListenerContribution } from '@theia/core/lib/node/messaging/messaging-listeners';
import type { Socket } from 'socket.io';
import {
    LOGIN_PATH, LOGOUT_PATH, PAGE_SECRET_HEADER, PAGE_SECRET_META, PAGE_SECRET_QUERY, SERVER_MODE_META, SIGNED_IN_USER_META
} from '../../common/server-access';
import { MatchProConfig } from '../matchpro-config';
import { Caller, CallerContext } from './caller-context';
import { LoginThrottle } from './login-throttle';
import { escapeHtml, LoginNotice, preferredLanguage, renderLoginPage } from './login-page';
import { ServerAccessOptions } from './server-access-options';
import { UserAccounts } from './user-accounts';
import { sameToken, WorkbenchSession, WorkbenchSessions } from './workbench-sessions';

/** Files of the built frontend (bundle, styles, fonts, worker): public code, served to the workbench page. */
const STATIC_FILE = /^\/[\w./-]+\.(js|css|map|wasm|gif|png|svg|eot|ttf|woff2?|ico)$/;
const WORKBENCH_PAGE = new Set(['/', '/index.html']);
const SESSION_COOKIE = 'matchpro-session';
/** `__Host-` cookies are only accepted over HTTPS, for this exact host, path / and no Domain. */
const SECURE_SESSION_COOKIE = '__Host-matchpro-session';

type Verdict = { allowed: true } | { allowed: false; status: number; reason: string };

/**
 * The one gate in front of the backend: every HTTP request and every websocket handshake must come
 * from the workbench's own page. It checks the Host header against the configured host names (DNS
 * rebinding), the Origin and Fetch Metadata headers (pages of other sites or other localhost ports),
 * the page secret (only the served page knows it) and, in the hosted mode, a signed-in session.
 * Routes it does not know are refused: Theia's file upload and download routes write and read
 * anywhere on disk, and the workbench never uses them.
 */
@injectable()
export class ServerRequestGuard implements BackendApplicationContribution, WsRequestValidatorContribution, MessagingListenerContribution {
    @inject(ServerAccessOptions) protected readonly options: ServerAccessOptions;
    @inject(WorkbenchSessions) protected readonly sessions: WorkbenchSessions;
    @inject(LoginThrottle) protected readonly throttle: LoginThrottle;
    @inject(UserAccounts) protected readonly accounts: UserAccounts;
    @inject(CallerContext) protected readonly callers: CallerContext;
    @inject(MatchProConfig) protected readonly config: MatchProConfig;
    @inject(EarlyExpressMiddleware) protected readonly earlyMiddleware: EarlyExpressMiddleware;

    protected readonly formParser = express.urlencoded({ extended: false, limit: '8kb', parameterLimit: 10 });
    protected workbenchHtml: string | undefined;

    initialize(): void {
        // Early middleware runs before Theia's static files and every contributed route; first among
        // them, so a refused request gets nothing else (not even Theia's connection cookie).
        this.earlyMiddleware.handlers.unshift((req, res, next) => {
            this.handle(req, res, next).catch(error => {
                console.error(`MatchPro: request refused after an internal error: ${error instanceof Error ? error.message : error}`);
                if (!res.headersSent) {
                    res.status(500).type('text/plain').send('internal error');
                }
            });
        });
        if (this.options.hosted) {
            this.accounts.count().then(count => {
                if (count === 0) {
                    console.error('MatchPro: hosted mode with no account yet: stop the workbench and run '
                        + '`npx matchpro users add NAME --role admin --password-file FILE`.');
                }
            }, () => undefined);
        }
    }

    configure(app: express.Application): void {
        app.disable('x-powered-by');
    }

    // ---- HTTP ---------------------------------------------------------------------------------

    protected async handle(req: express.Request, res: express.Response, next: express.NextFunction): Promise<void> {
        const nonce = randomBytes(16).toString('base64');
        this.setSecurityHeaders(req, res);
        const origin = this.checkOrigin(req);
        if (!origin.allowed) {
            res.status(origin.status).type('text/plain').send(origin.reason);
            return;
        }
        const route = req.path;
        if (route.startsWith('/socket.io/')) {
            // socket.io answers its own paths before express; anything reaching here is not a handshake.
            res.status(404).type('text/plain').send('not found');
            return;
        }
        if (route === LOGIN_PATH) {
            return this.handleLogin(req, res, nonce);
        }
        const session = this.options.hosted ? this.sessionOf(req) : undefined;
        if (this.options.hosted && !session) {
            const expired = this.cookieOf(req) !== undefined;
            if (req.method === 'GET' && (WORKBENCH_PAGE.has(route) || req.headers['sec-fetch-mode'] === 'navigate')) {
                res.redirect(303, LOGIN_PATH + (expired ? '?expired=1' : ''));
            } else {
                res.status(401).type('text/plain').send('sign in first');
            }
            return;
        }
        if (route === LOGOUT_PATH && req.method === 'POST') {
            if (!session || !sameToken(this.header(req, PAGE_SECRET_HEADER), session.pageSecret)) {
                res.status(403).type('text/plain').send('missing or wrong page secret');
                return;
            }
            this.sessions.end(session.id);
            res.setHeader('Set-Cookie', this.sessionCookie(req, '', 0));
            res.status(204).end();
            return;
        }
        if (req.method !== 'GET' && req.method !== 'HEAD') {
            res.status(405).type('text/plain').send('method not allowed');
            return;
        }
        if (WORKBENCH_PAGE.has(route)) {
            res.setHeader('Cache-Control', 'no-store');
            res.type('html').send(this.workbenchPage(session));
            return;
        }
        if (STATIC_FILE.test(route) && !route.includes('..')) {
            next();
            return;
        }
        res.status(404).type('text/plain').send('not found');
    }

    protected setSecurityHeaders(req: http.IncomingMessage, res: http.ServerResponse): void {
        const host = req.headers.host ?? '';
        const sockets = `ws://${host} wss://${host}`;
        res.setHeader('Content-Security-Policy', [
            "default-src 'self'", "script-src 'self' 'unsafe-eval'", `style-src 'self' 'unsafe-inline'`, "img-src 'self' data: blob:", "font-src 'self' data:",
            `connect-src 'self' data: ${sockets}`, "worker-src 'self' blob:", "frame-src 'self' blob:", "object-src 'self' blob:",
            "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"
        ].join('; '));
        res.setHeader('X-Frame-Options', 'DENY');
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'same-origin'); // not no-referrer: it turns a form's Origin into "null"
        res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        if (this.options.secureTransport(this.header(req, 'x-forwarded-proto'))) {
            res.setHeader('Strict-Transport-Security', 'max-age=31536000');
        }
    }

    /** The Host header names one of the configured host names (a DNS-rebinding page's name is none of them). */
    checkHost(req: http.IncomingMessage): Verdict {
        const hostname = hostnameOf((req.headers.host ?? '').toLowerCase());
        if (!hostname || !this.options.allowedHosts.has(hostname)) {
            return { allowed: false, status: 421, reason: `MatchPro does not answer to the host name "${hostname || '(none)'}"` };
        }
        return { allowed: true };
    }

    /** Host, Origin and Fetch Metadata: only the workbench's own page, on a configured host name, gets through. */
    checkOrigin(req: http.IncomingMessage): Verdict {
        const hostCheck = this.checkHost(req);
        if (!hostCheck.allowed) {
            return hostCheck;
        }
        const host = (req.headers.host ?? '').toLowerCase();
        const origin = this.header(req, 'origin');
        if (origin !== undefined) {
            let originHost: string;
            try {
                originHost = new URL(origin).host.toLowerCase();
            } catch {
                return { allowed: false, status: 403, reason: 'unreadable Origin' };
            }
            if (originHost !== host) {
                return { allowed: false, status: 403, reason: `requests from ${origin} are refused` };
            }
        }
        const site = this.header(req, 'sec-fetch-site');
        if (site === 'cross-site' || site === 'same-site') {
            // A link from elsewhere may open the workbench page (it then loads with its own secret);
            // nothing else may be fetched, framed or posted from another site or another localhost port.
            const navigation = req.method === 'GET' && this.header(req, 'sec-fetch-mode') === 'navigate'
                && this.header(req, 'sec-fetch-dest') === 'document';
            const route = (req.url ?? '/').split('?')[0];
            if (!(navigation && (WORKBENCH_PAGE.has(route) || route === LOGIN_PATH))) {
                return { allowed: false, status: 403, reason: 'requests from other sites are refused' };
            }
        }
        return { allowed: true };
    }

    protected workbenchPage(session: WorkbenchSession | undefined): string {
        if (this.workbenchHtml === undefined) {
            this.workbenchHtml = fs.readFileSync(path.join(BackendApplicationPath, 'lib', 'frontend', 'index.html'), 'utf8');
        }
        const metas = [
            `<meta name="${PAGE_SECRET_META}" content="${session ? session.pageSecret : this.sessions.localPageSecret}">`,
            `<meta name="${SERVER_MODE_META}" content="${this.options.hosted ? 'hosted' : 'local'}">`,
            session ? `<meta name="${SIGNED_IN_USER_META}" content="${escapeHtml(`${session.name}:${session.role}`)}">` : ''
        ].join('');
        return this.workbenchHtml.replace(/<head>/i, `<head>${metas}`);
    }

    // ---- hosted mode: sign-in ------------------------------------------------------------------

    protected async handleLogin(req: express.Request, res: express.Response, nonce: string): Promise<void> {
        const lang = preferredLanguage(this.header(req, 'accept-language'));
        res.setHeader('Cache-Control', 'no-store');
        res.setHeader('Content-Security-Policy', `default-src 'none'; style-src 'nonce-${nonce}'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'`);
        if (!this.options.hosted) {
            res.redirect(303, '/');
            return;
        }
        const page = (status: number, notice?: LoginNotice, name?: string) => res.status(status).type('html').send(renderLoginPage(lang, nonce, notice, name));
        if (req.method === 'GET') {
            if (this.sessionOf(req)) {
                res.redirect(303, '/');
                return;
            }
            page(200, req.query.expired ? { kind: 'expired' } : req.query.out ? { kind: 'signed-out' } : undefined);
            return;
        }
        if (req.method !== 'POST') {
            res.status(405).type('text/plain').send('method not allowed');
            return;
        }
        await new Promise<void>((resolve, reject) => this.formParser(req, res, error => error ? reject(error) : resolve()))
            .catch(() => undefined);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const name = typeof body.name === 'string' ? body.name.trim().slice(0, 64) : '';
        const password = typeof body.password === 'string' ? body.password.slice(0, 1024) : '';
        const address = this.clientAddress(req);
        const locked = this.throttle.lockedFor(name, address);
        if (locked > 0) {
            page(429, { kind: 'locked', minutes: Math.ceil(locked / 60_000) }, name);
            return;
        }
        const account = name && password ? await this.accounts.verify(name, password).catch(() => undefined) : undefined;
        if (!account) {
            this.throttle.failed(name, address);
            const nowLocked = this.throttle.lockedFor(name, address);
            page(nowLocked > 0 ? 429 : 401, nowLocked > 0 ? { kind: 'locked', minutes: Math.ceil(nowLocked / 60_000) } : { kind: 'wrong' }, name);
            return;
        }
        this.throttle.succeeded(name);
        const previous = this.sessionOf(req);
        if (previous) {
            this.sessions.end(previous.id);
        }
        const session = this.sessions.create(account.name, account.role);
        res.setHeader('Set-Cookie', this.sessionCookie(req, session.id, Math.floor(this.sessions.lifetimeMs / 1000)));
        res.redirect(303, '/');
    }

    protected sessionCookie(req: http.IncomingMessage, value: string, maxAgeSeconds: number): string {
        const secure = this.options.secureTransport(this.header(req, 'x-forwarded-proto'));
        return `${secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure ? '; Secure' : ''}`;
    }

    protected cookieOf(req: http.IncomingMessage): string | undefined {
        const cookies = parseCookies(this.header(req, 'cookie'));
        return cookies[SECURE_SESSION_COOKIE] ?? cookies[SESSION_COOKIE];
    }

    protected sessionOf(req: http.IncomingMessage): WorkbenchSession | undefined {
        return this.sessions.touch(this.cookieOf(req));
    }

    protected clientAddress(req: http.IncomingMessage): string {
        const forwarded = this.options.trustProxy ? this.header(req, 'x-forwarded-for')?.split(',')[0].trim() : undefined;
        return forwarded || req.socket.remoteAddress || 'unknown';
    }

    protected header(req: http.IncomingMessage, name: string): string | undefined {
        const value = req.headers[name];
        return Array.isArray(value) ? value[0] : value;
    }

    // ---- websocket --------------------------------------------------------------------------------

    /** The caller a websocket handshake speaks for, or undefined when it must be refused. */
    callerOf(request: http.IncomingMessage): { caller: Caller; session?: WorkbenchSession } | undefined {
        if (environment.electron.is() && !this.options.hosted) {
            // The desktop window loads its page from disk (Origin file://), not from this server: Theia's
            // Electron token, a cookie only that window holds, stands for the page secret.
            return this.checkHost(request).allowed ? { caller: { name: this.config.actor, role: 'admin', hosted: false } } : undefined;
        }
        if (!this.checkOrigin(request).allowed) {
            return undefined;
        }
        const secret = new URL(request.url ?? '/', 'http://x').searchParams.get(PAGE_SECRET_QUERY) ?? undefined;
        if (!this.options.hosted) {
            return sameToken(secret, this.sessions.localPageSecret)
                ? { caller: { name: this.config.actor, role: 'admin', hosted: false } }
                : undefined;
        }
        const session = this.sessionOf(request);
        if (!session || !sameToken(secret, session.pageSecret)) {
            return undefined;
        }
        return { caller: { name: session.name, role: session.role, hosted: true }, session };
    }

    allowWsUpgrade(request: http.IncomingMessage): boolean {
        return this.callerOf(request) !== undefined;
    }

    /** Every message of the socket runs as its caller; a hosted session that ends closes its sockets. */
    onDidWebSocketUpgrade(request: http.IncomingMessage, socket: Socket): void {
        const identity = this.callerOf(request);
        if (!identity) {
            socket.disconnect(true);
            return;
        }
        const { caller, session } = identity;
        if (session) {
            this.sessions.onEnd(session.id, () => socket.disconnect(true));
        }
        socket.use((_packet, next) => {
            if (session && !this.sessions.touch(session.id)) {
                socket.disconnect(true);
                return;
            }
            this.callers.run(caller, () => next());
        });
    }
}

function hostnameOf(host: string): string {
    if (host.startsWith('[')) {
        const end = host.indexOf(']');
        return end > 0 ? host.slice(0, end + 1) : '';
    }
    return host.split(':')[0];
}

function parseCookies(header: string | undefined): Record<string, string> {
    const cookies: Record<string, string> = {};
    for (const part of (header ?? '').split(';')) {
        const index = part.indexOf('=');
        if (index > 0) {
            cookies[part.slice(0, index).trim()] = part.slice(index + 1).trim();
        }
    }
    return cookies;
}
