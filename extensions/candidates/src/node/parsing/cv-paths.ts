import * as fs from 'fs';
import * as path from 'path';

export const CV_EXTENSIONS = new Set(['.pdf', '.docx', '.png', '.jpg', '.jpeg', '.txt']);

export interface CvPaths {
    /** The CV files to read, folders expanded (recursively, sorted). */
    files: string[];
    /** Links inside a folder that were not followed, and why. */
    refused: { file: string; message: string; messageFr: string }[];
}

/**
 * Paths given on a command line: each folder becomes its CV files. A folder import never leaves the
 * folder: a link to something outside it is refused and reported, and a link loop is followed once
 * (each real folder is read at most once). A file named on its own is taken as given.
 */
export function expandCvPaths(paths: string[]): CvPaths {
    const result: CvPaths = { files: [], refused: [] };
    for (const given of paths) {
        const p = path.resolve(given);
        let stat: fs.Stats | undefined;
        try {
            stat = fs.statSync(p);
        } catch {
            stat = undefined;
        }
        if (stat?.isDirectory()) {
            const root = fs.realpathSync(p);
            walk(p, root, new Set([root]), result);
        } else {
            result.files.push(p);
        }
    }
    return result;
}

function walk(dir: string, root: string, visited: Set<string>, result: CvPaths): void {
    for (const name of fs.readdirSync(dir).sort()) {
        const entry = path.join(dir, name);
        let target = entry;
        let stat: fs.Stats;
        try {
            if (fs.lstatSync(entry).isSymbolicLink()) {
                target = fs.realpathSync(entry);
                const relative = path.relative(root, target);
                if (relative.startsWith('..') || path.isAbsolute(relative)) {
                    result.refused.push({
                        file: entry, message: `a link to ${target}, outside the imported folder: not followed`,
                        messageFr: `un lien vers ${target}, hors du dossier importé : non suivi`
                    });
                    continue;
                }
            }
            stat = fs.statSync(target);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ELOOP' || (error as NodeJS.ErrnoException).code === 'ENOENT') {
                result.refused.push({ file: entry, message: 'a broken or looping link: not followed', messageFr: 'un lien cassé ou en boucle : non suivi' });
            }
            continue;
        }
        if (stat.isDirectory()) {
            const real = fs.realpathSync(target);
            if (!visited.has(real)) {
                visited.add(real);
                walk(entry, root, visited, result);
            }
        } else if (CV_EXTENSIONS.has(path.extname(name).toLowerCase())) {
            result.files.push(entry);
        }
    }
}
