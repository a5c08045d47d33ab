/**
 * Loaded into the built bundles the canary sweep runs (`node --import <this file>?log=<path>`): every
 * process a bundle starts is written to the log with its command line before it starts (every one,
 * not a sample: the asynchronous ways all go through ChildProcess.prototype.spawn, the synchronous
 * ones are wrapped), and at exit the bundle's own command line and title (what /proc shows of it).
 */
import childProcess from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { URL } from 'node:url';

const log = new URL(import.meta.url).searchParams.get('log');
if (!log) throw new Error('spawn-log.mjs: no ?log= in its URL');
const write = (entry) => appendFileSync(log, `${JSON.stringify(entry)}\n`);
const strings = (values) => values.flat().filter((v) => typeof v === 'string');

const spawn = childProcess.ChildProcess.prototype.spawn;
childProcess.ChildProcess.prototype.spawn = function (options) {
  // args starts with argv0; file is what is executed.
  write({ spawn: strings([options.args ?? []]), file: options.file });
  return spawn.call(this, options);
};
for (const name of ['spawnSync', 'execSync', 'execFileSync']) {
  const original = childProcess[name];
  childProcess[name] = function (...args) {
    write({
      spawn: strings(
        args.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? (a.argv0 ?? []) : a)),
      ),
    });
    return original.apply(this, args);
  };
}
syncBuiltinESMExports();
process.on('exit', () => write({ self: [process.title, ...process.execArgv, ...process.argv] }));
