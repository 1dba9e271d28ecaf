/** A refused pack's problems as text: for the pack builder's output and the options page's message. */
import type { VerifyProblem } from '../verify/problems.ts';

/** One problem: where it is, the claim's statement when it concerns a claim, the quote and the closest passage. */
export function formatPackProblem(p: VerifyProblem): string {
  const lines = [`${p.file}${p.subject ? `: ${p.subject}` : ''}: ${p.message}`];
  if (p.statement !== undefined) lines.push(`  statement: "${p.statement}"`);
  if (p.quote !== undefined) lines.push(`  quote:     "${p.quote}"`);
  if (p.closest !== undefined) lines.push(`  closest passage in the source: "${p.closest}"`);
  return lines.join('\n');
}

export function formatPackProblems(problems: readonly VerifyProblem[]): string {
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  return `Claim pack refused (${count}):\n${problems.map(formatPackProblem).join('\n')}`;
}
