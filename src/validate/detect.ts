/**
 * Is a YAML file a job spec or a `.gitlab-ci.yml`? By name first (`.gitlab-ci.yml`, `*.gitlab-ci.yml`),
 * then by content: CI keywords at the top level or jobs with `script:` make it CI; `version` and
 * `jobs` make it a spec. Read from the text, without parsing it twice.
 */
import { basename } from 'node:path';

export type FileKind = 'spec' | 'ci';

export function detectKind(path: string, text: string): FileKind {
  const name = basename(path).toLowerCase();
  if (/(^|\.)gitlab-ci\.ya?ml$/.test(name)) return 'ci';
  // A CI/CD component (templates/*.yml): a `spec:` header document, then `---` and the jobs.
  const header = text.search(/^spec[ \t]*:/m);
  if (header >= 0 && /^---[ \t]*$/m.test(text.slice(header))) return 'ci';
  if (/^deploy-token(\.[\w-]+)?\.ya?ml$/.test(name)) return 'spec';
  const top = new Set<string>();
  for (const m of text.matchAll(/^(['"]?)([A-Za-z_.][^:#\s'"]*)\1[ \t]*:/gm)) top.add(m[2] ?? '');
  const script = /^[ \t]+script[ \t]*:/m.test(text);
  if (top.has('version') && top.has('jobs') && !top.has('stages') && !top.has('include') && !script)
    return 'spec';
  if (['stages', 'include', 'workflow', 'default'].some((k) => top.has(k))) return 'ci';
  if (script) return 'ci';
  return 'spec';
}
