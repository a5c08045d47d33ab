/**
 * Environment variable names this tool may export, defined once for every target (GITHUB_ENV,
 * shell, dotenv, the json `variables`, exec's child environment, a credential file's `env:`) and
 * for `validate` (rule `steering-name`). GitLab's dotenv keys and CI/CD variable keys are
 * `[A-Za-z0-9_]` (docs/gitlab-rules.md); POSIX shells need a leading letter or underscore.
 *
 * Names that steer the runner, the shell, a language runtime, git, or where programs connect or whom
 * they trust are refused: the spec (a file in the repository) would otherwise decide how the rest of
 * a credential-bearing job runs. Names are compared in any case (`https_proxy` is read as often as
 * `HTTPS_PROXY`; Windows runners ignore case). The list with its reasons is docs/security.md's.
 *
 * Not refused on purpose: `NODE_*` as a prefix (NODE_AUTH_TOKEN is how setup-node's .npmrc takes a
 * registry token; the NODE_ names that change how node starts or whom it trusts are listed one by
 * one), `CI_*` (CI_DEPLOY_USER / CI_DEPLOY_PASSWORD are what this tool exports).
 */
export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

/** One refused name (or prefix, ending in `*`) and why. */
export interface SteeringName {
  name: string;
  why: string;
}

const RUNNER = 'the GitHub runner reads it: it would steer later steps or the post step';
const SHELL = 'the shell reads it at start-up: it runs code or changes how every command is parsed';
const LOADER = 'the dynamic loader reads it: it injects code into every program';
const RUNTIME = 'a language runtime reads it at start-up: it loads code or options into every such program';
const GIT = 'git reads it: it runs a program or replaces the configuration';
const PROXY = 'programs send their traffic (credentials included) through the host it names';
const TRUST = 'programs trust the certificates it names (or stop checking them)';

export const STEERING_NAMES: readonly SteeringName[] = [
  { name: 'STATE_*', why: `${RUNNER} (the post step's saved state)` },
  { name: 'INPUT_*', why: `${RUNNER} (action inputs)` },
  { name: 'GITHUB_*', why: `${RUNNER} (file commands, tokens, context)` },
  { name: 'RUNNER_*', why: `${RUNNER} (temp and tool directories, debug)` },
  { name: 'ACTIONS_*', why: `${RUNNER} (runtime token, cache and results URLs, step debug)` },
  { name: 'BASH_ENV', why: SHELL },
  { name: 'ENV', why: SHELL },
  { name: 'BASH_FUNC_*', why: `${SHELL} (exported functions)` },
  { name: 'SHELLOPTS', why: SHELL },
  { name: 'BASHOPTS', why: SHELL },
  { name: 'IFS', why: SHELL },
  { name: 'PS4', why: `${SHELL} (expanded for every traced command)` },
  { name: 'PROMPT_COMMAND', why: SHELL },
  { name: 'CDPATH', why: 'the shell resolves `cd` through it' },
  { name: 'PATH', why: 'it decides which program every command name runs' },
  { name: 'HOME', why: 'programs read their configuration (and credentials) from it' },
  { name: 'SHELL', why: 'programs start it to run commands' },
  { name: 'TMPDIR', why: 'programs write temporary files (credentials included) where it points' },
  { name: 'LD_*', why: LOADER },
  { name: 'DYLD_*', why: LOADER },
  { name: 'NODE_OPTIONS', why: RUNTIME },
  { name: 'NODE_PATH', why: RUNTIME },
  { name: 'NODE_EXTRA_CA_CERTS', why: TRUST },
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', why: TRUST },
  { name: 'NODE_REPL_EXTERNAL_MODULE', why: RUNTIME },
  { name: 'PYTHONPATH', why: RUNTIME },
  { name: 'PYTHONSTARTUP', why: RUNTIME },
  { name: 'PYTHONHOME', why: RUNTIME },
  { name: 'PYTHONINSPECT', why: RUNTIME },
  { name: 'PERL5LIB', why: RUNTIME },
  { name: 'PERL5OPT', why: RUNTIME },
  { name: 'PERLLIB', why: RUNTIME },
  { name: 'RUBYOPT', why: RUNTIME },
  { name: 'RUBYLIB', why: RUNTIME },
  { name: 'JAVA_TOOL_OPTIONS', why: RUNTIME },
  { name: '_JAVA_OPTIONS', why: RUNTIME },
  { name: 'JDK_JAVA_OPTIONS', why: RUNTIME },
  { name: 'CLASSPATH', why: RUNTIME },
  { name: 'MAVEN_OPTS', why: RUNTIME },
  { name: 'GRADLE_OPTS', why: RUNTIME },
  { name: 'DOTNET_STARTUP_HOOKS', why: RUNTIME },
  { name: 'CORECLR_*', why: `${RUNTIME} (profilers)` },
  { name: 'NPM_CONFIG_*', why: 'npm reads it as configuration (script shell, node options, registries)' },
  { name: 'GIT_ASKPASS', why: GIT },
  { name: 'SSH_ASKPASS', why: 'ssh runs the program it names' },
  { name: 'GIT_CONFIG_*', why: GIT },
  { name: 'GIT_SSH*', why: GIT },
  { name: 'GIT_EXEC_PATH', why: GIT },
  { name: 'GIT_PROXY_COMMAND', why: GIT },
  { name: 'GIT_TEMPLATE_DIR', why: `${GIT} (hooks)` },
  { name: 'GIT_EXTERNAL_DIFF', why: GIT },
  { name: 'GIT_PAGER', why: GIT },
  { name: 'GIT_EDITOR', why: GIT },
  { name: 'GIT_SSL_NO_VERIFY', why: TRUST },
  { name: 'GIT_SSL_CAINFO', why: TRUST },
  { name: 'PAGER', why: 'programs run the program it names' },
  { name: 'EDITOR', why: 'programs run the program it names' },
  { name: 'VISUAL', why: 'programs run the program it names' },
  { name: 'HTTPS_PROXY', why: PROXY },
  { name: 'HTTP_PROXY', why: PROXY },
  { name: 'ALL_PROXY', why: PROXY },
  { name: 'FTP_PROXY', why: PROXY },
  { name: 'NO_PROXY', why: `${PROXY} (it decides which hosts bypass the proxy)` },
  { name: 'DOCKER_HOST', why: 'docker sends its commands (and registry credentials) to the daemon it names' },
  { name: 'CURL_CA_BUNDLE', why: TRUST },
  { name: 'SSL_CERT_FILE', why: TRUST },
  { name: 'SSL_CERT_DIR', why: TRUST },
  { name: 'REQUESTS_CA_BUNDLE', why: TRUST },
];

/** Why `name` is refused (a steering name), or undefined. Any case. */
export function steeringReason(name: string): string | undefined {
  const n = name.toUpperCase();
  for (const s of STEERING_NAMES) {
    const hit = s.name.endsWith('*') ? n.startsWith(s.name.slice(0, -1)) : n === s.name;
    if (hit) return s.why;
  }
  return undefined;
}

/** Undefined when the name may be exported; else why not. */
export function checkExportName(name: string): string | undefined {
  if (!NAME_RE.test(name)) {
    return `"${name.slice(0, 60)}" is not a valid variable name (letters, digits and _; not starting with a digit)`;
  }
  const why = steeringReason(name);
  return why ? `${name} is refused: ${why}` : undefined;
}
