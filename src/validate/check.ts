/**
 * Checking a file is one walk: every rule of the catalog (known-rules.ts) gets each file once and
 * each job once, through its hooks (rule.ts). A spec's jobs are its `jobs:` entries (their `run`
 * commands); a CI file's jobs are the jobs as they run, after includes, extends and !reference
 * (hidden templates are checked through the jobs that use them, at their real lines). The rules read
 * position-keeping trees and skip values of the wrong kind, so they are safe on a spec that also has
 * schema errors.
 */
import { getEntry, type YNode } from '../yaml/tree.js';
import { jobView } from './ci/job.js';
import type { CiModel } from './ci/load.js';
import type { Finding } from './finding.js';
import { RULES } from './known-rules.js';
import type { FileContext, JobContext, Report, SpecScopes } from './rule.js';
import { workflowGuards } from './rules/missing-guard.js';
import { freshLines, scriptItems, type CommandScope } from './script.js';
import { specCredentialNames, specJobs } from './spec/jobs.js';

function runFile(ctx: FileContext): void {
  for (const rule of RULES) rule.file?.(ctx);
}

function runJob(ctx: JobContext): void {
  for (const rule of RULES) {
    rule.job?.(ctx);
    if (ctx.kind === 'spec') rule.specJob?.(ctx);
    else rule.ciJob?.(ctx);
  }
}

/** The semantic rules of a job spec (beyond its schema). */
export function checkSpec(root: YNode): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (f) => findings.push(f);
  runFile({ kind: 'spec', root, sources: [root.span.src], report });
  for (const job of specJobs(root)) {
    const runEntry = getEntry(job.node, 'run');
    const items = scriptItems(runEntry?.value, runEntry?.via);
    const scope: CommandScope = {
      items,
      names: specCredentialNames(root, job),
      usesToken: true,
      report,
      fresh: items,
    };
    runJob({ kind: 'spec', root, job, scope, report });
  }
  return findings;
}

/** The deploy-token rules of a `.gitlab-ci.yml`, on the global keywords and on every job. */
export function checkCi(model: CiModel, specs?: SpecScopes): Finding[] {
  const findings: Finding[] = [];
  const report: Report = (f) => findings.push(f);
  runFile({ kind: 'ci', root: model.root, sources: model.sources, report });
  const workflowGuarded = workflowGuards(model.root);
  const fresh = freshLines();
  for (const job of model.jobs) {
    const view = jobView(model, job);
    // A template line shared by many jobs is read once per context the command rules depend on.
    const names = `${[...view.names.password].sort().join(',')}|${[...view.names.user].sort().join(',')}`;
    const scope: CommandScope = {
      items: view.scripts,
      names: view.names,
      usesToken: view.usesToken,
      report,
      fresh: fresh(`${view.usesToken}|${names}`, view.scripts),
    };
    runJob({ kind: 'ci', view, scope, workflowGuarded, ...(specs ? { specs } : {}), report });
  }
  return findings;
}
