/**
 * Entrypoint for @github/local-action on the TypeScript source (run by local-action's tsx):
 * src/action/main.ts does its work when imported and leaves the exit code in process.exitCode.
 * The source imports nunjucks templates (*.njk), which tsx cannot load: run it with
 * NODE_OPTIONS=--import ./test/action/local-action/njk-hooks.mjs.
 */
export async function run(): Promise<void> {
  await import('../../../src/action/main.js');
}
