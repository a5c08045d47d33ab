/**
 * The action's main step: inputs → resolution → masks first → exports → job summary. Thin: every
 * decision is the core's. Runs with an injected environment and output so tests drive it as the
 * runner would (node dist/index.js with INPUT_*, GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE…).
 */
import { appendFileSync } from 'node:fs';
import { credentialPlan, parseClients, wantedFiles, writeJobCredentials } from '../app/credentials.js';
import { cleanup, type Manifest } from '../credentials/manifest.js';
import { jobVariables, stepOutputs } from '../app/exports.js';
import { planView } from '../credentials/index.js';
import { discardEphemeral } from '../app/ephemeral.js';
import { runFlow, type FlowResult } from '../app/flow.js';
import { DeployTokenError, UsageError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import {
  escapeCommandData,
  githubFiles,
  heredoc,
  maskCommands,
  renderGithub,
  writeGithub,
} from '../export/github.js';
import { randomUUID } from 'node:crypto';
import { maskFormsFor } from '../export/masks.js';
import { buildPlan, formatPlanText } from '../plan/format.js';
import type { Resolution } from '../resolve/types.js';
import { readInputs, type ActionInputs } from './inputs.js';

export interface ActionDeps {
  env: Env;
  cwd: string;
  now: () => Date;
  stdout: { write(s: string): void };
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** Workflow-command annotations (docs: "Workflow commands for GitHub Actions"). */
function annotate(kind: 'warning' | 'error' | 'notice', message: string): string {
  return `::${kind}::${escapeCommandData(message)}\n`;
}

export function summaryMarkdown(r: Resolution, dryRun: boolean): string {
  const row = (k: string, v: string) => `| ${k} | ${v.replace(/\|/g, '\\|')} |\n`;
  let md = `### deploy-token${dryRun ? ' (dry run)' : ''}\n\n| | |\n|---|---|\n`;
  md += row('result', r.ok ? 'credentials resolved' : `no credentials: ${r.reason ?? ''}`);
  md += row('rule', r.ruleText);
  if (r.token) {
    md += row(
      'token',
      `#${r.token.id} ${r.token.name} (${r.token.username}), ${r.token.level} token of ${r.token.owner}`,
    );
    md += row('scopes', r.token.scopes.join(', '));
    md += row('expires', r.token.expiresAt ?? 'never');
  }
  if (r.sources.CI_DEPLOY_PASSWORD) md += row('source', r.sources.CI_DEPLOY_PASSWORD.detail);
  for (const w of r.warnings) md += row('warning', w.message);
  if (!r.ok && r.fix) md += row('fix', r.fix);
  return md;
}

export async function runAction(deps: ActionDeps): Promise<number> {
  const { env, stdout } = deps;
  try {
    const inputs = readInputs(env);
    // The API token is a secret from the first line on.
    if (inputs.gitlabToken) stdout.write(maskCommands([inputs.gitlabToken]));
    const flowEnv: Env = inputs.gitlabToken ? { ...env, GITLAB_TOKEN: inputs.gitlabToken } : env;
    const flags = {
      ...(inputs.gitlabUrl ? { gitlabUrl: inputs.gitlabUrl } : {}),
      ...(inputs.project ? { project: inputs.project } : {}),
      ...(inputs.spec ? { spec: inputs.spec } : {}),
      ...(inputs.job ? { job: inputs.job } : {}),
      ...(inputs.minDaysLeft ? { minDaysLeft: inputs.minDaysLeft } : {}),
      ...(inputs.gitlabToken ? { apiTokenEnv: 'GITLAB_TOKEN' } : {}),
    };
    const flow = await runFlow(flags, {
      env: flowEnv,
      cwd: deps.cwd,
      now: deps.now,
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
      ...(deps.sleep ? { sleep: deps.sleep } : {}),
      ephemeral: { mode: inputs.dryRun ? 'plan' : 'create', force: inputs.ephemeral },
    });
    try {
      return await afterFlow(flow, inputs, deps);
    } catch (e) {
      // A token made for this job goes again when main fails; the post step then finds it gone.
      const d = await discardEphemeral(flow);
      if (d) stdout.write(d.ok ? `deploy-token: ${d.line}\n` : annotate('warning', d.line));
      throw e;
    }
  } catch (e) {
    if (e instanceof DeployTokenError) {
      stdout.write(annotate('error', `${e.message}${e.hint ? ` — ${e.hint}` : ''}`));
      return e.exitCode;
    }
    stdout.write(annotate('error', `internal error: ${(e as { message?: string }).message ?? String(e)}`));
    return 3;
  }
}

async function afterFlow(flow: FlowResult, inputs: ActionInputs, deps: ActionDeps): Promise<number> {
  const { env, stdout } = deps;
  const r = flow.resolution;
  const clients = parseClients(inputs.configure);
  // Masks before any other line that could contain a value.
  const vars = r.ok ? await jobVariables(flow, env) : [];
  const forms = r.credentials ? maskFormsFor(vars, r.credentials) : [];
  stdout.write(maskCommands(forms));
  if (flow.ephemeral) {
    // Recorded before anything is exported: the post step (post-if: always()) deletes it.
    if (!env.GITHUB_STATE)
      throw new UsageError('ephemeral needs GITHUB_STATE (run as a GitHub Action)', 'remove ephemeral');
    appendFileSync(
      env.GITHUB_STATE,
      heredoc('ephemeral', JSON.stringify([flow.ephemeral]), `ghadelimiter_${randomUUID()}`),
    );
    stdout.write(
      `deploy-token: created ephemeral token #${flow.ephemeral.tokenId} (${flow.ephemeral.name}); the post step deletes it\n`,
    );
  }

  if (inputs.dryRun) {
    const plan = buildPlan(r, {
      gitlabUrl: flow.settings.gitlabUrl,
      ...(flow.settings.project ? { project: flow.settings.project } : {}),
      now: deps.now(),
      exports:
        r.ok && inputs.export === 'env'
          ? [{ target: 'github', where: '$GITHUB_ENV', variables: vars.map((v) => v.name) }]
          : [],
    });
    stdout.write(formatPlanText(plan));
    if (r.ok) {
      for (const f of planView(await credentialPlan(flow, env, clients, '<private dir>'))) {
        stdout.write(
          `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` ← $${f.env}` : ''}\n`,
        );
      }
    }
  }
  for (const w of r.warnings) stdout.write(annotate('warning', `${w.message} [${w.code}]`));
  if (r.ok && !inputs.dryRun && !env.GITHUB_STATE) {
    // Checked before any file is written: without the state the post step cannot remove them.
    const wanted = wantedFiles(flow, clients);
    if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
      throw new UsageError('configure needs GITHUB_STATE (run as a GitHub Action)', 'remove configure');
  }
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summaryMarkdown(r, inputs.dryRun));
  if (!r.ok) {
    stdout.write(annotate('error', `${r.reason ?? 'no credentials'}${r.fix ? ` — fix: ${r.fix}` : ''}`));
    return r.exitCode;
  }
  if (inputs.dryRun) return 0;

  const files = githubFiles(env);
  const outputs = stepOutputs(flow, inputs.passwordOutput);
  // Render first (refuses bad values), then write the credential files, then export everything.
  renderGithub(inputs.export === 'env' ? vars : [], outputs, []);
  const written = await writeJobCredentials(flow, env, clients);
  try {
    if (written) {
      // The post step removes exactly what the manifest lists (GITHUB_STATE → STATE_manifest).
      if (!env.GITHUB_STATE)
        throw new UsageError('configure needs GITHUB_STATE (run as a GitHub Action)', 'remove configure');
      appendFileSync(
        env.GITHUB_STATE,
        heredoc('manifest', JSON.stringify(written.manifest), `ghadelimiter_${randomUUID()}`),
      );
      stdout.write(
        `deploy-token: wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}\n`,
      );
    }
    const exported = [
      ...(inputs.export === 'env' ? vars : []),
      ...(written?.variables ?? []), // paths, settings, and settings that hold the token (secret)
    ];
    writeGithub(renderGithub(exported, outputs, []), files, stdout);
  } catch (e) {
    // Nothing exported points at the files: they go now rather than wait for the post step.
    if (written) removeWritten(written.manifest, stdout);
    throw e;
  }
  stdout.write(`deploy-token: ${r.ruleText}\n`);
  return 0;
}

function removeWritten(m: Manifest, stdout: ActionDeps['stdout']): void {
  try {
    const c = cleanup(m);
    stdout.write(
      c.refused.length
        ? annotate('warning', `deploy-token: could not remove ${c.refused.join(', ')}; remove them`)
        : `deploy-token: removed the ${m.files.length} credential file(s) this run wrote\n`,
    );
  } catch (e) {
    stdout.write(
      annotate(
        'warning',
        `deploy-token: could not remove the credential files in ${m.dir} (${(e as { message?: string }).message ?? String(e)}); remove them`,
      ),
    );
  }
}
