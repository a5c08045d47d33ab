import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  INPUT_NAMES,
  Runner,
  flagsOf,
  pairEnv,
  readInputs,
  withPairSources
} from "./chunk-LRJPELPH.js";
import "./chunk-XIV4O4MB.js";
import "./chunk-DWTRIDGW.js";
import {
  prepareGithub
} from "./chunk-ZMI75SJ3.js";
import {
  Delivery,
  RunDir,
  StateRecord,
  credentialLayout,
  layoutView,
  parseClients,
  wantedFiles
} from "./chunk-NG6Y5VWO.js";
import {
  stepOutputs
} from "./chunk-46D74EUW.js";
import "./chunk-F7KJ4INK.js";
import "./chunk-HLA5MZAU.js";
import {
  formatFileLines,
  formatPlanText,
  planReport
} from "./chunk-BFDTY6KY.js";
import {
  runFlow
} from "./chunk-NFDSS5HO.js";
import {
  runSpecs
} from "./chunk-OI2XTNVL.js";
import "./chunk-VHOR7ZN3.js";
import "./chunk-XQ6QCYVK.js";
import "./chunk-T4ECGMLM.js";
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
  DeployTokenError,
  UsageError
} from "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/action/summary.ts
var DAY_MS = 864e5;
function dateWithDays(iso, now) {
  if (!iso) return "never";
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const day = at.toISOString().slice(0, 10);
  const days = Math.floor((Date.parse(day) - Date.parse(now.toISOString().slice(0, 10))) / DAY_MS);
  const plural = (n) => `${n} day${n === 1 ? "" : "s"}`;
  if (days < 0) return `${day} (expired ${plural(-days)} ago)`;
  return `${day} (${days === 0 ? "today" : plural(days)})`;
}
function userText(s) {
  return s.replace(/,?\s*MR !\d+/g, "").replace(/\s*\([^()]*\b[\w/]+\.rb\)/g, "").replace(/\s*\(\s*\)/g, "").trim();
}
var WARNING_FIX = {
  "expiring-soon": "create a new gitlab-deploy-token before this one expires, then revoke the old one",
  "ambiguous-tokens": "revoke all but one token named gitlab-deploy-token",
  "variables-shadow-token": "remove the CI/CD variables CI_DEPLOY_USER / CI_DEPLOY_PASSWORD, or keep them on purpose",
  "version-unknown": "give gitlab-token read_api so the version can be read",
  "variables-unreadable": "give gitlab-token the Maintainer role so CI/CD variables can be read"
};
function warningText(w) {
  const fix = WARNING_FIX[w.code];
  return userText(fix ? `${w.message} \u2014 fix: ${fix}` : w.message);
}
function summaryRows(f) {
  const r = f.resolution;
  const rows = [];
  rows.push(["result", r.ok ? "credentials resolved" : `no credentials: ${userText(r.reason ?? "")}`]);
  if (r.token) {
    const t = r.token;
    rows.push(["token", `#${t.id} ${t.name} (${t.username}), ${t.level} token of ${t.owner}`]);
    rows.push(["scopes", t.scopes.join(", ")]);
    rows.push(["expires", dateWithDays(t.expiresAt, f.now)]);
  } else if (r.credentials) {
    rows.push(["token", `${r.credentials.username} (not checked against GitLab)`]);
  }
  rows.push(["rule", userText(r.ruleText)]);
  if (r.sources.CI_DEPLOY_PASSWORD) rows.push(["password from", r.sources.CI_DEPLOY_PASSWORD.detail]);
  if (r.ok) {
    rows.push([f.dryRun ? "would export" : "exported", f.exported]);
    rows.push([f.dryRun ? "would configure" : "configured", f.configured]);
  }
  for (const w of r.warnings) rows.push(["warning", warningText(w)]);
  if (!r.ok && r.fix) rows.push(["fix", userText(r.fix)]);
  return rows;
}

// src/action/run.ts
async function runAction(deps) {
  const runner = deps.runner ?? new Runner();
  runner.scrubber.addEnv(deps.env);
  try {
    const inputs = readInputs();
    runner.setSecret(inputs.gitlabToken);
    runner.setSecret(inputs.password, inputs.username ? { username: inputs.username } : {});
    if (inputs.ephemeral && inputs.password)
      throw new UsageError(
        "input ephemeral creates a token for this job: it takes no input username / password",
        "leave out username and password, or ephemeral"
      );
    const run = new RunDir(deps.env);
    let flow;
    try {
      flow = await resolveFlow(inputs, deps, runner, run);
    } catch (e) {
      run.discard();
      throw e;
    }
    return await afterFlow(flow, inputs, deps, runner, run);
  } catch (e) {
    reportError(e, runner);
    return e instanceof DeployTokenError ? e.exitCode : 3;
  }
}
async function resolveFlow(inputs, deps, runner, run) {
  const specs = runSpecs(deps.cwd);
  const flags = flagsOf(inputs);
  const env = await pairEnv(inputs, deps.env, () => specs(flags.spec));
  const flow = await runFlow(flags, {
    env,
    cwd: deps.cwd,
    now: deps.now,
    specs,
    ...deps.fetch ? { fetch: deps.fetch } : {},
    ...deps.sleep ? { sleep: deps.sleep } : {},
    onRequest: (r) => runner.debug(
      `deploy-token: ${r.method} ${r.endpoint} \u2192 ${r.status ?? "no answer"} (${Math.round(r.ms)} ms)`
    ),
    scrubber: runner.scrubber,
    names: INPUT_NAMES,
    notice: (l) => runner.info(`deploy-token: ${l}`),
    ephemeral: { mode: inputs.dryRun ? "plan" : "create", force: inputs.ephemeral, random: run.stamp }
  });
  return withPairSources(flow, inputs);
}
function reportError(e, runner) {
  if (!(e instanceof DeployTokenError)) {
    runner.annotate("error", `internal error: ${e.message ?? String(e)}`);
    return;
  }
  const places = [...e.message.matchAll(/^\s+(.+?):(\d+):\d+: (.*)$/gm)];
  for (const [, file, line, message] of places)
    runner.annotate("error", message ?? "", { file: file ?? "", line: Number(line) });
  runner.annotate("error", `${e.message}${e.hint ? ` \u2014 ${e.hint}` : ""}`);
}
async function printPlan(flow, inputs, vars, deps, runner) {
  const r = flow.resolution;
  const plan = planReport(r, {
    gitlabUrl: flow.settings.gitlab.url,
    ...flow.settings.project ? { project: flow.settings.project } : {},
    now: deps.now(),
    exports: r.ok && inputs.export === "env" ? [{ target: "github", where: "$GITHUB_ENV", variables: vars.map((v) => v.name) }] : []
  });
  let text = formatPlanText(plan);
  if (r.ok && r.credentials) {
    const layout = await credentialLayout(flow, deps.env, parseClients(inputs.configure), "<private dir>");
    text += formatFileLines(layoutView(layout));
  }
  await runner.group("deploy-token: plan (dry run)", async () => runner.info(text));
}
function exportedText(inputs, vars) {
  if (inputs.export === "none") return "nothing (input export: none)";
  const outputs = "step outputs";
  if (inputs.export === "output") return outputs;
  return `${vars.map((v) => v.name).join(", ") || "nothing"} to the job's environment; ${outputs}`;
}
function actionDelivery(flow, inputs, deps, runner, run) {
  const outputs = stepOutputs(flow, inputs.passwordOutput);
  const save = (m) => runner.saveState("manifest", JSON.stringify(m), "ephemeral or configure");
  return new Delivery(flow, {
    env: deps.env,
    run,
    ledger: new StateRecord(save, run, deps.now),
    clients: parseClients(inputs.configure),
    masks: { scrubber: runner.scrubber, runner: (f) => runner.addMasks([f]) },
    render: (v) => {
      const vars = [...inputs.export === "env" ? v.job : [], ...v.files];
      const shown = inputs.export === "none" ? {} : outputs;
      prepareGithub(vars, shown, [], process.env);
      return [{ rank: 1, write: () => runner.exportAll(vars, shown) }];
    },
    say: (l) => runner.info(`deploy-token: ${l}`),
    warn: (l) => runner.annotate("warning", `deploy-token: ${l}`)
  });
}
async function afterFlow(flow, inputs, deps, runner, run) {
  const r = flow.resolution;
  const delivery = r.ok && r.credentials ? actionDelivery(flow, inputs, deps, runner, run) : void 0;
  try {
    const vars = delivery ? await delivery.prepare() : [];
    if (inputs.dryRun) await printPlan(flow, inputs, vars, deps, runner);
    for (const w of r.warnings) runner.annotate("warning", `${w.message} [${w.code}]`);
    const wanted = wantedFiles(flow, parseClients(inputs.configure));
    if (r.ok && !inputs.dryRun && !process.env.GITHUB_STATE) {
      if (wanted.clients.length > 0 || wanted.userFiles.length > 0)
        throw new UsageError(
          "input configure needs GITHUB_STATE (run as a GitHub Action)",
          "remove configure"
        );
    }
    const configured = wanted.clients.join(", ") || "no client (input configure is empty)";
    const rows = summaryRows({
      resolution: r,
      now: deps.now(),
      dryRun: inputs.dryRun,
      exported: exportedText(inputs, vars),
      configured
    });
    const summary = (title) => {
      try {
        runner.summary(title, rows);
      } catch (e) {
        runner.annotate("warning", `deploy-token: job summary not written: ${String(e)}`);
      }
    };
    if (!r.ok) {
      summary("deploy-token");
      runner.annotate("error", `${r.reason ?? "no credentials"}${r.fix ? ` \u2014 fix: ${r.fix}` : ""}`);
      return r.exitCode;
    }
    if (!inputs.dryRun) await delivery?.deliver();
    summary(`deploy-token${inputs.dryRun ? " (dry run)" : ""}`);
    if (inputs.dryRun) return 0;
    runner.info(`deploy-token: ${r.ruleText}`);
    runner.info(`deploy-token: exported ${exportedText(inputs, vars)}; configured ${configured}`);
    return 0;
  } catch (e) {
    await delivery?.undo();
    throw e;
  }
}
export {
  runAction
};
