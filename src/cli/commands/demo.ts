/**
 * `demo`: the whole flow against an embedded stand-in GitLab on 127.0.0.1 — no network, no token.
 * Each scenario plays a GitLab instance and the job environment its runner would inject.
 */
import s1 from '../../../fixtures/scenarios/1-project-token.json' with { type: 'json' };
import s2 from '../../../fixtures/scenarios/2-group-token-15.0.json' with { type: 'json' };
import s3 from '../../../fixtures/scenarios/3-group-token-17.json' with { type: 'json' };
import s4 from '../../../fixtures/scenarios/4-expired-token.json' with { type: 'json' };
import s5 from '../../../fixtures/scenarios/5-grandparent-token.json' with { type: 'json' };
import { runFlow } from '../../app/flow.js';
import { renderShell } from '../../export/shell.js';
import { deployVariables } from '../../export/variables.js';
import { buildPlan, formatPlanText, pickStyle } from '../../plan/format.js';
import type { Scenario } from '../../standin/model.js';
import { startStandin } from '../../standin/server.js';
import type { CliContext } from '../context.js';

export const DEMO_SCENARIOS: Scenario[] = [s1, s2, s3, s4, s5] as Scenario[];

/** The demo never prints a secret: token values are replaced before anything is written. */
function redact(text: string, secrets: string[]): string {
  return secrets.reduce((t, s) => (s.length >= 4 ? t.split(s).join('[MASKED]') : t), text);
}

export async function runDemo(ctx: CliContext, scenarios: Scenario[] = DEMO_SCENARIOS): Promise<number> {
  const style = pickStyle(ctx.stdout.isTTY, ctx.env);
  let mismatches = 0;
  for (const [i, sc] of scenarios.entries()) {
    const secrets = [
      ...sc.apiTokens,
      ...sc.projects.flatMap((p) => (p.tokens ?? []).map((t) => t.token)),
      ...sc.groups.flatMap((g) => (g.tokens ?? []).map((t) => t.token)),
    ];
    const standin = await startStandin(sc, { now: ctx.now });
    try {
      const env = { GITLAB_TOKEN: sc.apiTokens[0], ...(sc.jobEnv ?? {}) };
      const flags = { gitlabUrl: standin.url, project: sc.project };
      const { resolution: r, settings } = await runFlow(flags, { env, cwd: ctx.cwd, now: ctx.now });
      const plan = buildPlan(r, {
        gitlabUrl: settings.gitlabUrl,
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
      ctx.stdout.write(redact(out, secrets));
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
  ctx.stdout.write(
    `\n${mismatches === 0 ? style.green('demo complete') : style.red('demo found a mismatch')}: ${scenarios.length} scenarios against a stand-in GitLab on 127.0.0.1; no network, no token.\n`,
  );
  return mismatches === 0 ? 0 : 1;
}
