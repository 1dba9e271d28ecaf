/**
 * A static file server on 127.0.0.1 for end-to-end tests, benchmarks and
 * `npm start`. It serves the test pages at / and, when ../shared/corpus is
 * beside the repository, the real saved pages at /corpus/.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const FIXTURE_DIR = join(REPO_ROOT, 'tests/fixtures/pages');
export const CORPUS_DIR = resolve(process.env['CLAIMLIGHT_CORPUS'] ?? join(REPO_ROOT, '../shared/corpus'));

export function corpusAvailable(): boolean {
  return existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Extra routes for pages a test builds on the fly: path -> HTML. */
export type DynamicPages = Map<string, string>;

export interface TestServer {
  origin: string;
  url(path: string): string;
  /** Serves `html` at `path` until the server closes. */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

function inside(root: string, relative: string): string | null {
  const full = normalize(join(root, relative));
  return full === root || full.startsWith(root + sep) ? full : null;
}

export async function startServer(port = 0): Promise<TestServer> {
  const dynamic: DynamicPages = new Map();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
      const body = dynamic.get(path);
      if (body !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(body);
        return;
      }
      const file = path.startsWith('/corpus/')
        ? inside(CORPUS_DIR, path.slice('/corpus/'.length))
        : inside(FIXTURE_DIR, path === '/' ? 'demo.html' : path.slice(1));
      try {
        if (!file) throw new Error('outside');
        const data = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(data);
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : `/${path}`),
    page(path, html) {
      dynamic.set(path, html);
      return origin + path;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
