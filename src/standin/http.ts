/**
 * The stand-in's HTTP vocabulary: requests and answers, GitLab's JSON error bodies
 * (fixtures/gitlab/errors.json), offset pagination with GitLab's headers
 * (fixtures/gitlab/pagination_headers.json, doc/api/rest/index.md#pagination), and request bodies as
 * Grape reads them.
 */
import errorsFixture from '../../fixtures/gitlab/errors.json' with { type: 'json' };
import pagination from '../../fixtures/gitlab/pagination_headers.json' with { type: 'json' };

export interface StandinRequest {
  method: string;
  /** Path and query, e.g. `/api/v4/projects/3/deploy_tokens?active=true`. */
  url: string;
  headers: Record<string, string | undefined>;
  /** The request body (JSON or form-encoded), when there is one. */
  body?: string;
}

export interface StandinResponse {
  /** 0 = no answer at all: the server drops the connection (fault injection). */
  status: number;
  headers: Record<string, string>;
  body: string;
}

export const errors = errorsFixture;

export const json = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): StandinResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export const noContent = (): StandinResponse => ({ status: 204, headers: {}, body: '' });

/** Grape's answer for a route that does not exist (as older versions answer newer endpoints). */
export const noRoute = (): StandinResponse => json(404, { error: '404 Not Found' });

export const notAllowed = (): StandinResponse => json(405, { message: '405 Method Not Allowed' });

/** errors.json entries with `{param}`-style holes filled. */
export function fill(entry: unknown, values: Record<string, string>): unknown {
  let text = JSON.stringify(entry);
  for (const [k, v] of Object.entries(values)) text = text.replaceAll(`{${k}}`, v.replace(/["\\]/g, ''));
  return JSON.parse(text) as unknown;
}

export type GitLabErrorKey = keyof typeof errorsFixture;

/**
 * One of GitLab's error answers from errors.json: its status is the entry's prefix (`404_token` is a
 * 404), `{param}`-style holes filled with `values`.
 */
export function gitlabError(key: GitLabErrorKey, values?: Record<string, string>): StandinResponse {
  const entry = errorsFixture[key];
  return json(Number(key.slice(0, 3)), values ? fill(entry, values) : entry);
}

export const missing = (param: string): StandinResponse => gitlabError('400_missing', { param });
export const invalid = (param: string): StandinResponse => json(400, { error: `${param} is invalid` });

/** GitLab's offset pagination (doc/api/rest/index.md#pagination) with the fixture's headers. */
export function paginate(items: unknown[], url: URL, base: string): StandinResponse {
  const perPage = Math.min(100, Math.max(1, Number(url.searchParams.get('per_page') ?? 20) || 20));
  const totalPages = Math.max(1, Math.ceil(items.length / perPage));
  const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const q = new URLSearchParams(url.searchParams);
  q.delete('page');
  const linkBase = `${base}${url.pathname}?${q.toString()}`;
  const fillHeader = (s: string) =>
    s
      .replaceAll('{page}', String(page))
      .replaceAll('{per_page}', String(perPage))
      .replaceAll('{next}', page < totalPages ? String(page + 1) : '')
      .replaceAll('{prev}', page > 1 ? String(page - 1) : '')
      .replaceAll('{total}', String(items.length))
      .replaceAll('{total_pages}', String(totalPages))
      .replaceAll('{base}', linkBase);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(pagination)) {
    if (k === 'comment') continue;
    headers[k] = fillHeader(v);
  }
  return { status: 200, headers, body: JSON.stringify(slice) };
}

/** A request body as GitLab (grape) reads it: JSON, or form-encoded with `name[]` arrays. */
export function parseBody(req: StandinRequest): Record<string, unknown> | undefined {
  const raw = req.body ?? '';
  if (raw === '') return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) {
    try {
      const v = JSON.parse(raw) as unknown;
      return typeof v === 'object' && v !== null && !Array.isArray(v)
        ? (v as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    if (k.endsWith('[]')) {
      const key = k.slice(0, -2);
      out[key] = [...((out[key] as string[] | undefined) ?? []), v];
    } else out[k] = v;
  }
  return out;
}

/** Grape's Boolean coercion; `invalid` for anything else. */
export function boolParam(v: unknown): boolean | undefined | 'invalid' {
  if (v === undefined) return undefined;
  if (v === true || v === 'true' || v === '1' || v === 1) return true;
  if (v === false || v === 'false' || v === '0' || v === 0) return false;
  return 'invalid';
}

/** HTTP Basic credentials (`Authorization: Basic base64(user:password)`), or undefined. */
export function basicAuth(req: StandinRequest): { login: string; password: string } | undefined {
  const h = req.headers.authorization ?? '';
  const m = /^Basic\s+(\S+)$/i.exec(h);
  if (!m?.[1]) return undefined;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const at = text.indexOf(':');
  return at < 0 ? undefined : { login: text.slice(0, at), password: text.slice(at + 1) };
}
