import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/mask/forms.ts
var MIN_SECRET_BYTES = 4;
var MIN_FORM_BYTES = 4;
function gitlabCouldMask(value, opts = {}) {
  return opts.raw === true ? /^\S{8,}$/.test(value) : /^[a-zA-Z0-9_+=/@:.~-]{8,}$/.test(value);
}
function base64Inner(secret, offset, url = false) {
  const padded = Buffer.concat([Buffer.alloc(offset), secret]);
  let s = padded.toString(url ? "base64url" : "base64").replace(/=+$/, "");
  s = s.slice(offset === 0 ? 0 : offset === 1 ? 2 : 3);
  if (padded.length % 3 !== 0) s = s.slice(0, -1);
  return s;
}
var WS_SPLIT = /[\t\n\v\f\r ]+/;
function whitespaceForm(secret) {
  if (!/[\r\n]/.test(secret)) return void 0;
  const tokens = secret.split(WS_SPLIT).filter((t) => t.length > 0).map((t) => Buffer.from(t, "utf8"));
  if (tokens.length < 2) return void 0;
  const shortest = tokens.reduce((n, t) => n + t.length, tokens.length - 1);
  return shortest >= MIN_FORM_BYTES ? tokens : void 0;
}
function shellBackslash(s) {
  if (/[\x00-\x1f\x7f]/.test(s)) return void 0;
  return s.replace(/[ !"$&'()*,;<>?[\\\]^`{|}]/g, "\\$&").replace(/^[#~]/, "\\$&");
}
function ansiC(raw, utf8) {
  const named = {
    7: "a",
    8: "b",
    9: "t",
    10: "n",
    11: "v",
    12: "f",
    13: "r",
    27: "E"
  };
  let out = "";
  const text = raw.toString("utf8");
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (utf8 && cp > 159 && ch !== "\uFFFD") {
      out += ch;
      continue;
    }
    for (const b of Buffer.from(ch, "utf8")) {
      if (b === 92 || b === 39) out += `\\${String.fromCharCode(b)}`;
      else if (named[b] !== void 0) out += `\\${named[b]}`;
      else if (b >= 32 && b < 127) out += String.fromCharCode(b);
      else out += `\\${b.toString(8).padStart(3, "0")}`;
    }
  }
  return out;
}
function asciiJson(json) {
  return json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
var URL_ENCODERS = [
  { tools: "JavaScript encodeURIComponent, jq 1.6 @uri", keep: "-_.!~*'()", plus: false },
  { tools: "encodeURIComponent with + for spaces", keep: "-_.!~*'()", plus: true },
  { tools: "JavaScript encodeURI", keep: "-_.!~*'();,/?:@&=+$#", plus: false },
  { tools: "WHATWG URLSearchParams, HTML forms", keep: "*-._", plus: true },
  { tools: "Python urllib.parse.quote (keeps /)", keep: "_.-~/", plus: false },
  {
    tools: "RFC 3986 unreserved: Python quote(safe=''), PHP rawurlencode, jq 1.7 @uri",
    keep: "_.-~",
    plus: false
  },
  {
    tools: "Python quote_plus and urlencode, Go url.QueryEscape, curl --data-urlencode",
    keep: "_.-~",
    plus: true
  },
  { tools: "Go url.PathEscape", keep: "-_.~$&+:=@", plus: false },
  { tools: "Java URLEncoder", keep: ".-*_", plus: true },
  { tools: "PHP urlencode", keep: "-_.", plus: true }
];
function isAlnum(b) {
  return b >= 48 && b <= 57 || b >= 65 && b <= 90 || b >= 97 && b <= 122;
}
function urlForms(raw) {
  if (/^[A-Za-z0-9_.-]*$/.test(raw.toString("latin1"))) return [];
  const out = [];
  for (const { keep, plus } of URL_ENCODERS) {
    let upper = "";
    let lower = "";
    for (const b of raw) {
      const c = String.fromCharCode(b);
      if (isAlnum(b) || b < 128 && keep.includes(c)) {
        upper += c;
        lower += c;
      } else if (b === 32 && plus) {
        upper += "+";
        lower += "+";
      } else {
        const hex = b.toString(16).padStart(2, "0");
        upper += `%${hex.toUpperCase()}`;
        lower += `%${hex}`;
      }
    }
    out.push(upper, lower);
  }
  return out;
}
function derivedForms(secret, opts = {}) {
  const out = /* @__PURE__ */ new Map();
  const add = (v) => {
    if (v === void 0) return;
    const b = typeof v === "string" ? Buffer.from(v, "utf8") : v;
    if (b.length < MIN_FORM_BYTES) return;
    const key = b.toString("latin1");
    if (!out.has(key)) out.set(key, b);
  };
  const raw = Buffer.from(secret, "utf8");
  add(raw);
  const lines = secret.split(/\r\n|\n|\r/);
  if (lines.length > 1) {
    for (const l of lines) {
      add(l);
      add(l.replace(/^[\t\v\f ]+|[\t\v\f ]+$/g, ""));
    }
  }
  for (const url of [false, true]) for (const off of [0, 1, 2]) add(base64Inner(raw, off, url));
  add(raw.toString("base64"));
  add(raw.toString("base64url"));
  add(Buffer.concat([raw, Buffer.from("\n")]).toString("base64"));
  if (opts.username !== void 0) {
    const auth = Buffer.from(`${opts.username}:${secret}`, "utf8");
    add(auth.toString("base64"));
    add(auth.toString("base64url"));
  }
  for (const form of urlForms(raw)) add(form);
  const json = JSON.stringify(secret).slice(1, -1);
  add(json);
  add(json.replace(/\//g, "\\/"));
  add(asciiJson(json));
  add(secret.replace(/'/g, `'\\''`));
  if (/[^\x20-\x7e]/.test(secret)) {
    add(ansiC(raw, false));
    add(ansiC(raw, true));
  }
  const q = shellBackslash(secret);
  add(q);
  if (q !== void 0 && /^\\[#~]/.test(q)) add(q.slice(1));
  return [...out.values()];
}

export {
  MIN_SECRET_BYTES,
  gitlabCouldMask,
  whitespaceForm,
  derivedForms
};
