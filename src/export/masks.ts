/**
 * What to register as masks before anything else is printed: every secret value and each form a
 * tool is likely to print it in (src/mask/forms.ts), plus docker's `auth` (base64 of user:password).
 */
import { derivedForms } from '../mask/forms.js';
import type { ExportVariable } from './variables.js';

export function maskFormsFor(
  vars: readonly ExportVariable[],
  creds: { username: string; password: string },
): string[] {
  const out = new Set<string>();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const f of derivedForms(v.value, { username: creds.username })) out.add(f.toString('utf8'));
  }
  return [...out].filter((f) => f.length > 0);
}
