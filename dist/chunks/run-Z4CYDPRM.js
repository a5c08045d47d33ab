import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  RULES,
  analyzeSpec,
  applySuppressions,
  checkDebugTrace,
  checkGitPush,
  checkPasswordOnCommandLine,
  checkPublicApi,
  checkTokenInLog,
  checkTokenInUrl,
  checkTokenOverSsh,
  commandNeeds,
  commandParts,
  commandPasswordFindings,
  deployTokenCall,
  findingAt,
  get,
  hasErrors,
  newMap,
  normalizeFindings,
  onceTracker,
  parseYaml,
  refRegex,
  scanTokens,
  scriptItems,
  specJobs,
  str,
  wordSpan
} from "./chunk-PAIQXION.js";
import "./chunk-TC5M5IGD.js";
import "./chunk-CANAHP2R.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-YM2RZDLZ.js";
import "./chunk-XSTXBMLW.js";
import "./chunk-37K7DFDN.js";

// src/validate/run.ts
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

// src/validate/ci/job.ts
function inherits(job, kind, key) {
  const v = get(get(job, "inherit"), kind);
  if (!v) return true;
  if (v.kind === "scalar") return v.value !== false;
  if (v.kind === "seq") return v.items.some((i) => str(i) === key);
  return true;
}
function variableText(v) {
  return str(v) ?? str(get(v, "value")) ?? "";
}
var DEPLOY_TOOL = /\bdeploy-token(?:\.js)?\s+(?:resolve|exec)\b|dist\/cli\.js\s+(?:resolve|exec)\b/;
function jobView(model, job) {
  const root = model.root;
  const defaults = get(root, "default");
  const fromDefault = (key) => {
    const own2 = job.node.byKey.get(key);
    if (own2) return { node: own2.value, ...own2.via ? { via: own2.via } : {} };
    if (!inherits(job.node, "default", key)) return {};
    const d = defaults?.kind === "map" ? defaults.byKey.get(key) : void 0;
    const g = root.byKey.get(key);
    const e = d ?? g;
    return e ? { node: e.value, ...e.via ? { via: e.via } : {} } : {};
  };
  const before = fromDefault("before_script");
  const after = fromDefault("after_script");
  const script = job.node.byKey.get("script");
  const scripts = [
    ...scriptItems(before.node, before.via),
    ...scriptItems(script?.value, script?.via),
    ...scriptItems(after.node, after.via)
  ];
  const variables = [];
  const ownEntry = job.node.byKey.get("variables");
  const own = ownEntry?.value;
  const ownKeys = /* @__PURE__ */ new Set();
  if (own?.kind === "map") {
    for (const e of own.entries) {
      ownKeys.add(e.key);
      const via = e.via ?? ownEntry?.via;
      variables.push({
        key: e.key,
        keyNode: e.keyNode,
        value: e.value,
        text: variableText(e.value),
        global: false,
        ...via ? { via } : {}
      });
    }
  }
  const globals = get(root, "variables");
  if (globals?.kind === "map") {
    for (const e of globals.entries) {
      if (ownKeys.has(e.key) || !inherits(job.node, "variables", e.key)) continue;
      variables.push({
        key: e.key,
        keyNode: e.keyNode,
        value: e.value,
        text: variableText(e.value),
        global: true,
        ...e.via ? { via: e.via } : {}
      });
    }
  }
  const password = /* @__PURE__ */ new Set(["CI_DEPLOY_PASSWORD"]);
  const user = /* @__PURE__ */ new Set(["CI_DEPLOY_USER"]);
  const mentionsToken = variables.some((v) => /CI_DEPLOY_/.test(v.text));
  for (let round = 0; mentionsToken && round < 3; round++) {
    const before2 = password.size + user.size;
    const pw = refRegex(password);
    const us = refRegex(user);
    for (const v of variables) {
      if (v.key.startsWith("CI_DEPLOY_")) continue;
      if (pw.test(v.text)) password.add(v.key);
      else if (us.test(v.text)) user.add(v.key);
    }
    if (password.size + user.size === before2) break;
  }
  const names = { password, user };
  const any = refRegex([...password, ...user]);
  const pwRe = refRegex(password);
  const usesDirect = scripts.some((s) => any.test(s.text)) || mentionsToken && variables.some((v) => !v.key.startsWith("CI_DEPLOY_") && pwRe.test(v.text));
  const usesTool = scripts.some((s) => DEPLOY_TOOL.test(s.text));
  const artifacts = fromDefault("artifacts").node;
  return {
    job,
    scripts,
    variables,
    names,
    usesDirect,
    usesTool,
    usesToken: usesDirect || usesTool,
    ...artifacts ? { artifacts } : {}
  };
}

// src/validate/rules/deploy-variables-override.ts
function valueText(v) {
  return str(v) ?? str(get(v, "value")) ?? "";
}
function checkDeployVariablesOverride(variables, report) {
  if (variables?.kind !== "map") return;
  for (const e of variables.entries) {
    if (e.key !== "CI_DEPLOY_PASSWORD" && e.key !== "CI_DEPLOY_USER") continue;
    const text = valueText(e.value);
    const reference = /^\s*\$\{?[A-Za-z_][A-Za-z0-9_]*\}?\s*$/.test(text);
    const message = e.key === "CI_DEPLOY_PASSWORD" ? reference ? "CI_DEPLOY_PASSWORD set in variables: overrides the gitlab-deploy-token GitLab injects; expected it unset (for the 15.0 group fallback, a masked CI/CD variable in Settings)" : "CI_DEPLOY_PASSWORD set in variables: replaces the gitlab-deploy-token with a committed secret; expected it unset" : "CI_DEPLOY_USER set in variables: overrides the gitlab-deploy-token username and goes stale when the token changes; expected it unset";
    report(findingAt("deploy-variables-override", message, e.keyNode.span, e.via));
  }
}

// src/validate/rules/missing-guard.ts
var GUARD_NAMES = ["CI_DEPLOY_PASSWORD", "CI_DEPLOY_USER"];
function mentions(node, re, depth = 0) {
  if (!node || depth > 8) return false;
  if (node.kind === "scalar") return typeof node.value === "string" && re.test(node.value);
  if (node.kind === "seq") return node.items.some((i) => mentions(i, re, depth + 1));
  return node.entries.some((e) => mentions(e.value, re, depth + 1));
}
function workflowGuards(root) {
  return mentions(get(get(root, "workflow"), "rules"), refRegex(GUARD_NAMES));
}
var SCRIPT_GUARD = /\$\{CI_DEPLOY_(PASSWORD|USER):[?]|-[nz]\s+["']?\$\{?CI_DEPLOY_(PASSWORD|USER)\b|\$\{?CI_DEPLOY_(PASSWORD|USER)\}?["']?\s*[!=]=/;
function checkMissingGuard(view, workflowGuarded, report) {
  if (!view.usesDirect || view.usesTool || workflowGuarded) return;
  const node = view.job.node;
  const re = refRegex(GUARD_NAMES);
  if (mentions(get(node, "rules"), re) || mentions(get(node, "only"), re) || mentions(get(node, "except"), re))
    return;
  if (view.scripts.some((s) => SCRIPT_GUARD.test(s.text))) return;
  report(
    findingAt(
      "missing-guard",
      `job "${view.job.name}" uses the deploy token without a guard; expected rules: [{if: $CI_DEPLOY_PASSWORD}] (GitLab sets it only while a gitlab-deploy-token is active)`,
      view.job.keyNode.span
    )
  );
}

// src/validate/rules/push-scope.ts
var NO_CLIENTS = /* @__PURE__ */ new Set();
function checkPushScope(view, specs, report) {
  if (!view.usesToken) return;
  let specJob = view.job.name;
  for (const item of view.scripts) for (const c of item.cmds) specJob = deployTokenCall(c)?.job ?? specJob;
  const declared = specs?.jobs.get(specJob);
  for (const item of view.scripts) {
    if (!/push|publish|upload|deploy|destination|copy|\bcp\b|-T\b|--data|-F\b|--form|PUT|POST/.test(item.text))
      continue;
    for (const cmd of item.cmds) {
      for (const need of commandNeeds(cmd, NO_CLIENTS)) {
        const writes2 = need.all.filter((s) => s.startsWith("write_"));
        if (writes2.length === 0) continue;
        const missing = declared ? writes2.filter((s) => !declared.has(s)) : writes2;
        if (missing.length === 0) continue;
        const message = declared ? `${need.label} needs ${missing.join(" and ")}, which job "${specJob}" of ${specs?.file ?? "the spec"} does not list; expected it in its scopes` : `${need.label} needs ${missing.join(" and ")} on the gitlab-deploy-token; declare it in deploy-token.yml (jobs.${specJob}.scopes) to have it checked`;
        report(findingAt("push-scope", message, wordSpan(item, need.word), item.via));
      }
    }
  }
}

// src/validate/glob.ts
function globRegex(glob, opts = {}) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? "";
    if (c === "*" && glob[i + 1] === "*") {
      re += ".*";
      i++;
      if (glob[i + 1] === "/") {
        re = `${re.slice(0, -2)}(?:.*/)?`;
        i++;
      }
    } else if (c === "*") re += "[^/]*";
    else if (c === "?") re += "[^/]";
    else re += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(opts.coversChildren ? `^${re.replace(/\/$/, "")}(/.*)?$` : `^${re}$`);
}

// src/validate/rules/token-in-artifact.ts
function strings(node) {
  if (!node) return [];
  if (node.kind === "scalar") return str(node) !== void 0 ? [str(node)] : [];
  if (node.kind === "seq") return node.items.flatMap((i) => strings(i));
  return [];
}
function normalize(p) {
  let s = p.trim().replace(/^["']|["']$/g, "");
  s = s.replace(/^\$\{?CI_PROJECT_DIR\}?\/+/, "").replace(/^(\.\/)+/, "");
  if (s.startsWith("/") || s.startsWith("$") || s.startsWith("~") || s === "") return void 0;
  return s;
}
function writes(cmds, index) {
  const cmd = cmds[index];
  if (!cmd) return [];
  const out = [];
  let upstream = "";
  for (let i = index - 1; i >= 0 && cmds[i]?.pipesTo; i--)
    upstream = `${cmds[i]?.words.map((w) => w.text).join(" ")} ${upstream}`;
  const own = `${cmd.words.map((w) => w.text).join(" ")} ${cmd.heredocs.filter((h) => !h.quoted).map((h) => h.text).join("\n")}`;
  for (const r of cmd.redirects) {
    if (/^(1?>|1?>>|&>|&>>|>\|)$/.test(r.op) && r.target && !r.target.text.startsWith("&"))
      out.push({ target: r.target, content: `${upstream} ${own}` });
  }
  const { name, args } = commandParts(cmd);
  if (name === "tee") {
    for (const a of args) if (!a.text.startsWith("-")) out.push({ target: a, content: upstream });
  }
  const dt = deployTokenCall(cmd);
  if (dt && dt.sub === "resolve" && args.some((a) => a.text === "dotenv" || a.text === "--export=dotenv")) {
    const i = args.findIndex((a) => a.text === "--output" || a.text === "-o");
    const target = i >= 0 ? args[i + 1] : args.find((a) => a.text.startsWith("--output="));
    if (target) {
      const t = target.text.startsWith("--output=") ? { ...target, text: target.text.slice(9) } : target;
      out.push({ target: t, content: "$CI_DEPLOY_PASSWORD" });
    }
  }
  return out;
}
function checkTokenInArtifact(view, report) {
  if (!view.usesToken || !view.artifacts) return;
  const dotenv = strings(get(get(view.artifacts, "reports"), "dotenv")).map(normalize).filter((s) => !!s);
  const paths = strings(get(view.artifacts, "paths")).map(normalize).filter((s) => !!s).map((p) => ({ p, re: globRegex(p, { coversChildren: true }) }));
  if (dotenv.length === 0 && paths.length === 0) return;
  const pw = refRegex(view.names.password);
  for (const item of view.scripts) {
    if (!/>|\btee\b|deploy-token/.test(item.text)) continue;
    item.cmds.forEach((_c, i) => {
      for (const w of writes(item.cmds, i)) {
        const dumps = /^\s*(env|printenv|export -p|declare -p)\s*$/.test(w.content.trim());
        if (!pw.test(w.content) && !dumps) continue;
        const file = normalize(w.target.text);
        if (!file) continue;
        const what = dumps ? "every variable, the deploy token included," : "the deploy token";
        if (dotenv.includes(file)) {
          report(
            findingAt(
              "token-in-artifact",
              `${what} is written to ${file}, which artifacts:reports:dotenv keeps unmasked; expected a file outside artifacts`,
              wordSpan(item, w.target),
              item.via
            )
          );
        } else {
          const hit = paths.find(({ re }) => re.test(file));
          if (hit)
            report(
              findingAt(
                "token-in-artifact",
                `${what} is written to ${file}, which artifacts:paths (${hit.p}) uploads; expected a file outside artifacts`,
                wordSpan(item, w.target),
                item.via
              )
            );
        }
      }
    });
  }
}

// src/validate/ci-rules.ts
function ciRuleFindings(model, specs) {
  const findings = [];
  const report = (f) => findings.push(f);
  scanTokens(model.root, report, "a masked CI/CD variable (Settings > CI/CD > Variables)");
  checkDeployVariablesOverride(get(model.root, "variables"), report);
  const workflowGuarded = workflowGuards(model.root);
  const firstFor = onceTracker();
  for (const job of model.jobs) {
    const view = jobView(model, job);
    checkDeployVariablesOverride(get(job.node, "variables"), report);
    const context = `${view.usesToken}|${[...view.names.password].sort().join(",")}|${[...view.names.user].sort().join(",")}`;
    const scope = {
      items: view.scripts,
      names: view.names,
      usesToken: view.usesToken,
      report,
      first: firstFor(context)
    };
    checkPasswordOnCommandLine(scope);
    commandPasswordFindings(scope);
    checkTokenInUrl(scope);
    checkTokenInLog(scope);
    checkDebugTrace(view, report);
    checkTokenInArtifact(view, report);
    checkTokenOverSsh(scope);
    checkPublicApi(scope);
    checkGitPush(scope, false);
    checkMissingGuard(view, workflowGuarded, report);
    checkPushScope(view, specs, report);
  }
  return findings;
}

// src/validate/ci/load.ts
import { posix } from "node:path";
var CI_LIMITS = { maxBytes: 2 * 1024 * 1024, maxNodes: 1e6, maxDepth: 100 };
var GLOBAL_KEYWORDS = /* @__PURE__ */ new Set([
  "default",
  "include",
  "stages",
  "variables",
  "workflow",
  "spec",
  "image",
  "services",
  "cache",
  "before_script",
  "after_script",
  "types"
]);
var MAX_EXTENDS_DEPTH = 10;
var MAX_REFERENCE_DEPTH = 10;
var MAX_INCLUDES = 150;
function contentDoc(docs, src, findings) {
  if (docs.length <= 1) return docs[0];
  if (docs.length === 2 && docs[0]?.kind === "map" && docs[0].byKey.has("spec")) return docs[1];
  const extra = docs[1];
  findings.push(
    findingAt(
      "syntax",
      "a second YAML document (---); expected one document, or a spec: header and one document",
      extra ? { ...extra.span, end: extra.span.start } : { src, start: 0, end: 0 }
    )
  );
  return void 0;
}
function deepMerge(a, b, span = b.span) {
  const out = newMap(span, [...a.entries]);
  for (const e of b.entries) {
    const prev = out.byKey.get(e.key);
    const entry = prev && prev.value.kind === "map" && e.value.kind === "map" ? { ...e, value: deepMerge(prev.value, e.value) } : e;
    if (prev) out.entries[out.entries.indexOf(prev)] = entry;
    else out.entries.push(entry);
    out.byKey.set(e.key, entry);
  }
  return out;
}
function localIncludes(node) {
  if (!node) return { local: [], others: 0 };
  const items = node.kind === "seq" ? node.items : [node];
  const local = [];
  let others = 0;
  for (const it of items) {
    if (it.kind === "scalar" && typeof it.value === "string") {
      if (!/^[a-z]+:\/\//i.test(it.value)) local.push({ path: it.value, span: it.span });
      else others++;
    } else if (it.kind === "map") {
      const l = get(it, "local");
      const p = str(l);
      if (p !== void 0 && l) local.push({ path: p, span: l.span });
      else others++;
    }
  }
  return { local, others };
}
function loadCi(text, absPath, fs, limits = CI_LIMITS) {
  const findings = [];
  const sources = [];
  const baseDir = posix.dirname(absPath.replace(/\\/g, "/"));
  const included = /* @__PURE__ */ new Set([absPath]);
  let unreadIncludes = false;
  const readTree = (content, abs) => {
    const parsed = parseYaml(content, fs.display(abs), limits);
    sources.push(parsed.src);
    findings.push(...parsed.findings);
    if (parsed.findings.length > 0) return void 0;
    const doc = contentDoc(parsed.docs, parsed.src, findings);
    if (!doc) return void 0;
    if (doc.kind === "scalar" && doc.value === null) return newMap(doc.span);
    if (doc.kind !== "map") {
      findings.push(
        findingAt("syntax", "expected a mapping of jobs and keywords at the top level", {
          ...doc.span,
          end: doc.span.start
        })
      );
      return void 0;
    }
    return doc;
  };
  const withIncludes = (tree, depth) => {
    const includeEntry = tree.byKey.get("include");
    if (!includeEntry) return tree;
    let merged = newMap(tree.span);
    const { local, others } = localIncludes(includeEntry.value);
    if (others > 0) unreadIncludes = true;
    for (const inc of local) {
      const rel = inc.path.replace(/^\/+/, "");
      const targets = /[*?[]/.test(rel) ? fs.glob(baseDir, rel) : [posix.join(baseDir, rel)];
      if (targets.length === 0) {
        findings.push(
          findingAt(
            "ci-include",
            `no file matches local include "${inc.path}"; expected a path relative to ${fs.display(baseDir) || "."}`,
            inc.span
          )
        );
      }
      for (const abs of targets) {
        if (included.has(abs)) continue;
        if (included.size >= MAX_INCLUDES || depth > 100) {
          findings.push(
            findingAt(
              "ci-include",
              `more than ${MAX_INCLUDES} included files; expected fewer includes`,
              inc.span
            )
          );
          break;
        }
        included.add(abs);
        const content = fs.read(abs);
        if (content === void 0) {
          findings.push(
            findingAt(
              "ci-include",
              `local include "${inc.path}" cannot be read; expected a file relative to ${fs.display(baseDir) || "."}`,
              inc.span
            )
          );
          continue;
        }
        const sub = readTree(content, abs);
        if (sub) merged = deepMerge(merged, withIncludes(sub, depth + 1), merged.span);
      }
    }
    const own = newMap(
      tree.span,
      tree.entries.filter((e) => e.key !== "include")
    );
    return deepMerge(merged, own, tree.span);
  };
  const main = readTree(text, absPath);
  if (!main) return { findings, sources };
  const root = withIncludes(main, 0);
  const extended = resolveExtends(root, findings, unreadIncludes);
  const resolved = sources.some((src) => src.text.includes("!reference")) ? resolveReferences(extended, findings, unreadIncludes) : extended;
  const jobs = [];
  for (const e of resolved.entries) {
    if (GLOBAL_KEYWORDS.has(e.key) || e.key.startsWith(".") || e.value.kind !== "map") continue;
    jobs.push({ name: e.key, keyNode: e.keyNode, node: e.value });
  }
  return { model: { root: resolved, jobs }, findings, sources };
}
function resolveExtends(root, findings, unreadIncludes) {
  const done = /* @__PURE__ */ new Map();
  const resolve2 = (name, stack) => {
    const cached = done.get(name);
    if (cached) return cached;
    const entry = root.byKey.get(name);
    if (!entry || entry.value.kind !== "map") return void 0;
    const node = entry.value;
    const ext = node.byKey.get("extends");
    if (!ext) {
      const r = { map: node, depth: 0 };
      done.set(name, r);
      return r;
    }
    const names = [];
    if (ext.value.kind === "scalar" && typeof ext.value.value === "string")
      names.push({ name: ext.value.value, span: ext.value.span });
    else if (ext.value.kind === "seq") {
      for (const it of ext.value.items)
        if (it.kind === "scalar" && typeof it.value === "string")
          names.push({ name: it.value, span: it.span });
    }
    let base;
    let depth = 0;
    for (const b of names) {
      if (stack.includes(b.name) || b.name === name) {
        findings.push(
          findingAt(
            "ci-extends",
            `circular dependency detected in extends: ${[...stack, name, b.name].join(" \u2192 ")}; expected no cycle`,
            b.span
          )
        );
        continue;
      }
      const target = root.byKey.get(b.name);
      if (!target || target.value.kind !== "map") {
        if (!target && (unreadIncludes || b.name.includes("$[["))) continue;
        findings.push(
          findingAt(
            "ci-extends",
            `unknown job "${b.name}" in extends; expected a job or template defined in this file or a local include`,
            b.span
          )
        );
        continue;
      }
      const r = resolve2(b.name, [...stack, name]);
      if (!r) continue;
      depth = Math.max(depth, r.depth + 1);
      if (r.depth + 1 === MAX_EXTENDS_DEPTH + 1) {
        findings.push(
          findingAt(
            "ci-extends",
            `nesting too deep in extends (${r.depth + 1} levels); expected at most ${MAX_EXTENDS_DEPTH}`,
            b.span
          )
        );
      }
      base = base ? deepMerge(base, r.map, r.map.span) : r.map;
    }
    const out2 = { map: base ? deepMerge(base, node, node.span) : node, depth };
    done.set(name, out2);
    return out2;
  };
  const out = newMap(root.span);
  for (const e of root.entries) {
    if (e.value.kind === "map" && !GLOBAL_KEYWORDS.has(e.key)) {
      const r = resolve2(e.key, []);
      out.entries.push(r && r.map !== e.value ? { ...e, value: r.map } : e);
    } else out.entries.push(e);
    out.byKey.set(e.key, out.entries[out.entries.length - 1]);
  }
  return out;
}
function resolveReferences(root, findings, unreadIncludes) {
  const memo = /* @__PURE__ */ new Map();
  const active = /* @__PURE__ */ new Set();
  const lookup = (ref, depth) => {
    if (ref.kind !== "seq") return void 0;
    const path = ref.items.map((i) => str(i) ?? "");
    const label = `[${path.join(", ")}]`;
    if (depth >= MAX_REFERENCE_DEPTH) {
      findings.push(
        findingAt(
          "ci-reference",
          `!reference ${label} nests too deep; expected at most ${MAX_REFERENCE_DEPTH} levels`,
          ref.span
        )
      );
      return void 0;
    }
    let cur = root;
    for (const key of path) {
      cur = cur?.kind === "map" ? cur.byKey.get(key)?.value : void 0;
      if (!cur) {
        if (unreadIncludes && key === path[0]) return void 0;
        findings.push(
          findingAt(
            "ci-reference",
            `!reference ${label} names nothing ("${key}" not found); expected an existing job and keys`,
            ref.span
          )
        );
        return void 0;
      }
    }
    if (!cur) return void 0;
    if (active.has(cur)) {
      findings.push(
        findingAt(
          "ci-reference",
          `!reference ${label} is part of a circular chain; expected no cycle`,
          ref.span
        )
      );
      return void 0;
    }
    return { node: visit(cur, depth + 1), via: { kind: "reference", span: ref.span, name: path.join(", ") } };
  };
  const visit = (n, depth) => {
    const m = memo.get(n);
    if (m) return m;
    if (n.kind === "scalar" || n.referenceFree) return n;
    active.add(n);
    let out2 = n;
    if (n.kind === "seq") {
      let changed = false;
      const items = [];
      const via = [];
      n.items.forEach((it, i) => {
        if (it.tag === "!reference") {
          const r = lookup(it, depth);
          changed = true;
          if (r) {
            items.push(r.node);
            via.push(r.via);
          }
          return;
        }
        const v = visit(it, depth);
        if (v !== it) changed = true;
        items.push(v);
        via.push(n.via[i]);
      });
      if (changed) out2 = { ...n, items, via };
    } else {
      let changed = false;
      const entries = n.entries.map((e) => {
        if (e.value.tag === "!reference") {
          const r = lookup(e.value, depth);
          changed = true;
          return r ? { ...e, value: r.node, via: r.via } : e;
        }
        const v = visit(e.value, depth);
        if (v === e.value) return e;
        changed = true;
        return { ...e, value: v };
      });
      if (changed) out2 = newMap(n.span, entries);
    }
    active.delete(n);
    memo.set(n, out2);
    return out2;
  };
  const out = visit(root, 0);
  return out.kind === "map" ? out : root;
}

// src/validate/detect.ts
import { basename } from "node:path";
function detectKind(path, text) {
  const name = basename(path).toLowerCase();
  if (/(^|\.)gitlab-ci\.ya?ml$/.test(name)) return "ci";
  const header = text.search(/^spec[ \t]*:/m);
  if (header >= 0 && /^---[ \t]*$/m.test(text.slice(header))) return "ci";
  if (/^deploy-token(\.[\w-]+)?\.ya?ml$/.test(name)) return "spec";
  const top = /* @__PURE__ */ new Set();
  for (const m of text.matchAll(/^(['"]?)([A-Za-z_.][^:#\s'"]*)\1[ \t]*:/gm)) top.add(m[2] ?? "");
  const script = /^[ \t]+script[ \t]*:/m.test(text);
  if (top.has("version") && top.has("jobs") && !top.has("stages") && !top.has("include") && !script)
    return "spec";
  if (["stages", "include", "workflow", "default"].some((k) => top.has(k))) return "ci";
  if (script) return "ci";
  return "spec";
}

// src/validate/format/codequality.ts
import { createHash as createHash2 } from "node:crypto";

// src/validate/format/fingerprint.ts
import { createHash } from "node:crypto";
function fingerprints(findings, sources) {
  const lines = /* @__PURE__ */ new Map();
  const seen = /* @__PURE__ */ new Map();
  return findings.map((f) => {
    let ls = lines.get(f.file);
    if (!ls) {
      ls = (sources.get(f.file) ?? "").split("\n");
      lines.set(f.file, ls);
    }
    const text = (ls[f.line - 1] ?? "").trim().replace(/\s+/g, " ");
    const base = createHash("sha256").update(`${f.ruleId}\0${f.file}\0${text}\0${f.message}`).digest("hex").slice(0, 32);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base}:${n}`;
  });
}

// src/validate/format/codequality.ts
var SEVERITY = { error: "major", warning: "minor", info: "info" };
function formatCodeQuality(findings, sources) {
  const prints = fingerprints(findings, sources);
  const issues = findings.map((f, i) => ({
    type: "issue",
    check_name: f.ruleId,
    description: `${f.message} [${f.ruleId}]`,
    categories: ["Security"],
    // GitLab wants a unique hex fingerprint per issue; MD5 length, derived from the stable one.
    fingerprint: createHash2("md5").update(prints[i] ?? String(i)).digest("hex"),
    severity: SEVERITY[f.severity],
    location: {
      path: f.file,
      lines: { begin: f.line, ...f.endLine !== void 0 ? { end: f.endLine } : {} }
    }
  }));
  return `${JSON.stringify(issues, null, 2)}
`;
}

// src/validate/format/github.ts
var COMMAND = { error: "error", warning: "warning", info: "notice" };
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function formatGithub(findings) {
  return findings.map((f) => {
    const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.col}`];
    if (f.endLine !== void 0) props.push(`endLine=${f.endLine}`);
    if (f.endCol !== void 0 && f.endLine === f.line) props.push(`endColumn=${f.endCol}`);
    props.push(`title=${escapeProperty(f.ruleId)}`);
    return `::${COMMAND[f.severity]} ${props.join(",")}::${escapeData(`${f.message} [${f.ruleId}]`)}
`;
  }).join("");
}

// src/validate/format/json.ts
function formatJson(findings) {
  return `${JSON.stringify(findings, null, 2)}
`;
}

// src/validate/format/sarif.ts
var LEVEL = { error: "error", warning: "warning", info: "note" };
function formatSarif(findings, sources) {
  const ids = Object.keys(RULES);
  const rules = ids.map((id) => ({
    id,
    name: id.replace(/-(\w)/g, (_m, c) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: RULES[id].summary },
    fullDescription: { text: RULES[id].help },
    help: { text: RULES[id].help, markdown: `**${RULES[id].summary}**

${RULES[id].help}` },
    defaultConfiguration: { level: LEVEL[RULES[id].severity] }
  }));
  const prints = fingerprints(findings, sources);
  const results = findings.map((f, i) => {
    const region = { startLine: f.line, startColumn: f.col };
    if (f.endLine !== void 0 && f.endCol !== void 0 && (f.endLine > f.line || f.endCol > f.col)) {
      region.endLine = f.endLine;
      region.endColumn = f.endCol;
    }
    const ruleIndex = ids.indexOf(f.ruleId);
    return {
      ruleId: f.ruleId,
      ...ruleIndex >= 0 ? { ruleIndex } : {},
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(f.file.replace(/\\/g, "/")), uriBaseId: "%SRCROOT%" },
            region
          }
        }
      ],
      partialFingerprints: { primaryLocationLineHash: prints[i] ?? "" }
    };
  });
  const log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "deploy-token",
            informationUri: "https://docs.gitlab.com/user/project/deploy_tokens/",
            rules
          }
        },
        columnKind: "utf16CodeUnits",
        results
      }
    ]
  };
  return `${JSON.stringify(log, null, 2)}
`;
}

// src/validate/format/text.ts
var COLORS = { error: "\x1B[31m", warning: "\x1B[33m", info: "\x1B[36m" };
var BOLD = "\x1B[1m";
var DIM = "\x1B[90m";
var RESET = "\x1B[0m";
var MAX_LINE = 160;
function formatText(findings, sources, color = false) {
  const linesOf = /* @__PURE__ */ new Map();
  const out = [];
  for (const f of findings) {
    const head = `${f.file}:${f.line}:${f.col}:`;
    out.push(
      color ? `${BOLD}${head}${RESET} ${f.message} ${DIM}[${f.ruleId}]${RESET}` : `${head} ${f.message} [${f.ruleId}]`
    );
    const text = sources.get(f.file);
    if (text === void 0 || f.endLine === void 0) continue;
    let lines = linesOf.get(f.file);
    if (!lines) {
      lines = text.split("\n");
      linesOf.set(f.file, lines);
    }
    let src = (lines[f.line - 1] ?? "").replace(/\r$/, "");
    let col = f.col;
    let width = f.endLine === f.line && f.endCol !== void 0 && f.endCol > f.col ? f.endCol - f.col : Math.max(1, src.length - f.col + 1);
    if (src.length > MAX_LINE) {
      const from = Math.max(0, col - 1 - 40);
      const cut = src.slice(from, from + MAX_LINE);
      src = `${from > 0 ? "\u2026" : ""}${cut}${from + MAX_LINE < src.length ? "\u2026" : ""}`;
      col = col - from + (from > 0 ? 1 : 0);
      width = Math.min(width, MAX_LINE - (col - 1));
    }
    const num = String(f.line);
    const gutter = " ".repeat(num.length);
    const pad = src.slice(0, col - 1).replace(/[^\t]/g, " ");
    const caret = `^${"~".repeat(Math.max(0, Math.min(width, Math.max(1, src.length - col + 1)) - 1))}`;
    out.push(`${num} | ${src}`);
    out.push(`${gutter} | ${pad}${color ? `${COLORS[f.severity]}${caret}${RESET}` : caret}`);
  }
  return out.length > 0 ? `${out.join("\n")}
` : "";
}

// src/validate/run.ts
var VALIDATE_FORMATS = ["text", "json", "sarif", "codequality", "github"];
var DEFAULT_SPEC = "deploy-token.yml";
var DEFAULT_CI = ".gitlab-ci.yml";
function displayPath(cwd, abs) {
  const rel = relative(cwd, abs);
  const shown = rel === "" || rel.startsWith("..") || isAbsolute(rel) ? abs : rel;
  return shown.split(sep).join("/");
}
function globFiles(dir, pattern) {
  const re = globRegex(pattern);
  const out = [];
  const walk = (d, rel, depth) => {
    if (depth > 12 || out.length > 500) return;
    let names;
    try {
      names = readdirSync(d).sort();
    } catch {
      return;
    }
    for (const n of names) {
      if (n === "node_modules" || n === ".git") continue;
      const abs = join(d, n);
      const r = rel ? `${rel}/${n}` : n;
      let isDir = false;
      try {
        isDir = statSync(abs).isDirectory();
      } catch {
        continue;
      }
      if (isDir) walk(abs, r, depth + 1);
      else if (re.test(r)) out.push(abs.split(sep).join("/"));
    }
  };
  walk(dir, "", 0);
  return out;
}
function specScopesOf(root, file) {
  const jobs = /* @__PURE__ */ new Map();
  if (root) {
    for (const j of specJobs(root)) {
      const scopes = get(j.node, "scopes");
      jobs.set(j.name, new Set(scopes?.kind === "seq" ? scopes.items.map((i) => str(i) ?? "") : []));
    }
  }
  return { file, jobs };
}
async function runValidate(files, opts, out, err) {
  try {
    if (!VALIDATE_FORMATS.includes(opts.format)) {
      err.write(
        `deploy-token: error: unknown format "${String(opts.format)}"; expected one of ${VALIDATE_FORMATS.join(", ")}
`
      );
      return 2;
    }
    const cwd = resolve(opts.cwd);
    let targets = files;
    if (targets.length === 0) {
      targets = [DEFAULT_SPEC, DEFAULT_CI].filter((f) => existsSync(join(cwd, f)));
      if (targets.length === 0) {
        err.write(
          `deploy-token: error: no ${DEFAULT_SPEC} or ${DEFAULT_CI} in ${cwd}
  hint: name the files to validate: deploy-token validate FILE...
`
        );
        return 2;
      }
    }
    let unreadable = false;
    const texts = /* @__PURE__ */ new Map();
    const order = [];
    const findings = [];
    const inputs = [];
    for (const f of targets) {
      const abs = resolve(cwd, f);
      const shown = displayPath(cwd, abs);
      let text;
      try {
        if (statSync(abs).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
        text = readFileSync(abs, "utf8");
      } catch (e) {
        const code = e.code;
        err.write(`deploy-token: error: cannot read ${f}${code ? ` (${code})` : ""}
`);
        unreadable = true;
        continue;
      }
      inputs.push({ abs, shown, text, kind: detectKind(abs, text) });
      order.push(shown);
    }
    let scopes;
    for (const inp of inputs.filter((i) => i.kind === "spec")) {
      const a = analyzeSpec(inp.text, inp.shown);
      texts.set(inp.shown, inp.text);
      findings.push(...a.findings);
      if (a.root && !scopes) scopes = specScopesOf(a.root, inp.shown);
    }
    for (const inp of inputs.filter((i) => i.kind === "ci")) {
      let ciScopes = scopes;
      if (!ciScopes) {
        const beside = join(resolve(inp.abs, ".."), DEFAULT_SPEC);
        if (existsSync(beside)) {
          try {
            const a = analyzeSpec(readFileSync(beside, "utf8"), displayPath(cwd, beside));
            if (a.root) ciScopes = specScopesOf(a.root, displayPath(cwd, beside));
          } catch {
          }
        }
      }
      const fs = {
        read: (p) => {
          try {
            return readFileSync(p, "utf8");
          } catch {
            return void 0;
          }
        },
        glob: globFiles,
        display: (p) => displayPath(cwd, p)
      };
      const loaded = loadCi(inp.text, inp.abs.split(sep).join("/"), fs);
      const all = [...loaded.findings];
      if (loaded.model) all.push(...ciRuleFindings(loaded.model, ciScopes));
      const srcs = loaded.sources;
      for (const s of srcs) texts.set(s.path, s.text);
      findings.push(...applySuppressions(all, srcs));
    }
    const sorted = normalizeFindings(findings, order);
    switch (opts.format) {
      case "json":
        out.write(formatJson(sorted));
        break;
      case "sarif":
        out.write(formatSarif(sorted, texts));
        break;
      case "codequality":
        out.write(formatCodeQuality(sorted, texts));
        break;
      case "github":
        out.write(formatGithub(sorted));
        break;
      default:
        out.write(formatText(sorted, texts, opts.color ?? false));
    }
    if (unreadable) return 2;
    return hasErrors(sorted) ? 1 : 0;
  } catch (e) {
    err.write(`deploy-token: internal error: ${e instanceof Error ? e.message : String(e)}
`);
    return 3;
  }
}
export {
  DEFAULT_CI,
  DEFAULT_SPEC,
  VALIDATE_FORMATS,
  runValidate
};
