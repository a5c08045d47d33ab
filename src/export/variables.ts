/**
 * The variables a job gets: CI_DEPLOY_USER / CI_DEPLOY_PASSWORD as GitLab names them
 * (app/models/ci/build.rb: the password is masked, the user is not), plus any the spec adds.
 */
import { UsageError } from '../core/errors.js';
import { checkExportName } from './names.js';

export interface ExportVariable {
  name: string;
  value: string;
  /** Secret values are masked everywhere and never become step outputs unless asked. */
  secret: boolean;
}

export function deployVariables(username: string, password: string): ExportVariable[] {
  return [
    { name: 'CI_DEPLOY_USER', value: username, secret: false },
    { name: 'CI_DEPLOY_PASSWORD', value: password, secret: true },
  ];
}

/** Every name checked before anything is written: one bad name refuses the whole export. */
export function checkVariables(vars: readonly ExportVariable[]): void {
  const seen = new Set<string>();
  for (const v of vars) {
    const bad = checkExportName(v.name);
    if (bad) throw new UsageError(bad, 'rename the variable in the spec');
    if (seen.has(v.name))
      throw new UsageError(`variable ${v.name} is exported twice`, 'give each variable one name');
    seen.add(v.name);
  }
}
