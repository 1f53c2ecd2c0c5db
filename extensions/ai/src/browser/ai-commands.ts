import { matchProCommand } from '@matchpro/core/lib/browser/matchpro-command-category';

export namespace AiCommands {
    export const OPEN_SETTINGS = matchProCommand('matchpro.ai.settings', 'matchpro/ai/command/settings', 'AI Providers Settings');
    export const ADD_KEY = matchProCommand('matchpro.ai.addKey', 'matchpro/ai/command/addKey', 'Add AI Provider Key');
    export const TEST = matchProCommand('matchpro.ai.test', 'matchpro/ai/command/test', 'Test AI Provider');
    export const REMOVE_KEY = matchProCommand('matchpro.ai.removeKey', 'matchpro/ai/command/removeKey', 'Remove AI Provider Key');
}
