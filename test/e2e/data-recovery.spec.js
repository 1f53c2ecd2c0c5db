// End to end: what the storage repaired when it opened the data folder (here, an unconfirmed write torn
// by a crash) is told to the recruiter in the workbench, not only in a log.
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { useWorkbench, root } = require('./workbench-harness');

describe('Data folder recovery in the workbench', function () {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-e2e-recovery-'));
    const session = useWorkbench({
        dataDir,
        beforeStart() {
            const cv = path.join(dataDir, '..', `recovery-cv-${process.pid}.txt`);
            fs.writeFileSync(cv, 'Léa Girard\nlea.girard@example.fr\nCariste\n');
            const run = spawnSync(process.execPath, [path.join(root, 'cli', 'bin', 'matchpro.js'), '--data-dir', dataDir, 'import', cv, '--json'], { encoding: 'utf8' });
            assert.strictEqual(run.status, 0, run.stderr);
            fs.rmSync(cv);
            // A crash in the middle of the next append: the start of a record, never confirmed.
            const journal = fs.readdirSync(dataDir).filter(name => /^journal-\d+\.mpj$/.test(name)).sort().pop();
            fs.appendFileSync(path.join(dataDir, journal), Buffer.from('MPJR\x00\x00\x01'));
        }
    });

    it('keeps every confirmed record and says what it dropped', async () => {
        const { context, page } = await session.open({ locale: 'en-US' });
        await page.locator('.theia-notification-message', { hasText: 'The data folder was repaired when it was opened' }).first().waitFor({ timeout: 30000 });
        const text = await page.locator('.theia-notification-message', { hasText: 'repaired' }).first().textContent();
        assert.match(text, /dropped 1 incomplete record \(7 bytes\)/);
        await page.locator('#matchpro-candidates .matchpro-list-count', { hasText: '1 candidate' }).waitFor();
        await context.close();
    });
});
