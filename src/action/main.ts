/** Entry of the action's main step (dist/index.js). */
import { runAction } from './run.js';

process.exitCode = await runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE ?? process.cwd(),
  now: () => new Date(),
  stdout: { write: (s) => void process.stdout.write(s) },
});
