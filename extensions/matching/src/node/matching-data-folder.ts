import * as path from 'path';

/**
 * The package's data folder (communes, default model). Resolved through the package, not __dirname:
 * in the bundled backend __dirname is the bundle's folder.
 */
export function matchingDataFile(name: string): string {
    return path.join(path.dirname(require.resolve('@matchpro/matching/package.json')), 'data', name);
}
