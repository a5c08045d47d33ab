/**
 * Environment variable names this tool may export. GitLab's dotenv keys and CI/CD variable keys are
 * `[A-Za-z0-9_]` (GITLAB_FACTS §6); POSIX shells need a leading letter or underscore. Names that change
 * how programs start or where they look are refused: exporting them would hand a secret-bearing job
 * to whoever controls the value.
 */
export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

export const REFUSED_NAMES = new Set([
  'PATH',
  'LD_PRELOAD',
  'LD_LIBRARY_PATH',
  'LD_AUDIT',
  'DYLD_INSERT_LIBRARIES',
  'NODE_OPTIONS',
  'NODE_PATH',
  'BASH_ENV',
  'ENV',
  'IFS',
  'PS4',
  'PROMPT_COMMAND',
  'SHELLOPTS',
  'BASHOPTS',
  'HOME',
  'SHELL',
  'PYTHONPATH',
  'PYTHONSTARTUP',
  'PERL5OPT',
  'RUBYOPT',
  'JAVA_TOOL_OPTIONS',
  'GIT_SSH_COMMAND',
  'GIT_EXEC_PATH',
  'GITHUB_ENV',
  'GITHUB_OUTPUT',
  'GITHUB_PATH',
  'GITHUB_STATE',
]);

/** Undefined when the name may be exported; else why not. */
export function checkExportName(name: string): string | undefined {
  if (!NAME_RE.test(name)) {
    return `"${name.slice(0, 60)}" is not a valid variable name (letters, digits and _; not starting with a digit)`;
  }
  if (REFUSED_NAMES.has(name.toUpperCase())) {
    return `${name} is refused: exporting it would change how programs start or where they look`;
  }
  return undefined;
}
