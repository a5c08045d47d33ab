/**
 * Spec `variables` (`NAME: "{{ username }}"`) rendered with nunjucks: strict undefined (a name that is
 * not a template value is an error, not an empty string), no autoescape (these are plain values), and
 * nothing in scope but the template values. A value rendered from the password is secret.
 */
import type nunjucks from 'nunjucks';
import { templating } from './templating.js';
import { UsageError } from '../core/errors.js';
import { renderedSecret } from '../core/secret-shape.js';
import type { TemplateValueName } from '../spec/template-values.js';
import { checkTemplate } from './template-guard.js';
import type { ExportVariable } from './variables.js';

export type TemplateValues = Record<TemplateValueName, string | number | string[] | undefined>;

let env: nunjucks.Environment | undefined;
/** The renderer's engine (validate's template rules render a sample with it too). */
export function renderEngine(): nunjucks.Environment {
  if (!env) {
    env = new (templating().Environment)(null, { autoescape: false, throwOnUndefined: true });
    // base64: for Basic auth headers and docker's `auth` in user templates.
    env.addFilter('base64', (s: unknown) => Buffer.from(String(s), 'utf8').toString('base64'));
  }
  return env;
}

export function renderTemplate(name: string, template: string, values: TemplateValues): string {
  try {
    checkTemplate(template);
    return renderEngine().renderString(template, { ...values });
  } catch (e) {
    const msg = (e as { message?: unknown }).message;
    // nunjucks messages quote the template position, never a value.
    const first = typeof msg === 'string' ? msg.split('\n').filter(Boolean).pop()?.trim() : undefined;
    throw new UsageError(
      `template for ${name} failed: ${first ?? 'render error'}`,
      'use only the documented template values, e.g. {{ username }}',
    );
  }
}

export function renderSpecVariables(
  templates: Readonly<Record<string, string>> | undefined,
  values: TemplateValues,
  password: string,
): ExportVariable[] {
  return Object.entries(templates ?? {}).map(([name, template]) => {
    const value = renderTemplate(name, template, values);
    // Secret when it is derived from the password in any way (base64, concatenation…), not only verbatim.
    return { name, value, secret: renderedSecret(template, value, password) };
  });
}
