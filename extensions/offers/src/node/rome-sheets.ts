import * as fs from 'fs';
import * as zlib from 'zlib';
import { injectable } from '@theia/core/shared/inversify';

/** One ROME 4.0 job sheet, as derived by scripts/build-rome-sheets.js (France Travail, Licence Ouverte 2.0). */
export interface RomeSheet {
    title: string;
    definition: string[];
    access: string[];
    skills: string[];
    softSkills: string[];
    knowledge: string[];
}

@injectable()
export class RomeSheets {
    protected sheets: Record<string, RomeSheet> | undefined;

    get(code: string): RomeSheet | undefined {
        if (!this.sheets) {
            // Resolved through the package so it works from node_modules and from the bundled backend.
            const file = require.resolve('@matchpro/offers/data/rome-sheets.json.gz');
            this.sheets = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as Record<string, RomeSheet>;
        }
        return this.sheets[code];
    }
}
