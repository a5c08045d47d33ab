/** `resolve` and `plan`: the same resolution; `plan` writes nothing and prints no secret. */
import { jobVariables, stepOutputs } from '../../app/exports.js';
import { checkStateDir, credentialPlan, parseClients, writeJobCredentials } from '../../app/credentials.js';
import { RunRecord } from '../../app/run-record.js';
import { scrubOutputs } from '../../app/exports.js';
import { RunDir } from '../../app/run-dir.js';
import { safeJson } from '../../core/text.js';
import { rmSync } from 'node:fs';
import { discardEphemeral } from '../../app/ephemeral.js';
import { loadSpecFor, runFlow, type FlowResult } from '../../app/flow.js';
import { clientView, formatClientView, planView } from '../../credentials/index.js';
import type { CommonFlags } from '../../app/options.js';
import { UsageError } from '../../core/errors.js';
import { renderDotenv } from '../../export/dotenv.js';
import { writeFileAtomic } from '../../export/files.js';
import { githubFiles, renderGithub, writeGithub } from '../../export/github.js';
import { renderJson } from '../../export/json.js';
import { maskFormsFor } from '../../export/masks.js';
import type { ExportVariable } from '../../export/variables.js';
import { renderShell } from '../../export/shell.js';
import { buildPlan, formatPlanText, pickStyle, type PlanExport } from '../../plan/format.js';
import type { CliContext, CommandContext } from '../context.js';

export const EXPORT_TARGETS = ['github', 'shell', 'dotenv', 'json'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];
const STDOUT_TARGETS: ExportTarget[] = ['github', 'shell', 'json'];

export interface ResolveFlags extends CommonFlags {
  export?: string[];
  format?: string;
  output?: string;
  allowUnmaskedDotenv?: boolean;
  passwordOutput?: boolean;
  configure?: string[];
}

export function parseTargets(
  raw: string[] | undefined,
  env: CliContext['env'],
  required: boolean,
): ExportTarget[] {
  const list = (raw ?? [])
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const t of list) {
    if (!(EXPORT_TARGETS as readonly string[]).includes(t)) {
      throw new UsageError(
        `unknown export target "${t.slice(0, 40)}"`,
        `use one of: ${EXPORT_TARGETS.join(', ')}`,
      );
    }
  }
  const targets = [...new Set(list)] as ExportTarget[];
  if (targets.length === 0 && required) {
    if (env.GITHUB_ENV) return ['github'];
    throw new UsageError(
      'resolve needs --export',
      'e.g. eval "$(deploy-token resolve --export shell)", or --export json; `deploy-token plan` shows what would be exported',
    );
  }
  const onStdout = targets.filter((t) => STDOUT_TARGETS.includes(t));
  if (onStdout.length > 1) {
    throw new UsageError(
      `--export ${onStdout.join(',')} would all print on stdout`,
      'choose one of github, shell, json (dotenv goes to --output)',
    );
  }
  return targets;
}

function planExports(targets: ExportTarget[], names: string[], flags: ResolveFlags): PlanExport[] {
  return targets.map((t) => ({
    target: t,
    where:
      t === 'github'
        ? '$GITHUB_ENV, $GITHUB_OUTPUT'
        : t === 'dotenv'
          ? (flags.output ?? '(--output FILE)')
          : 'stdout',
    variables: names,
  }));
}

function printWarnings(ctx: CliContext, warnings: { code: string; message: string }[]): void {
  for (const w of warnings) ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
}

export async function runResolve(flags: ResolveFlags, ctx: CommandContext): Promise<number> {
  const targets = parseTargets(flags.export, ctx.env, true);
  if (targets.includes('dotenv') && !flags.output) {
    throw new UsageError(
      '--export dotenv needs --output FILE',
      'e.g. --output deploy.env, then artifacts:reports:dotenv: deploy.env',
    );
  }
  if (targets.includes('dotenv') && flags.job !== undefined) {
    const spec = await loadSpecFor(flags, ctx.cwd);
    if (spec?.jobs[flags.job]?.ephemeral === true) {
      throw new UsageError(
        `job "${flags.job}" is ephemeral: its token is deleted when this job ends, so a dotenv report would hand later jobs a dead token`,
        'use `deploy-token exec --job NAME -- CMD` in the job that needs it',
      );
    }
  }
  // The run may record there (credential files, an ephemeral token): refuse a planted one first.
  checkStateDir(ctx.env);
  // The run's directory is made when first needed: an ephemeral token's name carries its marker.
  const run = new RunDir(ctx.env);
  let flow: FlowResult;
  try {
    flow = await runFlow(flags, { ...ctx, ephemeral: { mode: 'create', random: run.stamp } });
  } catch (e) {
    run.discard();
    throw e;
  }
  const wrote: Wrote = { record: new RunRecord(ctx.env, run, { now: ctx.now }) };
  try {
    return await exportResolved(flow, targets, flags, ctx, wrote, run);
  } catch (e) {
    // Nothing half-done: a token made for this run goes again when the run fails, and so do the
    // files and the record it wrote.
    const d = await discardEphemeral(flow);
    if (d) ctx.stderr.write(`deploy-token: ${d.ok ? '' : 'warning: '}${d.line}\n`);
    undoWritten(wrote, d !== undefined && !d.ok, ctx);
    if (!wrote.record.manifest) run.discard();
    throw e;
  }
}

/** What a resolve run has written so far: its record (token, credential files), the dotenv report. */
interface Wrote {
  record: RunRecord;
  dotenv?: string;
}

/**
 * Removes what a failing run wrote. The record and the marker stay (naming only the token) when the
 * run's token could not be deleted, so `deploy-token cleanup` can delete it later.
 */
function undoWritten(w: Wrote, tokenLeft: boolean, ctx: CommandContext): void {
  if (w.dotenv) {
    try {
      rmSync(w.dotenv, { force: true });
      ctx.stderr.write(`deploy-token: removed ${w.dotenv}, which this run wrote\n`);
    } catch {
      ctx.stderr.write(
        `deploy-token: warning: could not remove ${w.dotenv}, which holds the credentials; remove it\n`,
      );
    }
  }
  const files = w.record.manifest?.files.length ?? 0;
  try {
    const r = w.record.close(tokenLeft);
    if (files > 0)
      ctx.stderr.write(
        `deploy-token: removed the ${files} credential file(s) this run wrote${r.refused.length ? `; left ${r.refused.join(', ')}` : ''}\n`,
      );
  } catch {
    ctx.stderr.write(`deploy-token: warning: could not update the record ${w.record.where}; remove it\n`);
  }
}

/** Every target rendered (refusing bad input) before anything is written; each returns its writer. */
function renderTargets(
  flow: FlowResult,
  list: ExportVariable[],
  targets: ExportTarget[],
  flags: ResolveFlags,
  ctx: CommandContext,
  wrote: Wrote,
): (() => void)[] {
  const r = flow.resolution;
  const creds = r.credentials as { username: string; password: string };
  return targets.map((t) => {
    // shell and json are the payload the user asked for: they carry the secret, as they are.
    if (t === 'shell') {
      const text = renderShell(list);
      return () => ctx.payload.write(text);
    }
    if (t === 'json') {
      const extra = Object.fromEntries(list.slice(2).map((v) => [v.name, v.value]));
      const text = renderJson(r, extra);
      return () => ctx.payload.write(text);
    }
    if (t === 'dotenv') {
      const text = renderDotenv(list, { allowUnmasked: flags.allowUnmaskedDotenv === true });
      const path = flags.output as string;
      return () => {
        writeFileAtomic(path, text);
        wrote.dotenv = path;
        if (list.some((v) => v.secret)) {
          ctx.stderr.write(
            `deploy-token: warning: ${path} holds the deploy password in plain text: GitLab neither masks nor protects dotenv variables, and keeps the file as an artifact [unmasked-dotenv]\n`,
          );
        }
      };
    }
    const files = githubFiles(ctx.env);
    const outputs = scrubOutputs(stepOutputs(flow, flags.passwordOutput === true), ctx.scrubber);
    const w = renderGithub(list, outputs, maskFormsFor(list, creds));
    return () => writeGithub(w, files, (m) => ctx.command('add-mask', m));
  });
}

async function exportResolved(
  flow: FlowResult,
  targets: ExportTarget[],
  flags: ResolveFlags,
  ctx: CommandContext,
  wrote: Wrote,
  run: RunDir,
): Promise<number> {
  const r = flow.resolution;
  printWarnings(ctx, r.warnings);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? 'no credentials'}\n`);
    for (const d of r.details ?? []) ctx.stderr.write(`  ${d}\n`);
    if (r.fix) ctx.stderr.write(`  fix: ${r.fix}\n`);
    return r.exitCode;
  }
  // All or nothing: render every target first; only then write.
  const clients = parseClients(flags.configure);
  let vars: ExportVariable[] = await jobVariables(flow, ctx.env);
  let rendered = renderTargets(flow, vars, targets, flags, ctx, wrote);
  // Recorded before it is made use of: the token first, then every file about to be written, so
  // `deploy-token cleanup` finds whatever a killed run leaves. A failure from here on removes them
  // again (runResolve).
  if (flow.ephemeral) wrote.record.token(flow.ephemeral);
  const written = await writeJobCredentials(flow, ctx.env, clients, run, wrote.record.files);
  if (written) {
    vars = [...vars, ...written.variables]; // settings that hold the token are secret: masked
    ctx.stderr.write(
      `deploy-token: wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}; \`deploy-token cleanup\` removes them (manifest ${wrote.record.where})\n`,
    );
    rendered = renderTargets(flow, vars, targets, flags, ctx, wrote);
  }
  if (flow.ephemeral) {
    ctx.stderr.write(
      `deploy-token: created ephemeral token #${flow.ephemeral.tokenId} (${flow.ephemeral.name}); run \`deploy-token cleanup\` when the job ends (e.g. in after_script) to delete it\n`,
    );
  }
  // Files before stdout: the dotenv report, then the github target (its masks, then GITHUB_ENV /
  // GITHUB_OUTPUT), and only once those succeeded the shell or json export — what `eval "$(…)"`
  // applies must never come from a run that then fails. A later failure removes the dotenv file.
  const rank = (t: ExportTarget): number => (t === 'dotenv' ? 0 : t === 'github' ? 1 : 2);
  const order = targets.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t));
  for (const { i } of order) rendered[i]?.();
  return 0;
}

export async function runPlan(flags: ResolveFlags, ctx: CommandContext): Promise<number> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`unknown --format "${format.slice(0, 40)}" for plan`, 'use text or json');
  }
  const targets = parseTargets(flags.export, ctx.env, false);
  const flow = await runFlow(flags, ctx);
  const { resolution: r, settings } = flow;
  const names = r.ok ? (await jobVariables(flow, ctx.env)).map((v) => v.name) : [];
  const filePlan = r.ok
    ? await credentialPlan(flow, ctx.env, parseClients(flags.configure), '<private dir>')
    : undefined;
  if (filePlan) names.push(...filePlan.variables.map((v) => v.name));
  const plan = buildPlan(r, {
    gitlabUrl: settings.gitlabUrl,
    ...(settings.project ? { project: settings.project } : {}),
    now: ctx.now(),
    exports: planExports(targets, names, flags),
  });
  const files = filePlan ? planView(filePlan) : [];
  // Each client, and whether the token's scopes let it pull and push (GitLab's rules, clients.ts).
  const clients = filePlan ? clientView(filePlan, r.token?.scopes) : [];
  if (format === 'json') ctx.stdout.write(`${safeJson({ ...plan, files, clients }, 2)}\n`);
  else {
    ctx.stdout.write(formatPlanText(plan, pickStyle(ctx.stdout.isTTY, ctx.env)));
    for (const f of files) {
      ctx.stdout.write(
        `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` ← $${f.env}` : ''}\n`,
      );
    }
    for (const c of clients) ctx.stdout.write(formatClientView(c));
  }
  return plan.exitCode;
}
