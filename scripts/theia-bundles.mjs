// Bundles a Theia app (browser-app, electron-app) with the options Theia generated, plus what
// MatchPro's backend needs: onnxruntime-node ships one native binding per platform under one file
// name, which esbuild cannot place side by side, and tesseract.js / pdfjs-dist start workers by file
// path: they stay external and load from node_modules at run time.
import esbuild from 'esbuild';

export const BACKEND_EXTERNALS = ['onnxruntime-node', 'tesseract.js', 'pdfjs-dist'];

export async function buildTheiaBundles(browserOptions, nodeOptions, watch) {
    nodeOptions.external = [...(nodeOptions.external ?? []), ...BACKEND_EXTERNALS];
    const browserContext = await esbuild.context(browserOptions);
    const nodeContext = await esbuild.context(nodeOptions);
    if (watch) {
        await Promise.all([browserContext.watch(), nodeContext.watch()]);
        return;
    }
    try {
        await browserContext.rebuild();
        await browserContext.dispose();
        await nodeContext.rebuild();
        await nodeContext.dispose();
    } catch {
        process.exit(1);
    }
}
