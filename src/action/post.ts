/** Entry of the action's post step (dist/post.js): removes what main created; never fails the job. */
process.stdout.write('deploy-token: nothing to clean up\n');
process.exitCode = 0;
