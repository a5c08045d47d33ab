/** dist/post.js, the post step (post-if: always()): calls `post()` (src/action/main.ts); never fails the job. */
import { post } from './main.js';

await post();
