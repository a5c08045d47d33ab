/**
 * Every rule `validate` can report, one line per rule file. A new rule is a file under rules/ carrying
 * its id, severity, summary, help and checks (rule.ts), and one line here: check.ts runs its checks
 * and known-rules.ts lists it (SARIF, docs, deploy-token-ignore).
 */
export { fileTooLarge, syntax, yamlLimit } from './yaml.js';
export { badIgnore } from './bad-ignore.js';
export { schema } from './schema.js';
export { scopeCoverage } from './scope-coverage.js';
export { ephemeralJob } from './ephemeral-job.js';
export { gitPushRule } from './git-push.js';
export { templateNotAllowed, templateSyntax, templateUnknownValue } from './template.js';
export { plainPassword } from './plain-password.js';
export { lfsGroupToken } from './lfs-group-token.js';
export { publicApi } from './public-api.js';
export { dotenvExport } from './dotenv-export.js';
export { steeringName } from './steering-name.js';
export { deployVariablesOverride } from './deploy-variables-override.js';
export { passwordOnCommandLine } from './password-on-command-line.js';
export { tokenInUrlRule } from './token-in-url.js';
export { tokenInLog } from './token-in-log.js';
export { tokenInArtifact } from './token-in-artifact.js';
export { tokenOverSsh } from './token-over-ssh.js';
export { missingGuard } from './missing-guard.js';
export { pushScope } from './push-scope.js';
export { ciExtends, ciInclude, ciReference } from './ci-structure.js';
