import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Container, ContainerModule } from '@theia/core/shared/inversify';
import coreBackendModule from '../core-backend-module';
import { MatchProConfig } from '../matchpro-config';
import { MatchProDatabase } from '../matchpro-database';

export interface TestContainer {
    container: Container;
    dataDir: string;
    /** Closes the database and removes the data folder. */
    dispose(): Promise<void>;
}

/**
 * A real backend container for service tests: the core module plus the given extension modules, on a
 * real encrypted database in a fresh temporary folder.
 */
export function createTestContainer(...modules: ContainerModule[]): TestContainer {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'matchpro-test-'));
    const container = new Container();
    container.bind(MatchProConfig).toConstantValue({ dataDir, actor: 'test' });
    container.load(coreBackendModule, ...modules);
    return {
        container, dataDir,
        async dispose(): Promise<void> {
            await container.get(MatchProDatabase).close();
            fs.rmSync(dataDir, { recursive: true, force: true });
        }
    };
}
