/** `npm run bench` options (see run.ts). */

/** `--against` with no commit: the build of three weeks ago. */
export const DEFAULT_AGAINST = '6de9aac';
export const DEFAULT_RUNS = 5;
export const DEFAULT_SOAK_MINUTES = 5;

export interface BenchArgs {
  runs: number;
  /** `--only <regex>`: only the pages whose name matches. */
  only: string | undefined;
  /** `--soak [minutes]`: the soak test instead of the page benchmark. */
  soakMinutes: number | null;
  /** `--against [commit]`: an earlier commit's build, measured side by side. */
  against: string | null;
  /**
   * `--pack [file]`: this build with a claim pack imported, side by side with this build without one; no file:
   * a generated pack of five companies and 500 claims (see syntheticPack.ts).
   */
  pack: string | true | null;
}

/**
 * Reads `--name value` and `--name=value`; an option followed by another
 * option (or by nothing) has no value.
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const given = new Map<string, string | undefined>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) {
      given.set(arg.slice(0, eq), arg.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    const value = next !== undefined && !next.startsWith('--') ? next : undefined;
    given.set(arg, value);
    if (value !== undefined) i++;
  }
  const positive = (value: string | undefined, fallback: number) => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    runs: Math.round(positive(given.get('--runs'), DEFAULT_RUNS)),
    only: given.get('--only'),
    soakMinutes: given.has('--soak') ? positive(given.get('--soak'), DEFAULT_SOAK_MINUTES) : null,
    against: given.has('--against') ? (given.get('--against') ?? DEFAULT_AGAINST) : null,
    pack: given.has('--pack') ? (given.get('--pack') ?? true) : null,
  };
}
