import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  RunRecord
} from "./chunk-PLCMOJVW.js";
import {
  renderShell
} from "./chunk-3WRJZRQ7.js";
import {
  githubFiles,
  maskFormsFor,
  renderGithub,
  writeGithub
} from "./chunk-ICCT63DX.js";
import {
  RunDir,
  jobVariables,
  scrubOutputs,
  stepOutputs
} from "./chunk-RZJ7JB3I.js";
import {
  checkStateDir,
  clientView,
  credentialPlan,
  formatClientView,
  parseClients,
  planView,
  writeFileAtomic,
  writeJobCredentials
} from "./chunk-QSJHQO5Z.js";
import "./chunk-IHBIXJQZ.js";
import {
  safeJson
} from "./chunk-T4ECGMLM.js";
import {
  buildPlan,
  formatPlanText,
  pickStyle
} from "./chunk-OTKGG5XH.js";
import {
  loadSpecFor,
  runFlow
} from "./chunk-TRHTUJLO.js";
import "./chunk-LYUOR5ND.js";
import "./chunk-GAHSSZYI.js";
import {
  discardEphemeral
} from "./chunk-CBHZ3LSN.js";
import "./chunk-TIS2JBGP.js";
import "./chunk-VPCP35NA.js";
import "./chunk-2NBKGNHO.js";
import "./chunk-R64T6DDA.js";
import "./chunk-YOE5HMND.js";
import "./chunk-RC75VXCO.js";
import "./chunk-DHMOR7KF.js";
import "./chunk-4XOODLE4.js";
import "./chunk-YM2RZDLZ.js";
import "./chunk-M2XMWK6Z.js";
import {
  UsageError
} from "./chunk-XSTXBMLW.js";
import "./chunk-SFJXSL7D.js";

// src/cli/commands/resolve.ts
import { rmSync } from "node:fs";

// src/export/dotenv.ts
var DOTENV_MAX_BYTES = 5 * 1024;
var DOTENV_MAX_VARIABLES = 20;
var KEY_RE = /^[A-Za-z0-9_]+$/;
function dotenvValueProblem(value) {
  if (/[\n\r]/.test(value)) return "contains a line break";
  if (value.includes("=")) return 'contains "=" (GitLab splits the line at the last "=")';
  if (value !== value.trim()) return "starts or ends with white space (GitLab strips it)";
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value)) return "contains a control character";
  return void 0;
}
function renderDotenv(vars, opts) {
  if (!opts.allowUnmasked && vars.some((v) => v.secret)) {
    const names = vars.filter((v) => v.secret).map((v) => v.name);
    throw new UsageError(
      `refusing to write ${names.join(", ")} to a dotenv report: GitLab does not mask dotenv variables and keeps them as an artifact`,
      'use `deploy-token exec -- CMD` or `eval "$(deploy-token resolve --export shell)"` in the same job; pass --allow-unmasked-dotenv only if you accept the leak'
    );
  }
  if (vars.length > DOTENV_MAX_VARIABLES) {
    throw new UsageError(
      `a dotenv report may hold at most ${DOTENV_MAX_VARIABLES} variables, not ${vars.length}`,
      "export fewer variables"
    );
  }
  const lines = [];
  for (const v of vars) {
    if (!KEY_RE.test(v.name))
      throw new UsageError(`${v.name} is not a dotenv key ([A-Za-z0-9_])`, "rename it");
    const bad = dotenvValueProblem(v.value);
    if (bad)
      throw new UsageError(
        `the value of ${v.name} cannot go into a dotenv report: it ${bad}`,
        "use --export shell or exec instead"
      );
    lines.push(`${v.name}=${v.value}
`);
  }
  const text = lines.join("");
  if (Buffer.byteLength(text) >= DOTENV_MAX_BYTES) {
    throw new UsageError(
      `the dotenv report would be ${Buffer.byteLength(text)} bytes; GitLab accepts less than ${DOTENV_MAX_BYTES}`,
      "export fewer or shorter variables"
    );
  }
  return text;
}

// src/export/json.ts
function renderJson(r, extra = {}) {
  if (!r.credentials) throw new Error("renderJson needs resolved credentials");
  return `${safeJson({
    username: r.credentials.username,
    password: r.credentials.password,
    variables: extra,
    source: {
      CI_DEPLOY_USER: r.sources.CI_DEPLOY_USER?.detail ?? null,
      CI_DEPLOY_PASSWORD: r.sources.CI_DEPLOY_PASSWORD?.detail ?? null
    },
    rule: r.rule,
    token: r.token ?? null,
    gitlab_version: r.version ?? null,
    warnings: r.warnings
  })}
`;
}

// src/cli/commands/resolve.ts
var EXPORT_TARGETS = ["github", "shell", "dotenv", "json"];
var STDOUT_TARGETS = ["github", "shell", "json"];
function parseTargets(raw, env, required) {
  const list = (raw ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  for (const t of list) {
    if (!EXPORT_TARGETS.includes(t)) {
      throw new UsageError(
        `unknown export target "${t.slice(0, 40)}"`,
        `use one of: ${EXPORT_TARGETS.join(", ")}`
      );
    }
  }
  const targets = [...new Set(list)];
  if (targets.length === 0 && required) {
    if (env.GITHUB_ENV) return ["github"];
    throw new UsageError(
      "resolve needs --export",
      'e.g. eval "$(deploy-token resolve --export shell)", or --export json; `deploy-token plan` shows what would be exported'
    );
  }
  const onStdout = targets.filter((t) => STDOUT_TARGETS.includes(t));
  if (onStdout.length > 1) {
    throw new UsageError(
      `--export ${onStdout.join(",")} would all print on stdout`,
      "choose one of github, shell, json (dotenv goes to --output)"
    );
  }
  return targets;
}
function planExports(targets, names, flags) {
  return targets.map((t) => ({
    target: t,
    where: t === "github" ? "$GITHUB_ENV, $GITHUB_OUTPUT" : t === "dotenv" ? flags.output ?? "(--output FILE)" : "stdout",
    variables: names
  }));
}
function printWarnings(ctx, warnings) {
  for (const w of warnings) ctx.stderr.write(`deploy-token: warning: ${w.message} [${w.code}]
`);
}
async function runResolve(flags, ctx) {
  const targets = parseTargets(flags.export, ctx.env, true);
  if (targets.includes("dotenv") && !flags.output) {
    throw new UsageError(
      "--export dotenv needs --output FILE",
      "e.g. --output deploy.env, then artifacts:reports:dotenv: deploy.env"
    );
  }
  if (targets.includes("dotenv") && flags.job !== void 0) {
    const spec = await loadSpecFor(flags, ctx.cwd);
    if (spec?.jobs[flags.job]?.ephemeral === true) {
      throw new UsageError(
        `job "${flags.job}" is ephemeral: its token is deleted when this job ends, so a dotenv report would hand later jobs a dead token`,
        "use `deploy-token exec --job NAME -- CMD` in the job that needs it"
      );
    }
  }
  checkStateDir(ctx.env);
  const run = new RunDir(ctx.env);
  let flow;
  try {
    flow = await runFlow(flags, { ...ctx, ephemeral: { mode: "create", random: run.stamp } });
  } catch (e) {
    run.discard();
    throw e;
  }
  const wrote = { record: new RunRecord(ctx.env, run, { now: ctx.now }) };
  try {
    return await exportResolved(flow, targets, flags, ctx, wrote, run);
  } catch (e) {
    const d = await discardEphemeral(flow);
    if (d) ctx.stderr.write(`deploy-token: ${d.ok ? "" : "warning: "}${d.line}
`);
    undoWritten(wrote, d !== void 0 && !d.ok, ctx);
    if (!wrote.record.manifest) run.discard();
    throw e;
  }
}
function undoWritten(w, tokenLeft, ctx) {
  if (w.dotenv) {
    try {
      rmSync(w.dotenv, { force: true });
      ctx.stderr.write(`deploy-token: removed ${w.dotenv}, which this run wrote
`);
    } catch {
      ctx.stderr.write(
        `deploy-token: warning: could not remove ${w.dotenv}, which holds the credentials; remove it
`
      );
    }
  }
  const files = w.record.manifest?.files.length ?? 0;
  try {
    const r = w.record.close(tokenLeft);
    if (files > 0)
      ctx.stderr.write(
        `deploy-token: removed the ${files} credential file(s) this run wrote${r.refused.length ? `; left ${r.refused.join(", ")}` : ""}
`
      );
  } catch {
    ctx.stderr.write(`deploy-token: warning: could not update the record ${w.record.where}; remove it
`);
  }
}
function renderTargets(flow, list, targets, flags, ctx, wrote) {
  const r = flow.resolution;
  const creds = r.credentials;
  return targets.map((t) => {
    if (t === "shell") {
      const text = renderShell(list);
      return () => ctx.payload.write(text);
    }
    if (t === "json") {
      const extra = Object.fromEntries(list.slice(2).map((v) => [v.name, v.value]));
      const text = renderJson(r, extra);
      return () => ctx.payload.write(text);
    }
    if (t === "dotenv") {
      const text = renderDotenv(list, { allowUnmasked: flags.allowUnmaskedDotenv === true });
      const path = flags.output;
      return () => {
        writeFileAtomic(path, text);
        wrote.dotenv = path;
        if (list.some((v) => v.secret)) {
          ctx.stderr.write(
            `deploy-token: warning: ${path} holds the deploy password in plain text: GitLab neither masks nor protects dotenv variables, and keeps the file as an artifact [unmasked-dotenv]
`
          );
        }
      };
    }
    const files = githubFiles(ctx.env);
    const outputs = scrubOutputs(stepOutputs(flow, flags.passwordOutput === true), ctx.scrubber);
    const w = renderGithub(list, outputs, maskFormsFor(list, creds));
    return () => writeGithub(w, files, (m) => ctx.command("add-mask", m));
  });
}
async function exportResolved(flow, targets, flags, ctx, wrote, run) {
  const r = flow.resolution;
  printWarnings(ctx, r.warnings);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? "no credentials"}
`);
    for (const d of r.details ?? []) ctx.stderr.write(`  ${d}
`);
    if (r.fix) ctx.stderr.write(`  fix: ${r.fix}
`);
    return r.exitCode;
  }
  const clients = parseClients(flags.configure);
  let vars = await jobVariables(flow, ctx.env);
  let rendered = renderTargets(flow, vars, targets, flags, ctx, wrote);
  if (flow.ephemeral) wrote.record.token(flow.ephemeral);
  const written = await writeJobCredentials(flow, ctx.env, clients, run, wrote.record.files);
  if (written) {
    vars = [...vars, ...written.variables];
    ctx.stderr.write(
      `deploy-token: wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}; \`deploy-token cleanup\` removes them (manifest ${wrote.record.where})
`
    );
    rendered = renderTargets(flow, vars, targets, flags, ctx, wrote);
  }
  if (flow.ephemeral) {
    ctx.stderr.write(
      `deploy-token: created ephemeral token #${flow.ephemeral.tokenId} (${flow.ephemeral.name}); run \`deploy-token cleanup\` when the job ends (e.g. in after_script) to delete it
`
    );
  }
  const rank = (t) => t === "dotenv" ? 0 : t === "github" ? 1 : 2;
  const order = targets.map((t, i) => ({ t, i })).sort((a, b) => rank(a.t) - rank(b.t));
  for (const { i } of order) rendered[i]?.();
  return 0;
}
async function runPlan(flags, ctx) {
  const format = flags.format ?? "text";
  if (format !== "text" && format !== "json") {
    throw new UsageError(`unknown --format "${format.slice(0, 40)}" for plan`, "use text or json");
  }
  const targets = parseTargets(flags.export, ctx.env, false);
  const flow = await runFlow(flags, ctx);
  const { resolution: r, settings } = flow;
  const names = r.ok ? (await jobVariables(flow, ctx.env)).map((v) => v.name) : [];
  const filePlan = r.ok ? await credentialPlan(flow, ctx.env, parseClients(flags.configure), "<private dir>") : void 0;
  if (filePlan) names.push(...filePlan.variables.map((v) => v.name));
  const plan = buildPlan(r, {
    gitlabUrl: settings.gitlabUrl,
    ...settings.project ? { project: settings.project } : {},
    now: ctx.now(),
    exports: planExports(targets, names, flags)
  });
  const files = filePlan ? planView(filePlan) : [];
  const clients = filePlan ? clientView(filePlan, r.token?.scopes) : [];
  if (format === "json") ctx.stdout.write(`${safeJson({ ...plan, files, clients }, 2)}
`);
  else {
    ctx.stdout.write(formatPlanText(plan, pickStyle(ctx.stdout.isTTY, ctx.env)));
    for (const f of files) {
      ctx.stdout.write(
        `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` \u2190 $${f.env}` : ""}
`
      );
    }
    for (const c of clients) ctx.stdout.write(formatClientView(c));
  }
  return plan.exitCode;
}
export {
  EXPORT_TARGETS,
  parseTargets,
  runPlan,
  runResolve
};
