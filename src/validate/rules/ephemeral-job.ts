/**
 * ephemeral-job: a job with `ephemeral: true` gets a token made for it alone with exactly its
 * `scopes` (GitLab refuses a deploy token without scopes: "Scopes can't be blank",
 * app/models/deploy_token.rb). (A dotenv export of an ephemeral job is dotenv-export's finding, with
 * the reason added: one finding per location.)
 */
import { get, getEntry } from '../../yaml/tree.js';
import { findingAt } from '../finding.js';
import type { Rule, SpecJobContext } from '../rule.js';

function check({ job, report }: SpecJobContext): void {
  const entry = getEntry(job.node, 'ephemeral');
  if (entry?.value.kind !== 'scalar' || entry.value.value !== true) return;
  const scopes = get(job.node, 'scopes');
  if (scopes === undefined || (scopes.kind === 'seq' && scopes.items.length === 0)) {
    report(
      findingAt(
        ephemeralJob,
        `ephemeral job "${job.name}" declares no scopes; an ephemeral token gets exactly the job's scopes, and GitLab refuses a token without any`,
        entry.value.span,
        entry.via,
      ),
    );
  }
}

export const ephemeralJob: Rule = {
  id: 'ephemeral-job',
  severity: 'error',
  summary: 'an ephemeral job that declares no scopes',
  help: 'An ephemeral token is created for the job alone with exactly its scopes, and GitLab refuses a deploy token without scopes. Declare the scopes the job needs.',
  specJob: check,
};
