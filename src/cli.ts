#!/usr/bin/env node
/** Entry point of the `deploy-token` command (dist/cli.js). */
import { main } from './cli/main.js';

const code = await main(process.argv.slice(2), {
  env: process.env,
  cwd: process.cwd(),
  stdout: { write: (s) => void process.stdout.write(s), isTTY: process.stdout.isTTY === true },
  stderr: { write: (s) => void process.stderr.write(s), isTTY: process.stderr.isTTY === true },
  stdin: process.stdin,
  now: () => new Date(),
});
process.exitCode = code;
