/**
 * `--format sarif`: SARIF 2.1.0 (OASIS) for code scanning — every rule with its id, summary and help;
 * results with regions (1-based, endColumn exclusive) and stable partial fingerprints.
 */
import type { Finding } from '../finding.js';
import { RULES } from '../known-rules.js';
import { fingerprints } from './fingerprint.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function formatSarif(findings: readonly Finding[], sources: ReadonlyMap<string, string>): string {
  const ids = RULES.map((r) => r.id);
  const rules = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: r.summary },
    fullDescription: { text: r.help },
    help: { text: r.help, markdown: `**${r.summary}**\n\n${r.help}` },
    defaultConfiguration: { level: LEVEL[r.severity] },
  }));
  const prints = fingerprints(findings, sources);
  const results = findings.map((f, i) => {
    const region: Record<string, number> = { startLine: f.line, startColumn: f.col };
    if (f.endLine !== undefined && f.endCol !== undefined && (f.endLine > f.line || f.endCol > f.col)) {
      region.endLine = f.endLine;
      region.endColumn = f.endCol;
    }
    const ruleIndex = ids.indexOf(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...(ruleIndex >= 0 ? { ruleIndex } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
            region,
          },
        },
      ],
      partialFingerprints: { primaryLocationLineHash: prints[i] ?? '' },
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'deploy-token',
            informationUri: 'https://docs.gitlab.com/user/project/deploy_tokens/',
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
