/**
 * This file can be edited to adjust the ESBuild build process.
 * To reset, delete this file and rerun theia build again.
 * MatchPro: both apps bundle the same way (scripts/theia-bundles.mjs).
 */
import { browserOptions, watch } from './gen-esbuild.browser.mjs';
import { nodeOptions } from './gen-esbuild.node.mjs';
import { buildTheiaBundles } from '../scripts/theia-bundles.mjs';

await buildTheiaBundles(browserOptions, nodeOptions, watch);
