/**
 * Measures claim matching on a labelled set: precision (a match really repeats
 * that claim) and recall (labelled claims found), overall, per claim kind and
 * per class of sentence (the kind of wording it tests), plus false positives on
 * negatives. Usage:
 *   npm run eval:claims [-- path/to/set.json] [--errors]
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Claim } from '../../src/shared/claims.ts';
import { buildSignatures } from '../../src/shared/claimMatch/signatures.ts';
import { matchSentence, prepareMatcher } from '../../src/shared/claimMatch/match.ts';

/** The kinds of wording the set tests, in the order they are reported. */
const CLASSES = [
  'quoted-audio',
  'about-reporting',
  'paraphrase-actor',
  'paraphrase-act',
  'negated',
  'denial',
  'attribution-shift',
  'numbers-dates',
  'headline',
  'off-topic',
  'near-miss',
] as const;
type SentenceClass = (typeof CLASSES)[number];
const isClass = (value: unknown): value is SentenceClass => CLASSES.some((c) => c === value);

interface Labelled {
  text: string;
  claims: string[];
  class: SentenceClass;
}

const args = process.argv.slice(2);
const setPath = args.find((a) => !a.startsWith('--')) ?? 'tests/eval/claim-sentences.json';
const showErrors = args.includes('--errors');
const thresholdArg = args.find((a) => a.startsWith('--threshold='));
const threshold = thresholdArg ? Number(thresholdArg.split('=')[1]) : undefined;

const claims = (JSON.parse(readFileSync('seeds/claims.json', 'utf8')) as { claims: Claim[] }).claims;
const kindOf = new Map(claims.map((c) => [c.id, c.kind]));
const set = (JSON.parse(readFileSync(setPath, 'utf8')) as { sentences: Labelled[] }).sentences;
for (const s of set) {
  for (const id of s.claims) if (!kindOf.has(id)) throw new Error(`unknown claim id ${id} in ${setPath}`);
  if (!isClass(s.class)) throw new Error(`unknown class ${String(s.class)} in ${setPath} for "${s.text}"`);
}

const { sources } = JSON.parse(readFileSync('seeds/sources.json', 'utf8')) as {
  sources: { publisher?: { value: string } }[];
};
const model = buildSignatures(
  claims,
  sources.flatMap((source) => (source.publisher ? [source.publisher.value] : [])),
);
const matcher = prepareMatcher(model);

interface Tally {
  tp: number;
  fp: number;
  labels: number;
  found: number;
}
const tally = (): Tally => ({ tp: 0, fp: 0, labels: 0, found: 0 });
const overall = tally();
const byKind = new Map<string, Tally>();
const kindTally = (id: string) => {
  const kind = kindOf.get(id) ?? '?';
  if (!byKind.has(kind)) byKind.set(kind, tally());
  return byKind.get(kind) ?? tally();
};
interface Sentences {
  positives: number;
  found: number;
  negatives: number;
  negativesMatched: number;
  /** Sentences marked at all, and those whose first claim (the one its card leads with) is one of its labels. */
  marked: number;
  ledRight: number;
}
const sentenceTally = (): Sentences => ({
  positives: 0,
  found: 0,
  negatives: 0,
  negativesMatched: 0,
  marked: 0,
  ledRight: 0,
});
const sentences = sentenceTally();
const byClass = new Map(CLASSES.map((c) => [c, { claims: tally(), sentences: sentenceTally() }]));

for (const { text, claims: labels, class: cls } of set) {
  const got = matchSentence(text, matcher, threshold).map((m) => m.claimId);
  const wrong = got.filter((id) => !labels.includes(id));
  const missed = labels.filter((id) => !got.includes(id));
  const classTally = byClass.get(cls) ?? { claims: tally(), sentences: sentenceTally() };
  for (const id of got) {
    const hit = labels.includes(id);
    for (const t of [overall, kindTally(id), classTally.claims]) t[hit ? 'tp' : 'fp']++;
  }
  for (const id of labels) {
    for (const t of [overall, kindTally(id), classTally.claims]) {
      t.labels++;
      if (got.includes(id)) t.found++;
    }
  }
  for (const t of [sentences, classTally.sentences]) {
    if (got.length > 0) t.marked++;
    if (got[0] !== undefined && labels.includes(got[0])) t.ledRight++;
    if (labels.length > 0) {
      t.positives++;
      if (got.some((id) => labels.includes(id))) t.found++;
    } else {
      t.negatives++;
      if (got.length > 0) t.negativesMatched++;
    }
  }
  if (showErrors && (wrong.length > 0 || missed.length > 0)) {
    console.log(`- [${cls}] ${text}\n    wrong: ${wrong.join(', ') || '-'}\n    missed: ${missed.join(', ') || '-'}`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? '  -  ' : (a / b).toFixed(3));
const line = (name: string, t: Tally) =>
  `${name.padEnd(20)} precision ${ratio(t.tp, t.tp + t.fp)} (${t.tp}/${t.tp + t.fp})   recall ${ratio(t.found, t.labels)} (${t.found}/${t.labels})`;

console.log(
  `Claim matching on ${setPath}: ${sentences.positives} labelled sentences, ${sentences.negatives} negatives\n`,
);
console.log(line('overall', overall));
console.log(
  `${''.padEnd(20)} sentences matched to one of their claims: ${ratio(sentences.found, sentences.positives)} (${sentences.found}/${sentences.positives})`,
);
console.log(
  `${''.padEnd(20)} negatives with a match (false positives): ${sentences.negativesMatched}/${sentences.negatives}`,
);
// What a reader sees: a marked sentence, whose card leads with its first claim.
console.log(
  `${'marked sentences'.padEnd(20)} precision ${ratio(sentences.ledRight, sentences.marked)} (${sentences.ledRight}/${sentences.marked} lead with a right claim)   recall ${ratio(sentences.ledRight, sentences.positives)} (${sentences.ledRight}/${sentences.positives})\n`,
);
for (const [kind, t] of [...byKind].sort()) console.log(line(kind, t));

// Per class of sentence: the same figures over that class's sentences, and how many of its negatives got a
// (false) match; a class of negatives only has no recall, and every match in it is a false one.
console.log('\nBy class of sentence (labelled/negatives):\n');
for (const [cls, { claims: t, sentences: s }] of byClass) {
  if (s.positives + s.negatives === 0) continue;
  const negativesMatched = s.negatives > 0 ? `   negatives with a match ${s.negativesMatched}/${s.negatives}` : '';
  console.log(`${line(`${cls} (${s.positives}/${s.negatives})`.padEnd(28), t)}${negativesMatched}`);
}

// What the lazily loaded chunk would weigh: the matcher bundled with its data, as the build serves it.
const chunk = await build({
  stdin: {
    contents: `export * from './src/shared/claimMatch/match.ts'; export default JSON.parse(${JSON.stringify(JSON.stringify(model))});`,
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  minify: true,
  format: 'esm',
  write: false,
});
const bytes = chunk.outputFiles[0]?.contents ?? new Uint8Array();
console.log(
  `\nMatcher + signatures: ${bytes.length} bytes minified, ${gzipSync(bytes).length} gzipped (${model.vocab.length} features)`,
);
