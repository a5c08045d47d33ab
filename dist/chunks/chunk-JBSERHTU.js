import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  renderedSecret
} from "./chunk-MYCCQ4L5.js";
import {
  UsageError
} from "./chunk-NWKT2VDV.js";

// src/export/templating.ts
var loaded;
function provideTemplating(engine) {
  loaded ??= engine;
}
async function loadTemplating() {
  if (!loaded) {
    const m = await import("./nunjucks-YF5BOEWP.js");
    loaded = m.default ?? m;
  }
  return loaded;
}
function templating() {
  if (!loaded) throw new Error("internal: templates rendered before the template engine was loaded");
  return loaded;
}

// src/export/template-guard.ts
var ALLOWED_NODES = /* @__PURE__ */ new Set([
  "Root",
  "NodeList",
  "Output",
  "TemplateData",
  "Literal",
  "Symbol",
  "LookupVal",
  "Filter",
  "If",
  "InlineIf",
  "For",
  "Compare",
  "CompareOperand",
  "And",
  "Or",
  "Not",
  "Group",
  "Array",
  "Concat",
  "Add",
  "In",
  "Is"
]);
var ALLOWED_FILTERS = /* @__PURE__ */ new Set([
  "default",
  "d",
  "join",
  "upper",
  "lower",
  "trim",
  "replace",
  "urlencode",
  "escape",
  "e",
  "safe",
  "length",
  "first",
  "last",
  "string",
  "int",
  "dump",
  "base64",
  // format escapes for credential files (src/credentials/escape.ts)
  "xml",
  "json",
  "ini",
  "npmrc",
  "gitq",
  "netrc",
  "sh"
]);
var FORBIDDEN_KEYS = /* @__PURE__ */ new Set([
  "constructor",
  "__proto__",
  "prototype",
  "__defineGetter__",
  "__lookupGetter__"
]);
function isTemplateNode(x) {
  return typeof x === "object" && x !== null && typeof x.typename === "string";
}
function parseTemplate(source) {
  const parser = templating().parser;
  return parser.parse(source);
}
function freeNames(root) {
  const out = [];
  const walk = (n, locals) => {
    if (Array.isArray(n)) {
      for (const x of n) walk(x, locals);
      return;
    }
    if (!isTemplateNode(n)) return;
    switch (n.typename) {
      case "Symbol": {
        const name = String(n.value);
        if (!locals.has(name)) out.push({ name, line: n.lineno ?? 0, col: n.colno ?? 0 });
        return;
      }
      case "Filter":
        walk(n.args, locals);
        return;
      case "Is":
        walk(n.left, locals);
        return;
      case "LookupVal":
        walk(n.target, locals);
        return;
      case "For": {
        walk(n.arr, locals);
        const inner = new Set(locals);
        inner.add("loop");
        const names = isTemplateNode(n.name) && n.name.typename === "Array" ? n.name.children : [n.name];
        for (const s of names) if (isTemplateNode(s) && s.typename === "Symbol") inner.add(String(s.value));
        walk(n.body, inner);
        walk(n.else_, locals);
        return;
      }
      default:
        for (const f of n.fields ?? []) walk(n[f], locals);
    }
  };
  walk(root, /* @__PURE__ */ new Set());
  return out;
}
function hasLookup(n) {
  if (Array.isArray(n)) return n.some(hasLookup);
  if (!isTemplateNode(n)) return false;
  return n.typename === "LookupVal" || (n.fields ?? []).some((f) => hasLookup(n[f]));
}
function checkTemplate(source) {
  checkTree(parseTemplate(source));
}
function checkTree(root) {
  const walk = (n) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isTemplateNode(n)) return;
    if (!ALLOWED_NODES.has(n.typename)) throw new Error(`${n.typename} is not allowed in a template`);
    if (n.typename === "LookupVal") {
      const key = n.val;
      if (!isTemplateNode(key) || key.typename !== "Literal")
        throw new Error("only lookups by a literal key are allowed");
      if (FORBIDDEN_KEYS.has(String(key.value)))
        throw new Error(`"${String(key.value)}" may not be looked up`);
    }
    if (n.typename === "Filter") {
      const name = isTemplateNode(n.name) ? String(n.name.value) : "";
      if (!ALLOWED_FILTERS.has(name)) throw new Error(`filter "${name}" is not allowed`);
    }
    for (const f of n.fields ?? []) walk(n[f]);
  };
  walk(root);
}

// src/export/render.ts
var env;
function renderEngine() {
  if (!env) {
    env = new (templating()).Environment(null, { autoescape: false, throwOnUndefined: true });
    env.addFilter("base64", (s) => Buffer.from(String(s), "utf8").toString("base64"));
  }
  return env;
}
function renderTemplate(name, template, values) {
  try {
    checkTemplate(template);
    return renderEngine().renderString(template, { ...values });
  } catch (e) {
    const msg = e.message;
    const first = typeof msg === "string" ? msg.split("\n").filter(Boolean).pop()?.trim() : void 0;
    throw new UsageError(
      `template for ${name} failed: ${first ?? "render error"}`,
      "use only the documented template values, e.g. {{ username }}"
    );
  }
}
function renderSpecVariables(templates, values, password) {
  return Object.entries(templates ?? {}).map(([name, template]) => {
    const value = renderTemplate(name, template, values);
    return { name, value, secret: renderedSecret(template, value, password) };
  });
}

export {
  provideTemplating,
  loadTemplating,
  templating,
  parseTemplate,
  freeNames,
  hasLookup,
  checkTemplate,
  checkTree,
  renderEngine,
  renderSpecVariables
};
