/**
 * Reliability counters: tests record what they tried (property cases, leaks found) into the file named
 * by RELIABILITY_REPORT, and scripts/jest.mjs prints the summary. Without it, recording is a no-op.
 */
import { appendFileSync } from 'node:fs';

export function record(kind: 'property' | 'leak' | 'sweep' | 'fault', n: number, label: string): void {
  const file = process.env.RELIABILITY_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify({ kind, n, label })}\n`);
}
