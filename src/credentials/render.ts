/**
 * Rendering a client or user template: nunjucks with strict undefined, the allow-list of
 * src/export/template-guard.ts, and the format filters of escape.ts, so a value cannot break out of
 * its file format and a template sees nothing but the values given to it.
 */
import type nunjucks from 'nunjucks';
import { UsageError } from '../core/errors.js';
import { checkTemplate, freeNames, parseTemplate } from '../export/template-guard.js';
import { templating } from '../export/templating.js';
import { FORMAT_FILTERS, UnsafeValueError } from './escape.js';

let engine: nunjucks.Environment | undefined;
function env(): nunjucks.Environment {
  if (!engine) {
    engine = new (templating().Environment)(null, { autoescape: false, throwOnUndefined: true });
    for (const [name, fn] of Object.entries(FORMAT_FILTERS)) engine.addFilter(name, fn);
    engine.addFilter('base64', (s: unknown) => Buffer.from(String(s), 'utf8').toString('base64'));
  }
  return engine;
}

/**
 * Every name a template reads must be one of the values given (own keys) or a loop variable: nunjucks
 * would otherwise answer `{{ constructor }}` from Object.prototype, or `{{ range }}` from its globals.
 */
function checkNames(source: string, values: Record<string, unknown>): void {
  for (const { name } of freeNames(parseTemplate(source))) {
    if (!Object.prototype.hasOwnProperty.call(values, name))
      throw new Error(`"${name}" is not a template value`);
  }
}

export function renderClientTemplate(
  name: string,
  template: string,
  values: Record<string, unknown>,
): string {
  try {
    checkTemplate(template);
    checkNames(template, values);
    return env().renderString(template, values);
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    if (e instanceof UnsafeValueError || cause instanceof UnsafeValueError) {
      throw new UsageError(
        `cannot write ${name}: ${(e as Error).message.split('\n').pop()?.trim()}`,
        'this value cannot be carried by that file format; use exec with environment variables instead',
      );
    }
    const msg = ((e as { message?: string }).message ?? 'render error')
      .split('\n')
      .filter(Boolean)
      .pop()
      ?.trim();
    throw new UsageError(`template ${name} failed: ${msg}`, 'use only the documented template values');
  }
}
