/**
 * The store description names the companies Claimlight knows, as seeds/companies.json lists them: the
 * manifest's `__MSG_extensionDescription__` cannot take a substitution at run time, so the build writes the
 * names into each copied locale's `{companies}`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const COMPANIES_TOKEN = '{companies}';

/** `messages` (a messages.json text) with `{companies}` in every message replaced by the names listed. */
export function withCompanies(messages: string, names: readonly string[], locale: string): string {
  const data = JSON.parse(messages) as Record<string, { message: string }>;
  const list = new Intl.ListFormat(locale.replace('_', '-'), { type: 'conjunction' }).format(names);
  for (const entry of Object.values(data)) entry.message = entry.message.replaceAll(COMPANIES_TOKEN, list);
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function localeCompanies(names: readonly string[]): Plugin {
  let outDir = '';
  return {
    name: 'claimlight:locale-companies',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    // The public folder (with _locales) is copied before the bundle is written.
    async writeBundle() {
      const root = join(outDir, '_locales');
      for (const locale of await readdir(root)) {
        const file = join(root, locale, 'messages.json');
        await writeFile(file, withCompanies(await readFile(file, 'utf8'), names, locale));
      }
    },
  };
}
