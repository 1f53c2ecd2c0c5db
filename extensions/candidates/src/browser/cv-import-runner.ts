import { MessageService } from '@theia/core/lib/common/message-service';
import { nls } from '@theia/core/lib/common/nls';
import { CancellationTokenSource } from '@theia/core/lib/common/cancellation';
import { inject, injectable } from '@theia/core/shared/inversify';
import { CandidateService, ImportOutcome, MAX_CV_BYTES } from '../common/candidate-protocol';
import { errorMessage } from '@matchpro/core/lib/browser/form-fields';

/**
 * Sends the chosen CV files to the backend one by one, with a progress notification (files done /
 * total) that can be cancelled; a file that fails is listed and the batch carries on.
 */
@injectable()
export class CvImportRunner {
    @inject(CandidateService) protected readonly candidates: CandidateService;
    @inject(MessageService) protected readonly messages: MessageService;

    /** Lets the user pick files (or a folder) in the browser; resolves with what was picked. */
    pickFiles(folder: boolean): Promise<File[]> {
        return new Promise(resolve => {
            const input = document.createElement('input');
            input.type = 'file';
            input.multiple = true;
            input.accept = '.pdf,.docx,.png,.jpg,.jpeg,.txt';
            if (folder) {
                input.setAttribute('webkitdirectory', '');
            }
            input.style.display = 'none';
            input.onchange = () => {
                resolve(Array.from(input.files ?? []).filter(f => !folder || /\.(pdf|docx|png|jpe?g|txt)$/i.test(f.name)));
                input.remove();
            };
            input.oncancel = () => { resolve([]); input.remove(); };
            document.body.appendChild(input);
            input.click();
        });
    }

    async importFiles(files: File[]): Promise<ImportOutcome[]> {
        if (!files.length) {
            return [];
        }
        const cancel = new CancellationTokenSource();
        const progress = await this.messages.showProgress({
            text: nls.localize('matchpro/import/progress', 'Importing CVs'),
            options: { cancelable: true }
        }, () => cancel.cancel());
        const outcomes: ImportOutcome[] = [];
        try {
            for (const [index, file] of files.entries()) {
                if (cancel.token.isCancellationRequested) {
                    break;
                }
                progress.report({ message: `${index + 1} / ${files.length} — ${file.name}`, work: { done: index, total: files.length } });
                if (file.size > MAX_CV_BYTES) {
                    // Refused here: sending it would only load the connection for a file the backend refuses too.
                    const limit = `${MAX_CV_BYTES / 1048576} MB`;
                    outcomes.push({
                        file: file.name, status: 'failed', code: 'too-large',
                        error: `The file is too large: ${(file.size / 1048576).toFixed(1)} MB exceeds the limit of ${limit}.`,
                        errorFr: `Le fichier est trop volumineux : ${(file.size / 1048576).toFixed(1)} Mo dépasse la limite de ${limit}.`
                    });
                    continue;
                }
                try {
                    outcomes.push(await this.candidates.importCv(file.name, new Uint8Array(await file.arrayBuffer())));
                } catch (error) {
                    outcomes.push({ file: file.name, status: 'failed', code: 'invalid', error: errorMessage(error) });
                }
            }
        } finally {
            progress.cancel();
        }
        this.report(outcomes, files.length, cancel.token.isCancellationRequested);
        return outcomes;
    }

    protected report(outcomes: ImportOutcome[], total: number, cancelled: boolean): void {
        const count = (status: ImportOutcome['status']) => outcomes.filter(o => o.status === status).length;
        const summary = nls.localize('matchpro/import/summary', '{0} imported, {1} updated, {2} duplicates to review, {3} failed (of {4}).',
            count('imported'), count('updated'), count('duplicate'), count('failed'), total)
            + (cancelled ? ' ' + nls.localize('matchpro/import/cancelled', 'Import cancelled.') : '');
        const failures = outcomes.filter((o): o is Extract<ImportOutcome, { status: 'failed' }> => o.status === 'failed')
            .map(o => `${o.file}: ${nls.locale === 'fr' && o.errorFr ? o.errorFr : o.error}`);
        if (failures.length) {
            this.messages.warn(`${summary}\n${failures.slice(0, 20).join('\n')}`);
        } else {
            this.messages.info(summary);
        }
    }
}
