import { LocalizationContribution, LocalizationRegistry } from '@theia/core/lib/node/i18n/localization-contribution';

/**
 * Registers an extension's French strings (flat `matchpro/...` keys). Marked as a language pack so
 * the workbench stays in French instead of falling back to English for Theia's own strings.
 */
export function frenchLocalization(translations: Record<string, string>): LocalizationContribution {
    return {
        async registerLocalizations(registry: LocalizationRegistry): Promise<void> {
            registry.registerLocalizationFromRequire({
                languageId: 'fr', languageName: 'French', localizedLanguageName: 'Français', languagePack: true
            }, translations);
        }
    };
}
