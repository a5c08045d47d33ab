/**
 * Loading a job spec: YAML with source positions, then its shape. Every problem is a finding with
 * `file:line:col`; an unreadable file is a usage error (exit 2).
 */
import { readFile } from 'node:fs/promises';
import { isMap, LineCounter, parseDocument } from 'yaml';
import { UsageError } from '../core/errors.js';
import type { Finding } from '../validate/finding.js';
import type { Spec } from './types.js';

/** Specs are small; a larger file is refused before parsing (alias bombs are capped by `maxAliasCount`). */
export const MAX_SPEC_BYTES = 1024 * 1024;

export function loadSpec(text: string, file: string): { spec?: Spec; findings: Finding[] } {
  const findings: Finding[] = [];
  if (Buffer.byteLength(text) > MAX_SPEC_BYTES) {
    return {
      findings: [
        {
          ruleId: 'file-too-large',
          severity: 'error',
          message: `spec is larger than ${MAX_SPEC_BYTES} bytes`,
          file,
          line: 1,
          col: 1,
        },
      ],
    };
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  for (const e of doc.errors) {
    const pos = lc.linePos(e.pos[0]);
    findings.push({
      ruleId: 'syntax',
      severity: 'error',
      message: e.message.split('\n')[0] ?? 'syntax error',
      file,
      line: pos.line,
      col: pos.col,
    });
  }
  if (findings.length > 0) return { findings };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return {
      findings: [
        {
          ruleId: 'syntax',
          severity: 'error',
          message: e instanceof Error ? e.message : 'invalid YAML',
          file,
          line: 1,
          col: 1,
        },
      ],
    };
  }
  const at = (node: unknown) => {
    const range = (node as { range?: [number, number] } | null)?.range;
    return range ? lc.linePos(range[0]) : { line: 1, col: 1 };
  };
  const root = doc.contents;
  if (!isMap(root) || typeof data !== 'object' || data === null) {
    const p = at(root);
    return {
      findings: [
        {
          ruleId: 'schema',
          severity: 'error',
          message: 'the spec must be a mapping with `version` and `jobs`',
          file,
          line: p.line,
          col: p.col,
        },
      ],
    };
  }
  const obj = data as Record<string, unknown>;
  if (obj.version !== 1) {
    const p = at(root.get('version', true) ?? root);
    findings.push({
      ruleId: 'schema',
      severity: 'error',
      message: 'expected `version: 1`',
      file,
      line: p.line,
      col: p.col,
    });
  }
  if (typeof obj.jobs !== 'object' || obj.jobs === null || Array.isArray(obj.jobs)) {
    const p = at(root.get('jobs', true) ?? root);
    findings.push({
      ruleId: 'schema',
      severity: 'error',
      message: 'expected `jobs` to be a mapping of job names to job specs',
      file,
      line: p.line,
      col: p.col,
    });
  }
  if (findings.length > 0) return { findings };
  return { spec: obj as unknown as Spec, findings };
}

export async function loadSpecFile(path: string): Promise<{ spec?: Spec; findings: Finding[] }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      `cannot read spec ${path}${code ? ` (${code})` : ''}`,
      'check the path given with --spec',
    );
  }
  return loadSpec(text, path);
}
