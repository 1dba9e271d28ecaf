/**
 * `npm run bench -- --against <commit>`: that commit's extension, built in a
 * temporary worktree of this repository (its own lockfile, its own build
 * command) and cached under dist/bench-against-<commit>/ for the next run:
 *
 *   chrome/, firefox/   the benchmark build (CLAIMLIGHT_BENCH=1) when the commit has one, else the plain build
 *   shipped-chrome/     the plain Chrome build, for the sizes of what it injects
 *   build.json          the full commit and how it was built; a cache whose commit differs is rebuilt
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../harness/server.ts';

export interface AgainstBuild {
  /** The full commit id. */
  commit: string;
  /** The short id the tables show. */
  label: string;
  chrome: string;
  firefox: string;
  shippedChrome: string;
  /** Whether the build emits the benchmark's performance marks (claimlight:start, claimlight:initial-pass). */
  marks: boolean;
}

interface Stamp {
  commit: string;
  marks: boolean;
  buildCommand: string;
}

function git(args: string[]): string {
  return execFileSync('git', ['-C', REPO_ROOT, ...args], { encoding: 'utf8' }).trim();
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit' });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${String(result.status)})`);
}

/** Whether a commit's Vite config knows CLAIMLIGHT_BENCH (its benchmark build with performance marks). */
function supportsBenchBuild(dir: string): boolean {
  return readdirSync(dir)
    .filter((name) => /^vite\.config\.[cm]?[jt]s$/.test(name))
    .some((name) => readFileSync(join(dir, name), 'utf8').includes('CLAIMLIGHT_BENCH'));
}

export function againstDir(label: string): string {
  return join(REPO_ROOT, `dist/bench-against-${label}`);
}

/** The earlier build, from the cache when it holds this commit, else built now. */
export function prepareAgainst(ref: string): AgainstBuild {
  const commit = git(['rev-parse', '--verify', `${ref}^{commit}`]);
  const label = git(['rev-parse', '--short=7', commit]);
  const dir = againstDir(label);
  const build = (stamp: Stamp): AgainstBuild => ({
    commit,
    label,
    chrome: join(dir, 'chrome'),
    firefox: join(dir, 'firefox'),
    shippedChrome: join(dir, 'shipped-chrome'),
    marks: stamp.marks,
  });
  const stampFile = join(dir, 'build.json');
  if (existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as Stamp;
    const cached = build(stamp);
    if (
      stamp.commit === commit &&
      [cached.chrome, cached.firefox, cached.shippedChrome].every((d) => existsSync(join(d, 'manifest.json')))
    ) {
      console.log(`Earlier build ${label}: cached in ${dir}`);
      return cached;
    }
  }

  console.log(`Building ${label} in a temporary worktree (npm ci, then its own build) ...`);
  const tree = mkdtempSync(join(tmpdir(), `claimlight-against-${label}-`));
  try {
    git(['worktree', 'add', '--detach', tree, commit]);
    const pkg = JSON.parse(readFileSync(join(tree, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    const buildCommand = pkg.scripts?.['build'];
    if (!buildCommand) throw new Error(`${label} has no build script in its package.json`);
    const env = { ...process.env };
    delete env['CLAIMLIGHT_BENCH'];
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], tree, env);
    // The shipped build first (its sizes), then the benchmark build when the commit has one.
    run('npm', ['run', 'build'], tree, env);
    rmSync(dir, { recursive: true, force: true });
    cpSync(join(tree, 'dist/chrome'), join(dir, 'shipped-chrome'), { recursive: true });
    const marks = supportsBenchBuild(tree);
    if (marks) {
      run('npm', ['run', 'build'], tree, { ...env, CLAIMLIGHT_BENCH: '1' });
      cpSync(join(tree, 'dist/bench-chrome'), join(dir, 'chrome'), { recursive: true });
      cpSync(join(tree, 'dist/bench-firefox'), join(dir, 'firefox'), { recursive: true });
    } else {
      cpSync(join(tree, 'dist/chrome'), join(dir, 'chrome'), { recursive: true });
      cpSync(join(tree, 'dist/firefox'), join(dir, 'firefox'), { recursive: true });
    }
    const stamp: Stamp = { commit, marks, buildCommand: `${marks ? 'CLAIMLIGHT_BENCH=1 ' : ''}${buildCommand}` };
    writeFileSync(stampFile, `${JSON.stringify(stamp, null, 2)}\n`);
    console.log(`Earlier build ${label}: built into ${dir}${marks ? '' : ' (no benchmark marks at that commit)'}`);
    return build(stamp);
  } finally {
    try {
      git(['worktree', 'remove', '--force', tree]);
    } catch {
      // Not registered (the add failed): the directory alone goes.
    }
    rmSync(tree, { recursive: true, force: true });
  }
}
