/** dist/index.js, the main step action.yml runs: calls `run()` (src/action/main.ts). */
import { run } from './main.js';

await run();
