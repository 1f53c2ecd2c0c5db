// The desktop app cannot be launched here (no Electron binary can be downloaded on this machine), but
// its bundles must build from the same extensions, every time.
'use strict';
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { root } = require('./workbench-harness');

describe('Electron desktop app', function () {
    this.timeout(600_000);

    it('builds its frontend, backend and Electron main bundles with every MatchPro extension', () => {
        const app = path.join(root, 'electron-app');
        fs.rmSync(path.join(app, 'lib'), { recursive: true, force: true });
        const build = spawnSync(process.execPath, [path.join(app, 'scripts', 'build-electron.js'), '--mode', 'production'], { cwd: app, encoding: 'utf8' });
        assert.strictEqual(build.status, 0, `electron build failed:\n${build.stdout}\n${build.stderr}`);
        for (const file of ['lib/backend/electron-main.js', 'lib/backend/main.js', 'lib/frontend/bundle.js', 'lib/frontend/index.html']) {
            assert.ok(fs.existsSync(path.join(app, file)), `${file} is built`);
        }
        const frontend = fs.readFileSync(path.join(app, 'lib/frontend/bundle.js'), 'utf8');
        for (const marker of ['matchpro-view-container', 'matchpro-candidates', 'matchpro-companies', 'matchpro-offers', 'matchpro-dashboard']) {
            assert.ok(frontend.includes(marker), `the desktop frontend contains ${marker}`);
        }
    });
});
