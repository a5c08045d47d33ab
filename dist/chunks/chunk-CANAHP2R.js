import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/export/templating.ts
var loaded;
function provideTemplating(engine) {
  loaded ??= engine;
}
async function loadTemplating() {
  if (!loaded) {
    const m = await import("./nunjucks-AWYQEGD6.js");
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
function isNode(x) {
  return typeof x === "object" && x !== null && typeof x.typename === "string";
}
function checkTemplate(source) {
  const parser = templating().parser;
  const root = parser.parse(source);
  const walk = (n) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!isNode(n)) return;
    if (!ALLOWED_NODES.has(n.typename)) throw new Error(`${n.typename} is not allowed in a template`);
    if (n.typename === "LookupVal") {
      const key = n.val;
      if (!isNode(key) || key.typename !== "Literal")
        throw new Error("only lookups by a literal key are allowed");
      if (FORBIDDEN_KEYS.has(String(key.value)))
        throw new Error(`"${String(key.value)}" may not be looked up`);
    }
    if (n.typename === "Filter") {
      const name = isNode(n.name) ? String(n.name.value) : "";
      if (!ALLOWED_FILTERS.has(name)) throw new Error(`filter "${name}" is not allowed`);
    }
    for (const f of n.fields ?? []) walk(n[f]);
  };
  walk(root);
}

export {
  provideTemplating,
  loadTemplating,
  templating,
  checkTemplate
};
