import * as assert from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DataFolderLock, LOCK_FILE_NAME } from './data-folder-lock';
import { TempFolders } from './test-support/temp-folders';

function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
}

/** Starts `racers` processes at the same instant; resolves with each one's answer once all have answered. */
function race(dataDir: string, racers: number): Promise<string[]> {
    const startAt = Date.now() + 1000;
    const children = Array.from({ length: racers }, () => spawn(process.execPath, [path.join(__dirname, 'test-support', 'lock-racer.js'), dataDir, String(startAt)]));
    const answers = children.map(child => new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', chunk => {
            out += chunk;
            if (out.includes('\n')) {
                resolve(out.trim());
            }
        });
        child.on('error', reject);
        child.on('exit', code => resolve(out.trim() || `exited ${code}`));
    }));
    // Holders keep the lock until every racer has answered, so a late starter still meets a live holder.
    return Promise.all(answers).finally(() => children.forEach(child => child.kill('SIGKILL')));
}

describe('Data folder lock', function () {
    this.timeout(120_000);
    const folders = new TempFolders();
    after(() => folders.removeAll());

    it('never has two holders when several processes take over a lock left by a dead process', async () => {
        const rounds = 8;
        const racers = 4;
        for (let round = 0; round < rounds; round++) {
            const dataDir = folders.make('matchpro-lock-race-');
            fs.writeFileSync(path.join(dataDir, LOCK_FILE_NAME), `${deadPid()}\n`);
            const outcomes = await race(dataDir, racers);
            assert.strictEqual(outcomes.filter(o => o === 'held').length, 1, `round ${round}: ${outcomes.join(', ')}`);
            assert.ok(outcomes.filter(o => o !== 'held').every(o => o.startsWith('locked StorageLockedError')), outcomes.join(', '));
            assert.ok(!fs.existsSync(path.join(dataDir, `${LOCK_FILE_NAME}.takeover`)), 'no takeover file is left');
        }
    });

    it('refuses a folder held by a live process and takes over one left by a dead one', () => {
        const dataDir = folders.make('matchpro-lock-');
        const lock = DataFolderLock.acquire(dataDir);
        assert.throws(() => DataFolderLock.acquire(dataDir), (e: Error) => e.name === 'StorageLockedError');
        lock.release();
        fs.writeFileSync(path.join(dataDir, LOCK_FILE_NAME), `${deadPid()}\n`);
        const second = DataFolderLock.acquire(dataDir);
        assert.strictEqual(fs.readFileSync(path.join(dataDir, LOCK_FILE_NAME), 'utf8').trim(), String(process.pid));
        second.release();
        assert.ok(!fs.existsSync(path.join(dataDir, LOCK_FILE_NAME)));
    });
});
