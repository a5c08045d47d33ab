/**
 * Masks for what a run exports, registered in one place for every surface (the action, `resolve
 * --export github`, `exec`): every secret value and each form a tool is likely to print it in
 * (src/mask/forms.ts), plus docker's `auth` (base64 of user:password).
 */
import type { Warning } from '../mask/registry.js';
import { derivedForms } from '../mask/forms.js';
import type { ExportVariable } from './variables.js';

/** Where masks go: the run's scrubber (what this tool prints, exec's child output), the runner's add-mask. */
export interface MaskTargets {
  scrubber?: { add(secret: string, opts: { username?: string }): Warning[] };
  /** One `::add-mask::` per form, before anything else is printed (a GitHub step). */
  runner?: (form: string) => void;
  /** What the scrubber could not mask as asked (too short, blank, not maskable by GitLab). */
  onWarning?: (w: Warning) => void;
}

/** The forms of every secret variable the runner must mask (already derived, no duplicates). */
export function maskFormsFor(vars: readonly ExportVariable[], username: string): string[] {
  const out = new Set<string>();
  for (const v of vars) {
    if (!v.secret) continue;
    for (const f of derivedForms(v.value, { username })) out.add(f.toString('utf8'));
  }
  return [...out].filter((f) => f.length > 0);
}

/** Registers every secret variable with each target. */
export function registerMasks(vars: readonly ExportVariable[], username: string, to: MaskTargets): void {
  if (to.scrubber) {
    for (const v of vars) {
      if (!v.secret) continue;
      for (const w of to.scrubber.add(v.value, { username })) to.onWarning?.(w);
    }
  }
  if (to.runner) for (const f of maskFormsFor(vars, username)) to.runner(f);
}
