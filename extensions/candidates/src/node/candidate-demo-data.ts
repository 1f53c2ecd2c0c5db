import * as fs from 'fs';
import * as path from 'path';
import { DemoDataContribution } from '@matchpro/core/lib/node/demo-data-contribution';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CandidateServiceImpl } from './candidate-service-impl';

/** The demo agency's candidates come in as real CV files (examples/demo-agency/cvs), through the import pipeline. */
@injectable()
export class CandidateDemoData implements DemoDataContribution {
    readonly order = 30;

    @inject(CandidateServiceImpl) protected readonly candidates: CandidateServiceImpl;

    async load(folder: string): Promise<{ candidates: number }> {
        const cvFolder = path.join(folder, 'cvs');
        let count = 0;
        for (const name of fs.readdirSync(cvFolder).sort()) {
            const outcome = await this.candidates.importCv(name, new Uint8Array(fs.readFileSync(path.join(cvFolder, name))), { onDuplicate: 'merge' });
            if (outcome.status === 'imported') {
                count++;
            }
        }
        return { candidates: count };
    }
}
