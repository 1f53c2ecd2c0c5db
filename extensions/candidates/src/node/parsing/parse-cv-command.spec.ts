import * as assert from 'node:assert/strict';
import * as path from 'path';
import 'reflect-metadata';
import { Container } from '@theia/core/shared/inversify';
import { CliCommand, CliUserError } from '@matchpro/core/lib/node/cli/cli-command';
import { CvParserService } from './cv-parser-service';
import { ParseCommandItem } from './parse-cv-command';
import { bindCvParsing } from './parsing-backend-bindings';

describe('parse CLI command', function (): void {
    this.timeout(60000);
    const container = new Container();
    bindCvParsing(container.bind.bind(container));
    after(() => container.get(CvParserService).dispose());

    it('parses files and folders, with per-file errors in the output', async () => {
        const command = container.getAll<CliCommand>(CliCommand).find(c => c.words.join(' ') === 'parse')!;
        const fixtures = path.resolve(__dirname, '../../../test-fixtures');
        const result = await command.run({ positionals: [path.join(fixtures, 'fr-cv.txt'), path.join(fixtures, 'truncated.pdf')], options: {}, json: true }) as ParseCommandItem[];
        assert.equal(result.length, 2);
        assert.ok('profile' in result[0] && result[0].profile.lastName === 'Moreau');
        assert.ok('error' in result[1] && result[1].error.code === 'corrupt');
        assert.match(command.formatText!(result), /fr-cv\.txt: Julien Moreau[\s\S]*truncated\.pdf: ERROR corrupt/);
        const folder = await command.run({ positionals: [fixtures], options: {}, json: true }) as ParseCommandItem[];
        assert.ok(folder.length >= 10 && folder.every(i => !i.file.endsWith('.js')));
        await assert.rejects(command.run({ positionals: [], options: {}, json: true }), CliUserError);
    });
});
