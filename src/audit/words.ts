/** Small pieces of the audit's own words: durations, a stable order, shell words, plurals. */

const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `4 days 14 hours`, `13 hours`, `25 minutes` (rounded down). */
export function formatDuration(ms: number): string {
  const min = Math.max(0, Math.floor(ms / MINUTE_MS));
  const d = Math.floor(min / (24 * 60));
  const h = Math.floor((min % (24 * 60)) / 60);
  if (d > 0) return h > 0 ? `${plural(d, 'day')} ${plural(h, 'hour')}` : plural(d, 'day');
  if (h > 0) return plural(h, 'hour');
  return plural(min % 60, 'minute');
}

/** Plain code-unit order: the same on every machine, whatever the process locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A word for a shell command line: left bare when it holds nothing a shell would read. */
export function shellWord(s: string): string {
  return /^[A-Za-z0-9_.,/:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
