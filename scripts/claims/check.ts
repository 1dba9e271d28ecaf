/**
 * `npm run claims`: verifies the claims against the seed documents and prints
 * how many claims each company and each source has.
 */
import { join } from 'node:path';
import { partialReportCount, reportCount } from '../../src/shared/claims.ts';
import { BUILT_IN_IDS } from '../../src/shared/lexicon.ts';
import { loadSeeds } from './load.ts';
import { formatProblems, verifySeeds } from '../../src/shared/verify/verify.ts';

const root = join(import.meta.dirname, '../..');
const result = verifySeeds(await loadSeeds(join(root, 'seeds'), root));
if (!result.ok) {
  console.error(formatProblems(result.problems));
  process.exit(1);
}
const { claims, sources, index } = result;
console.log(`${claims.length} claims verified, every quote found word for word in its source.`);
console.log('\nclaims per company:');
for (const id of BUILT_IN_IDS)
  console.log(`  ${id.padEnd(10)} ${claims.filter((c) => c.entities.includes(id)).length}`);
console.log('\nclaims per source:');
for (const s of sources) {
  console.log(`  ${s.file}  ${claims.filter((c) => c.evidence.some((e) => e.source === s.file)).length}`);
}
const bySupport = new Map<number, number>();
for (const c of index.claims) {
  const n = reportCount(c);
  bySupport.set(n, (bySupport.get(n) ?? 0) + 1);
}
console.log('\nclaims by number of reports carrying the whole statement:');
for (const [n, count] of [...bySupport].sort((a, b) => b[0] - a[0])) console.log(`  ${n} report(s): ${count}`);
const partial = index.claims.filter((c) => partialReportCount(c) > 0).length;
console.log(`\nclaims with a further report that carries only part of the statement (shown, not counted): ${partial}`);
