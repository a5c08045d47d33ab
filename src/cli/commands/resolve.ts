/** `resolve` and `plan`: the same resolution; `plan` writes nothing and prints no secret. */
import { runFlow } from '../../app/flow.js';
import type { CommonFlags } from '../../app/options.js';
import { UsageError } from '../../core/errors.js';
import { renderJson } from '../../export/json.js';
import { renderShell } from '../../export/shell.js';
import { checkVariables, deployVariables } from '../../export/variables.js';
import { buildPlan, formatPlanText, pickStyle, type PlanExport } from '../../plan/format.js';
import type { CliContext } from '../context.js';

export const EXPORT_TARGETS = ['shell', 'json'] as const;
export type ExportTarget = (typeof EXPORT_TARGETS)[number];

export interface ResolveFlags extends CommonFlags {
  export?: string[];
  format?: string;
}

function parseTargets(raw: string[] | undefined): ExportTarget[] {
  const list = (raw ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const t of list) {
    if (!(EXPORT_TARGETS as readonly string[]).includes(t)) {
      throw new UsageError(`unknown export target "${t.slice(0, 40)}"`, `use one of: ${EXPORT_TARGETS.join(', ')}`);
    }
  }
  const targets = [...new Set(list)] as ExportTarget[];
  if (targets.length === 0) {
    throw new UsageError(
      'resolve needs --export',
      'e.g. eval "$(deploy-token resolve --export shell)", or --export json; `deploy-token plan` shows what would be exported',
    );
  }
  if (targets.length > 1) {
    throw new UsageError(`--export ${targets.join(',')} would print two formats on stdout`, 'choose one of shell, json');
  }
  return targets;
}

function planExports(targets: ExportTarget[]): PlanExport[] {
  return targets.map((t) => ({ target: t, where: 'stdout', variables: ['CI_DEPLOY_USER', 'CI_DEPLOY_PASSWORD'] }));
}

function printWarnings(ctx: CliContext, warnings: { code: string; message: string }[]): void {
  for (const w of warnings) ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]\n`);
}

export async function runResolve(flags: ResolveFlags, ctx: CliContext): Promise<number> {
  const targets = parseTargets(flags.export);
  const { resolution: r } = await runFlow(flags, ctx);
  printWarnings(ctx, r.warnings);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? 'no credentials'}\n`);
    if (r.fix) ctx.stderr.write(`  fix: ${r.fix}\n`);
    return r.exitCode;
  }
  // All or nothing: render everything first, then write once.
  const vars = deployVariables(r.credentials.username, r.credentials.password);
  checkVariables(vars);
  const out = targets[0] === 'shell' ? renderShell(vars) : renderJson(r);
  ctx.stdout.write(out);
  return 0;
}

export async function runPlan(flags: ResolveFlags, ctx: CliContext): Promise<number> {
  const format = flags.format ?? 'text';
  if (format !== 'text' && format !== 'json') {
    throw new UsageError(`unknown --format "${format.slice(0, 40)}" for plan`, 'use text or json');
  }
  const targets = flags.export && flags.export.length > 0 ? parseTargets(flags.export) : [];
  const { resolution: r, settings } = await runFlow(flags, ctx);
  const plan = buildPlan(r, {
    gitlabUrl: settings.gitlabUrl,
    ...(settings.project ? { project: settings.project } : {}),
    now: ctx.now(),
    exports: planExports(targets),
  });
  if (format === 'json') ctx.stdout.write(`${JSON.stringify(plan, null, 2)}\n`);
  else ctx.stdout.write(formatPlanText(plan, pickStyle(ctx.stdout.isTTY, ctx.env)));
  return r.exitCode;
}
