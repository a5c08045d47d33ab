/** bad-ignore: a `# deploy-token-ignore` comment that names no known rule or gives no reason (suppress.ts). */
import type { RuleMeta } from '../finding.js';

export const badIgnore = {
  id: 'bad-ignore',
  severity: 'warning',
  summary: 'malformed deploy-token-ignore comment',
  help: 'Suppress a finding with `# deploy-token-ignore: <rule-id> -- reason` on its line or the line above; the rule id must exist and the reason is required.',
} as const satisfies RuleMeta;
