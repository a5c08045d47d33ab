import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  MIN_SECRET_BYTES,
  derivedFormSet,
  gitlabCouldMask
} from "./chunk-D7WALF7T.js";

// src/mask/patterns.ts
var GITLAB_TOKEN_PREFIXES = [
  "glpat-",
  "gloas-",
  "gldt-",
  "glrt-",
  "glcbt-",
  "glptt-",
  "glft-",
  "glimt-",
  "glagent-",
  "glsoat-",
  "glffct-",
  "glrtr-",
  "GR1348941"
];
var MAX_WS_GAP = 64;
var TOKEN_MIN_TAIL = 20;
var TOKEN_MAX_TAIL = 64;
function filterBits(patterns) {
  return Math.max(10, Math.min(20, Math.ceil(Math.log2(Math.max(1, patterns) * 64))));
}
function isWs(b) {
  return b === 32 || b >= 9 && b <= 13;
}
function isUrlSafe(b) {
  return b >= 48 && b <= 57 || b >= 65 && b <= 90 || b >= 97 && b <= 122 || b === 45 || b === 95;
}
function firstBytes(p) {
  return p.kind === "literal" ? p.bytes : p.kind === "ws" ? p.lines[0] : p.prefix;
}
function maxLength(p) {
  if (p.kind === "literal") return p.bytes.length;
  if (p.kind === "token") return p.prefix.length + TOKEN_MAX_TAIL;
  return p.lines.reduce((n, l) => n + l.length, 0) + (p.lines.length - 1) * MAX_WS_GAP;
}
function cmp(buf, j, end, lit) {
  const n = Math.min(lit.length, end - j);
  for (let k = 0; k < n; k++) if (buf[j + k] !== lit[k]) return -1;
  return n;
}
function matchAt(p, buf, s, end, final = false) {
  if (p.kind === "literal") {
    const n = cmp(buf, s, end, p.bytes);
    if (n < 0) return 0;
    return n === p.bytes.length ? n : final ? 0 : -1;
  }
  if (p.kind === "token") {
    const n = cmp(buf, s, end, p.prefix);
    if (n < 0) return 0;
    if (n < p.prefix.length) return final ? 0 : -1;
    let j2 = s + n;
    while (j2 < end && j2 - s - n < TOKEN_MAX_TAIL && isUrlSafe(buf[j2])) j2++;
    const tail = j2 - s - n;
    if (j2 === end && tail < TOKEN_MAX_TAIL && !final) return -1;
    return tail >= TOKEN_MIN_TAIL ? j2 - s : 0;
  }
  let j = s;
  for (let i = 0; i < p.lines.length; i++) {
    const line = p.lines[i];
    const n = cmp(buf, j, end, line);
    if (n < 0) return 0;
    if (n < line.length) return final ? 0 : -1;
    j += n;
    if (i === p.lines.length - 1) break;
    let gap = 0;
    while (j < end && gap <= MAX_WS_GAP && isWs(buf[j])) {
      j++;
      gap++;
    }
    if (gap > MAX_WS_GAP) return 0;
    if (j === end) return final ? 0 : -1;
    if (gap === 0) return 0;
  }
  return j - s;
}
function word(b, i) {
  return (b[i] << 24 | b[i + 1] << 16 | b[i + 2] << 8 | b[i + 3]) >>> 0;
}
function buildPatternSet(patterns) {
  const FILTER_BITS = filterBits(patterns.length);
  const SHIFT = 32 - FILTER_BITS;
  const bits = new Int32Array(1 << FILTER_BITS - 5);
  const byWord = /* @__PURE__ */ new Map();
  const heads = [/* @__PURE__ */ new Set(), /* @__PURE__ */ new Set(), /* @__PURE__ */ new Set()];
  let maxHold = 0;
  for (const p of patterns) {
    const f = firstBytes(p);
    if (f.length < 4) continue;
    const w = word(f, 0);
    const h = Math.imul(w, 2654435761) >>> SHIFT;
    bits[h >>> 5] = bits[h >>> 5] | 1 << (h & 31);
    const list = byWord.get(w) ?? [];
    list.push(p);
    byWord.set(w, list);
    for (let k = 1; k <= 3; k++) heads[k - 1]?.add(f.subarray(0, k).readUIntBE(0, k));
    maxHold = Math.max(maxHold, maxLength(p));
  }
  for (const list of byWord.values()) list.sort((a, b) => maxLength(b) - maxLength(a));
  function scan(buf, end, final, onMatch) {
    let holdFrom = end;
    const holdLimit = end - maxHold;
    let w = 0;
    const last = end - 3;
    for (let i = 0; i < end; i++) {
      w = (w << 8 | buf[i]) >>> 0;
      const s = i - 3;
      if (s < 0) continue;
      const h = Math.imul(w, 2654435761) >>> SHIFT;
      if ((bits[h >>> 5] & 1 << (h & 31)) === 0) continue;
      const list = byWord.get(w);
      if (!list) continue;
      let best = 0;
      let partial = false;
      for (const p of list) {
        const r = matchAt(p, buf, s, end, final);
        if (r > best) best = r;
        else if (r === -1) partial = true;
      }
      if (best > 0) onMatch(s, best);
      if (partial && holdFrom === end && s >= holdLimit) holdFrom = s;
    }
    for (let s = Math.max(0, last); s < end; s++) {
      if (s >= holdFrom) break;
      const k = end - s;
      if (heads[k - 1]?.has(buf.readUIntBE(s, k))) {
        holdFrom = s;
        break;
      }
    }
    return holdFrom;
  }
  return { patterns, maxHold, scan };
}

// src/mask/registry.ts
var SecretRegistry = class {
  literals = /* @__PURE__ */ new Map();
  ws = /* @__PURE__ */ new Map();
  set;
  /** Bumped on every change, so streams know to rebuild. */
  version = 0;
  constructor(opts = {}) {
    this.tokens = opts.gitlabTokens !== false;
  }
  tokens;
  /** Registers a secret and its forms. Refuses secrets under 4 bytes (they would mask ordinary text). */
  add(secret, opts = {}) {
    if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
      return [
        {
          code: "secret-too-short",
          message: `a secret of ${Buffer.byteLength(secret)} bytes was not registered: secrets under ${MIN_SECRET_BYTES} bytes cannot be masked without masking ordinary text`
        }
      ];
    }
    const warnings = [];
    if (!gitlabCouldMask(secret)) {
      warnings.push({
        code: "not-maskable-by-gitlab",
        message: "a secret is not one GitLab could mask itself (at least 8 characters of [a-zA-Z0-9_+=/@:.~-]); deploy-token masks it in what it prints, but GitLab will not mask it in job logs"
      });
    }
    const forms = derivedFormSet(secret, opts);
    for (const f of forms.literals) this.literals.set(f.toString("latin1"), f);
    for (const lines of forms.wsLines) this.ws.set(lines.map((l) => l.toString("latin1")).join("\n"), lines);
    this.set = void 0;
    this.version++;
    return warnings;
  }
  get size() {
    return this.literals.size;
  }
  patterns() {
    const out = [...this.literals.values()].map((bytes) => ({ kind: "literal", bytes }));
    for (const lines of this.ws.values()) out.push({ kind: "ws", lines });
    if (this.tokens)
      for (const p of GITLAB_TOKEN_PREFIXES) out.push({ kind: "token", prefix: Buffer.from(p) });
    return out;
  }
  patternSet() {
    this.set ??= buildPatternSet(this.patterns());
    return this.set;
  }
};

// src/mask/stream.ts
import { Transform } from "node:stream";
var MASK = Buffer.from("[MASKED]");
var MaskStream = class extends Transform {
  carry = Buffer.alloc(0);
  /** End of the last emitted mask, relative to the start of `carry` (may be negative). */
  maskEnd = Number.NEGATIVE_INFINITY;
  registry;
  constructor(registry) {
    super();
    this.registry = registry;
  }
  _transform(chunk, _enc, cb) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    this.process(this.carry.length === 0 ? buf : Buffer.concat([this.carry, buf]), false);
    cb();
  }
  _flush(cb) {
    this.process(this.carry, true);
    cb();
  }
  process(w, final) {
    const set = this.registry.patternSet();
    const starts = [];
    const ends = [];
    let holdFrom = set.scan(w, w.length, final, (s, len) => {
      starts.push(s);
      ends.push(s + len);
    });
    if (final) holdFrom = w.length;
    const out = [];
    let maskEnd = this.maskEnd;
    let cur = Math.max(0, maskEnd);
    for (let k = 0; k < starts.length; k++) {
      const rs = starts[k];
      const re = ends[k];
      if (rs >= holdFrom) break;
      if (rs <= maskEnd) {
        if (re > maskEnd) maskEnd = re;
        if (maskEnd > cur) cur = maskEnd;
        continue;
      }
      if (rs > cur) out.push(w.subarray(cur, rs));
      out.push(MASK);
      maskEnd = re;
      cur = re;
    }
    if (holdFrom > cur) out.push(w.subarray(cur, holdFrom));
    this.carry = Buffer.from(w.subarray(holdFrom));
    this.maskEnd = maskEnd - holdFrom;
    if (out.length === 1) this.push(out[0]);
    else if (out.length > 1) this.push(Buffer.concat(out));
  }
};
function createMaskStream(registry) {
  return new MaskStream(registry);
}

export {
  SecretRegistry,
  createMaskStream
};
