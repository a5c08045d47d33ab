/** `--format json`: the findings as a JSON array (the Finding shape, 1-based lines and columns). */
import type { Finding } from '../finding.js';

export function formatJson(findings: readonly Finding[]): string {
  return `${JSON.stringify(findings, null, 2)}\n`;
}
