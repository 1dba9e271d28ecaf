/**
 * The documentation names only what exists. Every repository path written in backticks or linked from README.md
 * and docs/*.md exists; the README stays a front door (at most README_MAX_LINES lines); and the README's project
 * layout lists every folder of src/ and src/content/, and nothing that is not there. Reads Markdown and the
 * file tree only, so it passes on a fresh clone without a build.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const README = 'README.md';
const README_MAX_LINES = 350;
const LAYOUT_HEADING = '## Project layout';
/** The folders whose every subfolder the layout must list. */
const LAYOUT_MUST_LIST = ['src', 'src/content'];

/** The Markdown files checked: the README and every page in docs/. */
const FILES = [
  README,
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

/** A word in backticks that names a repository path: under one of these folders, or one of these root files. */
const REPO_PATH =
  /^(?:(?:src|scripts|tests|docs|seeds|public|\.ci)\/\S*|manifest\.json|package\.json|vite\.config\.ts|vitest\.config\.ts|playwright\.config\.ts|eslint\.config\.js|tsconfig\.json|README\.md)$/;
const FENCE = /^```[^\n]*\n[\s\S]*?^```[ \t]*$/gm;
const CODE_SPAN = /`([^`\n]+)`/g;
/** A Markdown link or image target, with an optional title. */
const LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

function read(file: string): string {
  return readFileSync(join(ROOT, file), 'utf8');
}

/** The path without a query or a fragment (`src/popup/index.html?tab=<tabId>` names src/popup/index.html). */
function withoutQuery(path: string): string {
  return path.replace(/[?#].*$/, '');
}

interface Named {
  /** The Markdown file that names the path. */
  file: string;
  /** The path from the repository root. */
  path: string;
}

/** Repository paths a Markdown file names: in backticks (from the root) and as relative links (from the file). */
function namedPaths(file: string): Named[] {
  const prose = read(file).replace(FENCE, '');
  const named: Named[] = [];
  for (const [, span = ''] of prose.matchAll(CODE_SPAN)) {
    for (const word of span.split(/\s+/)) {
      const path = withoutQuery(word);
      // Placeholders and patterns name no one file.
      if (REPO_PATH.test(path) && !/[<>*{}…]/.test(path)) named.push({ file, path });
    }
  }
  for (const [, target = ''] of prose.matchAll(LINK)) {
    if (/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(target)) continue;
    const path = relative(ROOT, normalize(join(ROOT, dirname(file), withoutQuery(target))));
    named.push({ file, path: path.split(sep).join('/') + (target.endsWith('/') ? '/' : '') });
  }
  return named;
}

/** The README's layout: the paths its tree names, each line `name  description`, two spaces per level. */
function layoutPaths(): string[] {
  const readme = read(README);
  const start = readme.indexOf(`${LAYOUT_HEADING}\n`);
  expect(start, `README has a "${LAYOUT_HEADING}" section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + LAYOUT_HEADING.length);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const tree = /^```[^\n]*\n([\s\S]*?)^```/m.exec(section)?.[1] ?? '';
  expect(tree, 'the layout section holds the tree in a code block').not.toBe('');
  const folders: string[] = [];
  const paths: string[] = [];
  for (const line of tree.split('\n')) {
    if (line.trim() === '') continue;
    const [, indent = '', name = ''] = /^( *)(\S+)/.exec(line) ?? [];
    expect(indent.length % 2, `two spaces per level: "${line}"`).toBe(0);
    const depth = indent.length / 2;
    expect(depth <= folders.length, `a parent folder above "${line}"`).toBe(true);
    folders.length = depth;
    const path = `${folders.join('')}${name}`;
    paths.push(path);
    if (name.endsWith('/')) folders.push(name);
  }
  return paths;
}

describe('the documentation', () => {
  it(`keeps the README to at most ${README_MAX_LINES} lines`, () => {
    const text = read(README);
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    expect(lines).toBeLessThanOrEqual(README_MAX_LINES);
  });

  it('names only repository paths that exist', () => {
    const named = FILES.flatMap(namedPaths);
    expect(named.length).toBeGreaterThan(0);
    const missing = named.filter(({ path }) => !existsSync(join(ROOT, path))).map((n) => `${n.file}: ${n.path}`);
    expect([...new Set(missing)]).toEqual([]);
  });

  it("lays out only what exists, and every folder of src/ and src/content/, in the README's layout", () => {
    const listed = layoutPaths();
    const missing = listed.filter((path) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
    const unlisted = LAYOUT_MUST_LIST.flatMap((folder) =>
      readdirSync(join(ROOT, folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `${folder}/${entry.name}/`),
    ).filter((path) => !listed.includes(path));
    expect(unlisted).toEqual([]);
  });
});
