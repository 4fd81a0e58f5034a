import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { PATHS } from '../routes';

/** The dashboard's own scripts and styles (`src/public`, copied next to the compiled code by the build). */
export const PUBLIC_DIR = join(__dirname, '..', 'public');

/** Files of npm packages the pages load, served under `/assets/vendor/<their file name>`. */
const VENDOR: Record<string, string> = Object.fromEntries(
  [
    'htmx.org/dist/htmx.min.js',
    'htmx-ext-sse/dist/sse.min.js',
    'uplot/dist/uPlot.iife.min.js',
    'uplot/dist/uPlot.min.css',
  ].map((id) => [basename(id), require.resolve(id)]),
);

const versions = new Map<string, string>();

function fileOf(url: string): string {
  if (url.startsWith(PATHS.vendor)) {
    const file = VENDOR[url.slice(PATHS.vendor.length)];
    if (!file) throw new Error(`no vendor asset ${url}`);
    return file;
  }
  return join(PUBLIC_DIR, url.slice(PATHS.assets.length));
}

/**
 * The URL of an asset with a hash of its content in the query, so it can be cached for a year
 * (`immutable`) and still change with a new build. Hashed once per process.
 * @param url - `/assets/<file>` or `/assets/vendor/<file>`.
 */
export function assetUrl(url: string): string {
  let version = versions.get(url);
  if (version === undefined) {
    version = createHash('sha256')
      .update(readFileSync(fileOf(url)))
      .digest('hex')
      .slice(0, 12);
    versions.set(url, version);
  }
  return `${url}?v=${version}`;
}

/**
 * Serves `/assets/` from {@link PUBLIC_DIR} and `/assets/vendor/` from the listed npm files only,
 * with `Cache-Control: public, max-age=31536000, immutable`.
 */
export async function registerStaticAssets(fastify: FastifyInstance): Promise<void> {
  if (!existsSync(PUBLIC_DIR))
    throw new Error(`dashboard assets missing at ${PUBLIC_DIR}: run npm run build`);
  const cache = { maxAge: '365d', immutable: true, cacheControl: true, decorateReply: false };
  await fastify.register(fastifyStatic, {
    ...cache,
    root: PUBLIC_DIR,
    prefix: PATHS.assets,
    index: false,
    list: false,
    allowedPath: (path) => !path.startsWith('/vendor/'),
  });
  await fastify.register(fastifyStatic, {
    ...cache,
    root: [...new Set(Object.values(VENDOR).map((file) => dirname(file)))],
    prefix: PATHS.vendor,
    index: false,
    allowedPath: (path) => Object.prototype.hasOwnProperty.call(VENDOR, path.slice(1)),
  });
}
