import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  GITLAB_TOKEN_PREFIXES,
  TOKEN_MIN_TAIL,
  URL_SAFE
} from "./chunk-RC75VXCO.js";

// src/mask/automaton.ts
var FLAG_MASK = 1;
var FLAG_TOKEN = 2;
function step(a, s, b) {
  for (; ; ) {
    const r = a.rowOff[s];
    if (r >= 0) return a.table[r + a.byteClass[b]];
    if (a.childByte[s] === b) return a.childState[s];
    s = a.fail[s];
  }
}
function buildAutomaton(input) {
  const pats = sortedPatterns(input);
  const trie = buildTrie(pats);
  const a = allocate(trie, pats.length);
  linkStates(a, trie);
  return a;
}
function sortedPatterns(input) {
  return input.filter((p) => p.key.length > 0).sort((x, y) => x.key < y.key ? -1 : x.key > y.key ? 1 : 0);
}
function levels(pats, maxLen) {
  const lcp = new Int32Array(pats.length);
  const at = new Int32Array(maxLen + 2);
  let prev = "";
  for (let i = 0; i < pats.length; i++) {
    const k = pats[i].key;
    const lim = Math.min(k.length, prev.length);
    let l = 0;
    while (l < lim && k.charCodeAt(l) === prev.charCodeAt(l)) l++;
    lcp[i] = l;
    prev = k;
    at[l + 1] = at[l + 1] + 1;
    at[k.length + 1] = at[k.length + 1] - 1;
  }
  let count = 0;
  let next = 1;
  for (let d = 1; d <= maxLen; d++) {
    count += at[d];
    at[d] = next;
    next += count;
  }
  at[maxLen + 1] = next;
  return { lcp, starts: at };
}
function buildTrie(pats) {
  const maxLen = pats.reduce((m, p) => Math.max(m, p.key.length), 0);
  const { lcp, starts } = levels(pats, maxLen);
  const states = starts[maxLen + 1];
  const next = starts.slice();
  const byteOf = new Uint8Array(states);
  const depth = new Int32Array(states);
  const firstChild = new Int32Array(states);
  const childCount = new Int32Array(states);
  const ownOut = new Int32Array(states);
  const ownTok = new Int32Array(states);
  const byteClass = new Uint8Array(256);
  const path = new Int32Array(maxLen + 1);
  let classes = 1;
  let rows = 1;
  for (let i = 0; i < pats.length; i++) {
    const p = pats[i];
    const k = p.key;
    for (let j = lcp[i]; j < k.length; j++) {
      const b = k.charCodeAt(j);
      const c = next[j + 1];
      next[j + 1] = c + 1;
      const parent = path[j];
      byteOf[c] = b;
      const n = childCount[parent];
      if (n === 0) firstChild[parent] = c;
      else if (n === 1 && parent !== 0) rows++;
      childCount[parent] = n + 1;
      if (byteClass[b] === 0) byteClass[b] = classes++;
      path[j + 1] = c;
    }
    const end = path[k.length];
    if (p.mask) ownOut[end] = k.length;
    if (p.token) ownTok[end] = k.length;
  }
  for (let d = 1; d <= maxLen; d++) depth.fill(d, starts[d], starts[d + 1]);
  return { states, maxLen, byteOf, depth, firstChild, childCount, ownOut, ownTok, byteClass, classes, rows };
}
function filled(n, v) {
  return new Int32Array(n).fill(v);
}
function allocate(t, patterns) {
  const { states } = t;
  return {
    states,
    byteClass: t.byteClass,
    classes: t.classes,
    table: new Int32Array(t.rows * t.classes),
    rowOff: filled(states, -1),
    childByte: filled(states, -1),
    // Read only where childByte matches, i.e. for chain states: their first child is their child.
    childState: t.firstChild,
    fail: new Int32Array(states),
    depth: t.depth,
    hold: new Int32Array(states),
    outLen: t.ownOut,
    tokLen: t.ownTok,
    flags: new Uint8Array(states),
    maxLen: t.maxLen,
    patterns
  };
}
function linkStates(a, t) {
  const { firstChild, childCount, byteOf } = t;
  const { rowOff, childByte, hold, depth, fail } = a;
  let nextRow = 0;
  for (let u = 0; u < a.states; u++) {
    const n = childCount[u];
    const c0 = firstChild[u];
    hold[u] = n > 0 ? depth[u] : hold[fail[u]];
    if (u === 0 || n >= 2) {
      const off = nextRow++ * a.classes;
      rowOff[u] = off;
      fillRow(a, u, off, t);
    } else if (n === 1) childByte[u] = byteOf[c0];
    if (n > 0) linkChildren(a, u, c0, n, byteOf);
  }
}
function fillRow(a, u, off, t) {
  const { table, rowOff, childByte, childState, fail, byteClass } = a;
  if (u !== 0) {
    const chain = [];
    let d = fail[u];
    while (rowOff[d] < 0) {
      chain.push(d);
      d = fail[d];
    }
    const src = rowOff[d];
    table.copyWithin(off, src, src + a.classes);
    for (let j = chain.length - 1; j >= 0; j--) {
      const cs = chain[j];
      const cb = childByte[cs];
      if (cb >= 0) table[off + byteClass[cb]] = childState[cs];
    }
  }
  const c0 = t.firstChild[u];
  const end = c0 + t.childCount[u];
  for (let c = c0; c < end; c++) table[off + byteClass[t.byteOf[c]]] = c;
}
function linkChildren(a, u, c0, n, byteOf) {
  const { fail, outLen, tokLen, flags } = a;
  const f = fail[u];
  for (let c = c0; c < c0 + n; c++) {
    const fc = u === 0 ? 0 : step(a, f, byteOf[c]);
    fail[c] = fc;
    const o = Math.max(outLen[c], outLen[fc]);
    const own = tokLen[c];
    const tk = own > 0 ? own : tokLen[fc];
    outLen[c] = o;
    tokLen[c] = tk;
    flags[c] = (o > 0 ? FLAG_MASK : 0) | (tk > 0 ? FLAG_TOKEN : 0);
  }
}

// src/mask/forms.ts
var MIN_SECRET_BYTES = 4;
var MIN_FORM_BYTES = 4;
function gitlabCouldMask(value, opts = {}) {
  return opts.raw === true ? /^\S{8,}$/.test(value) : /^[a-zA-Z0-9_+=/@:.~-]{8,}$/.test(value);
}
function base64Inner(secret, offset, url = false) {
  let padded = secret;
  if (offset > 0) {
    padded = Buffer.alloc(offset + secret.length);
    padded.set(secret, offset);
  }
  let s = padded.toString(url ? "base64url" : "base64");
  while (s.endsWith("=")) s = s.slice(0, -1);
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
function urlForms(secret, raw) {
  if (/^[A-Za-z0-9_.-]*$/.test(secret)) return [];
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
function byteKey(v) {
  return Buffer.byteLength(v, "utf8") === v.length ? v : Buffer.from(v, "utf8").toString("latin1");
}
function toBase64url(b64) {
  return b64.includes("+") || b64.includes("/") ? b64.replace(/\+/g, "-").replace(/\//g, "_") : b64;
}
function escapedForms(secret, raw, printable, add) {
  for (const form of urlForms(secret, raw)) add(form);
  const json = JSON.stringify(secret).slice(1, -1);
  add(printable ? json : byteKey(json));
  if (json.includes("/")) add(byteKey(json.replace(/\//g, "\\/")));
  if (!printable) add(asciiJson(json));
  if (secret.includes("'")) add(byteKey(secret.replace(/'/g, `'\\''`)));
  if (!printable) {
    add(ansiC(raw, false));
    add(byteKey(ansiC(raw, true)));
  }
  const q = shellBackslash(secret);
  if (q !== void 0) add(byteKey(q));
  if (q !== void 0 && /^\\[#~]/.test(q)) add(byteKey(q.slice(1)));
}
function derivedKeys(secret, opts = {}) {
  const out = /* @__PURE__ */ new Set();
  const add = (key) => {
    if (key !== void 0 && key.length >= MIN_FORM_BYTES) out.add(key);
  };
  const raw = Buffer.from(secret, "utf8");
  const printable = !/[^\x20-\x7e]/.test(secret);
  add(printable ? secret : raw.toString("latin1"));
  const lines = secret.split(/\r\n|\n|\r/);
  if (lines.length > 1) {
    for (const l of lines) {
      add(byteKey(l));
      add(byteKey(l.replace(/^[\t\v\f ]+|[\t\v\f ]+$/g, "")));
    }
  }
  const inner = [0, 1, 2].map((off) => base64Inner(raw, off));
  for (const b64 of inner) add(b64);
  for (const b64 of inner) add(toBase64url(b64));
  add(raw.toString("base64"));
  add(raw.toString("base64url"));
  const withNewline = Buffer.alloc(raw.length + 1, 10);
  withNewline.set(raw);
  add(withNewline.toString("base64"));
  if (opts.username !== void 0) {
    const auth = Buffer.from(`${opts.username}:${secret}`, "utf8");
    add(auth.toString("base64"));
    add(auth.toString("base64url"));
  }
  if (!/^[A-Za-z0-9_.-]*$/.test(secret)) escapedForms(secret, raw, printable, add);
  return [...out];
}
function derivedForms(secret, opts = {}) {
  return derivedKeys(secret, opts).map((k) => Buffer.from(k, "latin1"));
}

// src/mask/registry.ts
var MAX_WS_GAP = 64;
var WS_SEP = 10;
var WS_BREAK = 32;
var SecretRegistry = class {
  gitlabTokens;
  /** Literal forms as byte keys (latin1 strings: one char per byte). */
  literals = /* @__PURE__ */ new Set();
  /** The forms as Buffers, made when first asked for after a change. */
  formBuffers;
  ws = /* @__PURE__ */ new Map();
  secrets = /* @__PURE__ */ new Set();
  changes = 0;
  cache;
  /** `gitlabTokens` (default true): mask GitLab token shapes even when not registered. */
  constructor(opts = {}) {
    this.gitlabTokens = opts.gitlabTokens !== false;
  }
  /**
   * Registers a secret and its derived forms. Refuses secrets under 4 bytes and blank ones (masking
   * them would mask ordinary text). Warns, and still masks, when GitLab could not mask the value.
   */
  add(secret, opts = {}) {
    const bytes = Buffer.byteLength(secret, "utf8");
    if (bytes < MIN_SECRET_BYTES) {
      return [
        {
          code: "secret-too-short",
          message: `a secret under ${MIN_SECRET_BYTES} bytes was not registered for masking: it would mask ordinary text`
        }
      ];
    }
    if (/^[\t\n\v\f\r ]*$/.test(secret)) {
      return [
        {
          code: "secret-blank",
          message: "a secret made only of white space was not registered for masking"
        }
      ];
    }
    const warnings = [];
    if (!gitlabCouldMask(secret)) {
      warnings.push({
        code: "not-maskable-by-gitlab",
        message: "a secret is not one GitLab could mask itself (8 or more characters of a-zA-Z0-9_+=/@:.~-, one line): deploy-token masks it in what it prints, but GitLab will not mask it in job logs"
      });
    }
    const key = opts.username === void 0 ? secret : `${secret}\0${opts.username}`;
    if (this.secrets.has(key)) return warnings;
    this.secrets.add(key);
    let changed = false;
    for (const k of derivedKeys(secret, opts)) {
      if (!this.literals.has(k)) {
        this.literals.add(k);
        changed = true;
      }
    }
    const tokens = whitespaceForm(secret);
    if (tokens !== void 0) {
      const k = tokens.map((t) => t.toString("latin1")).join("\n");
      if (!this.ws.has(k)) {
        this.ws.set(k, tokens);
        changed = true;
      }
    }
    if (changed) this.changes++;
    return warnings;
  }
  /** Every literal form registered (raw values included), each once. */
  forms() {
    if (this.formBuffers?.version !== this.changes)
      this.formBuffers = {
        version: this.changes,
        forms: this.formKeys().map((k) => Buffer.from(k, "latin1"))
      };
    return [...this.formBuffers.forms];
  }
  /**
   * The same forms as byte keys (latin1 strings), without a Buffer each: what the automaton and the
   * skip table are built from (1,000 secrets make ~7,000 forms, all alive as long as the registry).
   */
  formKeys() {
    return [...this.literals];
  }
  /** Multi-line secrets' tokens (see whitespaceForm). */
  whitespaceForms() {
    return [...this.ws.values()];
  }
  /** Distinct secrets registered. */
  get size() {
    return this.secrets.size;
  }
  /** Bumped whenever the set of forms changes. */
  get version() {
    return this.changes;
  }
  /** The automata for the current forms (cached until the next change). */
  compiled() {
    if (this.cache?.version === this.changes) return this.cache;
    const pats = [];
    for (const k of this.literals) pats.push({ key: k, mask: true, token: false });
    if (this.gitlabTokens)
      for (const p of GITLAB_TOKEN_PREFIXES) pats.push({ key: p, mask: false, token: true });
    const ac = buildAutomaton(pats);
    let ws;
    let wsMaxBytes = 0;
    if (this.ws.size > 0) {
      const wsPats = [];
      for (const [k, tokens] of this.ws) {
        wsPats.push({ key: k, mask: true, token: false });
        const bytes = tokens.reduce((n, t) => n + t.length, (tokens.length - 1) * MAX_WS_GAP);
        if (bytes > wsMaxBytes) wsMaxBytes = bytes;
      }
      ws = buildAutomaton(wsPats);
    }
    const tokenHold = this.gitlabTokens ? Math.max(...GITLAB_TOKEN_PREFIXES.map((p) => p.length)) + TOKEN_MIN_TAIL : 0;
    this.cache = {
      version: this.changes,
      ac,
      ws,
      wsMaxBytes,
      maxHold: Math.max(ac.maxLen, tokenHold, wsMaxBytes),
      empty: this.literals.size === 0 && this.ws.size === 0 && !this.gitlabTokens
    };
    return this.cache;
  }
};
function toRegistry(secrets, opts = {}) {
  if (secrets instanceof SecretRegistry) return { registry: secrets, warnings: [] };
  const registry = new SecretRegistry(opts);
  const warnings = secrets.flatMap((s) => registry.add(s));
  return { registry, warnings };
}

// src/mask/pump.ts
import { read } from "node:fs";

// src/mask/skip.ts
var GRAM = 4;
var SKIP_HASH_BITS = 18;
var SKIP_MIN_LENGTH = 8;
var HASH_MUL = 2654435761;
function hash(b0, b1, b2, b3, drop) {
  return Math.imul(b0 | b1 << 8 | b2 << 16 | b3 << 24, HASH_MUL) >>> drop;
}
function buildSkipTable(forms, always = false, bits = SKIP_HASH_BITS) {
  if (forms.length === 0) return void 0;
  const m = forms.reduce((n, f) => Math.min(n, f.length), 255);
  if (m < GRAM || m < SKIP_MIN_LENGTH && !always) return void 0;
  const drop = 32 - bits;
  const shift = new Uint8Array(1 << bits).fill(m - GRAM + 1);
  const last = new Int32Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    let w = 0;
    let h = 0;
    for (let q = 1; q <= m; q++) {
      w = w >>> 8 | f.charCodeAt(q - 1) << 24;
      if (q < GRAM) continue;
      h = Math.imul(w, HASH_MUL) >>> drop;
      if (m - q < shift[h]) shift[h] = m - q;
    }
    last[i] = h;
  }
  return { m, drop, shift, ...checkLists(forms, last) };
}
function checkLists(forms, last) {
  const bucket = /* @__PURE__ */ new Map();
  const counts = [];
  const of = new Int32Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const h = last[i];
    let k = bucket.get(h);
    if (k === void 0) {
      k = counts.length;
      bucket.set(h, k);
      counts.push(0);
    }
    of[i] = k;
    counts[k] = counts[k] + 1;
  }
  const first = new Int32Array(counts.length + 1);
  for (let k = 0; k < counts.length; k++) first[k + 1] = first[k] + counts[k];
  const next = first.slice(0, counts.length);
  const order = new Array(forms.length);
  for (let i = 0; i < forms.length; i++) {
    const k = of[i];
    order[next[k]] = forms[i];
    next[k] = next[k] + 1;
  }
  const start = new Int32Array(forms.length);
  const len = Int32Array.from(order, (f) => f.length);
  for (let e = 1; e < order.length; e++) start[e] = start[e - 1] + len[e - 1];
  return { bucket, first, start, len, bytes: Buffer.from(order.join(""), "latin1") };
}
function check(t, h, view, j, from, base, found) {
  const k = t.bucket.get(h);
  const n = view.length;
  const s = j - t.m;
  const { start, len, bytes } = t;
  for (let x = t.first[k], x1 = t.first[k + 1]; x < x1; x++) {
    const l = len[x];
    const e = s + l;
    if (e > n || from + e <= base) continue;
    const b0 = start[x];
    let i = 0;
    while (i < l && view[s + i] === bytes[b0 + i]) i++;
    if (i === l) found.push(from + e, from + s);
  }
  return j + 1;
}
function gramAt(view, j, drop) {
  return hash(
    view[j - 4],
    view[j - 3],
    view[j - 2],
    view[j - 1],
    drop
  );
}
function skipScan(table, view, from, base, found, budget) {
  const { m, drop, shift } = table;
  const n = view.length;
  const mid = Math.max(m, n + m >> 1);
  let a = m;
  let b = mid;
  while (a < mid && b <= n) {
    const ha = gramAt(view, a, drop);
    const hb = gramAt(view, b, drop);
    const sa = shift[ha];
    const sb = shift[hb];
    if (sa > 0) a += sa;
    else if (--budget < 0) return false;
    else a = check(table, ha, view, a, from, base, found);
    if (sb > 0) b += sb;
    else if (--budget < 0) return false;
    else b = check(table, hb, view, b, from, base, found);
  }
  for (let j = a < mid ? a : b, end = a < mid ? mid - 1 : n; j <= end; ) {
    const h = gramAt(view, j, drop);
    const sh = shift[h];
    if (sh > 0) j += sh;
    else if (--budget < 0) return false;
    else j = check(table, h, view, j, from, base, found);
  }
  return true;
}

// src/mask/sparse.ts
var SPARSE_MAX_FORMS = 128;
var SPARSE_MAX_RATE = 1 / 48;
function priorWeights() {
  const w = new Float64Array(256).fill(2e-5);
  const lower = "etaoinsrhldcumfpgwybvkxjqz";
  const lowerFreq = [
    57,
    41,
    37,
    34,
    33,
    32,
    29,
    27,
    20,
    18,
    17,
    13,
    12,
    11,
    10,
    9,
    9,
    8,
    8,
    7,
    4.5,
    3.5,
    0.7,
    0.5,
    0.4,
    0.4
  ];
  for (let i = 0; i < lower.length; i++) w[lower.charCodeAt(i)] = lowerFreq[i] / 1e3;
  for (let c = 65; c <= 90; c++) w[c] = 2e-3;
  for (const c of "TZEIRNOSA") w[c.charCodeAt(0)] = 4e-3;
  for (let c = 48; c <= 57; c++) w[c] = 0.012;
  const punct = {
    " ": 0.12,
    "\n": 0.02,
    "-": 0.012,
    ".": 0.012,
    "/": 0.012,
    ":": 0.01,
    _: 5e-3,
    "=": 4e-3,
    ",": 4e-3,
    '"': 4e-3,
    "[": 3e-3,
    "]": 3e-3,
    "(": 2e-3,
    ")": 2e-3,
    "'": 2e-3,
    "	": 2e-3,
    "\r": 2e-3,
    "\x1B": 2e-3,
    "%": 1e-3,
    "+": 1e-3,
    "{": 8e-4,
    "}": 8e-4
  };
  for (const [c, f] of Object.entries(punct)) w[c.charCodeAt(0)] = f;
  for (const c of "@#*?;<>\\$") w[c.charCodeAt(0)] = 5e-4;
  for (const c of "&!|`~^") w[c.charCodeAt(0)] = 3e-4;
  for (let c = 128; c < 256; c++) w[c] = 2e-4;
  return w;
}
var PAIR = 256;
var PASS_COST = 2e-3;
var isPair = (k) => k >= PAIR;
var anchorBytes = (k) => isPair(k) ? [k - PAIR >> 8 & 255, k - PAIR & 255] : [k];
function candidates(form) {
  const out = new Set(form);
  for (let i = 0; i + 1 < form.length; i++)
    out.add(PAIR + (form[i] << 8 | form[i + 1]));
  return out;
}
function offsetIn(form, k) {
  return isPair(k) ? form.indexOf(Buffer.from(anchorBytes(k))) : form.indexOf(k);
}
function coverEntries(has, freq) {
  const uncovered = new Set(has.keys());
  const chosen = /* @__PURE__ */ new Set();
  const all = /* @__PURE__ */ new Set();
  for (const h of has) for (const k of h) all.add(k);
  while (uncovered.size > 0) {
    let best = -1;
    let bestScore = 0;
    for (const k of all) {
      if (chosen.has(k)) continue;
      let n = 0;
      for (const i of uncovered) if (has[i].has(k)) n++;
      const score = n / (freq(k) + PASS_COST);
      if (n > 0 && score > bestScore) {
        bestScore = score;
        best = k;
      }
    }
    chosen.add(best);
    for (const i of [...uncovered]) if (has[i].has(best)) uncovered.delete(i);
  }
  return chosen;
}
function chooseAnchors(entries, weights, always = false) {
  if (entries.length > SPARSE_MAX_FORMS && !always) return void 0;
  const f = weights instanceof Float64Array ? { byte: weights, pair: (a, b) => weights[a] * weights[b] } : weights;
  const known = /* @__PURE__ */ new Map();
  const freq = (k) => {
    let v = known.get(k);
    if (v === void 0) {
      v = isPair(k) ? f.pair(k - PAIR >> 8 & 255, k - PAIR & 255) : f.byte[k];
      known.set(k, v);
    }
    return v;
  };
  const has = entries.map((e) => candidates(e.form));
  const chosen = coverEntries(has, freq);
  const byAnchor = /* @__PURE__ */ new Map();
  entries.forEach((entry, i) => {
    let a = -1;
    for (const k of has[i]) if (chosen.has(k) && (a < 0 || freq(k) < freq(a))) a = k;
    const list = byAnchor.get(a) ?? [];
    list.push({ ...entry, off: offsetIn(entry.form, a) });
    byAnchor.set(a, list);
  });
  const anchors = [...byAnchor.keys()];
  const rate = anchors.reduce((n, k) => n + freq(k), 0);
  if (rate > SPARSE_MAX_RATE && !always) return void 0;
  return flatten(anchors, byAnchor, rate);
}
function flatten(anchors, byAnchor, rate) {
  const keyed = [];
  anchors.forEach((a, i) => {
    const alen = isPair(a) ? 2 : 1;
    for (const e of byAnchor.get(a)) {
      const side = e.off === 0 ? 1 : 0;
      const nb = e.form[side === 0 ? e.off - 1 : e.off + alen];
      keyed.push({ key: (i * 2 + side) * 256 + nb, e });
    }
  });
  keyed.sort((x, y) => x.key - y.key);
  const flat = keyed.map((k) => k.e);
  const first = new Int32Array(anchors.length * 512 + 1);
  for (const k of keyed) first[k.key + 1] = first[k.key + 1] + 1;
  for (let k = 1; k < first.length; k++) first[k] = first[k] + first[k - 1];
  const start = new Int32Array(flat.length);
  let at = 0;
  flat.forEach((e, i) => {
    start[i] = at;
    at += e.form.length;
  });
  return {
    anchors,
    needles: anchors.map((k) => isPair(k) ? Buffer.from(anchorBytes(k)) : k),
    byAnchor,
    first,
    off: Int32Array.from(flat, (e) => e.off),
    start,
    len: Int32Array.from(flat, (e) => e.form.length),
    token: Uint8Array.from(flat, (e) => e.token ? 1 : 0),
    bytes: Buffer.concat(flat.map((e) => e.form)),
    anchorLen: Uint8Array.from(anchors, (k) => isPair(k) ? 2 : 1),
    rate
  };
}

// src/mask/masker.ts
var MASK = "[MASKED]";
var MASK_BYTES = Buffer.from(MASK);
var EMPTY = Buffer.alloc(0);
var EARLY_SAMPLES = 65536;
var PAIRS_FROM = 256;
function isWs(b) {
  return b === 32 || b >= 9 && b <= 13;
}
function wsByte(run, b, at, feed) {
  if (isWs(b)) {
    if (run.start < 0) {
      run.start = at;
      run.len = 1;
      run.broken = false;
    } else run.len++;
    if (!run.broken && run.len > MAX_WS_GAP) {
      feed(WS_BREAK, run.start);
      run.broken = true;
    }
    return;
  }
  if (run.start >= 0) {
    if (!run.broken) feed(WS_SEP, run.start);
    run.start = -1;
  }
  feed(b, at);
}
function pow2AtLeast(n) {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
var skipTables = /* @__PURE__ */ new WeakMap();
function skipTableFor(c, forms, force) {
  const known = skipTables.get(c);
  if (known && known.force === force) return known.table;
  const table = buildSkipTable(forms, force);
  skipTables.set(c, { force, table });
  return table;
}
function join(parts) {
  if (parts.length === 0) return void 0;
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}
var Masker = class {
  registry;
  c;
  /** Absolute offsets: bytes consumed, bytes decided (emitted or swallowed), end of the last mask. */
  pos = 0;
  emitted = 0;
  maskEnd = -1;
  acState = 0;
  /** Undecided match ranges: sorted, disjoint, not touching. */
  ivS = [];
  ivE = [];
  ivN = 0;
  /** The running token candidate: where its prefix starts and its tail begins (-1: none). */
  tokStart = -1;
  tokTail = -1;
  /** White-space automaton: its state, the pending run, and input offsets of its recent symbols. */
  wsState = 0;
  runStart = -1;
  runLen = 0;
  runBroken = false;
  wsRing = new Float64Array(1);
  wsCount = 0;
  /** The last ring.length input bytes (held bytes are always among them). */
  ring;
  ended = false;
  /** The earliest offset a match not yet found can start at (the last hold point). */
  scanFrom = 0;
  /**
   * How to search (both undefined: the automaton on every byte). Few forms: anchor bytes for forms and
   * token prefixes (sparse.ts). Many long forms: Wu–Manber for the forms (skip.ts), anchors for the
   * token prefixes only.
   */
  anchors;
  skip;
  /** Byte counts sampled from the input, to choose anchors that are rare in this stream. */
  seen = new Float64Array(256);
  /** Pairs of adjacent bytes sampled at the same places, from PAIRS_FROM samples on. */
  seenPairs;
  seenTotal = 0;
  /** Chunks to scan with the automaton before trying anchors again, and the next back-off. */
  cooldown = 0;
  backoff = 4;
  /** Reused per chunk by the fast scan. */
  found = [];
  chunksFast = 0;
  chunksAutomaton = 0;
  engine;
  constructor(registry, opts = {}) {
    this.registry = registry;
    this.engine = opts.engine ?? "auto";
    this.c = registry.compiled();
    this.ring = Buffer.alloc(this.ringSize(this.c));
    this.wsRing = new Float64Array(pow2AtLeast((this.c.ws?.maxLen ?? 0) + 1));
    this.chooseSearch();
  }
  /** Masks the next chunk; returns what can be emitted now (undefined if nothing). */
  write(chunk) {
    const parts = [];
    this.writeInto(chunk, parts);
    return join(parts);
  }
  /**
   * Masks the next chunk and appends what can be emitted now to `out`, without copying: the pieces
   * are views into `chunk` (which the caller must not change until they are written) and copies of
   * the held bytes it completes. The path for pipes (pump.ts); `write` is the same, joined.
   * `headroom`: that many bytes before `chunk` in its memory are scratch the masker may overwrite (a
   * file read leaves room there), so held bytes are put before the chunk instead of copying the chunk.
   */
  writeInto(chunk, out, headroom = 0) {
    if (this.ended) throw new Error("write after end");
    if (this.registry.version !== this.c.version) this.recompile();
    const n = chunk.length;
    if (n === 0) return;
    const base = this.pos;
    let fast = false;
    if (this.seenTotal < EARLY_SAMPLES && this.engine === "auto" && this.c.ws === void 0) {
      this.sample(chunk);
      if (this.seenTotal >= EARLY_SAMPLES) this.chooseSearch();
    }
    if (this.anchors !== void 0 || this.skip !== void 0) {
      if (this.cooldown > 0) {
        this.cooldown--;
        this.sample(chunk);
        if (this.cooldown === 0) this.chooseSearch();
      } else if (this.scanFast(chunk, base, headroom)) fast = true;
      else {
        this.cooldown = this.backoff;
        this.backoff = Math.min(this.backoff * 2, 1024);
        this.sample(chunk);
      }
    }
    if (fast) {
      this.backoff = 4;
      this.chunksFast++;
    } else {
      this.scan(chunk, base);
      this.chunksAutomaton++;
    }
    if (this.c.ws !== void 0) this.scanWs(chunk, base);
    this.pos = base + n;
    if (fast) this.acState = this.tailState(chunk, base);
    const hold = this.holdFrom();
    this.scanFrom = hold;
    this.emit(hold, chunk, base, out);
    this.remember(chunk, base);
  }
  /** End of input: everything held goes out. */
  end() {
    const parts = [];
    this.endInto(parts);
    return join(parts);
  }
  /** End of input: everything held is appended to `out`. */
  endInto(out) {
    if (this.ended) return;
    if (this.registry.version !== this.c.version) this.recompile();
    this.ended = true;
    this.emit(this.pos, EMPTY, this.pos, out);
  }
  /** Bytes currently held back (for tests and diagnostics). */
  get held() {
    return this.pos - this.emitted;
  }
  /** Chunks searched by anchors or Wu–Manber vs by the automaton, anchor bytes, Wu–Manber on (diagnostics). */
  get stats() {
    return {
      chunksFast: this.chunksFast,
      chunksAutomaton: this.chunksAutomaton,
      anchors: (this.anchors?.needles ?? []).map((n) => typeof n === "number" ? String.fromCharCode(n) : n.toString("latin1")).join(" "),
      skip: this.skip !== void 0
    };
  }
  ringSize(c) {
    return pow2AtLeast(Math.max(4096, c.maxHold + 1));
  }
  scan(buf, base) {
    const a = this.c.ac;
    const table = a.table;
    const cls = a.byteClass;
    const rowOff = a.rowOff;
    const childByte = a.childByte;
    const childState = a.childState;
    const fail = a.fail;
    const flags = a.flags;
    const n = buf.length;
    let s = this.acState;
    let tokTail = this.tokTail;
    let tokStart = this.tokStart;
    let i = 0;
    while (i < n) {
      if (s === 0 && tokTail < 0) {
        while (i < n && table[cls[buf[i]]] === 0) i++;
        if (i === n) break;
      }
      const b = buf[i];
      if (tokTail >= 0) {
        if (URL_SAFE[b] === 1) {
          const end = base + i + 1;
          if (end - tokTail >= TOKEN_MIN_TAIL) this.add(tokStart, end);
        } else tokTail = -1;
      }
      for (; ; ) {
        const r = rowOff[s];
        if (r >= 0) {
          s = table[r + cls[b]];
          break;
        }
        if (childByte[s] === b) {
          s = childState[s];
          break;
        }
        s = fail[s];
      }
      const f = flags[s];
      if (f !== 0) {
        const end = base + i + 1;
        if ((f & FLAG_MASK) !== 0) this.add(end - a.outLen[s], end);
        if ((f & FLAG_TOKEN) !== 0 && tokTail < 0) {
          tokTail = end;
          tokStart = end - a.tokLen[s];
        }
      }
      i++;
    }
    this.acState = s;
    this.tokTail = tokTail;
    this.tokStart = tokStart;
  }
  /**
   * How to search this stream's bytes so far (see `anchors`, `skip`): neither when the automaton is
   * the better choice.
   */
  chooseSearch() {
    this.anchors = void 0;
    this.skip = void 0;
    if (this.c.ws !== void 0 || this.engine === "automaton") return;
    const prior = priorWeights();
    const k = 4096;
    const total = this.seenTotal;
    const weights = {
      byte: prior.map((w, b) => (w * k + this.seen[b]) / (k + total)),
      // Adjacent bytes are not independent (letters follow letters): the prior pair is four times
      // the product of its bytes, then what the stream showed.
      pair: (a, b) => (prior[a] * prior[b] * 4 * k + (this.seenPairs?.[a << 8 | b] ?? 0)) / (k + total)
    };
    const keys = this.registry.formKeys();
    const tokens = this.registry.gitlabTokens ? GITLAB_TOKEN_PREFIXES.map((p) => ({ form: Buffer.from(p, "latin1"), token: true })) : [];
    const force = this.engine !== "auto";
    if (this.engine !== "skip") {
      if (force || keys.length + tokens.length <= SPARSE_MAX_FORMS) {
        const entries = this.registry.forms().map((form) => ({ form, token: false }));
        this.anchors = chooseAnchors([...entries, ...tokens], weights, force);
      }
      if (this.anchors !== void 0 || this.engine === "anchors") return;
    }
    this.skip = skipTableFor(this.c, keys, force);
    if (this.skip === void 0 && keys.length > 0) return;
    if (tokens.length > 0) {
      this.anchors = chooseAnchors(tokens, weights, force);
      if (this.anchors === void 0) this.skip = void 0;
    }
  }
  sample(chunk) {
    const n = chunk.length;
    const pairs = this.seenTotal >= PAIRS_FROM ? this.seenPairs ??= new Float64Array(65536) : void 0;
    for (let i = 0; i < n; i += 16) {
      const b = chunk[i];
      this.seen[b] = this.seen[b] + 1;
      if (pairs !== void 0 && i + 1 < n) {
        const p = b << 8 | chunk[i + 1];
        pairs[p] = pairs[p] + 1;
      }
    }
    this.seenTotal += Math.ceil(n / 16);
  }
  /** Bytes [a, b) of input still in the ring, as 1 or 2 views into it. */
  ringSlices(a, b) {
    const size = this.ring.length;
    const i = a & size - 1;
    const j = i + (b - a);
    return j <= size ? [this.ring.subarray(i, j)] : [this.ring.subarray(i), this.ring.subarray(0, j - size)];
  }
  /** The automaton's state after the input so far, from its last maxLen bytes (all a state depends on). */
  tailState(chunk, base) {
    const a = this.c.ac;
    const from = Math.max(0, this.pos - a.maxLen);
    let s = 0;
    if (from < base) for (const part of this.ringSlices(from, base)) for (const b of part) s = step(a, s, b);
    for (let i = Math.max(0, from - base); i < chunk.length; i++) s = step(a, s, chunk[i]);
    return s;
  }
  /**
   * The fast scan: forms found through their anchor byte or by Wu–Manber, GitLab tokens through their
   * prefix's anchor. Scans from the last hold point, so a form or token that began in held bytes is
   * found whole. Returns false, having changed nothing, when candidates are too frequent in this chunk.
   */
  scanFast(chunk, base, headroom) {
    const found = this.found;
    found.length = 0;
    const prefixes = [];
    let from = this.scanFrom;
    let view = chunk;
    let junction = false;
    if (from < base) {
      if (base - from <= headroom && chunk.byteOffset >= base - from) view = this.withHeld(chunk, from, base);
      else if (this.junction(chunk, base, found, prefixes)) {
        junction = true;
        from = base;
      } else view = Buffer.concat([...this.ringSlices(from, base), chunk]);
    }
    const budget = this.engine === "auto" ? (chunk.length >> 5) + 16 : Infinity;
    if (this.skip !== void 0 && !skipScan(this.skip, view, from, base, found, budget)) return false;
    if (this.anchors !== void 0 && !anchorScan(this.anchors, view, from, base, found, prefixes, budget))
      return false;
    if (this.registry.gitlabTokens) this.sparseTokens(view, from, chunk, base, prefixes, found, junction);
    if (found.length > 2) {
      const pairs = [];
      for (let i = 0; i < found.length; i += 2) pairs.push([found[i], found[i + 1]]);
      pairs.sort((x, y) => x[0] - y[0]);
      for (const [e, s] of pairs) this.add(s, e);
    } else if (found.length === 2) this.add(found[1], found[0]);
    return true;
  }
  /** Input bytes [from, base) put in the headroom before `chunk`, and the chunk: one view. */
  withHeld(chunk, from, base) {
    const held = base - from;
    const view = Buffer.from(chunk.buffer, chunk.byteOffset - held, held + chunk.length);
    let at = 0;
    for (const s of this.ringSlices(from, base)) at += s.copy(view, at);
    return view;
  }
  /**
   * Matches and token prefixes that begin in held bytes, found by stepping the automaton from its
   * state at `base` over the chunk's first bytes, until no match under way can have begun before
   * `base` (the state is no deeper than the bytes stepped). Pushes forms as (end, start) to `found`
   * and prefixes as (start − base, length) to `prefixes`. False when the chunk ends first (the
   * caller joins held bytes and chunk instead).
   */
  junction(chunk, base, found, prefixes) {
    const a = this.c.ac;
    let s = this.acState;
    const nf = found.length;
    const np = prefixes.length;
    for (let i = 0; i < chunk.length; i++) {
      s = step(a, s, chunk[i]);
      const end = base + i + 1;
      const f = a.flags[s];
      if ((f & FLAG_MASK) !== 0 && end - a.outLen[s] < base)
        found.push(end, end - a.outLen[s]);
      if ((f & FLAG_TOKEN) !== 0 && end - a.tokLen[s] < base)
        prefixes.push(end - a.tokLen[s] - base, a.tokLen[s]);
      if (a.depth[s] <= i + 1) return true;
    }
    found.length = nf;
    prefixes.length = np;
    return false;
  }
  /** Token tails after the prefixes found, one running candidate at a time (see tokens.ts). */
  sparseTokens(view, from, chunk, base, prefixes, found, junction) {
    const vlen = view.length;
    let runEnd = -1;
    if (this.tokTail >= 0) {
      if (base - this.tokTail >= TOKEN_MIN_TAIL || junction) {
        let k = 0;
        while (k < chunk.length && URL_SAFE[chunk[k]] === 1) k++;
        if (k > 0 && base + k - this.tokTail >= TOKEN_MIN_TAIL) found.push(base + k, this.tokStart);
        runEnd = base + k;
        if (k < chunk.length) this.tokTail = -1;
      } else this.tokTail = -1;
    }
    if (prefixes.length === 0) return;
    const order = [];
    for (let i = 0; i < prefixes.length; i += 2) order.push(i);
    order.sort((x, y) => prefixes[x] - prefixes[y]);
    for (const i of order) {
      const h = prefixes[i];
      const plen = prefixes[i + 1];
      if (from + h < runEnd) continue;
      let j = h + plen;
      while (j < vlen && URL_SAFE[view[j]] === 1) j++;
      if (j - h - plen >= TOKEN_MIN_TAIL && from + j > base) found.push(from + j, from + h);
      runEnd = from + j;
      if (j === vlen) {
        this.tokStart = from + h;
        this.tokTail = from + h + plen;
        break;
      }
    }
  }
  /**
   * Multi-line secrets: the input as the white-space automaton sees it, each run of white space one
   * symbol (WS_SEP for 1..MAX_WS_GAP bytes, WS_BREAK beyond), which is only known when the run ends or
   * grows too long. A ring maps symbols back to input offsets.
   */
  scanWs(buf, base) {
    const w = this.c.ws;
    if (w === void 0) return;
    const ring = this.wsRing;
    const rmask = ring.length - 1;
    let s = this.wsState;
    let count = this.wsCount;
    const run = { start: this.runStart, len: this.runLen, broken: this.runBroken };
    const feed = (sym, at) => {
      s = step(w, s, sym);
      ring[count & rmask] = at;
      count++;
      const o = w.outLen[s];
      if (o > 0) this.addAny(ring[count - o & rmask], at + 1);
    };
    for (let i = 0; i < buf.length; i++) wsByte(run, buf[i], base + i, feed);
    this.wsState = s;
    this.wsCount = count;
    this.runStart = run.start;
    this.runLen = run.len;
    this.runBroken = run.broken;
  }
  /** A match in end order (the main scan): merge with the ranges it reaches. */
  add(s, e) {
    const S = this.ivS;
    const E = this.ivE;
    let k = this.ivN;
    if (k > 0 && e < E[k - 1]) {
      this.addAny(s, e);
      return;
    }
    while (k > 0 && E[k - 1] >= s) {
      k--;
      if (S[k] < s) s = S[k];
    }
    S[k] = s;
    E[k] = e;
    this.ivN = k + 1;
  }
  /** A match in any order (white-space matches, rescans): insert and re-merge. Rare. */
  addAny(s, e) {
    const list = [[s, e]];
    for (let k = 0; k < this.ivN; k++) list.push([this.ivS[k], this.ivE[k]]);
    list.sort((x, y) => x[0] - y[0]);
    let n = 0;
    for (const [a, b] of list) {
      if (n > 0 && a <= this.ivE[n - 1]) {
        if (b > this.ivE[n - 1]) this.ivE[n - 1] = b;
      } else {
        this.ivS[n] = a;
        this.ivE[n] = b;
        n++;
      }
    }
    this.ivN = n;
  }
  /** The earliest input offset a match not yet seen could start at. */
  holdFrom() {
    let f = this.pos - this.c.ac.hold[this.acState];
    if (this.tokTail >= 0 && this.pos - this.tokTail < TOKEN_MIN_TAIL && this.tokStart < f) f = this.tokStart;
    const w = this.c.ws;
    if (w !== void 0) {
      const d = w.hold[this.wsState];
      if (d > 0) {
        const at = this.wsRing[this.wsCount - d & this.wsRing.length - 1];
        if (at < f) f = at;
      }
    }
    return f;
  }
  /**
   * Emit everything decided before `hold`: raw spans and one [MASKED] per merged range, appended to
   * `parts`. Held bytes are copied out of the ring (the next write overwrites it); bytes of this
   * chunk are views into it.
   */
  emit(hold, chunk, base, parts) {
    const raw = (a, b) => {
      if (a < base) {
        const end = Math.min(b, base);
        const size = this.ring.length;
        const i = a & size - 1;
        const j = i + (end - a);
        if (j <= size) parts.push(Buffer.from(this.ring.subarray(i, j)));
        else parts.push(Buffer.concat([this.ring.subarray(i), this.ring.subarray(0, j - size)]));
        a = end;
      }
      if (b > a) parts.push(chunk.subarray(a - base, b - base));
    };
    const S = this.ivS;
    const E = this.ivE;
    let cur = this.emitted;
    let maskEnd = this.maskEnd;
    let h = 0;
    for (; h < this.ivN; h++) {
      const s = S[h];
      const e = E[h];
      if (s <= maskEnd) {
        if (e > maskEnd) maskEnd = e;
        if (maskEnd > cur) cur = maskEnd;
        continue;
      }
      if (s >= hold) break;
      if (s > cur) raw(cur, s);
      parts.push(MASK_BYTES);
      maskEnd = e;
      cur = e;
    }
    if (h > 0) {
      for (let k = h; k < this.ivN; k++) {
        S[k - h] = S[k];
        E[k - h] = E[k];
      }
      this.ivN -= h;
    }
    if (hold > cur) {
      raw(cur, hold);
      cur = hold;
    }
    this.emitted = cur;
    this.maskEnd = maskEnd;
  }
  /** Keep the chunk's last bytes: held bytes are read from here by the next write. */
  remember(chunk, base) {
    const size = this.ring.length;
    const m = Math.min(chunk.length, size);
    const from = base + chunk.length - m;
    const i = from & size - 1;
    const first = Math.min(m, size - i);
    chunk.copy(this.ring, i, chunk.length - m, chunk.length - m + first);
    if (first < m) chunk.copy(this.ring, 0, chunk.length - m + first, chunk.length);
  }
  /**
   * The registry changed (a secret added mid-stream). The new automata are positioned by rescanning the
   * input we still have (the ring): the state only depends on the last few bytes. Matches that reach
   * bytes not yet emitted are masked from there on; token state carries over (prefixes do not change).
   */
  recompile() {
    const c = this.registry.compiled();
    const oldRing = this.ring;
    const avail = Math.min(this.pos, oldRing.length);
    const start = this.pos - avail;
    const size = this.ringSize(c);
    if (size > oldRing.length) {
      const ring2 = Buffer.alloc(size);
      for (let q = start; q < this.pos; q++)
        ring2[q & size - 1] = oldRing[q & oldRing.length - 1];
      this.ring = ring2;
    }
    this.c = c;
    const ring = this.ring;
    const rmask = ring.length - 1;
    const found = [];
    const keep = (s2, e) => {
      if (e > this.emitted) found.push([Math.max(s2, this.emitted), e]);
    };
    let s = 0;
    for (let q = start; q < this.pos; q++) {
      s = step(c.ac, s, ring[q & rmask]);
      const o = c.ac.outLen[s];
      if (o > 0) keep(q + 1 - o, q + 1);
    }
    this.acState = s;
    this.wsRing = new Float64Array(pow2AtLeast((c.ws?.maxLen ?? 0) + 1));
    this.wsCount = 0;
    this.wsState = 0;
    const w = c.ws;
    if (w !== void 0) {
      const wr = this.wsRing;
      const wm = wr.length - 1;
      let ws = 0;
      let count = 0;
      const run = { start: -1, len: 0, broken: false };
      const feed = (sym, at) => {
        ws = step(w, ws, sym);
        wr[count & wm] = at;
        count++;
        const o = w.outLen[ws];
        if (o > 0) keep(wr[count - o & wm], at + 1);
      };
      for (let q = start; q < this.pos; q++) wsByte(run, ring[q & rmask], q, feed);
      if (this.runStart >= 0 && this.runBroken && !run.broken) ws = step(w, ws, WS_BREAK);
      this.wsState = ws;
      this.wsCount = count;
    }
    for (const [a, b] of found) this.addAny(a, b);
    this.chooseSearch();
    this.cooldown = 0;
    this.scanFrom = Math.min(this.scanFrom, this.holdFrom());
  }
};
function anchorScan(choice, view, from, base, found, prefixes, budget) {
  const { first, off, start, len, token, bytes, needles, anchorLen } = choice;
  const vlen = view.length;
  for (let ai = 0; ai < needles.length; ai++) {
    const a = needles[ai];
    const alen = anchorLen[ai];
    const before = ai * 512;
    const after = before + 256;
    for (let h = view.indexOf(a); h !== -1; h = view.indexOf(a, h + 1)) {
      if (--budget < 0) return false;
      for (let side = 0; side < 2; side++) {
        const nb = side === 0 ? h > 0 ? view[h - 1] : -1 : h + alen < vlen ? view[h + alen] : -1;
        if (nb < 0) continue;
        const key = (side === 0 ? before : after) + nb;
        const x1 = first[key + 1];
        for (let x = first[key]; x < x1; x++) {
          const s = h - off[x];
          const l = len[x];
          if (s < 0 || s + l > vlen) continue;
          const b0 = start[x];
          let k = 0;
          while (k < l && view[s + k] === bytes[b0 + k]) k++;
          if (k < l) continue;
          if (token[x] === 1) prefixes.push(s, l);
          else if (from + s + l > base) found.push(from + s + l, from + s);
        }
      }
    }
  }
  return true;
}

// src/mask/pump.ts
var FILE_CHUNK = 1024 * 1024;
var HEADROOM = 16 * 1024;
function toBuffer(chunk) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}
var SINK_LIMIT = 2 * 1024 * 1024;
var SinkWindow = class {
  constructor(sink, limit = SINK_LIMIT) {
    this.sink = sink;
    this.limit = limit;
  }
  sink;
  limit;
  queued = 0;
  waiting;
  /**
   * Writes the pieces (emptying the list); false when more than the limit is in flight. `done` runs
   * once the sink has taken all of them (at once when there are none).
   */
  write(parts, done) {
    const last = parts.length - 1;
    if (last > 0) this.sink.cork();
    parts.forEach((p, i) => {
      const n = p.length;
      this.queued += n;
      this.sink.write(p, () => {
        this.taken(n);
        if (i === last) done?.();
      });
    });
    if (last > 0) this.sink.uncork();
    if (last < 0) done?.();
    parts.length = 0;
    return this.queued <= this.limit;
  }
  /** Resolves once no more than the limit is in flight (or the sink failed: see release). */
  below() {
    if (this.queued <= this.limit) return Promise.resolve();
    return new Promise((resolve) => this.waiting = resolve);
  }
  /** The sink failed: whoever waits stops waiting (and finds the error). */
  release() {
    const w = this.waiting;
    this.waiting = void 0;
    w?.();
  }
  taken(n) {
    this.queued -= n;
    if (this.waiting !== void 0 && this.queued <= this.limit) {
      const w = this.waiting;
      this.waiting = void 0;
      w();
    }
  }
};
function finishSink(sink, end) {
  if (!end) return Promise.resolve();
  return new Promise((resolve, reject) => {
    if (sink.writableFinished) return resolve();
    const onError = (e) => {
      sink.off("finish", onFinish);
      reject(e);
    };
    const onFinish = () => {
      sink.off("error", onError);
      resolve();
    };
    sink.once("error", onError);
    sink.once("finish", onFinish);
    sink.end();
  });
}
function untilEnd(source, sink, flush, end, onStop) {
  let settled = false;
  let fail = () => void 0;
  const done = new Promise((resolve, reject) => {
    const stop = () => {
      source.off("end", onEnd);
      source.off("close", onEnd);
      source.off("error", onSourceError);
      sink.off("error", onSinkError);
      onStop?.();
    };
    const finish = (err) => {
      if (settled) return;
      settled = true;
      stop();
      try {
        flush();
      } catch (e) {
        err ??= e;
      }
      if (err) reject(err);
      else finishSink(sink, end).then(resolve, reject);
    };
    function onEnd() {
      finish();
    }
    function onSourceError(e) {
      finish(e);
    }
    function onSinkError(e) {
      if (settled) return;
      settled = true;
      stop();
      source.destroy?.();
      reject(e);
    }
    fail = finish;
    sink.on("error", onSinkError);
    source.on("error", onSourceError);
    source.on("end", onEnd);
    source.on("close", onEnd);
  });
  return { done, fail: (e) => fail(e), settled: () => settled };
}
function maskPipe(source, sink, registry, opts = {}) {
  let made;
  const parts = [];
  const window = new SinkWindow(sink);
  const flush = () => {
    made?.endInto(parts);
    window.write(parts);
  };
  const run = untilEnd(source, sink, flush, opts.end !== false, () => source.off("data", onData));
  const onData = (chunk) => {
    try {
      (made ??= new Masker(registry, opts)).writeInto(toBuffer(chunk), parts);
    } catch (e) {
      run.fail(e);
      return;
    }
    if (!window.write(parts)) {
      source.pause();
      void window.below().then(() => {
        if (!run.settled()) source.resume();
      });
    }
  };
  source.on("data", onData);
  return run.done;
}
var SOCKET_CHUNK = 256 * 1024;
function maskingReads(sink, registry, opts = {}) {
  const buffers = new ReadBuffers(opts.chunkSize ?? SOCKET_CHUNK);
  let made;
  const parts = [];
  const window = new SinkWindow(sink);
  let socket;
  let run;
  const onread = {
    buffer: () => buffers.take(),
    callback: (bytes, buf) => {
      const view = buf;
      try {
        (made ??= new Masker(registry, opts)).writeInto(view.subarray(0, bytes), parts, HEADROOM);
      } catch (e) {
        buffers.give(view);
        run?.fail(e);
        return false;
      }
      if (window.write(parts, () => buffers.give(view))) return true;
      void window.below().then(() => {
        if (run?.settled() === false) socket?.resume();
      });
      return false;
    }
  };
  const pump = (s) => {
    socket = s;
    const flush = () => {
      made?.endInto(parts);
      window.write(parts);
    };
    run = untilEnd(s, sink, flush, opts.end !== false);
    return run.done;
  };
  return { onread, pump };
}
var ReadBuffers = class {
  constructor(size) {
    this.size = size;
  }
  size;
  free = [];
  take() {
    return this.free.pop() ?? Buffer.allocUnsafeSlow(HEADROOM + this.size).subarray(HEADROOM);
  }
  give(buf) {
    if (this.free.length < 8) this.free.push(buf);
  }
  /** The next piece of the file, in a buffer of its own; undefined at the end. */
  read(fd) {
    return new Promise((resolve, reject) => {
      const buf = this.take();
      read(fd, buf, 0, this.size, null, (err, n) => {
        if (err || n === 0) this.give(buf);
        if (err) reject(err);
        else resolve(n === 0 ? void 0 : { buf, chunk: buf.subarray(0, n) });
      });
    });
  }
};
async function maskFile(fd, sink, registry, opts = {}) {
  const size = opts.chunkSize ?? FILE_CHUNK;
  const masker = new Masker(registry, opts);
  const parts = [];
  const window = new SinkWindow(sink);
  let sinkError;
  const onSinkError = (e) => {
    sinkError ??= e;
    window.release();
  };
  sink.on("error", onSinkError);
  const buffers = new ReadBuffers(size);
  try {
    let next = buffers.read(fd);
    for (; ; ) {
      let piece;
      try {
        piece = await next;
      } catch (e) {
        masker.endInto(parts);
        if (sinkError === void 0) window.write(parts);
        throw e;
      }
      if (sinkError) throw sinkError;
      if (piece === void 0) break;
      next = buffers.read(fd);
      masker.writeInto(piece.chunk, parts, HEADROOM);
      const { buf } = piece;
      if (!window.write(parts, () => buffers.give(buf))) await window.below();
      if (sinkError) {
        next.catch(() => void 0);
        throw sinkError;
      }
    }
    masker.endInto(parts);
    window.write(parts);
  } finally {
    sink.off("error", onSinkError);
  }
  if (sinkError) throw sinkError;
  await finishSink(sink, opts.end !== false);
}

// src/mask/stream.ts
var EMPTY2 = Buffer.alloc(0);
function maskBuffer(buf, secrets) {
  const { registry } = toRegistry(secrets);
  if (registry.compiled().empty) return buf;
  const m = new Masker(registry, { engine: buf.length < 65536 ? "automaton" : "auto" });
  const a = m.write(buf);
  const b = m.end();
  if (a === void 0) return b ?? EMPTY2;
  return b === void 0 ? a : Buffer.concat([a, b]);
}
function maskString(text, secrets) {
  const { registry } = toRegistry(secrets);
  if (text.length === 0 || registry.compiled().empty) return text;
  return maskBuffer(Buffer.from(text, "utf8"), registry).toString("utf8");
}

export {
  derivedForms,
  SecretRegistry,
  maskString,
  maskPipe,
  maskingReads,
  maskFile
};
