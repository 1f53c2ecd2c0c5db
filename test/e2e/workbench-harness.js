// Starts the built browser workbench on a free port with a throw-away data folder, and drives it in
// headless Debian Chromium with playwright-core. Shared by the end-to-end specs.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const outputDir = path.join(root, 'test', 'output');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
        server.on('error', reject);
    });
}

/** Starts the backend; resolves once it listens. `dataDir` lets a test restart on the same data. */
async function startWorkbench(options = {}) {
    const dataDir = options.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-e2e-data-'));
    const configDir = options.configDir || fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-e2e-theia-'));
    const port = await freePort();
    const backend = spawn(process.execPath, [path.join(root, 'browser-app', 'lib', 'backend', 'main.js'), '--hostname', '127.0.0.1', '--port', String(port),
        ...(options.args || [])], {
        cwd: path.join(root, 'browser-app'),
        env: { ...process.env, MATCHPRO_DATA_DIR: dataDir, THEIA_CONFIG_DIR: configDir },
        stdio: ['ignore', 'pipe', 'pipe']
    });
    let log = '';
    backend.stdout.on('data', chunk => { log += chunk; });
    backend.stderr.on('data', chunk => { log += chunk; });
    await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`workbench did not start in 60 s:\n${log}`)), 60000);
        const check = () => {
            if (log.includes('listening on')) {
                clearTimeout(timer);
                resolve();
            }
        };
        backend.stdout.on('data', check);
        backend.stderr.on('data', check);
        backend.on('exit', code => { clearTimeout(timer); reject(new Error(`workbench exited with ${code}:\n${log}`)); });
    });
    backend.removeAllListeners('exit');
    return {
        url: `http://127.0.0.1:${port}`, dataDir, configDir, backend, log: () => log,
        async stop() {
            if (backend.exitCode === null) {
                const exited = new Promise(resolve => backend.once('exit', resolve));
                backend.kill('SIGTERM');
                await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000))]);
                if (backend.exitCode === null) {
                    backend.kill('SIGKILL');
                }
            }
        }
    };
}

/** `extraArgs`: e.g. `--host-resolver-rules=MAP rebound.test 127.0.0.1`, a DNS-rebinding host name. */
async function launchBrowser(extraArgs = []) {
    return chromium.launch({
        executablePath: CHROMIUM,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--no-first-run', '--disable-dev-shm-usage', ...extraArgs]
    });
}

/** Opens the workbench and waits until the MatchPro container shows (`signIn`: the hosted mode's login first). */
async function openWorkbench(browser, url, contextOptions = {}, signIn) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, ...contextOptions });
    const page = await context.newPage();
    await page.goto(url);
    if (signIn) {
        await page.locator('input[name=name]').fill(signIn.name);
        await page.locator('input[name=password]').fill(signIn.password);
        await page.locator('button[type=submit]').click();
    }
    await page.waitForSelector('#theia-app-shell', { timeout: 60000 });
    await page.waitForSelector('.theia-preload', { state: 'detached', timeout: 60000 }).catch(() => undefined);
    await page.waitForSelector('#matchpro-view-container', { timeout: 60000 });
    return { context, page };
}

/**
 * For a mocha suite: starts the workbench (throw-away data) and Chromium before its tests and stops both
 * after them; `open(contextOptions)` opens a page of it.
 */
function useWorkbench(options = {}) {
    const session = {
        workbench: undefined,
        browser: undefined,
        open: (contextOptions, signIn) => openWorkbench(session.browser, session.workbench.url, contextOptions, signIn)
    };
    before(async () => {
        await options.beforeStart?.(options);
        session.workbench = await startWorkbench(options);
        session.browser = await launchBrowser(options.browserArgs);
    });
    after(async () => {
        await session.browser?.close();
        await session.workbench?.stop();
    });
    return session;
}

/** Runs a palette command by its label, as a user would (F1, type, Enter). */
async function runCommand(page, label) {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${label}`);
    await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
    await page.keyboard.press('Enter');
}

function screenshotPath(name) {
    fs.mkdirSync(outputDir, { recursive: true });
    return path.join(outputDir, name);
}

module.exports = { startWorkbench, launchBrowser, openWorkbench, useWorkbench, runCommand, screenshotPath, freePort, root };
