/** The built-in reports' full texts, by file name, as the build verified them (scripts/claims/vitePlugin.ts). */
import texts from 'virtual:claimlight/source-texts';

export const BUILT_IN_TEXTS = texts as Readonly<Record<string, string>>;
