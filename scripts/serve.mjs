#!/usr/bin/env node
// A tiny static file server for the built app, with no dependencies.
//
//   node scripts/serve.mjs DIR [--port N] [--strict-port] [--mount /sub/path/]...
//
// Binds to 127.0.0.1 only. Serves DIR at / and, with --mount, also under each given
// sub-path (to prove the build works from one). A busy port moves on to the next
// free one unless --strict-port is given. Text (HTML, scripts, CSS, SVG, JSON) goes out gzipped
// to clients that accept it, as any production web server sends it: the first screen's budget
// (scripts/check-budget.mjs) and the Lighthouse benchmark count compressed bytes.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const HOST = '127.0.0.1';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.sh': 'text/plain; charset=utf-8',
};

function usage(message) {
  if (message) console.error(`serve: ${message}`);
  console.error(
    'usage: node scripts/serve.mjs DIR [--port N] [--strict-port] [--mount /sub/path/]',
  );
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { dir: undefined, port: 4173, strictPort: false, mounts: ['/'] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      opts.port = Number(argv[++i]);
      if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) usage('bad --port');
    } else if (arg === '--strict-port') {
      opts.strictPort = true;
    } else if (arg === '--mount') {
      const mount = argv[++i] ?? '';
      if (!mount.startsWith('/')) usage('--mount takes an absolute path such as /sub/dir/');
      opts.mounts.push(mount.endsWith('/') ? mount : `${mount}/`);
    } else if (arg === '-h' || arg === '--help') {
      usage();
    } else if (arg.startsWith('-') || opts.dir !== undefined) {
      usage(`unexpected argument ${arg}`);
    } else {
      opts.dir = arg;
    }
  }
  if (opts.dir === undefined) usage('missing DIR');
  // Longest mount first, so /sub/dir/x is not looked up as /sub/dir/x under /.
  opts.mounts.sort((a, b) => b.length - a.length);
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const root = resolve(opts.dir);
if (!isFile(join(root, 'index.html'))) {
  console.error(`serve: ${join(root, 'index.html')} not found; build first (npm run build).`);
  process.exit(1);
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The file under root that a URL path names, or null when it is outside or absent. */
function lookup(pathname) {
  const mount = opts.mounts.find((m) => pathname.startsWith(m));
  if (!mount) return null;
  let rel;
  try {
    rel = decodeURIComponent(pathname.slice(mount.length));
  } catch {
    return null;
  }
  if (rel.includes('\0') || rel.includes('\\')) return null;
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  const file = resolve(root, rel);
  if (file !== root && !file.startsWith(root + sep)) return null;
  return isFile(file) ? file : null;
}

/** Types worth compressing: text, and SVG and JSON (binary formats are compressed already). */
const COMPRESSIBLE = /^(?:text\/|image\/svg\+xml|application\/(?:json|manifest\+json))/;

/** Gzipped files, by path, while their size and mtime stay the same. */
const gzipped = new Map();
function gzipOf(file, stat) {
  const hit = gzipped.get(file);
  if (hit && hit.size === stat.size && hit.mtimeMs === stat.mtimeMs) return hit.body;
  const body = gzipSync(readFileSync(file));
  gzipped.set(file, { size: stat.size, mtimeMs: stat.mtimeMs, body });
  return body;
}

/** Whether an Accept-Encoding header accepts gzip (and does not refuse it with q=0). */
function acceptsGzip(header) {
  return String(header ?? '')
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().toLowerCase().split(';');
      if (coding !== 'gzip' && coding !== '*') return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return !q || Number(q.slice(2)) > 0;
    });
}

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(text);
}

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
  }
  // /sub/dir -> /sub/dir/, so the page's relative URLs resolve under it.
  const bare = opts.mounts.find((m) => m !== '/' && url.pathname === m.slice(0, -1));
  if (bare) return send(res, 301, '', { Location: bare + url.search });

  const file = lookup(url.pathname);
  if (!file) return send(res, 404, 'not found\n');
  const name = file
    .slice(root.length + 1)
    .split(sep)
    .join('/');
  const immutable = name.startsWith('assets/') && /-[\w-]{8,}\.\w+$/.test(name);
  const type = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const stat = statSync(file);
  const compressible = COMPRESSIBLE.test(type);
  const body =
    compressible && acceptsGzip(req.headers['accept-encoding']) ? gzipOf(file, stat) : null;
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': body ? body.length : stat.size,
    ...(body ? { 'Content-Encoding': 'gzip' } : {}),
    ...(compressible ? { Vary: 'Accept-Encoding' } : {}),
    // Hashed build assets never change; everything else (index.html, sw.js) is revalidated.
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  if (req.method === 'HEAD') return res.end();
  if (body) return res.end(body);
  createReadStream(file).pipe(res);
});

let port = opts.port;
const lastPort = opts.strictPort || port === 0 ? port : port + 20;
server.on('error', (err) => {
  if (err.code === 'EADDRINUSE' && port < lastPort) {
    port += 1;
    server.listen(port, HOST);
    return;
  }
  console.error(`serve: cannot listen on ${HOST}:${port}: ${err.message}`);
  process.exit(1);
});
server.on('listening', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  console.log(`net-triage is running at http://${HOST}:${actual}/`);
  for (const mount of opts.mounts) {
    if (mount !== '/') console.log(`  and at http://${HOST}:${actual}${mount}`);
  }
  console.log('Press Ctrl+C to stop.');
});
server.listen(port, HOST);

for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => server.close(() => process.exit(0)));
