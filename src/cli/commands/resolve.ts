/** `resolve` and `plan`: the same resolution; `plan` writes nothing and prints no secret. */
import { resolve as resolvePath } from 'node:path';
import { rmSync } from 'node:fs';
import { Delivery, type Delivered, type RenderedExport } from '../../app/delivery.js';
import { jobVariables, scrubOutputs, stepOutputs } from '../../app/exports.js';
import { runFlow, type FlowResult } from '../../app/flow.js';
import { credentialLayout, parseClients } from '../../app/job-files.js';
import { jobSpecOf, type CommonFlags } from '../../app/options.js';
import { RunDir } from '../../app/run-dir.js';
import { RunRecord } from '../../app/run-record.js';
import { runSpecs } from '../../app/spec.js';
import { checkStateDir } from '../../app/state-dir.js';
import { UsageError } from '../../core/errors.js';
import { clientView, formatClientView, layoutView } from '../../credentials/index.js';
import { renderDotenv } from '../../export/dotenv.js';
import { writeFileAtomic } from '../../export/files.js';
import { prepareGithub, writeGithub } from '../../export/github.js';
import { renderJson } from '../../export/json.js';
import { maskFormsFor } from '../../export/masks.js';
import { renderShell } from '../../export/shell.js';
import {
  checkStdout,
  parseTargets,
  requestedTargets,
  resolveTargets,
  targetPlace,
  type ExportTarget,
} from '../../export/targets.js';
import { formatFileLines, formatPlanText, pickStyle, planReport } from '../../plan/format.js';
import type { CommandContext } from '../context.js';
import { reportResolution, writeJson } from '../output.js';

export interface ResolveFlags extends CommonFlags {
  export?: string[];
  format?: string;
  output?: string;
  allowUnmaskedDotenv?: boolean;
  passwordOutput?: boolean;
  configure?: string[];
}

export async function runResolve(flags: ResolveFlags, ctx: CommandContext): Promise<number> {
  // The spec is read once for the run: here for the job's `export:`, then by the flow.
  const specs = runSpecs(ctx.cwd);
  const job =
    flags.job === undefined
      ? undefined
      : { name: flags.job, spec: jobSpecOf(flags.job, await specs(flags.spec)) };
  const { targets } = resolveTargets(flags.export, { env: ctx.env, job, output: flags.output });
  // The run may record there (credential files, an ephemeral token): refuse a planted one first.
  checkStateDir(ctx.env);
  // The run's directory is made when first needed: an ephemeral token's name carries its marker.
  const run = new RunDir(ctx.env);
  let flow: FlowResult;
  try {
    flow = await runFlow(flags, {
      ...ctx,
      specs,
      notice: (l) => ctx.stderr.write(`deploy-token: ${l}\n`),
      ephemeral: { mode: 'create', random: run.stamp },
    });
  } catch (e) {
    run.discard();
    throw e;
  }
  if (!reportResolution(ctx.stderr, flow.resolution)) {
    run.discard();
    return flow.resolution.exitCode;
  }
  await new Delivery(flow, {
    env: ctx.env,
    run,
    // Recorded before it is made use of, so `deploy-token cleanup` finds whatever a killed run leaves.
    ledger: new RunRecord(ctx.env, run, { now: ctx.now, cleanup: true }),
    clients: parseClients(flags.configure),
    masks: { scrubber: ctx.scrubber },
    render: (v) => targets.map((t) => renderTarget(t, flow, v, flags, ctx)),
    say: (l) => ctx.stderr.write(`deploy-token: ${l}\n`),
    warn: (l) => ctx.stderr.write(`deploy-token: warning: ${l}\n`),
  }).deliver();
  return 0;
}

/**
 * One target rendered (refusing what it cannot carry), not yet written. shell and json are the
 * payload the user asked for: they carry the secret as it is, on stdout, after everything else.
 */
function renderTarget(
  t: ExportTarget,
  flow: FlowResult,
  v: Delivered,
  flags: ResolveFlags,
  ctx: CommandContext,
): RenderedExport {
  const list = [...v.job, ...v.files];
  if (t === 'shell') {
    const text = renderShell(list);
    return { rank: 2, write: () => ctx.payload.write(text) };
  }
  if (t === 'json') {
    // Besides CI_DEPLOY_USER / CI_DEPLOY_PASSWORD: the spec's variables and the files' settings.
    const extra = Object.fromEntries([...v.job.slice(2), ...v.files].map((x) => [x.name, x.value]));
    const text = renderJson(flow.resolution, extra);
    return { rank: 2, write: () => ctx.payload.write(text) };
  }
  if (t === 'dotenv') return renderDotenvTarget(list, flags, ctx);
  const outputs = scrubOutputs(stepOutputs(flow, flags.passwordOutput === true), ctx.scrubber);
  const username = flow.resolution.credentials?.username ?? '';
  const w = prepareGithub(list, outputs, maskFormsFor(list, username), ctx.env);
  return { rank: 1, write: () => writeGithub(w) };
}

/** The dotenv report: written first, taken back when the run fails later. */
function renderDotenvTarget(
  list: Delivered['job'],
  flags: ResolveFlags,
  ctx: CommandContext,
): RenderedExport {
  const text = renderDotenv(list, { allowUnmasked: flags.allowUnmaskedDotenv === true });
  // Relative to the command's working directory (the context's, which in-process callers set).
  const path = resolvePath(ctx.cwd, flags.output as string);
  return {
    rank: 0,
    write: () => {
      writeFileAtomic(path, text);
      if (list.some((x) => x.secret)) {
        ctx.stderr.write(
          `deploy-token: warning: ${path} holds the deploy password in plain text: GitLab neither masks nor protects dotenv variables, and keeps the file as an artifact [unmasked-dotenv]\n`,
        );
      }
    },
    undo: () => {
      try {
        rmSync(path, { force: true });
        return { ok: true, line: `removed ${path}, which this run wrote` };
      } catch {
        return { ok: false, line: `could not remove ${path}, which holds the credentials; remove it` };
      }
    },
  };
}

export async function runPlan(flags: ResolveFlags, ctx: CommandContext): Promise<number> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`unknown --format "${format.slice(0, 40)}" for plan`, 'use text or json');
  }
  checkStdout({ targets: parseTargets(flags.export), source: '--export' });
  const flow = await runFlow(flags, { ...ctx, notice: (l) => ctx.stderr.write(`deploy-token: ${l}\n`) });
  const { resolution: r, settings } = flow;
  // What resolve would export: --export, else the job's `export:`.
  const wanted = requestedTargets(
    flags.export,
    settings.job && { name: settings.job.name, spec: settings.job.spec },
  );
  if (wanted) checkStdout(wanted);
  const names = r.ok ? (await jobVariables(flow, ctx.env)).map((v) => v.name) : [];
  const layout = r.ok
    ? await credentialLayout(flow, ctx.env, parseClients(flags.configure), '<private dir>')
    : undefined;
  if (layout) names.push(...layout.variables.map((v) => v.name));
  const plan = planReport(r, {
    gitlabUrl: settings.gitlab.url,
    ...(settings.project ? { project: settings.project } : {}),
    now: ctx.now(),
    exports: (wanted?.targets ?? []).map((t) => ({
      target: t,
      where: targetPlace(t, flags.output),
      variables: names,
    })),
  });
  const files = layout ? layoutView(layout) : [];
  // Each client, and whether the token's scopes let it pull and push (GitLab's rules, clients.ts).
  const clients = layout ? clientView(layout, r.token?.scopes) : [];
  // snake_case (GitLab's API casing); `sources` is keyed by variable names, kept as they are.
  if (format === 'json') writeJson(ctx.stdout, { ...plan, files, clients }, new Set(['sources']));
  else {
    ctx.stdout.write(formatPlanText(plan, pickStyle(ctx.stdout.isTTY, ctx.env)));
    ctx.stdout.write(formatFileLines(files));
    for (const c of clients) ctx.stdout.write(formatClientView(c));
  }
  return plan.exitCode;
}
