import { injectable } from '@theia/core/shared/inversify';

interface Failures {
    count: number;
    firstAt: number;
    lockedUntil: number;
}

/**
 * Slows password guessing: 10 wrong passwords for one account, or 20 from one address, within 15
 * minutes lock that account or address out for 15 minutes (the right password is refused too).
 */
@injectable()
export class LoginThrottle {
    readonly windowMs = 15 * 60_000;
    readonly lockMs = 15 * 60_000;
    readonly maxPerAccount = 10;
    readonly maxPerAddress = 20;
    now: () => number = Date.now;

    protected readonly accounts = new Map<string, Failures>();
    protected readonly addresses = new Map<string, Failures>();

    /** Milliseconds until this account and address may try again; 0 when they may now. */
    lockedFor(account: string, address: string): number {
        const now = this.now();
        const until = Math.max(this.accounts.get(account.toLowerCase())?.lockedUntil ?? 0, this.addresses.get(address)?.lockedUntil ?? 0);
        return Math.max(0, until - now);
    }

    failed(account: string, address: string): void {
        this.count(this.accounts, account.toLowerCase(), this.maxPerAccount);
        this.count(this.addresses, address, this.maxPerAddress);
    }

    succeeded(account: string): void {
        this.accounts.delete(account.toLowerCase());
    }

    protected count(map: Map<string, Failures>, key: string, max: number): void {
        const now = this.now();
        let entry = map.get(key);
        if (!entry || now - entry.firstAt > this.windowMs) {
            entry = { count: 0, firstAt: now, lockedUntil: 0 };
            map.set(key, entry);
        }
        entry.count++;
        if (entry.count >= max) {
            entry.lockedUntil = now + this.lockMs;
            entry.count = 0;
            entry.firstAt = now;
        }
        if (map.size > 10_000) {
            // Bounded memory under a spray of names: forget the oldest windows first.
            for (const [k, v] of map) {
                if (now - v.firstAt > this.windowMs && v.lockedUntil < now) {
                    map.delete(k);
                }
            }
        }
    }
}
