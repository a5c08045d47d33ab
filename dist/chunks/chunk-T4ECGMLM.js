import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/core/text.ts
var UNSAFE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
var OWN_STYLE = /\u001b\[(?:0|1|2|22|31|32|33|36|39|90)m/y;
function cleanText(s, opts = {}) {
  return s.replace(UNSAFE, (c, offset) => {
    if (c === "\n" || c === "	") return c;
    if (c === "\x1B" && opts.style === true) {
      OWN_STYLE.lastIndex = offset;
      if (OWN_STYLE.test(s)) return c;
    }
    return "?";
  });
}
function oneLine(s) {
  return s.replace(UNSAFE, (c) => c === "\n" || c === "\r" || c === "	" ? " " : "?");
}
function escapeJsonUnsafe(json) {
  return json.replace(
    UNSAFE,
    (c) => c === "\n" ? c : `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`
  );
}
function safeJson(value, indent) {
  return escapeJsonUnsafe(JSON.stringify(value, null, indent)).replace(/##\[/g, "##\\u005b");
}
function mdText(s) {
  return oneLine(s).replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/([`*_[\]])/g, "\\$1");
}
function mdCode(s) {
  const v = oneLine(s);
  if (v === "") return '""';
  const longest = Math.max(0, ...(v.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence} ${v.replace(/\|/g, "\\|")} ${fence}`;
}

export {
  cleanText,
  oneLine,
  safeJson,
  mdText,
  mdCode
};
