/**
 * `--format github`: GitHub Actions workflow commands, `::error file=…,line=…,col=…::message`, so
 * findings show as annotations on the pull request. Escaping per @actions/core's command.ts.
 */
import type { Finding } from '../finding.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.col}`];
      if (f.endLine !== undefined) props.push(`endLine=${f.endLine}`);
      if (f.endCol !== undefined && f.endLine === f.line) props.push(`endColumn=${f.endCol}`);
      props.push(`title=${escapeProperty(f.ruleId)}`);
      return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(`${f.message} [${f.ruleId}]`)}\n`;
    })
    .join('');
}
