// A static file server for Harbour's build, as a static host would serve it: files as they
// are, and 200 + index.html for any other path (the single-page fallback), on 127.0.0.1.
// Usage: node scripts/static-server.mjs <dir> <port> [--log <file>]   (compresses, as hosts do)
// Also importable: startServer(dir, port, options) resolves to { url, close, requests, overrides }.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { appendFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.webmanifest', '.svg', '.txt']);

export function startServer(dir, port = 0, { log, overrides = new Map(), compress = false } = {}) {
  const root = resolve(dir);
  const requests = [];
  const packed = new Map();
  // Static hosts compress text files; with `compress` on, so does this server.
  const send = (req, res, path, body, headers) => {
    const accept = String(req.headers['accept-encoding'] || '');
    const encoding = compress && COMPRESSIBLE.has(extname(path)) ? (accept.includes('br') ? 'br' : accept.includes('gzip') ? 'gzip' : null) : null;
    if (encoding) {
      const key = `${encoding}:${path}:${body.length}`;
      if (!packed.has(key)) packed.set(key, encoding === 'br' ? brotliCompressSync(body) : gzipSync(body, { level: 9 }));
      body = packed.get(key);
      headers['content-encoding'] = encoding;
      headers.vary = 'accept-encoding';
    }
    res.writeHead(200, headers);
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push(req.url);
    if (log) appendFileSync(log, `${req.method} ${req.url}\n`);
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (!path.startsWith(root)) {
      res.writeHead(400).end();
      return;
    }
    // Tests can replace a file's bytes (for example to publish a "new version").
    const override = overrides.get(url.pathname);
    if (override !== undefined) {
      res.writeHead(200, { 'content-type': TYPES[extname(url.pathname)] || 'application/octet-stream', 'cache-control': 'no-cache' });
      res.end(override);
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, 'index.html');
      const body = await readFile(path);
      send(req, res, path, body, { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'no-cache' });
    } catch {
      const index = join(root, 'index.html');
      send(req, res, index, await readFile(index), { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
    }
  });
  return new Promise((ok) =>
    server.listen(port, '127.0.0.1', () => {
      const url = `http://127.0.0.1:${server.address().port}/`;
      ok({ url, requests, overrides, close: () => new Promise((done) => server.close(done)) });
    })
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [dir = 'dist', port = '8080'] = process.argv.slice(2);
  const logAt = process.argv.indexOf('--log');
  const { url } = await startServer(dir, Number(port), { compress: true, log: logAt > 0 ? process.argv[logAt + 1] : undefined });
  console.log(`Harbour is being served at ${url} (Ctrl+C to stop)`);
}
