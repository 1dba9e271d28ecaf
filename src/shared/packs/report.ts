/** A refused pack's problems as text, for the pack builder's output (the options page lists them one by one). */
import { formatProblems, type VerifyProblem } from '../verify/problems.ts';

export function formatPackProblems(problems: readonly VerifyProblem[]): string {
  return formatProblems(problems, 'Claim pack refused');
}
