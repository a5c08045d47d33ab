/**
 * plain-password: a token or password written into a committed file. GitLab tokens have a prefix
 * (`gldt-` for deploy tokens since 16.7, `glpat-`, …; custom instance prefixes end in `-gldt-`,
 * app/models/deploy_token.rb), so they are found anywhere; in templates, a literal after
 * `password`, in a URL's user-info or in a client's credential field is one too.
 */
import { loginPasswordArg } from '../commands/login.js';
import { spanInScalar } from '../../yaml/locate.js';
import type { SourceFile, Via, YNode, YScalar } from '../../yaml/tree.js';
import { findingAt } from '../finding.js';
import { linesFor, reportWord, type Report, type Rule } from '../rule.js';
import type { CommandScope } from '../script.js';
import { specTemplates } from '../spec/jobs.js';

// GitLab token prefixes (doc/security/tokens): deploy, personal, OAuth app secret, CI build, runner, …
const TOKEN =
  /(?<![A-Za-z0-9_-])(?:[a-z0-9]+-)?(?:gldt|glpat|gloas|glcbt|glrt|glrtr|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-[A-Za-z0-9_-]{20,}/g;

// Credential fields of client configuration files: netrc, .npmrc, .pypirc/pip.conf, settings.xml,
// NuGet.Config, docker config.json, and URL user-info.
const FIELDS: RegExp[] = [
  /\bpassword[ \t]+(?!\{\{)(\S+)/g, // netrc: machine … login … password X
  /\b_password[ \t]*=[ \t]*(?!\{\{)(\S+)/g, // npmrc
  /\b_authToken[ \t]*=[ \t]*(?!\{\{)(\S+)/g, // npmrc
  /^[ \t]*password[ \t]*[=:][ \t]*(?!\{\{)(\S+)/gm, // pypirc, ini files
  /<password>(?!\{\{)([^<\s]+)<\/password>/g, // maven settings.xml
  /ClearTextPassword"\s+value="(?!\{\{)([^"]+)"/g, // NuGet.Config
  /"auth"\s*:\s*"(?!\{\{)([A-Za-z0-9+/=]{8,})"/g, // docker config.json
  /\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]+:(?!\{\{)([^@\s/]+)@/gi, // scheme://user:PASSWORD@host
];

function isLiteral(v: string): boolean {
  return !/[{}$%<>]/.test(v) && !/^(password|token|secret|x+|\*+)$/i.test(v);
}

function tokenFindings(node: YScalar, via: Via | undefined, report: Report, expected: string): void {
  if (typeof node.value !== 'string' || node.value.length < 20) return;
  for (const m of node.value.matchAll(TOKEN)) {
    // A placeholder such as glpat-xxxxxxxxxxxxxxxxxxxx is not a token.
    if (/-(.)\1+$/.test(m[0])) continue;
    const start = m.index ?? 0;
    report(
      findingAt(
        plainPassword,
        `a GitLab token is written in plain text; expected ${expected}`,
        spanInScalar(node, start, start + m[0].length),
        via,
      ),
    );
  }
}

/** A template (spec variables/files) with a literal password in a credential field. */
function templatePasswordFindings(node: YScalar, via: Via | undefined, report: Report): void {
  if (typeof node.value !== 'string') return;
  // Template expressions are masked (same length, so offsets hold): `password {{ password }}` is fine.
  const text = node.value.replace(/\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}/g, (m) => '\u0001'.repeat(m.length));
  for (const re of FIELDS) {
    for (const m of text.matchAll(re)) {
      const v = m[1] ?? '';
      if (!isLiteral(v) || v.includes('\u0001')) continue;
      const start = (m.index ?? 0) + m[0].lastIndexOf(v);
      report(
        findingAt(
          plainPassword,
          'a password is written in plain text; expected {{ password }}',
          spanInScalar(node, start, start + v.length),
          via,
        ),
      );
    }
  }
}

const PREFIX = /(?:gldt|glpat|gloas|glcbt|glrt|glrtr|glptt|glft|glimt|glagent|glsoat|glffct|glwt)-/;

/** Every string scalar under a node (each node once, even when shared by aliases). */
function scanTokens(root: YNode, sources: readonly SourceFile[], report: Report, expected: string): void {
  // Only files whose text holds something token-shaped are worth a look at each string.
  const worth = new Map<SourceFile, boolean>(sources.map((src) => [src, PREFIX.test(src.text)]));
  if (![...worth.values()].some(Boolean)) return;
  const seen = new Set<YNode>();
  const mayHold = (src: SourceFile): boolean => {
    let w = worth.get(src);
    if (w === undefined) {
      w = PREFIX.test(src.text);
      worth.set(src, w);
    }
    return w;
  };
  const walk = (n: YNode, via: Via | undefined): void => {
    if (seen.has(n)) return;
    seen.add(n);
    if (n.kind === 'scalar') {
      if (mayHold(n.span.src)) tokenFindings(n, via, report, expected);
    } else if (n.kind === 'seq') n.items.forEach((it, i) => walk(it, n.via[i]));
    else
      for (const e of n.entries) {
        walk(e.value, e.via);
      }
  };
  walk(root, undefined);
}

/** Registry logins in commands with a literal password (`docker login -p hunter2`). */
function commandPasswordFindings(scope: CommandScope): void {
  for (const item of linesFor(scope, (text) => /\blogin\b/.test(text))) {
    for (const cmd of item.cmds) {
      const hit = loginPasswordArg(cmd);
      if (!hit || !isLiteral(hit.valueText) || hit.valueText.length === 0) continue;
      reportWord(
        scope.report,
        plainPassword,
        `${hit.tool} has a password in plain text; expected "$CI_DEPLOY_PASSWORD" on stdin (--password-stdin)`,
        item,
        hit.value,
      );
    }
  }
}

export const plainPassword: Rule = {
  id: 'plain-password',
  severity: 'error',
  summary: 'a password or token written in plain text',
  help: 'A deploy token (or any GitLab token) committed to a file is leaked. Use {{ password }} in templates, and environment variable NAMES (password_env) for fallbacks.',
  file: (f) =>
    scanTokens(
      f.root,
      f.sources,
      f.report,
      f.kind === 'spec'
        ? '{{ password }} in templates, or the NAME of a variable that holds it'
        : 'a masked CI/CD variable (Settings > CI/CD > Variables)',
    ),
  job: (j) => {
    commandPasswordFindings(j.scope);
  },
  specJob: (j) => {
    for (const t of specTemplates(j.job)) templatePasswordFindings(t.node, t.via, j.report);
  },
};
