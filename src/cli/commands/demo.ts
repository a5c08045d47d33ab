/**
 * `demo`: the whole flow against an embedded stand-in GitLab on 127.0.0.1 — no network, no token.
 * Each scenario plays a GitLab instance and the job environment its runner would inject.
 */
import s1 from '../../../fixtures/scenarios/1-project-token.json' with { type: 'json' };
import s2 from '../../../fixtures/scenarios/2-group-token-15.0.json' with { type: 'json' };
import s3 from '../../../fixtures/scenarios/3-group-token-17.json' with { type: 'json' };
import s4 from '../../../fixtures/scenarios/4-expired-token.json' with { type: 'json' };
import s5 from '../../../fixtures/scenarios/5-grandparent-token.json' with { type: 'json' };
import auditTree from '../../../fixtures/scenarios/audit-tree.json' with { type: 'json' };
import { runFlow } from '../../app/flow.js';
import { renderShell } from '../../export/shell.js';
import { deployVariables } from '../../export/variables.js';
import { planReport, formatPlanText, pickStyle } from '../../plan/format.js';
import type { Scenario } from '../../standin/model.js';
import { startStandin } from '../../standin/server.js';
import type { CommandContext } from '../context.js';

export const DEMO_SCENARIOS: Scenario[] = [s1, s2, s3, s4, s5] as Scenario[];

/** Every secret a scenario holds (also tokens created while the demo runs). */
function secretsOf(sc: Scenario): string[] {
  return [
    ...sc.apiTokens,
    ...sc.projects.flatMap((p) => (p.tokens ?? []).map((t) => t.token)),
    ...sc.groups.flatMap((g) => (g.tokens ?? []).map((t) => t.token)),
    ...[...sc.projects, ...sc.groups].flatMap((h) =>
      (h.variables ?? [])
        .filter((v) => v.key === 'CI_DEPLOY_PASSWORD' && v.value)
        .map((v) => v.value as string),
    ),
  ];
}

/**
 * The demo never prints a secret: every secret of a scenario is registered with the run's scrubber
 * before anything is printed, and everything the demo prints goes through it.
 */
function registerSecrets(ctx: CommandContext, sc: Scenario): void {
  for (const s of secretsOf(sc)) ctx.scrubber.add(s);
}

/** Run a command against a stand-in with its output captured (printed later, through the scrubber). */
async function captured(
  ctx: CommandContext,
  sc: Scenario,
  fn: (sub: CommandContext) => Promise<number>,
): Promise<{ code: number; text: string }> {
  let text = '';
  const sink = { write: (t: string) => void (text += t), isTTY: false };
  const code = await fn({
    ...ctx,
    stdout: sink,
    stderr: sink,
    payload: sink,
    env: { GITLAB_TOKEN: sc.apiTokens[0] ?? '' },
  });
  return { code, text };
}

/**
 * Beyond GitLab's own behaviour: rotate the ≤ 15.0 group token kept in the group's variables, show
 * that the job now gets the new one, then audit a group tree.
 */
async function demoChanges(
  ctx: CommandContext,
  style: ReturnType<typeof pickStyle>,
  first: number,
): Promise<number> {
  let mismatches = 0;
  const sc = structuredClone(s2) as Scenario;
  registerSecrets(ctx, sc);
  const standin = await startStandin(sc, { now: ctx.now });
  try {
    const argv = `provision --level group --group tanuki --scopes read_repository,read_registry --expires-in 90 --store group-variables --rotate`;
    let out = `\n${style.bold(`${first}. Rotate the group token kept in the group's CI/CD variables (GitLab 15.0)`)}\n   A new token, the variables updated and verified, and only then the old token deleted; any failure rolls back.\n\n$ deploy-token ${argv}\n`;
    const { runProvisionCommand } = await import('./provision.js');
    const r = await captured(ctx, sc, (sub) =>
      runProvisionCommand(
        {
          level: 'group',
          group: 'tanuki',
          scopes: 'read_repository,read_registry',
          expiresIn: '90',
          store: 'group-variables',
          rotate: true,
          gitlabUrl: standin.url,
        },
        sub,
      ),
    );
    out += r.text;
    const env = { GITLAB_TOKEN: sc.apiTokens[0] };
    const { resolution, settings } = await runFlow(
      { gitlabUrl: standin.url, project: sc.project },
      { env, cwd: ctx.cwd, now: ctx.now },
    );
    out += `\n$ deploy-token plan --project ${sc.project}   # the job now gets the new token\n`;
    out += formatPlanText(
      planReport(resolution, {
        gitlabUrl: settings.gitlab.url,
        project: sc.project,
        now: ctx.now(),
        exports: [],
      }),
      style,
    );
    // Tokens the rotation created are registered by provision itself.
    ctx.stdout.write(out);
    if (r.code !== 0 || !resolution.ok || resolution.token?.id === 21) {
      mismatches++;
      ctx.stderr.write('deploy-token demo: the rotation did not give the job a new working token\n');
    }
  } finally {
    await standin.close();
  }
  const tree = structuredClone(auditTree) as Scenario;
  registerSecrets(ctx, tree);
  const audit = await startStandin(tree, { now: ctx.now });
  try {
    const { runAudit } = await import('./audit.js');
    const r = await captured(ctx, tree, (sub) => runAudit({ group: 'acme', gitlabUrl: audit.url }, sub));
    ctx.stdout.write(
      `\n${style.bold(`${first + 1}. Audit a group tree`)}\n   Every deploy token of acme, its subgroups and projects, with what is wrong and what to do (exit 1: errors found).\n\n$ deploy-token audit --group acme\n${r.text}`,
    );
    if (r.code !== 1) {
      mismatches++;
      ctx.stderr.write(`deploy-token demo: the audit gave exit ${r.code}, expected 1\n`);
    }
  } finally {
    await audit.close();
  }
  return mismatches;
}

export async function runDemo(ctx: CommandContext, scenarios: Scenario[] = DEMO_SCENARIOS): Promise<number> {
  const style = pickStyle(ctx.stdout.isTTY, ctx.env);
  let mismatches = 0;
  for (const [i, sc] of scenarios.entries()) {
    registerSecrets(ctx, sc);
    const standin = await startStandin(sc, { now: ctx.now });
    try {
      const env = { GITLAB_TOKEN: sc.apiTokens[0], ...(sc.jobEnv ?? {}) };
      const flags = { gitlabUrl: standin.url, project: sc.project };
      const { resolution: r, settings } = await runFlow(flags, { env, cwd: ctx.cwd, now: ctx.now });
      const plan = planReport(r, {
        gitlabUrl: settings.gitlab.url,
        project: sc.project,
        now: ctx.now(),
        exports: r.ok
          ? [{ target: 'shell', where: 'stdout', variables: ['CI_DEPLOY_USER', 'CI_DEPLOY_PASSWORD'] }]
          : [],
      });
      let out = `\n${style.bold(`${i + 1}. ${sc.title}`)}\n   ${sc.description}\n\n$ deploy-token plan --project ${sc.project}\n`;
      out += formatPlanText(plan, style);
      if (r.ok && r.credentials) {
        out += `\n$ eval "$(deploy-token resolve --export shell)"   # what it exports (secret masked here)\n`;
        out += renderShell(deployVariables(r.credentials.username, r.credentials.password));
      }
      ctx.stdout.write(out);
      if (sc.expectExit !== undefined && r.exitCode !== sc.expectExit) {
        mismatches++;
        ctx.stderr.write(
          `deploy-token demo: scenario ${sc.name} gave exit ${r.exitCode}, expected ${sc.expectExit}\n`,
        );
      }
    } finally {
      await standin.close();
    }
  }
  if (scenarios === DEMO_SCENARIOS) mismatches += await demoChanges(ctx, style, scenarios.length + 1);
  const total = scenarios.length + (scenarios === DEMO_SCENARIOS ? 2 : 0);
  ctx.stdout.write(
    `\n${mismatches === 0 ? style.green('demo complete') : style.red('demo found a mismatch')}: ${total} scenarios against a stand-in GitLab on 127.0.0.1; no network, no token.\n`,
  );
  return mismatches === 0 ? 0 : 1;
}
