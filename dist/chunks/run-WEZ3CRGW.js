import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  RULES,
  applySuppressions,
  checkCi,
  ciExtends,
  ciInclude,
  ciReference,
  findingAt,
  get,
  globRegex,
  hasErrors,
  newMap,
  normalizeFindings,
  parseYaml,
  specJobs,
  str,
  syntax,
  yamlFindings
} from "./chunk-HAOFU2QA.js";
import {
  DEFAULT_SPEC
} from "./chunk-XQ6QCYVK.js";
import "./chunk-NNIRYNRK.js";
import "./chunk-JBSERHTU.js";
import "./chunk-M2XMWK6Z.js";
import "./chunk-O3WIKRKW.js";
import "./chunk-MYCCQ4L5.js";
import "./chunk-RC75VXCO.js";
import "./chunk-NWKT2VDV.js";
import "./chunk-SFJXSL7D.js";

// src/validate/run.ts
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve, sep } from "node:path";

// src/validate/ci/load.ts
import { posix } from "node:path";

// src/validate/ci/merge.ts
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

// src/validate/ci/extends.ts
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
            ciExtends,
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
            ciExtends,
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
            ciExtends,
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

// src/validate/ci/references.ts
var MAX_REFERENCE_DEPTH = 10;
var ReferenceResolver = class {
  constructor(root, findings, unreadIncludes) {
    this.root = root;
    this.findings = findings;
    this.unreadIncludes = unreadIncludes;
  }
  root;
  findings;
  unreadIncludes;
  memo = /* @__PURE__ */ new Map();
  active = /* @__PURE__ */ new Set();
  report(message, ref) {
    this.findings.push(findingAt(ciReference, message, ref.span));
    return void 0;
  }
  /** The node a `!reference [job, key, …]` names, resolved itself, and where it was referenced. */
  lookup(ref, depth) {
    if (ref.kind !== "seq") return void 0;
    const path = ref.items.map((i) => str(i) ?? "");
    const label = `[${path.join(", ")}]`;
    if (depth >= MAX_REFERENCE_DEPTH)
      return this.report(
        `!reference ${label} nests too deep; expected at most ${MAX_REFERENCE_DEPTH} levels`,
        ref
      );
    let cur = this.root;
    for (const key of path) {
      cur = cur?.kind === "map" ? cur.byKey.get(key)?.value : void 0;
      if (cur) continue;
      if (this.unreadIncludes && key === path[0]) return void 0;
      return this.report(
        `!reference ${label} names nothing ("${key}" not found); expected an existing job and keys`,
        ref
      );
    }
    if (!cur) return void 0;
    if (this.active.has(cur))
      return this.report(`!reference ${label} is part of a circular chain; expected no cycle`, ref);
    return {
      node: this.visit(cur, depth + 1),
      via: { kind: "reference", span: ref.span, name: path.join(", ") }
    };
  }
  visit(n, depth) {
    const m = this.memo.get(n);
    if (m) return m;
    if (n.kind === "scalar" || n.referenceFree) return n;
    this.active.add(n);
    const out = n.kind === "seq" ? this.seq(n, depth) : this.map(n, depth);
    this.active.delete(n);
    this.memo.set(n, out);
    return out;
  }
  seq(n, depth) {
    let changed = false;
    const items = [];
    const via = [];
    n.items.forEach((it, i) => {
      if (it.tag === "!reference") {
        const r = this.lookup(it, depth);
        changed = true;
        if (r) {
          items.push(r.node);
          via.push(r.via);
        }
        return;
      }
      const v = this.visit(it, depth);
      if (v !== it) changed = true;
      items.push(v);
      via.push(n.via[i]);
    });
    return changed ? { ...n, items, via } : n;
  }
  map(n, depth) {
    let changed = false;
    const entries = n.entries.map((e) => {
      if (e.value.tag === "!reference") {
        const r = this.lookup(e.value, depth);
        changed = true;
        return r ? { ...e, value: r.node, via: r.via } : e;
      }
      const v = this.visit(e.value, depth);
      if (v === e.value) return e;
      changed = true;
      return { ...e, value: v };
    });
    return changed ? newMap(n.span, entries) : n;
  }
};
function resolveReferences(root, findings, unreadIncludes) {
  const out = new ReferenceResolver(root, findings, unreadIncludes).visit(root, 0);
  return out.kind === "map" ? out : root;
}

// src/validate/ci/load.ts
var CI_LIMITS = { maxBytes: 2 * 1024 * 1024, maxNodes: 1e6, maxDepth: 100 };
var MAX_INCLUDES = 150;
function contentDoc(docs, src, findings) {
  if (docs.length <= 1) return docs[0];
  if (docs.length === 2 && docs[0]?.kind === "map" && docs[0].byKey.has("spec")) return docs[1];
  const extra = docs[1];
  findings.push(
    findingAt(
      syntax,
      "a second YAML document (---); expected one document, or a spec: header and one document",
      extra ? { ...extra.span, end: extra.span.start } : { src, start: 0, end: 0 }
    )
  );
  return void 0;
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
var CiReader = class {
  constructor(absPath, fs, limits) {
    this.fs = fs;
    this.limits = limits;
    this.baseDir = posix.dirname(absPath.replace(/\\/g, "/"));
    this.included = /* @__PURE__ */ new Set([absPath]);
  }
  fs;
  limits;
  findings = [];
  sources = [];
  /** Includes that are not read offline: an unknown extends or !reference target may live there. */
  unreadIncludes = false;
  baseDir;
  included;
  /** A file's top-level mapping, or undefined (its problems are findings). */
  readTree(content, abs) {
    const parsed = parseYaml(content, this.fs.display(abs), this.limits);
    this.sources.push(parsed.src);
    if (parsed.problems.length > 0) {
      this.findings.push(...yamlFindings(parsed.problems, parsed.src.path));
      return void 0;
    }
    const doc = contentDoc(parsed.docs, parsed.src, this.findings);
    if (!doc) return void 0;
    if (doc.kind === "scalar" && doc.value === null) return newMap(doc.span);
    if (doc.kind === "map") return doc;
    const span = { ...doc.span, end: doc.span.start };
    this.findings.push(findingAt(syntax, "expected a mapping of jobs and keywords at the top level", span));
    return void 0;
  }
  /** A file with its local includes merged underneath it (included first, the file itself last). */
  withIncludes(tree, depth) {
    const includeEntry = tree.byKey.get("include");
    if (!includeEntry) return tree;
    let merged = newMap(tree.span);
    const { local, others } = localIncludes(includeEntry.value);
    if (others > 0) this.unreadIncludes = true;
    for (const inc of local) {
      for (const sub of this.includedTrees(inc, depth)) {
        merged = deepMerge(merged, this.withIncludes(sub, depth + 1), merged.span);
      }
    }
    const own = newMap(
      tree.span,
      tree.entries.filter((e) => e.key !== "include")
    );
    return deepMerge(merged, own, tree.span);
  }
  report(message, inc) {
    this.findings.push(findingAt(ciInclude, message, inc.span));
  }
  /**
   * The trees of the files one `include: local` names (a glob may name several), one at a time: the
   * caller merges each, with its own includes, before the next is read (GitLab's order).
   */
  *includedTrees(inc, depth) {
    const rel = inc.path.replace(/^\/+/, "");
    const dir = this.fs.display(this.baseDir) || ".";
    const targets = /[*?[]/.test(rel) ? this.fs.glob(this.baseDir, rel) : [posix.join(this.baseDir, rel)];
    if (targets.length === 0)
      this.report(`no file matches local include "${inc.path}"; expected a path relative to ${dir}`, inc);
    for (const abs of targets) {
      if (this.included.has(abs)) continue;
      if (this.included.size >= MAX_INCLUDES || depth > 100) {
        this.report(`more than ${MAX_INCLUDES} included files; expected fewer includes`, inc);
        break;
      }
      this.included.add(abs);
      const content = this.fs.read(abs);
      if (content === void 0) {
        this.report(`local include "${inc.path}" cannot be read; expected a file relative to ${dir}`, inc);
        continue;
      }
      const sub = this.readTree(content, abs);
      if (sub) yield sub;
    }
  }
};
function loadCi(text, absPath, fs, limits = CI_LIMITS) {
  const reader = new CiReader(absPath, fs, limits);
  const { findings, sources } = reader;
  const main = reader.readTree(text, absPath);
  if (!main) return { findings, sources };
  const root = reader.withIncludes(main, 0);
  const extended = resolveExtends(root, findings, reader.unreadIncludes);
  const resolved = sources.some((src) => src.text.includes("!reference")) ? resolveReferences(extended, findings, reader.unreadIncludes) : extended;
  const jobs = [];
  for (const e of resolved.entries) {
    if (GLOBAL_KEYWORDS.has(e.key) || e.key.startsWith(".") || e.value.kind !== "map") continue;
    jobs.push({ name: e.key, keyNode: e.keyNode, node: e.value });
  }
  return { model: { root: resolved, jobs, sources }, findings, sources };
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
  const ids = RULES.map((r) => r.id);
  const rules = RULES.map((r) => ({
    id: r.id,
    name: r.id.replace(/-(\w)/g, (_m, c) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
    shortDescription: { text: r.summary },
    fullDescription: { text: r.help },
    help: { text: r.help, markdown: `**${r.summary}**

${r.help}` },
    defaultConfiguration: { level: LEVEL[r.severity] }
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

// src/validate/format/visible.ts
var HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
function standIn(ch) {
  const c = ch.codePointAt(0) ?? 0;
  if (c < 32) return String.fromCharCode(9216 + c);
  if (c === 127) return "\u2421";
  return "\uFFFD".repeat(ch.length);
}
function visible(text) {
  return text.replace(HIDDEN, (ch) => ch === "	" ? ch : standIn(ch));
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
    const head = `${visible(f.file)}:${f.line}:${f.col}:`;
    const message = visible(f.message);
    out.push(
      color ? `${BOLD}${head}${RESET} ${message} ${DIM}[${f.ruleId}]${RESET}` : `${head} ${message} [${f.ruleId}]`
    );
    const text = sources.get(f.file);
    if (text === void 0 || f.endLine === void 0) continue;
    let lines = linesOf.get(f.file);
    if (!lines) {
      lines = text.split("\n");
      linesOf.set(f.file, lines);
    }
    let src = visible((lines[f.line - 1] ?? "").replace(/\r$/, ""));
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
var READ_HINT = {
  ENOENT: "no such file: check the path given to validate (relative to the working directory)",
  EISDIR: "a directory: name the YAML file inside it (e.g. .gitlab-ci.yml or deploy-token.yml)",
  EACCES: "permission denied: make the file readable by this user"
};
var VALIDATE_FORMATS = ["text", "json", "sarif", "codequality", "github"];
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
function readInputs(targets, cwd, err) {
  const inputs = [];
  let unreadable = false;
  for (const f of targets) {
    const abs = resolve(cwd, f);
    try {
      if (statSync(abs).isDirectory()) throw Object.assign(new Error("is a directory"), { code: "EISDIR" });
      const text = readFileSync(abs, "utf8");
      inputs.push({ abs, shown: displayPath(cwd, abs), text, kind: detectKind(abs, text) });
    } catch (e) {
      const code = e.code;
      err.write(`deploy-token: error: cannot read ${f}${code ? ` (${code})` : ""}
`);
      err.write(
        `  hint: ${READ_HINT[code ?? ""] ?? "check the path given to validate and that the file can be read"}
`
      );
      unreadable = true;
    }
  }
  return { inputs, unreadable };
}
async function specAnalyzer() {
  return (await import("./load-EHQUW6BO.js")).analyzeSpec;
}
async function scopesBeside(ciAbs, cwd) {
  const beside = join(resolve(ciAbs, ".."), DEFAULT_SPEC);
  if (!existsSync(beside)) return void 0;
  try {
    const a = (await specAnalyzer())(readFileSync(beside, "utf8"), displayPath(cwd, beside));
    return a.root ? specScopesOf(a.root, displayPath(cwd, beside)) : void 0;
  } catch {
    return void 0;
  }
}
function ciFs(cwd) {
  return {
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
}
async function validateInputs(inputs, cwd) {
  const texts = /* @__PURE__ */ new Map();
  const findings = [];
  let scopes;
  for (const inp of inputs.filter((i) => i.kind === "spec")) {
    const a = (await specAnalyzer())(inp.text, inp.shown);
    texts.set(inp.shown, inp.text);
    findings.push(...a.findings);
    if (a.root && !scopes) scopes = specScopesOf(a.root, inp.shown);
  }
  for (const inp of inputs.filter((i) => i.kind === "ci")) {
    const ciScopes = scopes ?? await scopesBeside(inp.abs, cwd);
    const loaded = loadCi(inp.text, inp.abs.split(sep).join("/"), ciFs(cwd));
    const all = [...loaded.findings];
    if (loaded.model) all.push(...checkCi(loaded.model, ciScopes));
    for (const src of loaded.sources) texts.set(src.path, src.text);
    findings.push(...applySuppressions(all, loaded.sources));
  }
  return { findings, texts };
}
function format(findings, texts, f, color) {
  switch (f) {
    case "json":
      return formatJson(findings);
    case "sarif":
      return formatSarif(findings, texts);
    case "codequality":
      return formatCodeQuality(findings, texts);
    case "github":
      return formatGithub(findings);
    default:
      return formatText(findings, texts, color);
  }
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
    const { inputs, unreadable } = readInputs(targets, cwd, err);
    const { findings, texts } = await validateInputs(inputs, cwd);
    const sorted = normalizeFindings(
      findings,
      inputs.map((i) => i.shown)
    );
    out.write(format(sorted, texts, opts.format, opts.color ?? false));
    if (unreadable) return 2;
    return hasErrors(sorted) ? 1 : 0;
  } catch (e) {
    err.write(`deploy-token: error: internal error: ${e instanceof Error ? e.message : String(e)}
`);
    err.write("  hint: this is a bug in deploy-token: please report it with the command you ran\n");
    return 3;
  }
}
export {
  DEFAULT_CI,
  VALIDATE_FORMATS,
  runValidate
};
