/**
 * steering-name: a job's `variables:` key or a file's `env:` that the export refuses: a name the
 * runner, the shell, a language runtime or git reads to decide what runs, where traffic goes or whom
 * it trusts (the list and the reasons: src/export/names.ts, docs/security.md). `resolve`, `exec` and
 * the action refuse it too (exit 2); validate says so before a job runs.
 */
import { steeringReason } from '../../export/names.js';
import { findingAt, type Finding } from '../finding.js';
import { get, getEntry, type YNode } from '../yaml/tree.js';
import type { SpecJob } from '../spec-rules.js';

const FIX = 'expected another name';

export function checkSteeringName(job: SpecJob, report: (f: Finding) => void): void {
  const vars = getEntry(job.node, 'variables');
  if (vars?.value.kind === 'map') {
    for (const e of vars.value.entries) {
      const why = steeringReason(e.key);
      if (why)
        report(
          findingAt(
            'steering-name',
            `variable ${e.key} is refused: ${why}; ${FIX}`,
            e.keyNode.span,
            e.via ?? vars.via,
          ),
        );
    }
  }
  const files = get(job.node, 'files');
  if (files?.kind !== 'seq') return;
  files.items.forEach((f: YNode, i) => {
    const env = getEntry(f, 'env');
    if (env?.value.kind !== 'scalar' || typeof env.value.value !== 'string') return;
    const why = steeringReason(env.value.value);
    if (why)
      report(
        findingAt(
          'steering-name',
          `file env ${env.value.value} is refused: ${why}; ${FIX}`,
          env.value.span,
          env.via ?? files.via[i],
        ),
      );
  });
}
