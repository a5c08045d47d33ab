/**
 * Entrypoint for @github/local-action: it imports a module and calls its exported `run()`. The
 * action's bundle (dist/index.js, what action.yml runs) does its work when imported and leaves the
 * step's exit code in process.exitCode, so `run` only imports it.
 */
export async function run() {
  await import('../../../dist/index.js');
}
