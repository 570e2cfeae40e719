// The SDK's browser build (`npm run build -w @parley/client`, after tsc): one minified ESM file,
// dist/browser/parley-client.js, with tus-js-client left as a chunk that loads on the first upload.
// It fails when anything pulls in a Node-only module (the SDK promises a browser build without
// one), and it measures itself against socket.io-client, the one dependency it cannot shrink.
import { Buffer } from 'node:buffer';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const defaultEntry = path.join(packageDir, 'src/index.ts');
const defaultOutdir = path.join(packageDir, 'dist/browser');

const nodeOnly = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/**
 * Fails the build on a Node built-in (`node:fs`, `path`, …), naming who imports it. A package's
 * own `browser` field may map one away (`"fs": false`): that package's browser build does not need it.
 */
const noNodeOnlyModules = {
  name: 'no-node-only-modules',
  setup(b) {
    b.onResolve({ filter: /^[a-z_:/]+$/ }, async (args) => {
      if (!nodeOnly.has(args.path) || args.pluginData?.checked) return undefined;
      const resolved = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { checked: true },
      });
      // Resolved: a polyfill installed under that name, or mapped away by a `browser` field; esbuild carries on with it.
      if (resolved.errors.length === 0) return undefined;
      const from = path.relative(process.cwd(), args.importer) || args.importer;
      return { errors: [{ text: `Node-only module "${args.path}" imported by ${from}: the browser build must not need it` }] };
    });
  },
};

/** The options both builds share: the browser, ESM, every dependency bundled. */
const browserOptions = (minify) => ({
  bundle: true,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  minify,
  logLevel: 'silent',
  plugins: [noNodeOnlyModules],
});

/** Bytes raw (bundled, not minified), minified and minified + gzip (level 9). */
const sizes = (raw, minified) => ({
  raw: raw.byteLength,
  min: minified.byteLength,
  minGzip: gzipSync(minified, { level: 9 }).byteLength,
});

/** The files a page loads up front for the main entry: it and the chunks it imports statically (not the lazy ones). */
function upfront(metafile, entryOutput) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(entryOutput);
  return seen;
}

/** Builds `entry` code-split into memory; returns each output file's bytes by path (relative to cwd, as the metafile has them). */
async function splitBuild(entry, outdir, minify, sourcemap) {
  const result = await build({
    ...browserOptions(minify),
    entryPoints: { 'parley-client': entry },
    outdir,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap,
    metafile: true,
    write: false,
  });
  const outputs = new Map(result.outputFiles.map((f) => [path.relative(process.cwd(), f.path), Buffer.from(f.contents)]));
  const entryOutput = Object.keys(result.metafile.outputs).find((file) => result.metafile.outputs[file].entryPoint);
  const loaded = upfront(result.metafile, entryOutput);
  const lazy = [...outputs.keys()].filter((file) => file.endsWith('.js') && !loaded.has(file));
  return { result, outputs, lazy, main: Buffer.concat([...loaded].map((file) => outputs.get(file))) };
}

/** socket.io-client alone, bundled the same way: the floor under the SDK's size. */
async function socketIoFloor() {
  const once = async (minify) => {
    const { outputFiles } = await build({
      ...browserOptions(minify),
      stdin: { contents: "export * from 'socket.io-client';", resolveDir: packageDir, loader: 'js' },
      write: false,
    });
    return Buffer.from(outputFiles[0].contents);
  };
  return sizes(await once(false), await once(true));
}

/**
 * Bundles the SDK for browsers into `outdir` (dist/browser by default) and writes size.json there.
 * Rejects when the build fails, a Node-only module among the reasons.
 */
export async function bundleClient({ entry = defaultEntry, outdir = defaultOutdir } = {}) {
  const minified = await splitBuild(entry, outdir, true, true);
  const raw = await splitBuild(entry, outdir, false, false);
  fs.rmSync(outdir, { recursive: true, force: true });
  for (const file of minified.result.outputFiles) {
    fs.mkdirSync(path.dirname(file.path), { recursive: true });
    fs.writeFileSync(file.path, file.contents);
  }
  const size = {
    'parley-client': sizes(raw.main, minified.main),
    lazyChunks: minified.lazy.map((f) => ({ file: path.relative(outdir, f), min: minified.outputs.get(f).byteLength })),
    'socket.io-client': await socketIoFloor(),
  };
  fs.writeFileSync(path.join(outdir, 'size.json'), `${JSON.stringify(size, null, 2)}\n`);
  return { outdir, file: path.join(outdir, 'parley-client.js'), size };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const { file, size } = await bundleClient();
    const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
    for (const name of ['parley-client', 'socket.io-client']) {
      const s = size[name];
      process.stdout.write(`${name}: ${kb(s.raw)} raw, ${kb(s.min)} minified, ${kb(s.minGzip)} min+gzip\n`);
    }
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)} and size.json\n`);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
