/**
 * What a bench on a shared machine prints beside its wall-clock figures: the CPU time its child
 * processes used (user + system, every process a run waited for: the shell, node, `cat`), which
 * other work on the machine barely moves, and the load average when it started and ended.
 * Linux only (/proc/self/stat); elsewhere the CPU time is not printed.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';

/** The clock ticks per second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * CPU milliseconds of the children this process has waited for so far (cutime + cstime), or
 * undefined where /proc is not there.
 */
export function childCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // Fields after the command name (which may hold spaces) start at its closing parenthesis.
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // cutime and cstime are fields 16 and 17 of stat(5), 14 and 15 after the name.
    return ((Number(f[13]) + Number(f[14])) * 1000) / TICKS;
  } catch {
    return undefined;
  }
}

/** Runs `fn` (which waits for child processes) and returns its wall and children's CPU ms. */
export function timed(fn: () => void): { ms: number; cpu: number | undefined } {
  const c0 = childCpuMs();
  const t0 = performance.now();
  fn();
  const ms = performance.now() - t0;
  const c1 = childCpuMs();
  return { ms, cpu: c0 === undefined || c1 === undefined ? undefined : c1 - c0 };
}

/** "2 cores, load average 0.7 1.2 1.4": the machine's state, printed beside the figures. */
export function machineLine(): string {
  const l = loadavg().map((x) => x.toFixed(1));
  return `${cpus().length} cores, load average ${l.join(' ')} (1, 5, 15 min)`;
}
