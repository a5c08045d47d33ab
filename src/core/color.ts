/**
 * Whether to colour output: FORCE_COLOR asks for colour anywhere (a CI log that renders ANSI), as
 * Node reads it (`0` or `false` turns it off); NO_COLOR (https://no-color.org) turns it off; else
 * colour on a terminal only (not on a `dumb` one).
 */
export function useColor(
  isTTY: boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return !['0', 'false'].includes(force.trim().toLowerCase());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true && env.TERM !== 'dumb';
}
