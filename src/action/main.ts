/**
 * The action's entry points: `run()` (the main step) and `post()` (the post step), as every
 * JavaScript action exports them; dist/index.js and dist/post.js only call them
 * (src/action/index.ts, src/action/post.ts), and `npx @github/local-action run . src/action/main.ts
 * .env` calls `run()` on this source. Each sets process.exitCode (0 done, 1 the answer is no, 2 the
 * request is wrong, 3 GitLab or an internal error) and returns it.
 */
import type { Clock } from '../core/env.js';
import type { Runner } from './runner.js';

export interface RunOptions {
  /** The workspace (the spec's directory); default GITHUB_WORKSPACE, then the working directory. */
  cwd?: string;
  now?: Clock;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  runner?: Runner;
}

/**
 * Run from the TypeScript source (local-action's tsx), the client templates (*.njk, text in the
 * bundle and in jest) load as text through a module hook registered before the action's modules.
 */
const TEXT_HOOK = `import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
export async function load(url, context, next) {
  const u = new URL(url);
  if (u.protocol === 'file:' && u.pathname.endsWith('.njk'))
    return { format: 'module', shortCircuit: true,
      source: 'export default ' + JSON.stringify(await readFile(fileURLToPath('file://' + u.pathname), 'utf8')) + ';' };
  return next(url, context);
}`;

let hooked = false;
async function fromSource(): Promise<void> {
  if (
    hooked ||
    !new URL(import.meta.url).pathname.endsWith('.ts') ||
    process.env.JEST_WORKER_ID !== undefined
  )
    return;
  hooked = true;
  const { register } = await import('node:module');
  register(`data:text/javascript,${encodeURIComponent(TEXT_HOOK)}`, import.meta.url);
}

function workspace(opts: RunOptions): string {
  return opts.cwd ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
}

export async function run(opts: RunOptions = {}): Promise<number> {
  await fromSource();
  const { runAction } = await import('./run.js');
  const code = await runAction({
    env: process.env,
    cwd: workspace(opts),
    now: opts.now ?? (() => new Date()),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.runner ? { runner: opts.runner } : {}),
  });
  process.exitCode = code;
  return code;
}

export async function post(opts: RunOptions = {}): Promise<number> {
  await fromSource();
  const { runPostAll } = await import('./post-run.js');
  const code = await runPostAll(process.env, {
    cwd: workspace(opts),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.runner ? { runner: opts.runner } : {}),
  });
  process.exitCode = code;
  return code;
}
