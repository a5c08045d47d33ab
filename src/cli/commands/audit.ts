/** `audit` (placeholder until the audit module lands). */
import { UsageError } from '../../core/errors.js';
import type { CliContext } from '../context.js';

export function runAudit(_flags: Record<string, unknown>, _ctx: CliContext): Promise<number> {
  return Promise.reject(new UsageError('audit is not available yet'));
}
