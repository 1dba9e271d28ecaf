/** What the verifier reports: each problem with the file and the subject (a claim, a source, a company) it is in. */

/**
 * The kind of a problem, for a caller that acts on one kind: the options page offers to replace a pack whose
 * only problem is `already-installed`. Every problem of a claim pack has one; the seeds' have none.
 */
export type ProblemCode =
  | 'not-json'
  | 'not-a-pack'
  | 'unknown-version'
  | 'over-limit'
  | 'bad-pack-id'
  | 'bad-pack-info'
  | 'already-installed'
  | 'built-in-company'
  | 'company-conflict'
  | 'verification';

export interface VerifyProblem {
  file: string;
  /** The claim (or source, or company) the problem is in, when there is one. */
  subject?: string;
  /** The statement of the claim the problem is in, when it has one. */
  statement?: string;
  message: string;
  quote?: string;
  closest?: string;
  code?: ProblemCode;
}

/** One problem: where it is, the claim's statement when it concerns a claim, the quote and the closest passage. */
export function formatProblem(p: VerifyProblem): string {
  const lines = [`${p.file}${p.subject ? `: ${p.subject}` : ''}: ${p.message}`];
  if (p.statement !== undefined) lines.push(`  statement: "${p.statement}"`);
  if (p.quote !== undefined) lines.push(`  quote:   "${p.quote}"`);
  if (p.closest !== undefined) lines.push(`  closest passage in the source: "${p.closest}"`);
  return lines.join('\n');
}

/** Every problem under one heading (the build's: claims verification failed; the pack builder's: refused). */
export function formatProblems(problems: readonly VerifyProblem[], heading = 'Claims verification failed'): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `${heading} (${count}):\n${problems.map(formatProblem).join('\n')}`;
}

export type Fail = (message: string, quote?: string, closest?: string) => void;

/** Records problems about one subject (a claim, a source) of one file. */
export function reporter(
  problems: VerifyProblem[],
  file: string,
  subject: string,
  extra: Pick<VerifyProblem, 'statement' | 'code'> = {},
): Fail {
  return (message, quote, closest) =>
    problems.push({
      file,
      subject,
      ...extra,
      message,
      ...(quote !== undefined && { quote }),
      ...(closest !== undefined && { closest }),
    });
}
