import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Temporary folders for storage tests, removed by `removeAll`. */
export class TempFolders {
    private readonly made: string[] = [];

    make(prefix = 'matchpro-storage-'): string {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        this.made.push(dir);
        return dir;
    }

    /** A path inside a fresh temporary folder that does not exist yet. */
    path(name: string): string {
        return path.join(this.make(), name);
    }

    removeAll(): void {
        for (const dir of this.made.splice(0)) {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    }
}
