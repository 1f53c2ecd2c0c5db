#!/usr/bin/env node
// Builds the Electron bundles without the Electron binary. `theia build` insists on the binary in
// prepareElectron() (to swap its ffmpeg), and the binary is downloaded from GitHub, which this
// project's build never does. The bundles need no binary: the user's machine fetches it at
// `npm run start:electron` time (`install-electron`), where that download is allowed.
'use strict';
const path = require('path');
const { ApplicationPackageManager } = require('@theia/application-manager');

class BundleOnlyElectronPackageManager extends ApplicationPackageManager {
    async prepareElectron() {
        console.warn('[matchpro] electron-app: bundling without the Electron binary (fetched by `npm run start:electron`).');
    }
}

const mode = process.argv.includes('--mode') ? process.argv[process.argv.indexOf('--mode') + 1] : 'production';
const manager = new BundleOnlyElectronPackageManager({ projectPath: path.resolve(__dirname, '..'), appTarget: 'electron' });
manager.build(['--mode', mode], { mode }).catch(error => {
    console.error(error);
    process.exit(1);
});
