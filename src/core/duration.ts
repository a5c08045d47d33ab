/** Durations on the command line: `30s`, `90m`, `6h`, `2d`, `1w`, or `0`. */
const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Milliseconds, or undefined when `raw` is not such a duration. */
export function durationMs(raw: string): number | undefined {
  const s = raw.trim();
  if (s === '0') return 0;
  const m = /^(\d{1,6})([smhdw])$/.exec(s);
  return m ? Number(m[1]) * (UNIT_MS[m[2] as string] as number) : undefined;
}
