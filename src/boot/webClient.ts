import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** Where Vite writes the web client (packages/web): two levels up from src/boot/ and from dist/boot/ alike. */
export const webClientDir = path.resolve(import.meta.dirname, '../../packages/web/dist');

/** The server's own paths: never the app's page, so an unknown one stays a problem+json 404. */
const serverPaths = /^\/(api|socket\.io|docs|metrics|\.well-known)(\/|$)/;

/**
 * The app's pages load only their own scripts and styles (Vite emits no inline ones), talk only to
 * this origin (REST and its WebSocket), and show images from here or made in the page. The API's
 * `default-src 'none'` stays on everything else.
 */
export const webClientCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self' ws: wss:",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Vite's content-hashed output: a new build gets new names, so a cached copy never goes stale. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** `reply.sendFile` from the web client's build (and its compressed copies); a warning when there is none (then `/` stays a 404). */
export async function registerWebClient(http: FastifyInstance): Promise<void> {
  if (!fs.existsSync(path.join(webClientDir, 'index.html')))
    http.log.warn({ root: webClientDir }, 'the web client is not built (npm run build; npm start builds it): / answers 404 until it is');
  // preCompressed: the build's .br and .gz copies go to browsers that accept them (Vary: Accept-Encoding).
  await http.register(fastifyStatic, { root: webClientDir, serve: false, index: false, dotfiles: 'deny', preCompressed: true });
}

/** The file of the build a GET asks for: itself if it has an extension (and exists), else index.html (the app's routes). */
function fileFor(pathname: string): string | undefined {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname).replace(/^\/+/, '');
  } catch {
    return undefined;
  }
  const isFile = /\.[^/]*$/.test(relative);
  const name = isFile ? relative : 'index.html';
  const full = path.resolve(webClientDir, name);
  if (!full.startsWith(webClientDir + path.sep) || name.includes('\0')) return undefined;
  return fs.statSync(full, { throwIfNoEntry: false })?.isFile() ? name : undefined;
}

/**
 * The web client at `/`, for what no route answers (the not-found handler calls this): its build's
 * files, and index.html for every other path, the app's own routes (a reload on /chat/:id). Returns
 * false for everything else (not a GET, the server's own paths, no such file), which stays a 404.
 */
export function serveWebClient(req: FastifyRequest, reply: FastifyReply): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = req.url.split('?')[0]!;
  if (serverPaths.test(pathname)) return false;
  const file = fileFor(pathname);
  if (!file) return false;
  reply.status(200);
  reply.header('content-security-policy', webClientCsp);
  reply.header('cache-control', file.startsWith('assets/') ? IMMUTABLE : 'no-cache');
  void reply.sendFile(file, { cacheControl: false });
  return true;
}
