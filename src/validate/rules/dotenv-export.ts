/**
 * dotenv-export: GitLab does not mask dotenv variables and keeps the file as an artifact
 * (doc/ci/yaml/artifacts_reports.md, artifacts:reports:dotenv), so `export: [dotenv]` puts the password where anyone with artifact access reads it.
 */
import { get } from '../../yaml/tree.js';
import { findingAt } from '../finding.js';
import type { Rule, SpecJobContext } from '../rule.js';

function check({ job, report }: SpecJobContext): void {
  const seq = get(job.node, 'export');
  if (seq?.kind !== 'seq') return;
  const eph = get(job.node, 'ephemeral');
  const ephemeral = eph?.kind === 'scalar' && eph.value === true;
  seq.items.forEach((it, i) => {
    if (it.kind === 'scalar' && it.value === 'dotenv') {
      report(
        findingAt(
          dotenvExport,
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

export const dotenvExport: Rule = {
  id: 'dotenv-export',
  severity: 'warning',
  summary: 'dotenv export of the password',
  help: 'GitLab does not mask dotenv variables and keeps the file as an artifact (doc/ci/yaml/artifacts_reports.md). Prefer `deploy-token exec` or the shell export in the same job.',
  specJob: check,
};
