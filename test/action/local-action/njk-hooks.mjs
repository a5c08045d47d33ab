/**
 * Module hooks that load *.njk files as `export default "<text>"`, as esbuild's text loader does in
 * the build and scripts/jest-text-transform.cjs does in jest. Load with `node --import` (it registers
 * itself); used to run the action's TypeScript source under @github/local-action's tsx.
 */
import { readFile } from 'node:fs/promises';
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';

if (isMainThread) register(import.meta.url);

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:') && url.endsWith('.njk')) {
    const text = await readFile(fileURLToPath(url), 'utf8');
    return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
  }
  return nextLoad(url, context);
}
