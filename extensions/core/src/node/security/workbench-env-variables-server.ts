import { injectable } from '@theia/core/shared/inversify';
import { EnvVariablesServerImpl } from '@theia/core/lib/node/env-variables/env-variables-server';
import type { EnvVariable } from '@theia/core/lib/common/env-variables';

/**
 * Theia hands the page every environment variable of the backend (MATCHPRO_PASSPHRASE among them).
 * The workbench needs none: the page gets the folders it uses (settings, home) and no variable.
 */
@injectable()
export class WorkbenchEnvVariablesServer extends EnvVariablesServerImpl {
    override async getVariables(): Promise<EnvVariable[]> {
        return [];
    }

    override async getValue(_key: string): Promise<EnvVariable | undefined> {
        return undefined;
    }
}
