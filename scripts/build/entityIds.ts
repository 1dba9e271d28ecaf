/**
 * The `EntityId` type, generated from the company ids in seeds/companies.json,
 * so that the compiler knows the ids the data defines. The build rewrites the
 * file when the data changes (scripts/claims/vitePlugin.ts); `npm run companies`
 * does it alone; tests/unit/companies.test.ts fails while it is out of date.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const ENTITY_ID_FILE = 'src/shared/entityId.generated.ts';

export function entityIdSource(ids: readonly string[]): string {
  const union = ids.length ? ids.map((id) => `'${id}'`).join(' | ') : 'never';
  return [
    '/** Generated from seeds/companies.json by scripts/build/entityIds.ts (`npm run companies`): do not edit. */',
    `export type EntityId = ${union};`,
    '',
  ].join('\n');
}

export function companyIds(companiesJson: string): string[] {
  const data = JSON.parse(companiesJson) as { companies?: { id?: unknown }[] };
  return (data.companies ?? []).flatMap((c) => (typeof c.id === 'string' ? [c.id] : []));
}

/** Rewrites the generated file when it differs from the data; true when it did. */
export async function writeEntityIds(root: string): Promise<boolean> {
  const source = entityIdSource(companyIds(await readFile(join(root, 'seeds/companies.json'), 'utf8')));
  const file = join(root, ENTITY_ID_FILE);
  const current = await readFile(file, 'utf8').catch(() => '');
  if (current === source) return false;
  await writeFile(file, source);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const changed = await writeEntityIds(join(import.meta.dirname, '../..'));
  console.log(changed ? `${ENTITY_ID_FILE} rewritten from seeds/companies.json` : `${ENTITY_ID_FILE} is up to date`);
}
