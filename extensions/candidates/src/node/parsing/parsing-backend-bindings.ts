import { interfaces } from '@theia/core/shared/inversify';
import { CliCommand } from '@matchpro/core/lib/node/cli/cli-command';
import { CvParserService } from './cv-parser-service';
import { ParseCvCommand } from './parse-cv-command';

/**
 * Binds the CV parser and its `parse` CLI command; called from the candidates backend module.
 * Optional extension points the module may bind: `CvSkillLinker` (ESCO linking of skill mentions) and
 * `CvParsingConfig` (limits, pool size, worker script path when bundled, clock).
 */
export function bindCvParsing(bind: interfaces.Bind): void {
    bind(CvParserService).toSelf().inSingletonScope();
    bind(ParseCvCommand).toSelf().inSingletonScope();
    bind(CliCommand).toService(ParseCvCommand);
}
