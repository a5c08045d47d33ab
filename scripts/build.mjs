#!/usr/bin/env node
/**
 * Builds the three bundles the product ships: dist/cli.js (the CLI), dist/index.js and dist/post.js
 * (the GitHub Action's main and post steps). One esbuild call, deterministic output, so `dist/` can be
 * compared byte for byte with a fresh build (scripts/check-dist.mjs).
 *
 *   node scripts/build.mjs [outdir]     (default dist)
 */
import { build } from 'esbuild';
import { chmodSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const outdir = process.argv[2] ?? 'dist';
// Start clean: a chunk left from an older build would make dist/ differ from a fresh one.
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });

const entries = { cli: 'src/cli.ts' };
// The action's tiny entries call run() / post() of src/action/main.ts.
if (existsSync('src/action/index.ts')) entries.index = 'src/action/index.ts';
if (existsSync('src/action/post.ts')) entries.post = 'src/action/post.ts';

await build({
  entryPoints: entries,
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  // Shared code and lazily imported commands go to chunks, so `--version` or the action's dry run
  // load only what they need (cold start runs in every CI job).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  loader: { '.njk': 'text' },
  logLevel: 'warning',
  // @actions/core imports its HTTP client (and an undici of its own) only for getIDToken, which
  // nothing here calls: a stand-in keeps it out of the bundle and out of every cold start.
  plugins: [
    {
      name: 'no-actions-http-client',
      setup(b) {
        b.onResolve({ filter: /^@actions\/http-client(\/|$)/ }, () => ({
          path: join(process.cwd(), 'src/action/no-http-client.ts'),
        }));
      },
    },
  ],
  // Some dependencies are CommonJS and call require(); an ESM bundle needs one.
  banner: {
    js: "import { createRequire as __dtCreateRequire } from 'node:module';\nconst require = __dtCreateRequire(import.meta.url);",
  },
});
chmodSync(join(outdir, 'cli.js'), 0o755);
