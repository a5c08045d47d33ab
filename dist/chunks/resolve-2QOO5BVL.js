import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  renderShell
} from "./chunk-3WRJZRQ7.js";
import {
  maskFormsFor
} from "./chunk-2JQ3HNLO.js";
import {
  jobVariables,
  stepOutputs
} from "./chunk-XGISQFTY.js";
import {
  checkStateDir,
  credentialPlan,
  forgetManifest,
  parseClients,
  recordManifest,
  tokenManifest,
  writeJobCredentials
} from "./chunk-CTGUFLN4.js";
import "./chunk-G3DM6G4G.js";
import {
  buildPlan,
  formatPlanText,
  pickStyle
} from "./chunk-INHI67QQ.js";
import {
  loadSpecFor,
  runFlow
} from "./chunk-ZN5DFI3C.js";
import "./chunk-FJEDMX6I.js";
import {
  githubFiles,
  renderGithub,
  writeGithub
} from "./chunk-NXRRVDO2.js";
import {
  cleanup,
  planView,
  saveManifest,
  writeFileAtomic
} from "./chunk-BWGITJJA.js";
import "./chunk-4YG5LHE6.js";
import {
  discardEphemeral
} from "./chunk-II6JEI5M.js";
import "./chunk-2KYKZ3OY.js";
import "./chunk-HYBTJBPM.js";
import "./chunk-4CIYU6N5.js";
import "./chunk-7TLYVLNA.js";
import "./chunk-ZXYRMQQA.js";
import "./chunk-W3LW53PW.js";
import "./chunk-DHMOR7KF.js";
import "./chunk-BUYLEDRM.js";
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
  return `${JSON.stringify({
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
  const flow = await runFlow(flags, { ...ctx, ephemeral: { mode: "create" } });
  const wrote = {};
  try {
    return await exportResolved(flow, targets, flags, ctx, wrote);
  } catch (e) {
    const d = await discardEphemeral(flow);
    if (d) ctx.stderr.write(`deploy-token: ${d.ok ? "" : "warning: "}${d.line}
`);
    undoWritten(wrote, d !== void 0 && !d.ok, ctx);
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
  if (w.manifest) {
    const r = cleanup(w.manifest);
    if (w.manifest.files.length > 0)
      ctx.stderr.write(
        `deploy-token: removed the ${w.manifest.files.length} credential file(s) this run wrote${r.refused.length ? `; left ${r.refused.join(", ")}` : ""}
`
      );
  }
  if (!w.record) return;
  try {
    if (tokenLeft && w.manifest) saveManifest({ ...w.manifest, files: [], dirs: [] }, w.record);
    else forgetManifest(w.record);
  } catch {
    ctx.stderr.write(`deploy-token: warning: could not update the record ${w.record}; remove it
`);
  }
}
async function exportResolved(flow, targets, flags, ctx, wrote) {
  const r = flow.resolution;
  printWarnings(ctx, r.warnings);
  if (!r.ok || !r.credentials) {
    ctx.stderr.write(`deploy-token: ${r.reason ?? "no credentials"}
`);
    if (r.fix) ctx.stderr.write(`  fix: ${r.fix}
`);
    return r.exitCode;
  }
  const clients = parseClients(flags.configure);
  let vars = await jobVariables(flow, ctx.env);
  const creds = r.credentials;
  const renderAll = (list) => targets.map((t) => {
    if (t === "shell") {
      const text = renderShell(list);
      return () => ctx.stdout.write(text);
    }
    if (t === "json") {
      const extra = Object.fromEntries(list.slice(2).map((v) => [v.name, v.value]));
      const text = renderJson(r, extra);
      return () => ctx.stdout.write(text);
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
    const w = renderGithub(
      list,
      stepOutputs(flow, flags.passwordOutput === true),
      maskFormsFor(list, creds)
    );
    return () => writeGithub(w, files, ctx.stdout);
  });
  let rendered = renderAll(vars);
  const written = await writeJobCredentials(flow, ctx.env, clients);
  if (written) {
    wrote.manifest = written.manifest;
    vars = [...vars, ...written.variables.map((v) => ({ ...v, secret: false }))];
    if (flow.ephemeral) written.manifest.ephemeralTokens = [flow.ephemeral];
    const where = recordManifest(written.manifest, ctx.env);
    wrote.record = where;
    ctx.stderr.write(
      `deploy-token: wrote ${written.manifest.files.length} credential file(s) in ${written.manifest.dir}; \`deploy-token cleanup\` removes them (manifest ${where})
`
    );
    rendered = renderAll(vars);
  } else if (flow.ephemeral) {
    const m = { ...tokenManifest(ctx.env, ctx.now()), ephemeralTokens: [flow.ephemeral] };
    wrote.manifest = m;
    wrote.record = recordManifest(m, ctx.env);
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
  if (format === "json") ctx.stdout.write(`${JSON.stringify({ ...plan, files }, null, 2)}
`);
  else {
    ctx.stdout.write(formatPlanText(plan, pickStyle(ctx.stdout.isTTY, ctx.env)));
    for (const f of files) {
      ctx.stdout.write(
        `  file      <private dir>/${f.path} (${f.mode}, ${f.client})${f.env ? ` \u2190 $${f.env}` : ""}
`
      );
    }
  }
  return r.exitCode;
}
export {
  EXPORT_TARGETS,
  parseTargets,
  runPlan,
  runResolve
};
