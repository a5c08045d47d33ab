import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/mask/forms.ts
var MIN_SECRET_BYTES = 4;
function gitlabCouldMask(value) {
  return /^[a-zA-Z0-9_+=/@:.~-]{8,}$/.test(value);
}
function base64Inner(secret, offset, url) {
  const padded = Buffer.concat([Buffer.alloc(offset), secret]);
  let s = padded.toString(url ? "base64url" : "base64").replace(/=+$/, "");
  s = s.slice(offset === 0 ? 0 : offset === 1 ? 2 : 3);
  if (padded.length % 3 !== 0) s = s.slice(0, -1);
  return s;
}
function derivedForms(secret, opts = {}) {
  return derivedFormSet(secret, opts).literals;
}
function derivedFormSet(secret, opts = {}) {
  const raw = Buffer.from(secret, "utf8");
  const out = /* @__PURE__ */ new Map();
  const add = (b) => {
    const bytes = typeof b === "string" ? Buffer.from(b, "utf8") : b;
    if (bytes.length < MIN_SECRET_BYTES) return;
    const key = bytes.toString("latin1");
    if (!out.has(key)) out.set(key, bytes);
  };
  const wsLines = [];
  add(raw);
  const lines = secret.split(/\r?\n/);
  if (lines.length > 1) {
    for (const l of lines) add(l);
    const nonEmpty = lines.filter((l) => l.length > 0).map((l) => Buffer.from(l, "utf8"));
    if (nonEmpty.length > 1 && (nonEmpty[0]?.length ?? 0) >= MIN_SECRET_BYTES) wsLines.push(nonEmpty);
  }
  add(raw.toString("base64"));
  add(raw.toString("base64url"));
  for (const url of [false, true]) {
    for (const offset of [0, 1, 2]) add(base64Inner(raw, offset, url));
  }
  if (opts.username !== void 0) {
    const auth = Buffer.from(`${opts.username}:${secret}`, "utf8");
    add(auth.toString("base64"));
    add(auth.toString("base64url"));
  }
  add(encodeURIComponent(secret));
  add(encodeURIComponent(secret).replace(/%20/g, "+"));
  add(JSON.stringify(secret).slice(1, -1));
  add(secret.replace(/'/g, `'\\''`));
  add(secret.replace(/([^A-Za-z0-9_\-.,:/@%+=])/g, "\\$1"));
  return { literals: [...out.values()], wsLines };
}

export {
  MIN_SECRET_BYTES,
  gitlabCouldMask,
  derivedForms,
  derivedFormSet
};
