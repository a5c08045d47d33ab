/**
 * The template engine (nunjucks), loaded only when something is rendered: most runs render nothing,
 * and evaluating the engine is a large share of a cold start (the action starts in every job).
 * Async callers `await loadTemplating()` first; the renderers then use it synchronously. The validator,
 * which imports nunjucks itself, provides it on load.
 */
import type Nunjucks from 'nunjucks';

export type TemplateEngine = typeof Nunjucks;

let loaded: TemplateEngine | undefined;

export function provideTemplating(engine: TemplateEngine): void {
  loaded ??= engine;
}

export async function loadTemplating(): Promise<TemplateEngine> {
  if (!loaded) {
    const m = (await import('nunjucks')) as { default?: TemplateEngine } & TemplateEngine;
    loaded = m.default ?? m;
  }
  return loaded;
}

export function templating(): TemplateEngine {
  if (!loaded) throw new Error('internal: templates rendered before the template engine was loaded');
  return loaded;
}
