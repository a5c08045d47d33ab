/**
 * The action's main step: inputs → masks → resolution → render and check everything → the library's
 * writes → job summary. Thin: every decision is the core's, and everything it prints goes through the
 * Runner (src/action/runner.ts, on `@actions/core`). The runner's files come from process.env, as
 * `@actions/core` reads them; tests set them there and call `run()` (src/action/main.ts).
 */
import { Delivery } from '../app/delivery.js';
import { stepOutputs } from '../app/exports.js';
import { runFlow, type FlowResult } from '../app/flow.js';
import { credentialLayout, parseClients, wantedFiles } from '../app/job-files.js';
import { RunDir } from '../app/run-dir.js';
import { StateRecord } from '../app/run-record.js';
import { runSpecs } from '../app/spec.js';
import { layoutView } from '../credentials/index.js';
import type { Manifest } from '../credentials/manifest.js';
import { DeployTokenError, UsageError } from '../core/errors.js';
import type { Clock, Env } from '../core/env.js';
import { prepareGithub } from '../export/github.js';
import type { ExportVariable } from '../export/variables.js';
import { formatFileLines, formatPlanText, planReport } from '../plan/format.js';
import { flagsOf, INPUT_NAMES, pairEnv, withPairSources } from './pair.js';
import { readInputs, type ActionInputs } from './inputs.js';
import { Runner } from './runner.js';
import { summaryRows } from './summary.js';

export interface ActionDeps {
  env: Env;
  cwd: string;
  now: Clock;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** The Runner (tests give one whose log lines they read). */
  runner?: Runner;
}

export async function runAction(deps: ActionDeps): Promise<number> {
  const runner = deps.runner ?? new Runner();
  // Secrets the environment holds by name are masked in what this step prints from the first line.
  runner.scrubber.addEnv(deps.env);
  try {
    const inputs = readInputs();
    // The API token and the password are secrets from the first line on, for the runner too.
    runner.setSecret(inputs.gitlabToken);
    runner.setSecret(inputs.password, inputs.username ? { username: inputs.username } : {});
    if (inputs.ephemeral && inputs.password)
      throw new UsageError(
        'input ephemeral creates a token for this job: it takes no input username / password',
        'leave out username and password, or ephemeral',
      );
    const run = new RunDir(deps.env);
    let flow: FlowResult;
    try {
      flow = await resolveFlow(inputs, deps, runner, run);
    } catch (e) {
      run.discard();
      throw e;
    }
    return await afterFlow(flow, inputs, deps, runner, run);
  } catch (e) {
    reportError(e, runner);
    return e instanceof DeployTokenError ? e.exitCode : 3;
  }
}

async function resolveFlow(inputs: ActionInputs, deps: ActionDeps, runner: Runner, run: RunDir) {
  const specs = runSpecs(deps.cwd);
  const flags = flagsOf(inputs);
  const env = await pairEnv(inputs, deps.env, () => specs(flags.spec));
  const flow = await runFlow(flags, {
    env,
    cwd: deps.cwd,
    now: deps.now,
    specs,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
    onRequest: (r) =>
      runner.debug(
        `deploy-token: ${r.method} ${r.endpoint} → ${r.status ?? 'no answer'} (${Math.round(r.ms)} ms)`,
      ),
    scrubber: runner.scrubber,
    names: INPUT_NAMES,
    notice: (l) => runner.info(`deploy-token: ${l}`),
    ephemeral: { mode: inputs.dryRun ? 'plan' : 'create', force: inputs.ephemeral, random: run.stamp },
  });
  return withPairSources(flow, inputs);
}

/** An error as annotations: a spec's findings at their file and line, anything else as one error. */
function reportError(e: unknown, runner: Runner): void {
  if (!(e instanceof DeployTokenError)) {
    runner.annotate('error', `internal error: ${(e as { message?: string }).message ?? String(e)}`);
    return;
  }
  const places = [...e.message.matchAll(/^\s+(.+?):(\d+):\d+: (.*)$/gm)];
  for (const [, file, line, message] of places)
    runner.annotate('error', message ?? '', { file: file ?? '', line: Number(line) });
  runner.annotate('error', `${e.message}${e.hint ? ` — ${e.hint}` : ''}`);
}

/** The plan of a dry run, as the CLI's `plan` prints it, folded in a group. */
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
  if (r.ok && r.credentials) {
    const layout = await credentialLayout(flow, deps.env, parseClients(inputs.configure), '<private dir>');
    text += formatFileLines(layoutView(layout));
  }
  await runner.group('deploy-token: plan (dry run)', async () => runner.info(text));
}

/** What the summary says was (or would be) exported and configured. */
function exportedText(inputs: ActionInputs, vars: readonly ExportVariable[]): string {
  if (inputs.export === 'none') return 'nothing (input export: none)';
  const outputs = 'step outputs';
  if (inputs.export === 'output') return outputs;
  return `${vars.map((v) => v.name).join(', ') || 'nothing'} to the job's environment; ${outputs}`;
}

/**
 * The delivery (src/app/delivery.ts) in the runner's terms: the run recorded in GITHUB_STATE for the
 * post step, masks registered with the runner, GITHUB_ENV (per input `export`) and GITHUB_OUTPUT
 * checked when rendered and written once everything else succeeded.
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
      const shown = inputs.export === 'none' ? {} : outputs;
      // Checked now: a file the runner did not give, or a name it cannot take, refuses the run
      // before any credential file is written.
      prepareGithub(vars, shown, [], process.env);
      return [{ rank: 1, write: () => runner.exportAll(vars, shown) }];
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
    const wanted = wantedFiles(flow, parseClients(inputs.configure));
    if (r.ok && !inputs.dryRun && !process.env.GITHUB_STATE) {
      // Checked before any file is written: without the state the post step cannot remove them.
      if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
        throw new UsageError(
          'input configure needs GITHUB_STATE (run as a GitHub Action)',
          'remove configure',
        );
    }
    const configured = wanted.clients.join(', ') || 'no client (input configure is empty)';
    const rows = summaryRows({
      resolution: r,
      now: deps.now(),
      dryRun: inputs.dryRun,
      exported: exportedText(inputs, vars),
      configured,
    });
    const summary = (title: string) => {
      try {
        runner.summary(title, rows);
      } catch (e) {
        runner.annotate('warning', `deploy-token: job summary not written: ${String(e)}`);
      }
    };
    if (!r.ok) {
      summary('deploy-token');
      runner.annotate('error', `${r.reason ?? 'no credentials'}${r.fix ? ` — fix: ${r.fix}` : ''}`);
      return r.exitCode;
    }
    if (!inputs.dryRun) await delivery?.deliver();
    // After the exports: a summary that cannot be written is a warning, not a reason to take them back.
    summary(`deploy-token${inputs.dryRun ? ' (dry run)' : ''}`);
    if (inputs.dryRun) return 0;
    runner.info(`deploy-token: ${r.ruleText}`);
    runner.info(`deploy-token: exported ${exportedText(inputs, vars)}; configured ${configured}`);
    return 0;
  } catch (e) {
    // A token made for this job goes again when main fails, and so do the files; the post step
    // then finds them gone.
    await delivery?.undo();
    throw e;
  }
}
