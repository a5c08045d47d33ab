import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);

// src/export/shell.ts
function shellQuote(value) {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
function renderShell(vars) {
  return vars.map((v) => `export ${v.name}=${shellQuote(v.value)}
`).join("");
}

export {
  shellQuote,
  renderShell
};
