import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  planExitCode
} from "./chunk-NFDSS5HO.js";
import {
  useColor
} from "./chunk-F6G2ECZE.js";
import {
  describeToken
} from "./chunk-BM72ILTC.js";
import {
  daysLeft,
  formatInstant
} from "./chunk-CID4WHD4.js";

// src/plan/format.ts
function planReport(r, ctx) {
  return {
    ok: r.ok,
    // A job that gets working credentials at run time is a healthy project, although the password
    // is not visible here (docs/gitlab-rules.md, "Sources").
    exitCode: planExitCode(r),
    project: ctx.project ?? null,
    gitlab: { url: ctx.gitlabUrl, version: r.version ?? null },
    rule: r.rule,
    ruleText: r.ruleText,
    token: r.token ? {
      ...r.token,
      daysLeft: (() => {
        const d = daysLeft({ expires_at: r.token.expiresAt }, ctx.now);
        return d === null ? null : Math.floor(d);
      })()
    } : null,
    sources: {
      CI_DEPLOY_USER: r.sources.CI_DEPLOY_USER?.detail ?? null,
      CI_DEPLOY_PASSWORD: r.sources.CI_DEPLOY_PASSWORD?.detail ?? null
    },
    exports: r.ok ? ctx.exports : [],
    considered: r.considered,
    warnings: r.warnings,
    reason: r.reason ?? null,
    details: r.details ?? [],
    fix: r.fix ?? null,
    missingScopes: r.missingScopes ?? [],
    forJob: r.forJob ?? null,
    ref: r.ref ?? null,
    outcomes: r.outcomes ?? null
  };
}
var wrap = (open, close) => (s) => `\x1B[${open}m${s}\x1B[${close}m`;
var COLOR = {
  bold: wrap(1, 22),
  green: wrap(32, 39),
  red: wrap(31, 39),
  yellow: wrap(33, 39),
  dim: wrap(2, 22)
};
var PLAIN = {
  bold: (s) => s,
  green: (s) => s,
  red: (s) => s,
  yellow: (s) => s,
  dim: (s) => s
};
function pickStyle(isTTY, env) {
  return useColor(isTTY, env) ? COLOR : PLAIN;
}
function formatPlanText(p, style = PLAIN) {
  const lines = [];
  const head = `${p.project ?? "(no project)"} on ${p.gitlab.url}${p.gitlab.version ? ` (GitLab ${p.gitlab.version})` : ""}`;
  lines.push(style.bold(head));
  lines.push(`  rule      ${p.ruleText}`);
  if (p.token) {
    const t = p.token;
    const exp = t.expiresAt === null ? "never expires" : `expires ${formatInstant(new Date(t.expiresAt))}${t.daysLeft !== null && t.daysLeft >= 0 ? ` (${t.daysLeft} days left)` : ""}`;
    lines.push(`  token     ${describeToken(t)}`);
    lines.push(`            id ${t.id}, name ${t.name}, username ${t.username}, level ${t.level}`);
    lines.push(`            scopes ${t.scopes.join(", ") || "(none)"}; ${exp}`);
  }
  if (p.sources.CI_DEPLOY_USER || p.sources.CI_DEPLOY_PASSWORD) {
    lines.push(`  sources   CI_DEPLOY_USER     \u2190 ${p.sources.CI_DEPLOY_USER ?? "(none)"}`);
    lines.push(`            CI_DEPLOY_PASSWORD \u2190 ${p.sources.CI_DEPLOY_PASSWORD ?? "(none)"} (masked)`);
  }
  for (const e of p.exports) {
    lines.push(`  export    ${e.target} \u2192 ${e.where}: ${e.variables.join(", ")}`);
  }
  if (p.considered.length > 0) {
    lines.push("  considered");
    for (const c of p.considered) {
      const mark = c.verdict === "picked" || c.verdict === "named-by-variables" ? style.green("\u2713") : style.dim("\u2717");
      lines.push(`    ${mark} ${describeToken(c.token)}: ${c.verdict}${c.note ? ` \u2014 ${c.note}` : ""}`);
    }
  }
  for (const w of p.warnings) lines.push(`  ${style.yellow("warning")}   ${w.message} [${w.code}]`);
  lines.push(...resultLines(p, style));
  return `${lines.join("\n")}
`;
}
function formatFileLines(files) {
  return files.map(
    (f) => `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` \u2190 $${f.env}` : ""}
`
  ).join("");
}
function refLine(r) {
  const what = r.state === "unknown" ? "protection unknown" : r.state;
  return `  ref       ${r.ref ?? "(none)"}: ${what} (${r.source}${r.why ? `: ${r.why}` : ""})`;
}
function resultLines(p, style) {
  const lines = [];
  if (p.ref && (p.ref.state !== "unknown" || p.outcomes)) lines.push(refLine(p.ref));
  if (p.outcomes) {
    const mark = (o) => o.jobOk ? style.green("\u2713") : style.red("\u2717");
    lines.push(`  protected ref     ${mark(p.outcomes.protected)} ${p.outcomes.protected.line}`);
    lines.push(`  unprotected ref   ${mark(p.outcomes.unprotected)} ${p.outcomes.unprotected.line}`);
  }
  if (p.ok) {
    lines.push(`  ${style.green("result")}    the job gets working credentials (exit 0)`);
  } else if (p.exitCode === 0 && p.forJob) {
    lines.push(`  ${style.green("result")}    in a GitLab job: ${p.forJob.line} (exit 0)`);
  } else {
    lines.push(`  ${style.red("result")}    ${p.reason ?? "no credentials"} (exit ${p.exitCode})`);
    for (const d of p.details) lines.push(`            ${d}`);
    if (p.fix) lines.push(`  fix       ${p.fix}`);
  }
  return lines;
}

export {
  planReport,
  pickStyle,
  formatPlanText,
  formatFileLines
};
