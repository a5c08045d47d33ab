/**
 * GitLab's documented answers for msw handlers, read from fixtures/gitlab/ (never written inline),
 * and paginated answers with GitLab's headers (doc/api/rest/index.md#pagination).
 *
 *   http.get(`${GITLAB}/api/v4/projects/:id/deploy_tokens`, ({ request }) =>
 *     pageResponse(deployTokens(250), request, { totals: false }))
 */
import { HttpResponse } from 'msw';
import { readFileSync } from 'node:fs';

export const GITLAB = 'https://gitlab.example.com';
export const API = `${GITLAB}/api/v4`;

const dir = new URL('../../fixtures/gitlab/', import.meta.url);
const cache = new Map<string, string>();

/** The raw text of fixtures/gitlab/<file> (e.g. `sign_in.html`). */
export function fixtureText(file: string): string {
  let text = cache.get(file);
  if (text === undefined) {
    text = readFileSync(new URL(file, dir), 'utf8');
    cache.set(file, text);
  }
  return text;
}

/** A fresh copy of fixtures/gitlab/<name>.json (tests may change it freely). */
export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(`${name}.json`)) as Record<string, unknown>;
}

/** GitLab's error bodies, keyed as in errors.json: `401`, `403`, `404_project`, `409_variable`, ... */
export function gitlabError(key: string): { message: string } {
  const body = fixture('errors')[key] as { message: string } | undefined;
  if (!body) throw new Error(`fixtures/gitlab/errors.json has no ${key}`);
  return body;
}

/** A JSON error answer as GitLab sends it; the status is the key's leading number unless given. */
export function errorResponse(
  key: string,
  status = Number.parseInt(key, 10),
  headers: Record<string, string> = {},
) {
  return HttpResponse.json(gitlabError(key), { status, headers });
}

/** `n` deploy tokens in the documented shape (deploy_token.json), ids 1..n, with `over` applied to each. */
export function deployTokens(n: number, over: (i: number) => Record<string, unknown> = () => ({})) {
  const base = fixture('deploy_token');
  return Array.from({ length: n }, (_, k) => {
    const id = k + 1;
    return { ...base, id, name: `token-${id}`, username: `gitlab+deploy-token-${id}`, ...over(id) };
  });
}

export interface PageOptions {
  /** Send x-total and x-total-pages (and rel="last"); GitLab.com may omit them. Default true. */
  totals?: boolean;
  /** GitLab's default per_page when the request has none. */
  defaultPerPage?: number;
  /** Headers set over GitLab's, to script faults (`{ 'x-next-page': '1' }`); null removes one. */
  headers?: Record<string, string | null>;
}

/** The page the request asks for, with GitLab's pagination headers filled from pagination_headers.json. */
export function paginate<T>(
  items: readonly T[],
  request: Request | URL | string,
  opts: PageOptions = {},
): { body: T[]; headers: Record<string, string> } {
  const url = new URL(request instanceof Request ? request.url : String(request));
  const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? opts.defaultPerPage ?? 20));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const rest = new URLSearchParams(url.searchParams);
  rest.delete('page');
  const base = `${url.origin}${url.pathname}?${rest.toString()}`;
  const values: Record<string, string> = {
    page: String(page),
    per_page: String(perPage),
    next: page < totalPages ? String(page + 1) : '',
    prev: page > 1 ? String(page - 1) : '',
    total: String(items.length),
    total_pages: String(totalPages),
    base,
  };
  const fill = (v: string) => v.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
  const template = fixture('pagination_headers') as Record<string, string>;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(template)) {
    if (k === 'comment' || k === 'link') continue;
    if (opts.totals === false && (k === 'x-total' || k === 'x-total-pages')) continue;
    headers[k] = fill(v);
  }
  // Link: only the relations that exist (no rel="next" on the last page, no rel="last" without totals).
  const rels = (template.link ?? '')
    .split(/,\s*(?=<)/)
    .map((part) => ({ part, rel: /rel="(\w+)"/.exec(part)?.[1] }));
  const next = rels.find((r) => r.rel === 'next')?.part;
  const link = [
    ...(values.prev && next ? [next.replace('{next}', '{prev}').replace('rel="next"', 'rel="prev"')] : []),
    ...rels
      .filter((r) => (r.rel !== 'next' || values.next) && (r.rel !== 'last' || opts.totals !== false))
      .map((r) => r.part),
  ];
  headers.link = link.map(fill).join(', ');
  const merged = Object.entries({ ...headers, ...opts.headers }).filter(
    (e): e is [string, string] => e[1] !== null,
  );
  return { body: items.slice((page - 1) * perPage, page * perPage), headers: Object.fromEntries(merged) };
}

/** `paginate` as an msw answer. */
export function pageResponse<T>(
  items: readonly T[],
  request: Request | URL | string,
  opts: PageOptions = {},
) {
  const { body, headers } = paginate(items, request, opts);
  return HttpResponse.json(body, { headers });
}
