/**
 * The clients deploy-token writes credentials for, by name: the one list every surface offers
 * (`configure:`, `--configure`, the action's `configure` input). Each one's files, variables and
 * needs are in clients.ts.
 */
export const CLIENT_NAMES = [
  'docker',
  'containers',
  'kubernetes',
  'git',
  'go',
  'netrc',
  'npm',
  'pnpm',
  'yarn',
  'nuget',
  'maven',
  'composer',
  'pypi',
  'twine',
  'poetry',
  'uv',
] as const;
export type ClientName = (typeof CLIENT_NAMES)[number];

export function isClientName(s: string): s is ClientName {
  return (CLIENT_NAMES as readonly string[]).includes(s);
}
