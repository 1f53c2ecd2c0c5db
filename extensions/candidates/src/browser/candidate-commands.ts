import { matchProCommand } from '@matchpro/core/lib/browser/matchpro-command-category';

export namespace CandidateCommands {
    export const NEW = matchProCommand('matchpro.candidate.new', 'matchpro/candidates/new', 'New Candidate');
    export const OPEN = matchProCommand('matchpro.candidate.open', 'matchpro/candidates/open', 'Open Candidate');
    export const IMPORT_FILES = matchProCommand('matchpro.candidate.importFiles', 'matchpro/candidates/importFiles', 'Import CV Files…');
    export const IMPORT_FOLDER = matchProCommand('matchpro.candidate.importFolder', 'matchpro/candidates/importFolder', 'Import a CV Folder…');
    export const REPARSE = matchProCommand('matchpro.candidate.reparse', 'matchpro/candidates/reparse', 'Re-parse the Candidate’s CV');
    export const MERGE = matchProCommand('matchpro.candidate.merge', 'matchpro/candidates/merge', 'Merge Duplicate Candidates…');
    export const DELETE = matchProCommand('matchpro.candidate.delete', 'matchpro/candidates/delete', 'Delete Candidate (RGPD erasure)');
}
