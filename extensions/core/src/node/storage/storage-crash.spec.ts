import { strict as assert } from 'assert';
import { ChildProcess, fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EncryptedStore } from './encrypted-store';
import { CRASH_TEST_MIGRATIONS } from './test-support/crash-test-schema';

/** At least MIN_KILLS rounds; up to MAX_KILLS while the test has been running less than a minute. */
const MIN_KILLS = 50;
const MAX_KILLS = 60;

/**
 * A writer process is killed with SIGKILL at random moments, many times, while it commits and
 * compacts; after each kill the folder must open and hold every transaction the writer had seen
 * acknowledged, each one whole (the counter matches the rows).
 */
describe('EncryptedStore crash safety (SIGKILL)', function (): void {
    this.timeout(240_000);
    let dataDir: string;

    before(() => {
        dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-crash-'));
    });
    after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

    it(`keeps every acknowledged commit across ${MIN_KILLS}+ kills, with compactions in the loop`, async () => {
        const acked = new Set<number>();
        let maxAcked = 0;
        const generationsSeen = new Set<string>();
        let killedWhileWriting = 0;
        const started = Date.now();
        let round = 0;
        for (; round < MIN_KILLS || (round < MAX_KILLS && Date.now() - started < 60_000); round++) {
            const child = fork(path.join(__dirname, 'test-support', 'crash-writer.js'), [dataDir], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
            let stderr = '';
            child.stderr!.on('data', chunk => { stderr += chunk; });
            const roundAcks = await runUntilKilled(child, 20 + Math.floor(Math.random() * 180), id => {
                acked.add(id);
                maxAcked = Math.max(maxAcked, id);
            }, () => stderr);
            if (roundAcks > 0) {
                killedWhileWriting++;
            }
            for (const name of fs.readdirSync(dataDir)) {
                if (/^snapshot-/.test(name)) {
                    generationsSeen.add(name);
                }
            }
            const store = await EncryptedStore.open({ dataDir, compactJournalBytes: 2048, migrations: CRASH_TEST_MIGRATIONS, onWarning: () => undefined });
            try {
                const counter = store.get<{ total: number; last_id: number }>('SELECT total, last_id FROM counter')!;
                const count = store.get<{ n: number; max: number | null }>('SELECT count(*) AS n, max(id) AS max FROM item')!;
                assert.equal(counter.total, count.n, `round ${round}: counter and rows disagree (a transaction was split)`);
                assert.equal(counter.last_id, count.max ?? 0, `round ${round}: last id`);
                assert.ok(count.n >= maxAcked, `round ${round}: ${count.n} rows but commit ${maxAcked} was acknowledged`);
                // Ids are committed in order, so the rows are exactly 1..n: every acknowledged id is there.
                assert.equal(count.max ?? 0, count.n, `round ${round}: ids have a hole`);
                const missing = [...acked].filter(id => id > count.n);
                assert.deepEqual(missing, [], `round ${round}: acknowledged commits lost`);
            } finally {
                await store.close();
            }
        }
        assert.ok(maxAcked > round, `only ${maxAcked} commits were acknowledged`);
        assert.ok(killedWhileWriting >= round / 2, `the writer was killed while writing in only ${killedWhileWriting} rounds`);
        assert.ok(generationsSeen.size >= 5, `compaction ran too rarely: ${[...generationsSeen].join(', ')}`);
    });
});

/** Lets the child commit for `ms` after it is ready, then SIGKILLs it; returns how many acks it sent. */
function runUntilKilled(child: ChildProcess, ms: number, onAck: (id: number) => void, stderr: () => string): Promise<number> {
    return new Promise((resolve, reject) => {
        let acks = 0;
        let failed: string | undefined;
        child.on('message', (message: { ready?: boolean; acked?: number; error?: string }) => {
            if (message.ready) {
                setTimeout(() => child.kill('SIGKILL'), ms);
            } else if (typeof message.acked === 'number') {
                acks++;
                onAck(message.acked);
            } else if (message.error) {
                failed = message.error;
            }
        });
        child.on('exit', (code, signal) => {
            if (signal === 'SIGKILL') {
                resolve(acks);
            } else {
                reject(new Error(`writer exited with ${code}: ${failed ?? ''} ${stderr()}`));
            }
        });
    });
}
