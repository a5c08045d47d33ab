/**
 * The semantic rules of a job spec (beyond its schema), one file each under rules/. They read the
 * position-keeping tree, so they are safe on a spec that also has schema errors: a value of the
 * wrong kind is skipped, not trusted.
 */
import type { CredentialNames } from '../commands.js';
import type { Finding } from '../finding.js';
import { checkDotenvExport } from '../rules/dotenv-export.js';
import { checkEphemeralJob } from '../rules/ephemeral-job.js';
import { checkGitPush } from '../rules/git-push.js';
import { checkLfsGroupToken } from '../rules/lfs-group-token.js';
import { checkPasswordOnCommandLine } from '../rules/password-on-command-line.js';
import { commandPasswordFindings, scanTokens, templatePasswordFindings } from '../rules/plain-password.js';
import { checkPublicApi } from '../rules/public-api.js';
import { checkScopeCoverage } from '../rules/scope-coverage.js';
import { checkTemplateScalar } from '../rules/template.js';
import { checkTokenInLog } from '../rules/token-in-log.js';
import { checkTokenInUrl } from '../rules/token-in-url.js';
import { checkTokenOverSsh } from '../rules/token-over-ssh.js';
import { scriptItems, type CommandScope } from '../script.js';
import { get, getEntry, str, type YNode } from '../../yaml/tree.js';
import { specJobs, type SpecJob } from './jobs.js';

/** Which names hold the password / username inside `exec`: CI_DEPLOY_*, the fallback's, and templated variables. */
function credentialNames(root: YNode, job: SpecJob): CredentialNames {
  const password = new Set(['CI_DEPLOY_PASSWORD']);
  const user = new Set(['CI_DEPLOY_USER']);
  const fb = get(get(root, 'token'), 'fallback');
  const pwEnv = str(get(fb, 'password_env'));
  const userEnv = str(get(fb, 'username_env'));
  if (pwEnv && /^\w+$/.test(pwEnv)) password.add(pwEnv);
  if (userEnv && /^\w+$/.test(userEnv)) user.add(userEnv);
  const vars = get(job.node, 'variables');
  if (vars?.kind === 'map') {
    for (const e of vars.entries) {
      const t = str(e.value) ?? '';
      if (/\bpassword\b/.test(t)) password.add(e.key);
      else if (/\busername\b/.test(t)) user.add(e.key);
    }
  }
  return { password, user };
}

export function specRuleFindings(root: YNode): Finding[] {
  const findings: Finding[] = [];
  const report = (f: Finding) => findings.push(f);
  scanTokens(root, report, '{{ password }} in templates, or the NAME of a variable that holds it');
  for (const job of specJobs(root)) {
    const runEntry = getEntry(job.node, 'run');
    const run = scriptItems(runEntry?.value, runEntry?.via);
    const scope: CommandScope = { items: run, names: credentialNames(root, job), usesToken: true, report };
    checkScopeCoverage(job, run, report);
    const varsEntry = getEntry(job.node, 'variables');
    if (varsEntry?.value.kind === 'map') {
      for (const e of varsEntry.value.entries) {
        if (e.value.kind !== 'scalar') continue;
        const via = e.via ?? varsEntry.via;
        checkTemplateScalar(e.value, `variable ${e.key}`, via, report);
        templatePasswordFindings(e.value, via, report);
      }
    }
    const filesEntry = getEntry(job.node, 'files');
    const files = filesEntry?.value;
    if (files?.kind === 'seq') {
      files.items.forEach((f, i) => {
        const tEntry = getEntry(f, 'template');
        const t = tEntry?.value;
        if (t?.kind !== 'scalar') return;
        const via = tEntry?.via ?? files.via[i] ?? filesEntry?.via;
        const name = str(get(f, 'path')) ?? `files[${i}]`;
        checkTemplateScalar(t, `file ${name}`, via, report);
        templatePasswordFindings(t, via, report);
      });
    }
    checkLfsGroupToken(root, job, report);
    checkDotenvExport(job, report);
    checkEphemeralJob(job, report);
    checkPasswordOnCommandLine(scope);
    commandPasswordFindings(scope);
    checkTokenInUrl(scope);
    checkTokenInLog(scope);
    checkTokenOverSsh(scope);
    checkPublicApi(scope);
    const configure = get(job.node, 'configure');
    checkGitPush(scope, configure?.kind === 'seq' && configure.items.some((c) => str(c) === 'git'));
  }
  return findings;
}
