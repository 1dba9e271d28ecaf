/**
 * What a build injects into every page (the content_scripts js of its
 * manifest) and the engine module it loads on demand
 * (src/content/engine.js, when the build has one), in bytes and gzipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface FileSize {
  files: string[];
  bytes: number;
  gzipBytes: number;
}

export interface ScriptSizes {
  entry: FileSize;
  /** Null: no separate engine module, it is bundled in the entry. */
  engine: FileSize | null;
}

export const ENGINE_FILE = 'src/content/engine.js';

function sizeOf(dist: string, files: string[]): FileSize {
  const contents = files.map((f) => readFileSync(join(dist, f)));
  return {
    files,
    bytes: contents.reduce((n, c) => n + c.length, 0),
    gzipBytes: contents.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
  };
}

export function scriptSizes(dist: string): ScriptSizes {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
    content_scripts?: { js?: string[] }[];
  };
  const entry = [...new Set((manifest.content_scripts ?? []).flatMap((cs) => cs.js ?? []))];
  return {
    entry: sizeOf(dist, entry),
    engine: existsSync(join(dist, ENGINE_FILE)) ? sizeOf(dist, [ENGINE_FILE]) : null,
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export function describeSizes(sizes: ScriptSizes): string {
  const { entry, engine } = sizes;
  const entryText = `injected entry ${entry.files.join(', ')}: ${String(entry.bytes)} bytes (${kib(entry.bytes)}), ${String(entry.gzipBytes)} gzipped (${kib(entry.gzipBytes)})`;
  const engineText = engine
    ? `engine module ${ENGINE_FILE}: ${String(engine.bytes)} bytes (${kib(engine.bytes)}), ${String(engine.gzipBytes)} gzipped (${kib(engine.gzipBytes)})`
    : 'engine module: bundled in the entry';
  return `${entryText}; ${engineText}`;
}
