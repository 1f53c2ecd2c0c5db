import * as path from 'path';
import { inject, injectable } from '@theia/core/shared/inversify';
import { EnvVariablesServer } from '@theia/core/lib/common/env-variables';
import { FileUri } from '@theia/core/lib/common/file-uri';
import { FileSystemProviderServer } from '@theia/filesystem/lib/common/remote-file-system-provider';
import { createFileSystemProviderError, FileSystemProviderErrorCode } from '@theia/filesystem/lib/common/files';
import type { FileDeleteOptions, FileOpenOptions, FileOverwriteOptions, FileReadStreamOptions, FileUpdateOptions, FileWriteOptions, WatchOptions } from '@theia/filesystem/lib/common/files';
import type { CancellationToken } from '@theia/core/lib/common/cancellation';
import type { TextDocumentContentChangeEvent } from '@theia/core/shared/vscode-languageserver-protocol';

/**
 * Theia's file system service as the workbench page may use it: only inside Theia's own settings
 * folder (THEIA_CONFIG_DIR, where the user's preferences and layout live). CV files reach the backend
 * through the candidate service, never through this one, so nothing else on disk is readable or
 * writable from a page.
 */
@injectable()
export class ConfinedFileSystemServer extends FileSystemProviderServer {
    @inject(EnvVariablesServer) protected readonly envVariables: EnvVariablesServer;

    protected root: Promise<string> | undefined;

    protected async check(resource: string): Promise<string> {
        this.root ??= this.envVariables.getConfigDirUri().then(uri => path.resolve(FileUri.fsPath(uri)));
        const root = await this.root;
        let file: string;
        try {
            file = path.resolve(FileUri.fsPath(resource));
        } catch {
            throw createFileSystemProviderError(`MatchPro: not a file path: ${resource}`, FileSystemProviderErrorCode.NoPermissions);
        }
        const relative = path.relative(root, file);
        if (relative.startsWith('..') || path.isAbsolute(relative)) {
            throw createFileSystemProviderError(`MatchPro: the workbench has no access to ${file}`, FileSystemProviderErrorCode.NoPermissions);
        }
        return resource;
    }

    override async stat(resource: string) { return super.stat(await this.check(resource)); }
    override async access(resource: string, mode?: number) { return super.access(await this.check(resource), mode); }
    override async fsPath(resource: string) { return super.fsPath(await this.check(resource)); }
    override async open(resource: string, opts: FileOpenOptions) { return super.open(await this.check(resource), opts); }
    override async readFile(resource: string) { return super.readFile(await this.check(resource)); }
    override async writeFile(resource: string, content: Uint8Array, opts: FileWriteOptions) { return super.writeFile(await this.check(resource), content, opts); }
    override async delete(resource: string, opts: FileDeleteOptions) { return super.delete(await this.check(resource), opts); }
    override async mkdir(resource: string) { return super.mkdir(await this.check(resource)); }
    override async readdir(resource: string) { return super.readdir(await this.check(resource)); }
    override async rename(source: string, target: string, opts: FileOverwriteOptions) {
        return super.rename(await this.check(source), await this.check(target), opts);
    }
    override async copy(source: string, target: string, opts: FileOverwriteOptions) {
        return super.copy(await this.check(source), await this.check(target), opts);
    }
    override async updateFile(resource: string, changes: TextDocumentContentChangeEvent[], opts: FileUpdateOptions) {
        return super.updateFile(await this.check(resource), changes, opts);
    }
    override async watch(watcherId: number, resource: string, opts: WatchOptions) { return super.watch(watcherId, await this.check(resource), opts); }
    override async readFileStream(resource: string, handle: number, opts: FileReadStreamOptions, token: CancellationToken) {
        return super.readFileStream(await this.check(resource), handle, opts, token);
    }
}
