/**
 * The action's main step: inputs → resolution → masks first → exports → job summary. Thin: every
 * decision is the core's, and everything it prints goes through the Runner (src/action/runner.ts).
 * Runs with an injected environment and output so tests drive it as the runner would (node
 * dist/index.js with INPUT_*, GITHUB_ENV, GITHUB_OUTPUT, GITHUB_STATE…).
 */
import { Delivery } from '../app/delivery.js';
import { stepOutputs } from '../app/exports.js';
import { runFlow, type FlowResult } from '../app/flow.js';
import { credentialLayout, parseClients, wantedFiles } from '../app/job-files.js';
import type { CommonFlags, SettingNames } from '../app/options.js';
import { RunDir } from '../app/run-dir.js';
import { StateRecord } from '../app/run-record.js';
import { layoutView } from '../credentials/index.js';
import type { Manifest } from '../credentials/manifest.js';
import { DeployTokenError, UsageError } from '../core/errors.js';
import type { Clock, Env } from '../core/env.js';
import type { TextSink } from '../core/output.js';
import { renderGithub } from '../export/github.js';
import type { ExportVariable } from '../export/variables.js';
import { formatFileLines, formatPlanText, planReport } from '../plan/format.js';
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

/** How the action names its settings in messages: its inputs (action.yml). */
export const INPUT_NAMES: SettingNames = {
  gitlabUrl: 'input gitlab-url',
  project: 'input project',
  spec: 'input spec',
  job: 'input job',
  apiTokenEnv: 'input gitlab-token',
  apiToken: 'input gitlab-token',
  minDaysLeft: 'input min-days-left',
  ref: 'input ref',
};

/** The settings the inputs stand for (the post step reads the same inputs to find the instance). */
export function flagsOf(inputs: ActionInputs): CommonFlags {
  return {
    ...(inputs.gitlabUrl ? { gitlabUrl: inputs.gitlabUrl } : {}),
    ...(inputs.project ? { project: inputs.project } : {}),
    ...(inputs.spec ? { spec: inputs.spec } : {}),
    ...(inputs.job ? { job: inputs.job } : {}),
    ...(inputs.minDaysLeft ? { minDaysLeft: inputs.minDaysLeft } : {}),
    ...(inputs.gitlabToken ? { apiToken: inputs.gitlabToken } : {}),
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
    const run = new RunDir(deps.env);
    let flow: FlowResult;
    try {
      flow = await runFlow(flagsOf(inputs), {
        env: deps.env,
        cwd: deps.cwd,
        now: deps.now,
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
        ...(deps.sleep ? { sleep: deps.sleep } : {}),
        scrubber: runner.scrubber,
        names: INPUT_NAMES,
        notice: (l) => runner.info(`deploy-token: ${l}`),
        ephemeral: { mode: inputs.dryRun ? 'plan' : 'create', force: inputs.ephemeral, random: run.stamp },
      });
    } catch (e) {
      run.discard();
      throw e;
    }
    return await afterFlow(flow, inputs, deps, runner, run);
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
async function printPlan(
  flow: FlowResult,
  inputs: ActionInputs,
  vars: readonly ExportVariable[],
  deps: ActionDeps,
  runner: Runner,
) {
  const r = flow.resolution;
  const plan = planReport(r, {
    gitlabUrl: flow.settings.gitlab.url,
    ...(flow.settings.project ? { project: flow.settings.project } : {}),
    now: deps.now(),
    exports:
      r.ok && inputs.export === 'env'
        ? [{ target: 'github', where: '$GITHUB_ENV', variables: vars.map((v) => v.name) }]
        : [],
  });
  let text = formatPlanText(plan);
  if (r.ok) {
    const layout = await credentialLayout(flow, deps.env, parseClients(inputs.configure), '<private dir>');
    text += formatFileLines(layoutView(layout));
  }
  runner.info(text);
}

/**
 * The delivery (src/app/delivery.ts) in the runner's terms: the run recorded in GITHUB_STATE for the
 * post step, masks registered with the runner, GITHUB_ENV (per input `export`) and GITHUB_OUTPUT
 * written once everything else succeeded.
 */
function actionDelivery(
  flow: FlowResult,
  inputs: ActionInputs,
  deps: ActionDeps,
  runner: Runner,
  run: RunDir,
) {
  const outputs = stepOutputs(flow, inputs.passwordOutput);
  const save = (m: Manifest) => runner.saveState('manifest', JSON.stringify(m), 'ephemeral or configure');
  return new Delivery(flow, {
    env: deps.env,
    run,
    ledger: new StateRecord(save, run, deps.now),
    clients: parseClients(inputs.configure),
    masks: { scrubber: runner.scrubber, runner: (f) => runner.addMasks([f]) },
    render: (v) => {
      // The files' settings are exported whatever `export` says: they point the clients at the files.
      const vars = [...(inputs.export === 'env' ? v.job : []), ...v.files];
      // Rendered now: a value GITHUB_ENV cannot carry refuses the run before any file is written.
      renderGithub(vars, outputs, []);
      return [{ rank: 1, write: () => runner.exportAll(vars, outputs) }];
    },
    say: (l) => runner.info(`deploy-token: ${l}`),
    warn: (l) => runner.annotate('warning', `deploy-token: ${l}`),
  });
}

async function afterFlow(
  flow: FlowResult,
  inputs: ActionInputs,
  deps: ActionDeps,
  runner: Runner,
  run: RunDir,
): Promise<number> {
  const r = flow.resolution;
  // A dry run of an ephemeral job resolves without credentials: it says what would be created.
  const delivery = r.ok && r.credentials ? actionDelivery(flow, inputs, deps, runner, run) : undefined;
  try {
    // Masks before any other line that could contain a value; the run's token recorded first.
    const vars = delivery ? await delivery.prepare() : [];
    if (inputs.dryRun) await printPlan(flow, inputs, vars, deps, runner);
    for (const w of r.warnings) runner.annotate('warning', `${w.message} [${w.code}]`);
    if (r.ok && !inputs.dryRun && !deps.env.GITHUB_STATE) {
      // Checked before any file is written: without the state the post step cannot remove them.
      const wanted = wantedFiles(flow, parseClients(inputs.configure));
      if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
        throw new UsageError('configure needs GITHUB_STATE (run as a GitHub Action)', 'remove configure');
    }
    runner.summary(summaryMarkdown(r, inputs.dryRun));
    if (!r.ok) {
      runner.annotate('error', `${r.reason ?? 'no credentials'}${r.fix ? ` — fix: ${r.fix}` : ''}`);
      return r.exitCode;
    }
    if (inputs.dryRun) return 0;
    await delivery?.deliver();
    runner.info(`deploy-token: ${r.ruleText}`);
    return 0;
  } catch (e) {
    // A token made for this job goes again when main fails, and so do the files; the post step
    // then finds them gone.
    await delivery?.undo();
    throw e;
  }
}
