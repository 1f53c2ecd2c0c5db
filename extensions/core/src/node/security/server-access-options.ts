import * as os from 'os';
import { injectable } from '@theia/core/shared/inversify';
import type { CliContribution } from '@theia/core/lib/node/cli';
import type { Arguments, Argv } from '@theia/core/shared/yargs';

/**
 * How the workbench is served. Local (default): for the machine's own user, on loopback host names
 * only. Hosted (`--hosted`): for a team, with accounts and a login page, on the host names given.
 */
@injectable()
export class ServerAccessOptions implements CliContribution {
    hosted = false;
    trustProxy = false;
    insecureHttp = false;
    tls = false;
    /** Host names (no port) that the Host header may carry; anything else is refused (DNS rebinding). */
    allowedHosts = new Set<string>(['127.0.0.1', 'localhost', '[::1]', '::1']);

    configure(conf: Argv): void {
        conf.option('hosted', { description: 'MatchPro: serve a team (accounts, login page, roles)', type: 'boolean', default: false });
        conf.option('trust-proxy', { description: 'MatchPro hosted mode: TLS ends at a reverse proxy in front (X-Forwarded-Proto)', type: 'boolean', default: false });
        conf.option('insecure-http', { description: 'MatchPro hosted mode: allow plain HTTP on purpose (a closed test network only)', type: 'boolean', default: false });
        conf.option('allowed-hosts', { description: 'MatchPro: comma-separated host names the workbench answers to, besides the loopback ones', type: 'string' });
    }

    setArguments(args: Arguments): void {
        this.hosted = Boolean(args.hosted) || process.env.MATCHPRO_HOSTED === '1';
        this.trustProxy = Boolean(args['trust-proxy']);
        this.insecureHttp = Boolean(args['insecure-http']);
        this.tls = Boolean(args.ssl);
        const hostname = typeof args.hostname === 'string' ? args.hostname : undefined;
        const extra = [typeof args['allowed-hosts'] === 'string' ? args['allowed-hosts'] : '', process.env.MATCHPRO_ALLOWED_HOSTS ?? '']
            .join(',').split(',').map(host => host.trim().toLowerCase()).filter(Boolean);
        for (const host of extra) {
            this.allowedHosts.add(host);
        }
        if (this.hosted) {
            if (hostname && !isWildcard(hostname)) {
                this.allowedHosts.add(hostname.toLowerCase());
            } else {
                // Listening on every interface: the machine's own names and addresses are where a phone
                // on the agency's network reaches it; a rebinding page's host name is none of them.
                this.allowedHosts.add(os.hostname().toLowerCase());
                for (const addresses of Object.values(os.networkInterfaces())) {
                    for (const address of addresses ?? []) {
                        this.allowedHosts.add(address.family === 'IPv6' ? `[${address.address.toLowerCase()}]` : address.address);
                    }
                }
            }
            if (!this.tls && !this.trustProxy && !this.insecureHttp) {
                console.error('MatchPro: the hosted mode sends passwords and personal data over the network: give --tls-cert and --tls-key, '
                    + 'or --trust-proxy behind an HTTPS reverse proxy (or --insecure-http on purpose, on a closed test network).');
                process.exit(1);
            }
        } else if (hostname && !isLoopback(hostname)) {
            console.error(`MatchPro: the local mode only listens on this machine (127.0.0.1, localhost, ::1), not on ${hostname}: `
                + 'use --hosted to serve a team, with accounts.');
            process.exit(1);
        }
    }

    /** Whether the browser reaches the workbench over HTTPS (directly, or through the trusted proxy). */
    secureTransport(forwardedProto: string | undefined): boolean {
        return this.tls || (this.trustProxy && forwardedProto?.split(',')[0].trim() === 'https');
    }
}

function isWildcard(hostname: string): boolean {
    return hostname === '0.0.0.0' || hostname === '::' || hostname === '[::]';
}

export function isLoopback(hostname: string): boolean {
    return ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname.toLowerCase());
}
