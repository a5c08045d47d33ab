import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/action/main.ts
var TEXT_HOOK = `import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
export async function load(url, context, next) {
  const u = new URL(url);
  if (u.protocol === 'file:' && u.pathname.endsWith('.njk'))
    return { format: 'module', shortCircuit: true,
      source: 'export default ' + JSON.stringify(await readFile(fileURLToPath('file://' + u.pathname), 'utf8')) + ';' };
  return next(url, context);
}`;
var hooked = false;
async function fromSource() {
  if (hooked || !new URL(import.meta.url).pathname.endsWith(".ts") || process.env.JEST_WORKER_ID !== void 0)
    return;
  hooked = true;
  const { register } = await import("node:module");
  register(`data:text/javascript,${encodeURIComponent(TEXT_HOOK)}`, import.meta.url);
}
function workspace(opts) {
  return opts.cwd ?? process.env.GITHUB_WORKSPACE ?? process.cwd();
}
async function run(opts = {}) {
  await fromSource();
  const { runAction } = await import("./run-JCJNKXQR.js");
  const code = await runAction({
    env: process.env,
    cwd: workspace(opts),
    now: opts.now ?? (() => /* @__PURE__ */ new Date()),
    ...opts.fetch ? { fetch: opts.fetch } : {},
    ...opts.sleep ? { sleep: opts.sleep } : {},
    ...opts.runner ? { runner: opts.runner } : {}
  });
  process.exitCode = code;
  return code;
}
async function post(opts = {}) {
  await fromSource();
  const { runPostAll } = await import("./post-run-HEY6OKTJ.js");
  const code = await runPostAll(process.env, {
    cwd: workspace(opts),
    ...opts.fetch ? { fetch: opts.fetch } : {},
    ...opts.sleep ? { sleep: opts.sleep } : {},
    ...opts.runner ? { runner: opts.runner } : {}
  });
  process.exitCode = code;
  return code;
}

export {
  run,
  post
};
