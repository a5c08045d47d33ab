/**
 * dotenv-export: GitLab does not mask dotenv variables and keeps the file as an artifact
 * (GITLAB_FACTS §6), so `export: [dotenv]` puts the password where anyone with artifact access reads it.
 */
import { findingAt, type Finding } from '../finding.js';
import { get } from '../../yaml/tree.js';
import type { SpecJob } from '../spec/jobs.js';

export function checkDotenvExport(job: SpecJob, report: (f: Finding) => void): void {
  const seq = get(job.node, 'export');
  if (seq?.kind !== 'seq') return;
  const eph = get(job.node, 'ephemeral');
  const ephemeral = eph?.kind === 'scalar' && eph.value === true;
  seq.items.forEach((it, i) => {
    if (it.kind === 'scalar' && it.value === 'dotenv') {
      report(
        findingAt(
          'dotenv-export',
          ephemeral
            ? 'dotenv variables are not masked and stay in an artifact, and this ephemeral token is deleted when the job ends (later jobs would get a dead token); expected exec in the job that needs it'
            : 'dotenv variables are not masked and stay in an artifact; expected exec or the shell export in the same job',
          it.span,
          seq.via[i],
        ),
      );
    }
  });
}
