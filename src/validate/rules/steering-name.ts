/**
 * steering-name: a job's `variables:` key or a file's `env:` that the export refuses: a name the
 * runner, the shell, a language runtime or git reads to decide what runs, where traffic goes or whom
 * it trusts (the list and the reasons: src/export/names.ts, docs/security.md). `resolve`, `exec` and
 * the action refuse it too (exit 2); validate says so before a job runs.
 */
import { steeringReason } from '../../export/names.js';
import { get, getEntry, type YNode } from '../../yaml/tree.js';
import { findingAt } from '../finding.js';
import type { Report, Rule, SpecJobContext } from '../rule.js';
import type { SpecJob } from '../spec/jobs.js';

const FIX = 'expected another name';

function checkVariables(job: SpecJob, report: Report): void {
  const vars = getEntry(job.node, 'variables');
  if (vars?.value.kind !== 'map') return;
  for (const e of vars.value.entries) {
    const why = steeringReason(e.key);
    if (why)
      report(
        findingAt(
          steeringName,
          `variable ${e.key} is refused: ${why}; ${FIX}`,
          e.keyNode.span,
          e.via ?? vars.via,
        ),
      );
  }
}

function checkFileEnv(job: SpecJob, report: Report): void {
  const files = get(job.node, 'files');
  if (files?.kind !== 'seq') return;
  files.items.forEach((f: YNode, i) => {
    const env = getEntry(f, 'env');
    if (env?.value.kind !== 'scalar' || typeof env.value.value !== 'string') return;
    const why = steeringReason(env.value.value);
    if (why)
      report(
        findingAt(
          steeringName,
          `file env ${env.value.value} is refused: ${why}; ${FIX}`,
          env.value.span,
          env.via ?? files.via[i],
        ),
      );
  });
}

function check({ job, report }: SpecJobContext): void {
  checkVariables(job, report);
  checkFileEnv(job, report);
}

export const steeringName: Rule = {
  id: 'steering-name',
  severity: 'error',
  summary: 'an exported name that steers the runner, the shell or a runtime',
  help: 'Variables and file env names such as PATH, LD_PRELOAD, NODE_OPTIONS, BASH_ENV, GITHUB_*, STATE_*, GIT_CONFIG_* or HTTPS_PROXY decide what a job runs, where its traffic goes or whom it trusts; exports refuse them (docs/security.md lists every name and why).',
  specJob: check,
};
