/** schema: a job spec that does not match schemas/deploy-token.schema.json (checked in spec/schema.ts). */
import type { RuleMeta } from '../finding.js';

export const schema = {
  id: 'schema',
  severity: 'error',
  summary: 'the spec does not match schemas/deploy-token.schema.json',
  help: 'Keys, types and values must match the job spec schema. Editors complete the file with a `# yaml-language-server: $schema=...` comment.',
} as const satisfies RuleMeta;
