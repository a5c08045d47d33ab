import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  prepareGithub,
  writeGithub
} from "./chunk-ZMI75SJ3.js";
import {
  Delivery,
  RunDir,
  RunRecord,
  clientView,
  credentialLayout,
  formatClientView,
  layoutView,
  maskFormsFor,
  parseClients
} from "./chunk-NG6Y5VWO.js";
import {
  jobVariables,
  scrubOutputs,
  stepOutputs
} from "./chunk-46D74EUW.js";
import {
  checkStateDir
} from "./chunk-F7KJ4INK.js";
import {
  writeFileAtomic
} from "./chunk-HLA5MZAU.js";
import {
  formatFileLines,
  formatPlanText,
  pickStyle,
  planReport
} from "./chunk-BFDTY6KY.js";
import {
  runFlow
} from "./chunk-NFDSS5HO.js";
import {
  runSpecs
} from "./chunk-OI2XTNVL.js";
import {
  renderShell
} from "./chunk-3WRJZRQ7.js";
import {
  jobSpecOf
} from "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import {
  reportResolution,
  writeJson
} from "./chunk-WL2QIWZL.js";
import {
  safeJson
} from "./chunk-T4ECGMLM.js";
import "./chunk-F6G2ECZE.js";
import "./chunk-MD44M7EN.js";
import "./chunk-34ZNKQFX.js";
import "./chunk-NKKUWKFE.js";
import "./chunk-VPCP35NA.js";
import "./chunk-BM72ILTC.js";
import "./chunk-CID4WHD4.js";
import "./chunk-IAFBB2HQ.js";
import "./chunk-NNIRYNRK.js";
import "./chunk-JBSERHTU.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-O3WIKRKW.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/cli/commands/resolve.ts
import { resolve as resolvePath } from "node:path";
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

// src/export/targets.ts
var EXPORT_TARGETS = ["github", "shell", "dotenv", "json"];
var STDOUT_TARGETS = ["github", "shell", "json"];
function parseTargets(raw, source = "--export") {
  const list = (raw ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter(Boolean);
  for (const t of list) {
    if (!EXPORT_TARGETS.includes(t)) {
      throw new UsageError(
        `unknown export target "${t.slice(0, 40)}" in ${source}`,
        `use one of: ${EXPORT_TARGETS.join(", ")}`
      );
    }
  }
  return [...new Set(list)];
}
function requestedTargets(flag, job) {
  const fromFlag = parseTargets(flag);
  if (fromFlag.length > 0) return { targets: fromFlag, source: "--export" };
  const spec = job?.spec?.export;
  if (!job || !spec || spec.length === 0) return void 0;
  const source = `spec jobs.${job.name}.export`;
  return { targets: parseTargets(spec, source), source };
}
function resolveTargets(flag, o) {
  const chosen = requestedTargets(flag, o.job) ?? (o.env.GITHUB_ENV ? { targets: ["github"], source: "$GITHUB_ENV (a GitHub Actions step)" } : void 0);
  if (!chosen) {
    throw new UsageError(
      "resolve needs --export (or --job NAME whose spec says export:)",
      'e.g. eval "$(deploy-token resolve --export shell)", or --export json, or export: [shell] in the job\'s spec; `deploy-token plan` shows what would be exported'
    );
  }
  checkTargets(chosen, o);
  return chosen;
}
function checkStdout(t) {
  const onStdout = t.targets.filter((x) => STDOUT_TARGETS.includes(x));
  if (onStdout.length > 1) {
    throw new UsageError(
      `${t.source} ${onStdout.join(",")} would all print on stdout`,
      "choose one of github, shell, json (dotenv goes to --output)"
    );
  }
}
function checkTargets(t, o) {
  checkStdout(t);
  if (!t.targets.includes("dotenv")) return;
  if (!o.output) {
    throw new UsageError(
      `${t.source === "--export" ? "--export dotenv" : `dotenv (from ${t.source})`} needs --output FILE`,
      "e.g. --output deploy.env, then artifacts:reports:dotenv: deploy.env"
    );
  }
  if (o.job?.spec?.ephemeral === true) {
    throw new UsageError(
      `job "${o.job.name}" is ephemeral: its token is deleted when this job ends, so a dotenv report would hand later jobs a dead token`,
      "use `deploy-token exec --job NAME -- CMD` in the job that needs it"
    );
  }
}
function targetPlace(t, output) {
  if (t === "github") return "$GITHUB_ENV, $GITHUB_OUTPUT";
  if (t === "dotenv") return output ?? "(--output FILE)";
  return "stdout";
}

// src/cli/commands/resolve.ts
async function runResolve(flags, ctx) {
  const specs = runSpecs(ctx.cwd);
  const job = flags.job === void 0 ? void 0 : { name: flags.job, spec: jobSpecOf(flags.job, await specs(flags.spec)) };
  const { targets } = resolveTargets(flags.export, { env: ctx.env, job, output: flags.output });
  checkStateDir(ctx.env);
  const run = new RunDir(ctx.env);
  let flow;
  try {
    flow = await runFlow(flags, {
      ...ctx,
      specs,
      notice: (l) => ctx.stderr.write(`deploy-token: ${l}
`),
      ephemeral: { mode: "create", random: run.stamp }
    });
  } catch (e) {
    run.discard();
    throw e;
  }
  if (!reportResolution(ctx.stderr, flow.resolution)) {
    run.discard();
    return flow.resolution.exitCode;
  }
  await new Delivery(flow, {
    env: ctx.env,
    run,
    // Recorded before it is made use of, so `deploy-token cleanup` finds whatever a killed run leaves.
    ledger: new RunRecord(ctx.env, run, { now: ctx.now, cleanup: true }),
    clients: parseClients(flags.configure),
    masks: { scrubber: ctx.scrubber },
    render: (v) => targets.map((t) => renderTarget(t, flow, v, flags, ctx)),
    say: (l) => ctx.stderr.write(`deploy-token: ${l}
`),
    warn: (l) => ctx.stderr.write(`deploy-token: warning: ${l}
`)
  }).deliver();
  return 0;
}
function renderTarget(t, flow, v, flags, ctx) {
  const list = [...v.job, ...v.files];
  if (t === "shell") {
    const text = renderShell(list);
    return { rank: 2, write: () => ctx.payload.write(text) };
  }
  if (t === "json") {
    const extra = Object.fromEntries([...v.job.slice(2), ...v.files].map((x) => [x.name, x.value]));
    const text = renderJson(flow.resolution, extra);
    return { rank: 2, write: () => ctx.payload.write(text) };
  }
  if (t === "dotenv") return renderDotenvTarget(list, flags, ctx);
  const outputs = scrubOutputs(stepOutputs(flow, flags.passwordOutput === true), ctx.scrubber);
  const username = flow.resolution.credentials?.username ?? "";
  const w = prepareGithub(list, outputs, maskFormsFor(list, username), ctx.env);
  return { rank: 1, write: () => writeGithub(w) };
}
function renderDotenvTarget(list, flags, ctx) {
  const text = renderDotenv(list, { allowUnmasked: flags.allowUnmaskedDotenv === true });
  const path = resolvePath(ctx.cwd, flags.output);
  return {
    rank: 0,
    write: () => {
      writeFileAtomic(path, text);
      if (list.some((x) => x.secret)) {
        ctx.stderr.write(
          `deploy-token: warning: ${path} holds the deploy password in plain text: GitLab neither masks nor protects dotenv variables, and keeps the file as an artifact [unmasked-dotenv]
`
        );
      }
    },
    undo: () => {
      try {
        rmSync(path, { force: true });
        return { ok: true, line: `removed ${path}, which this run wrote` };
      } catch {
        return { ok: false, line: `could not remove ${path}, which holds the credentials; remove it` };
      }
    }
  };
}
async function runPlan(flags, ctx) {
  const format = flags.format ?? "text";
  if (format !== "text" && format !== "json") {
    throw new UsageError(`unknown --format "${format.slice(0, 40)}" for plan`, "use text or json");
  }
  checkStdout({ targets: parseTargets(flags.export), source: "--export" });
  const flow = await runFlow(flags, { ...ctx, notice: (l) => ctx.stderr.write(`deploy-token: ${l}
`) });
  const { resolution: r, settings } = flow;
  const wanted = requestedTargets(
    flags.export,
    settings.job && { name: settings.job.name, spec: settings.job.spec }
  );
  if (wanted) checkStdout(wanted);
  const names = r.ok ? (await jobVariables(flow, ctx.env)).map((v) => v.name) : [];
  const layout = r.ok ? await credentialLayout(flow, ctx.env, parseClients(flags.configure), "<private dir>") : void 0;
  if (layout) names.push(...layout.variables.map((v) => v.name));
  const plan = planReport(r, {
    gitlabUrl: settings.gitlab.url,
    ...settings.project ? { project: settings.project } : {},
    now: ctx.now(),
    exports: (wanted?.targets ?? []).map((t) => ({
      target: t,
      where: targetPlace(t, flags.output),
      variables: names
    }))
  });
  const files = layout ? layoutView(layout) : [];
  const clients = layout ? clientView(layout, r.token?.scopes) : [];
  if (format === "json") writeJson(ctx.stdout, { ...plan, files, clients }, /* @__PURE__ */ new Set(["sources"]));
  else {
    ctx.stdout.write(formatPlanText(plan, pickStyle(ctx.stdout.isTTY, ctx.env)));
    ctx.stdout.write(formatFileLines(files));
    for (const c of clients) ctx.stdout.write(formatClientView(c));
  }
  return plan.exitCode;
}
export {
  runPlan,
  runResolve
};
