/**
 * Offset pagination (doc/api/rest/index.md#pagination) within one deadline for the whole listing:
 * with totals (x-total-pages) pages 2..N a few at a time, kept in page order; without them (GitLab.com
 * omits them on large collections) the x-next-page chain. A server that would make the client loop
 * or read without end (a page loop, an absurd page count) is an error instead.
 */
import { GitLabApiError } from '../core/errors.js';
import { interpret } from './answer.js';
import type { Answer } from './attempt.js';
import { seconds, type Scrub } from './http-errors.js';
import { ShapeError } from './types.js';

export interface PageOptions {
  maxPages: number;
  concurrency: number;
  listDeadlineMs: number;
  callDeadlineMs: number;
  now: () => number;
  scrub: Scrub;
  /** One GET of a page, within a deadline. */
  get: (path: string, query: Record<string, string>, deadlineMs: number) => Promise<Answer>;
}

/** doc/api/rest/index.md#pagination: a positive integer, or undefined when absent or empty. */
function pageHeader(a: Answer, name: string): number | undefined {
  const v = a.headers.get(name)?.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v)) {
    throw new GitLabApiError(`GET ${a.endpoint}: the ${name} header is not a page number`, a.endpoint);
  }
  return Number(v);
}

function tooMany(where: string, endpoint: string, what: string, maxPages: number): GitLabApiError {
  return new GitLabApiError(
    `${where}: ${what}`,
    endpoint,
    undefined,
    `that is more than ${maxPages * 100} items; check the project or group`,
  );
}

/** One page's items, the answer it came in, and the listing's deadline applied to it. */
type PageFetch<T> = (page: number) => Promise<{ answer: Answer; items: T[] }>;

/**
 * Pages are fetched only within what is left of the listing's deadline: each page's call gets at
 * most that, and a page cut short by it is reported as the listing's deadline.
 */
function pageFetcher<T>(
  o: PageOptions,
  path: string,
  parseItem: (x: unknown) => T,
  query: Record<string, string>,
): PageFetch<T> {
  const start = o.now();
  const endpoint = path.split(/[?#]/)[0] ?? path;
  const overdue = (page: number) =>
    new GitLabApiError(
      `GET ${endpoint}: the listing took longer than its deadline of ${seconds(o.listDeadlineMs)} (page ${page})`,
      endpoint,
      undefined,
      "check the network and GitLab's status, or narrow what is listed",
    );
  const parsePage = (x: unknown): T[] => {
    if (!Array.isArray(x)) throw new ShapeError('expected a JSON list (one page of items)');
    return x.map(parseItem);
  };
  return async (page) => {
    const left = o.listDeadlineMs - (o.now() - start);
    if (left <= 0) throw overdue(page);
    let answer: Answer;
    try {
      const q = { ...query, per_page: '100', page: String(page) };
      answer = await o.get(path, q, Math.min(o.callDeadlineMs, left));
    } catch (e) {
      if (o.now() - start >= o.listDeadlineMs) throw overdue(page);
      throw e;
    }
    return { answer, items: interpret('GET', answer, parsePage, o.scrub) ?? [] };
  };
}

/** Pages 2..total, a few at a time, in page order; a failing page stops the others taking new ones. */
async function pagesWithTotals<T>(fetch: PageFetch<T>, total: number, concurrency: number): Promise<T[][]> {
  const rest: T[][] = [];
  let next = 2;
  let failed = false;
  const worker = async () => {
    while (next <= total && !failed) {
      const p = next++;
      try {
        rest[p - 2] = (await fetch(p)).items;
      } catch (e) {
        failed = true;
        throw e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(0, Math.min(concurrency, total - 1)) }, worker));
  return rest;
}

/** The x-next-page chain after `first`, one page at a time, refusing loops and endless chains. */
async function pagesByNext<T>(fetch: PageFetch<T>, first: Answer, maxPages: number): Promise<T[]> {
  const where = `GET ${first.endpoint}`;
  const items: T[] = [];
  const seen = new Set<number>([1]);
  let nextPage = pageHeader(first, 'x-next-page');
  while (nextPage !== undefined) {
    if (seen.has(nextPage)) {
      throw new GitLabApiError(
        `${where}: pagination loop (x-next-page points back to page ${nextPage})`,
        first.endpoint,
        undefined,
        'GitLab or a proxy answered inconsistent pages; try again',
      );
    }
    if (seen.size >= maxPages)
      throw tooMany(where, first.endpoint, `more than the limit of ${maxPages} pages`, maxPages);
    seen.add(nextPage);
    const page = await fetch(nextPage);
    items.push(...page.items);
    nextPage = pageHeader(page.answer, 'x-next-page');
  }
  return items;
}

/**
 * Every page of a listing, within one deadline for the whole listing. With totals (x-total-pages),
 * pages 2..N are fetched together; without them (GitLab.com omits them on large collections),
 * x-next-page is followed.
 */
export async function getAll<T>(
  o: PageOptions,
  path: string,
  parseItem: (x: unknown) => T,
  query: Record<string, string>,
): Promise<T[]> {
  const fetch = pageFetcher(o, path, parseItem, query);
  const first = await fetch(1);
  const total = pageHeader(first.answer, 'x-total-pages');
  if (total === undefined) return first.items.concat(await pagesByNext(fetch, first.answer, o.maxPages));
  if (total > o.maxPages) {
    const a = first.answer;
    const what = `GitLab reports ${total} pages, over the limit of ${o.maxPages} pages`;
    throw tooMany(`GET ${a.endpoint}`, a.endpoint, what, o.maxPages);
  }
  return first.items.concat(...(await pagesWithTotals(fetch, total, o.concurrency)));
}
