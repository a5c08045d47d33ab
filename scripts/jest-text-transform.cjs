// Jest transform: a template file becomes a module whose default export is its text (as esbuild's text loader does).
module.exports = {
  process(sourceText) {
    return { code: `module.exports = ${JSON.stringify(sourceText)};` };
  },
};
