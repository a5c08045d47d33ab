/** Entry of the action's post step (dist/post.js): removes what main created; never fails the job. */
import { runPostAll } from './post-run.js';

process.exitCode = await runPostAll(process.env, { write: (s) => void process.stdout.write(s) });
