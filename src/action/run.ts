/**
 * The action's main step: inputs → resolution → masks first → exports → job summary. Thin: every
 * decision is the core's, and everything it prints goes through the Runner (src/action/runner.ts).
 * Runs with an injected environment and output so tests drive it as the runner would (node
 * dist/index.js with INPUT_*, GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE…).
 */
import { credentialPlan, parseClients, wantedFiles, writeJobCredentials } from '../app/credentials.js';
import { jobVariables, stepOutputs } from '../app/exports.js';
import { discardEphemeral } from '../app/ephemeral.js';
import { runFlow, type FlowResult } from '../app/flow.js';
import type { CommonFlags } from '../app/options.js';
import { RunDir } from '../app/run-dir.js';
import { planView } from '../credentials/index.js';
import { cleanup, type Manifest } from '../credentials/manifest.js';
import { DeployTokenError, UsageError } from '../core/errors.js';
import type { Clock, Env } from '../core/env.js';
import type { TextSink } from '../core/output.js';
import { renderGithub } from '../export/github.js';
import { maskFormsFor } from '../export/masks.js';
import { buildPlan, formatPlanText } from '../plan/format.js';
import type { Resolution } from '../resolve/types.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { Runner, summaryRow } from './runner.js';

export interface ActionDeps {
  env: Env;
  cwd: string;
  now: Clock;
  stdout: TextSink;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

export function summaryMarkdown(r: Resolution, dryRun: boolean): string {
  let md = `### deploy-token${dryRun ? ' (dry run)' : ''}\n\n| | |\n|---|---|\n`;
  md += summaryRow('result', r.ok ? 'credentials resolved' : `no credentials: ${r.reason ?? ''}`);
  md += summaryRow('rule', r.ruleText);
  if (r.token) {
    md += summaryRow(
      'token',
      `#${r.token.id} ${r.token.name} (${r.token.username}), ${r.token.level} token of ${r.token.owner}`,
    );
    md += summaryRow('scopes', r.token.scopes.join(', '));
    md += summaryRow('expires', r.token.expiresAt ?? 'never');
  }
  if (r.sources.CI_DEPLOY_PASSWORD) md += summaryRow('source', r.sources.CI_DEPLOY_PASSWORD.detail);
  for (const w of r.warnings) md += summaryRow('warning', w.message);
  if (!r.ok && r.fix) md += summaryRow('fix', r.fix);
  return md;
}

/** The CLI's flags the inputs stand for (the post step reads the same inputs to find the instance). */
export function flagsOf(inputs: ActionInputs): CommonFlags {
  return {
    ...(inputs.gitlabUrl ? { gitlabUrl: inputs.gitlabUrl } : {}),
    ...(inputs.project ? { project: inputs.project } : {}),
    ...(inputs.spec ? { spec: inputs.spec } : {}),
    ...(inputs.job ? { job: inputs.job } : {}),
    ...(inputs.minDaysLeft ? { minDaysLeft: inputs.minDaysLeft } : {}),
    ...(inputs.gitlabToken ? { apiTokenEnv: 'GITLAB_TOKEN' } : {}),
  };
}

export async function runAction(deps: ActionDeps): Promise<number> {
  const runner = new Runner(deps.env, deps.stdout);
  // Secrets the environment holds by name are masked in what this step prints from the first line.
  runner.scrubber.addEnv(deps.env);
  try {
    const inputs = readInputs(deps.env);
    // The API token is a secret from the first line on, for the runner too.
    runner.setSecret(inputs.gitlabToken);
    const env: Env = inputs.gitlabToken ? { ...deps.env, GITLAB_TOKEN: inputs.gitlabToken } : deps.env;
    const run = new RunDir(env);
    let flow: FlowResult;
    try {
      flow = await runFlow(flagsOf(inputs), {
        env,
        cwd: deps.cwd,
        now: deps.now,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        scrubber: runner.scrubber,
        ephemeral: { mode: inputs.dryRun ? 'plan' : 'create', force: inputs.ephemeral, random: run.stamp },
      });
    } catch (e) {
      run.discard();
      throw e;
    }
    try {
      return await afterFlow(flow, inputs, { ...deps, env }, runner, run);
    } catch (e) {
      // A token made for this job goes again when main fails; the post step then finds it gone.
      const d = await discardEphemeral(flow);
      if (d?.ok) runner.info(`deploy-token: ${d.line}`);
      else if (d) runner.annotate('warning', d.line);
      throw e;
    }
  } catch (e) {
    if (e instanceof DeployTokenError) {
      runner.annotate('error', `${e.message}${e.hint ? ` — ${e.hint}` : ''}`);
      return e.exitCode;
    }
    runner.annotate('error', `internal error: ${(e as { message?: string }).message ?? String(e)}`);
    return 3;
  }
}

/** The plan of a dry run, as the CLI's `plan` prints it. */
async function printPlan(flow: FlowResult, inputs: ActionInputs, deps: ActionDeps, runner: Runner) {
  const r = flow.resolution;
  const vars = r.ok ? await jobVariables(flow, deps.env) : [];
  const plan = buildPlan(r, {
    gitlabUrl: flow.settings.gitlabUrl,
    ...(flow.settings.project ? { project: flow.settings.project } : {}),
    now: deps.now(),
    exports:
      r.ok && inputs.export === 'env'
        ? [{ target: 'github', where: '$GITHUB_ENV', variables: vars.map((v) => v.name) }]
        : [],
  });
  let text = formatPlanText(plan);
  if (r.ok) {
    for (const f of planView(
      await credentialPlan(flow, deps.env, parseClients(inputs.configure), '<private dir>'),
    ))
      text += `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` ← $${f.env}` : ''}\n`;
  }
  runner.info(text);
}

async function afterFlow(
  flow: FlowResult,
  inputs: ActionInputs,
  deps: ActionDeps,
  runner: Runner,
  run: RunDir,
): Promise<number> {
  const { env } = deps;
  const r = flow.resolution;
  const clients = parseClients(inputs.configure);
  // Masks before any other line that could contain a value.
  const vars = r.ok ? await jobVariables(flow, env) : [];
  if (r.credentials) runner.addMasks(maskFormsFor(vars, r.credentials));
  // The run's record for the post step, before the token or a file is used: the directory and its
  // marker, the token (its name carries the marker's stamp), then every file about to be written.
  const tokens = flow.ephemeral ? { ephemeralTokens: [flow.ephemeral] } : {};
  const save = (m: Manifest) => runner.saveState('manifest', JSON.stringify(m), 'ephemeral or configure');
  if (flow.ephemeral) {
    save({ ...run.manifest(deps.now()), ...tokens });
    runner.info(
      `deploy-token: created ephemeral token #${flow.ephemeral.tokenId} (${flow.ephemeral.name}); the post step deletes it`,
    );
  }
  if (inputs.dryRun) await printPlan(flow, inputs, deps, runner);
  for (const w of r.warnings) runner.annotate('warning', `${w.message} [${w.code}]`);
  if (r.ok && !inputs.dryRun && !env.GITHUB_STATE) {
    // Checked before any file is written: without the state the post step cannot remove them.
    const wanted = wantedFiles(flow, clients);
    if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
      throw new UsageError('configure needs GITHUB_STATE (run as a GitHub Action)', 'remove configure');
  }
  runner.summary(summaryMarkdown(r, inputs.dryRun));
  if (!r.ok) {
    runner.annotate('error', `${r.reason ?? 'no credentials'}${r.fix ? ` — fix: ${r.fix}` : ''}`);
    return r.exitCode;
  }
  if (inputs.dryRun) return 0;
  await exportFlow(flow, inputs, vars, runner, run, (m) => save({ ...m, ...tokens }));
  runner.info(`deploy-token: ${r.ruleText}`);
  return 0;
}

/** Render first (refuses bad values), then record and write the credential files, then export. */
async function exportFlow(
  flow: FlowResult,
  inputs: ActionInputs,
  vars: Awaited<ReturnType<typeof jobVariables>>,
  runner: Runner,
  run: RunDir,
  save: (m: Manifest) => void,
): Promise<void> {
  const outputs = stepOutputs(flow, inputs.passwordOutput);
  const exported = inputs.export === 'env' ? vars : [];
  // Rendered once before any file is written: a value GITHUB_ENV cannot carry refuses the run here.
  renderGithub(exported, outputs, []);
  let planned: Manifest | undefined;
  const written = await writeJobCredentials(flow, runner.env, parseClients(inputs.configure), run, (m) => {
    save(m);
    planned = m;
  });
  try {
    if (written)
      runner.info(
        `deploy-token: wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}`,
      );
    runner.exportAll(
      [...exported, ...(written?.variables ?? [])], // settings that hold the token are secret
      outputs,
    );
  } catch (e) {
    // Nothing exported points at the files: they go now rather than wait for the post step.
    if (planned) removeWritten(planned, runner);
    throw e;
  }
}

function removeWritten(m: Manifest, runner: Runner): void {
  try {
    const c = cleanup(m, { keepMarker: (m.ephemeralTokens?.length ?? 0) > 0 });
    if (c.refused.length)
      runner.annotate('warning', `deploy-token: could not remove ${c.refused.join(', ')}; remove them`);
    else runner.info(`deploy-token: removed the ${m.files.length} credential file(s) this run wrote`);
  } catch (e) {
    runner.annotate(
      'warning',
      `deploy-token: could not remove the credential files in ${m.dir} (${(e as { message?: string }).message ?? String(e)}); remove them`,
    );
  }
}
