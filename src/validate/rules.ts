/**
 * Every rule `validate` can report: a stable id, its severity, a one-line summary and help text
 * (shown by SARIF viewers and docs/validate.md). Ids never change meaning once released.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface RuleInfo {
  severity: Severity;
  summary: string;
  help: string;
}

export const RULES = {
  // --- the file itself
  syntax: {
    severity: 'error',
    summary: 'YAML syntax error',
    help: 'The file must be valid YAML: consistent indentation with spaces, unique keys, closed flow collections and quotes, anchors defined before their aliases.',
  },
  'file-too-large': {
    severity: 'error',
    summary: 'file over the size limit',
    help: 'Specs are limited to 1 MiB and .gitlab-ci.yml files to 2 MiB (GitLab’s default max_yaml_size_bytes); larger files are refused before parsing.',
  },
  'yaml-limit': {
    severity: 'error',
    summary: 'aliases expand too far, or nesting too deep',
    help: 'Aliases that expand to more than a million nodes (an alias bomb) or nesting deeper than GitLab’s max_yaml_depth (100) are refused.',
  },
  'bad-ignore': {
    severity: 'warning',
    summary: 'malformed deploy-token-ignore comment',
    help: 'Suppress a finding with `# deploy-token-ignore: <rule-id> -- reason` on its line or the line above; the rule id must exist and the reason is required.',
  },
  // --- job specs
  schema: {
    severity: 'error',
    summary: 'the spec does not match schemas/deploy-token.schema.json',
    help: 'Keys, types and values must match the job spec schema. Editors complete the file with a `# yaml-language-server: $schema=...` comment.',
  },
  'scope-coverage': {
    severity: 'error',
    summary: 'the job uses the deploy token for something its scopes do not allow',
    help: 'From the seed’s scope table: git clone needs read_repository, image pull read_registry, image push write_registry, package pull/push read_/write_package_registry, the dependency proxy read_registry and write_registry. Needs are inferred from configure, lfs, dependency_proxy and the commands in run.',
  },
  'ephemeral-job': {
    severity: 'error',
    summary: 'an ephemeral job that declares no scopes',
    help: 'An ephemeral token is created for the job alone with exactly its scopes, and GitLab refuses a deploy token without scopes. Declare the scopes the job needs.',
  },
  'git-push': {
    severity: 'error',
    summary: 'git push with a deploy token',
    help: 'No deploy token scope grants write access to a repository (the scopes are read_repository, read_/write_registry, read_/write_package_registry). Push with a project access token or a deploy key.',
  },
  'template-syntax': {
    severity: 'error',
    summary: 'template does not parse',
    help: 'Templates in variables and files are nunjucks: {{ value }}, {% if %}…{% endif %}, filters with |.',
  },
  'template-not-allowed': {
    severity: 'error',
    summary: 'template uses a construct that is not allowed',
    help: 'Templates may only output values, use if/for, literal lookups and a few pure filters (default, join, upper, lower, trim, replace, urlencode, base64, …). Calls, set, macros, include and import are refused because nunjucks is not a sandbox.',
  },
  'template-unknown-value': {
    severity: 'error',
    summary: 'template names a value that does not exist',
    help: 'Templates render with strict undefined; the only values are username, password, gitlab_url, gitlab_host, api_url, registry, dependency_proxy, project_id, project_path, token_id, expires_at and scopes.',
  },
  'plain-password': {
    severity: 'error',
    summary: 'a password or token written in plain text',
    help: 'A deploy token (or any GitLab token) committed to a file is leaked. Use {{ password }} in templates, and environment variable NAMES (password_env) for fallbacks.',
  },
  'lfs-group-token': {
    severity: 'warning',
    summary: 'Git LFS with a group deploy token',
    help: 'With a group deploy token LFS downloads answered 404 “Repository or object not found” (issue 235398, fixed around GitLab 15.7/15.8). The seed’s workaround: use a project deploy token.',
  },
  'public-api': {
    severity: 'error',
    summary: 'deploy token used against the public API',
    help: 'Deploy tokens cannot be used with the GitLab public API, only with some endpoints such as the package registry (/packages/…). Use an API token for everything else.',
  },
  'steering-name': {
    severity: 'error',
    summary: 'an exported name that steers the runner, the shell or a runtime',
    help: 'Variables and file env names such as PATH, LD_PRELOAD, NODE_OPTIONS, BASH_ENV, GITHUB_*, STATE_*, GIT_CONFIG_* or HTTPS_PROXY decide what a job runs, where its traffic goes or whom it trusts; exports refuse them (docs/security.md lists every name and why).',
  },
  'dotenv-export': {
    severity: 'warning',
    summary: 'dotenv export of the password',
    help: 'GitLab does not mask dotenv variables and keeps the file as an artifact (GITLAB_FACTS §6). Prefer `deploy-token exec` or the shell export in the same job.',
  },
  // --- .gitlab-ci.yml
  'deploy-variables-override': {
    severity: 'error',
    summary: 'CI_DEPLOY_USER / CI_DEPLOY_PASSWORD set in variables:',
    help: 'Variables in .gitlab-ci.yml rank above predefined ones, so this replaces the gitlab-deploy-token with a committed (and soon stale) value. For the GitLab ≤ 15.0 group fallback set them in Settings > CI/CD > Variables, masked.',
  },
  'password-on-command-line': {
    severity: 'error',
    summary: 'registry password passed with -p',
    help: 'A password in argv shows in the process list and shell history. Pipe it: `echo "$CI_DEPLOY_PASSWORD" | docker login -u "$CI_DEPLOY_USER" --password-stdin "$CI_REGISTRY"`.',
  },
  'token-in-url': {
    severity: 'warning',
    summary: 'deploy token inside a URL',
    help: 'A token in a URL is saved in .git/config by git clone/remote, shows in the process list, and its URL-encoded form is not masked by the runner. Use a credential helper, a netrc file or a header.',
  },
  'token-in-log': {
    severity: 'error',
    summary: 'deploy token printed to the job log',
    help: 'The runner masks only the exact bytes of masked variables, not encoded forms, and CI_DEBUG_TRACE or set -x print everything. Do not echo, printenv or trace in a job that uses the token.',
  },
  'token-in-artifact': {
    severity: 'error',
    summary: 'deploy token written into an artifact',
    help: 'Artifacts and dotenv reports are kept and downloadable; dotenv variables are not masked (GITLAB_FACTS §6). Never write the token into a file that artifacts:paths or artifacts:reports:dotenv collect.',
  },
  'token-over-ssh': {
    severity: 'error',
    summary: 'deploy token used with an SSH remote',
    help: 'Deploy tokens authenticate over HTTPS only; git@host: and ssh:// remotes cannot use them. Use https://.',
  },
  'missing-guard': {
    severity: 'warning',
    summary: 'deploy token used without a guard',
    help: 'GitLab sets CI_DEPLOY_PASSWORD only when an active gitlab-deploy-token exists. Guard the job with `rules: - if: $CI_DEPLOY_PASSWORD` (or test it in the script) so it does not fail obscurely.',
  },
  'push-scope': {
    severity: 'info',
    summary: 'push needs a write scope',
    help: 'Pushing images needs write_registry and publishing packages write_package_registry on the gitlab-deploy-token. Declare the job in deploy-token.yml with those scopes to have it checked.',
  },
  'ci-extends': {
    severity: 'error',
    summary: 'extends cannot be resolved',
    help: 'extends must name jobs or templates defined in the file or its local includes, without cycles, at most 10 levels deep (lib/gitlab/ci/config/extendable/entry.rb).',
  },
  'ci-reference': {
    severity: 'error',
    summary: '!reference cannot be resolved',
    help: '!reference [job, key, …] must name an existing job and keys, without cycles, at most 10 levels deep.',
  },
  'ci-include': {
    severity: 'error',
    summary: 'local include cannot be read',
    help: 'include: local files are read offline, relative to the directory of the top-level .gitlab-ci.yml. Remote, project, template and component includes are not checked.',
  },
} as const satisfies Record<string, RuleInfo>;

export type RuleId = keyof typeof RULES;

export function isRuleId(id: string): id is RuleId {
  return Object.prototype.hasOwnProperty.call(RULES, id);
}
