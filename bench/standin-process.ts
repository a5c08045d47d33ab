/**
 * The stand-in GitLab in a process of its own, as GitLab runs apart from its clients: serves
 * `bigTree(groups, projects)` with `latencyMs` per answer on 127.0.0.1, prints its URL, answers each
 * line `count` on stdin with the number of requests it received, and stops when stdin closes.
 *
 *   node --import tsx bench/standin-process.ts GROUPS PROJECTS LATENCY_MS
 */
import { createInterface } from 'node:readline';
import { startStandin } from '../src/standin/server.js';
import { bigTree } from '../test/helpers/big-tree.js';

const [groups = 80, projects = 560, latencyMs = 80] = process.argv.slice(2).map(Number);
const standin = await startStandin(bigTree(groups, projects), { latencyMs });
process.stdout.write(`${standin.url}\n`);
const lines = createInterface({ input: process.stdin });
lines.on('line', (l) => {
  if (l.trim() === 'count') process.stdout.write(`${standin.gitlab.requests.length}\n`);
});
lines.on('close', () => void standin.close().then(() => process.exit(0)));
