import { Command } from '@theia/core/lib/common/command';

/** Every MatchPro action shows in the command palette as "MatchPro: ...". */
export const MATCHPRO_CATEGORY = 'MatchPro';

/** A palette command under the MatchPro category, its label translated through `labelKey`. */
export function matchProCommand(id: string, labelKey: string, label: string, iconClass?: string): Command {
    return Command.toLocalizedCommand({ id, label, category: MATCHPRO_CATEGORY, iconClass }, labelKey);
}
