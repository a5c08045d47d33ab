import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/provision/ephemeral-name.ts
var EPHEMERAL_PREFIX = "deploy-token-ephemeral-";
var NAME_RE = /^deploy-token-ephemeral-(\d{8}T\d{6}Z)-([a-z0-9]{6,32})$/;
function compact(d) {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
}
function ephemeralName(now, random) {
  const suffix = random().toLowerCase().replace(/[^a-z0-9]/g, "").slice(0, 12).padEnd(6, "0");
  return `${EPHEMERAL_PREFIX}${compact(now)}-${suffix}`;
}
function ephemeralCreatedAt(name) {
  const m = NAME_RE.exec(name);
  if (!m) return void 0;
  const s = m[1];
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return void 0;
  const d = new Date(t);
  return compact(d) === s ? d : void 0;
}
function isEphemeralName(name) {
  return name.startsWith(EPHEMERAL_PREFIX);
}

// src/core/duration.ts
var UNIT_MS = { s: 1e3, m: 6e4, h: 36e5, d: 864e5, w: 6048e5 };
function durationMs(raw) {
  const s = raw.trim();
  if (s === "0") return 0;
  const m = /^(\d{1,6})([smhdw])$/.exec(s);
  return m ? Number(m[1]) * UNIT_MS[m[2]] : void 0;
}

export {
  ephemeralName,
  ephemeralCreatedAt,
  isEphemeralName,
  durationMs
};
