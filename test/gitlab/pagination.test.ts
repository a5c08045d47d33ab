/**
 * Offset pagination (doc/api/rest/index.md#pagination) with msw answering in GitLab's shapes and
 * headers: totals → concurrent pages in page order; no totals → the x-next-page chain; and every
 * way a broken server could make the client loop or read without end is an error instead.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGitLabClient, type GitLabClientOptions } from '../../src/gitlab/client.js';
import { asDeployToken } from '../../src/gitlab/types.js';
import {
  API,
  GITLAB,
  deployTokens,
  paginate,
  pageResponse,
  type PageOptions,
} from '../helpers/gitlab-fixtures.js';

const PATH = '/projects/tanuki%2Fawesome_project/deploy_tokens';

const asked: URL[] = [];
let inFlight = 0;
let maxInFlight = 0;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  asked.length = 0;
  maxInFlight = 0;
});
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const pagesAsked = () => asked.map((u) => Number(u.searchParams.get('page')));

/** GitLab with `items`; `delay(page)` ms before each answer; `opts(page)` scripts headers per page. */
function serve(
  items: readonly unknown[],
  opts: (page: number) => PageOptions = () => ({}),
  delay = (_p: number) => 5,
) {
  server.use(
    http.get(`${API}${PATH}`, async ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const page = Number(url.searchParams.get('page') ?? 1);
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, delay(page)));
      inFlight--;
      return pageResponse(items, request, opts(page));
    }),
  );
}

const client = (over: Partial<GitLabClientOptions> = {}) =>
  createGitLabClient({ baseUrl: GITLAB, token: 'glpat-x', sleep: async () => undefined, ...over });

describe('the helper answers as GitLab does', () => {
  test('headers of a middle page, with and without totals', () => {
    const items = deployTokens(250);
    const url = `${API}${PATH}?active=true&per_page=100&page=2`;
    const { body, headers } = paginate(items, url);
    expect(body.map((t) => t.id)).toEqual(items.slice(100, 200).map((t) => t.id));
    expect(headers).toMatchObject({
      'x-page': '2',
      'x-per-page': '100',
      'x-next-page': '3',
      'x-prev-page': '1',
      'x-total': '250',
      'x-total-pages': '3',
    });
    expect(headers.link).toBe(
      [
        `<${API}${PATH}?active=true&per_page=100&page=1>; rel="prev"`,
        `<${API}${PATH}?active=true&per_page=100&page=3>; rel="next"`,
        `<${API}${PATH}?active=true&per_page=100&page=1>; rel="first"`,
        `<${API}${PATH}?active=true&per_page=100&page=3>; rel="last"`,
      ].join(', '),
    );
    const last = paginate(items, url.replace('page=2', 'page=3'), { totals: false }).headers;
    expect(last['x-next-page']).toBe('');
    expect(last).not.toHaveProperty('x-total');
    expect(last).not.toHaveProperty('x-total-pages');
    expect(last.link).not.toMatch(/rel="(next|last)"/);
  });
});

describe('with total headers: pages 2..N concurrently, items in page order', () => {
  test('3 pages, per_page=100, the caller query kept', async () => {
    const items = deployTokens(250);
    // Page 2 answers last: the order of the result must not depend on the order of the answers.
    serve(items, undefined, (p) => (p === 2 ? 40 : 5));
    const all = await client().getAll(PATH, asDeployToken, { active: 'true' });
    expect(all.map((t) => t.id)).toEqual(items.map((t) => t.id));
    expect(pagesAsked().sort()).toEqual([1, 2, 3]);
    expect(asked.every((u) => u.searchParams.get('per_page') === '100')).toBe(true);
    expect(asked.every((u) => u.searchParams.get('active') === 'true')).toBe(true);
    expect(maxInFlight).toBe(2); // pages 2 and 3 together, after page 1
  });

  test('never more than pageConcurrency pages at once', async () => {
    serve(deployTokens(1000));
    const all = await client({ pageConcurrency: 3 }).getAll(PATH, asDeployToken);
    expect(all).toHaveLength(1000);
    expect(asked).toHaveLength(10);
    expect(maxInFlight).toBe(3);
  });

  test('an empty collection: one request, no items', async () => {
    serve([]);
    await expect(client().getAll(PATH, asDeployToken)).resolves.toEqual([]);
    expect(asked).toHaveLength(1);
  });

  test('an absurd x-total-pages is refused, naming the limit, without fetching the pages', async () => {
    serve(deployTokens(3), () => ({ headers: { 'x-total-pages': '99999' } }));
    await expect(client().getAll(PATH, asDeployToken)).rejects.toMatchObject({
      exitCode: 3,
      message: `GET ${PATH}: GitLab reports 99999 pages, over the limit of 200 pages`,
    });
    expect(asked).toHaveLength(1);
  });

  test('maxPages is the limit', async () => {
    serve(deployTokens(350));
    await expect(client({ maxPages: 3 }).getAll(PATH, asDeployToken)).rejects.toThrow(
      /4 pages, over the limit of 3/,
    );
  });

  test('a failing page fails the call, and no new page is started after it', async () => {
    server.use(
      http.get(`${API}${PATH}`, async ({ request }) => {
        const url = new URL(request.url);
        asked.push(url);
        const page = url.searchParams.get('page');
        if (page === '2') return HttpResponse.json({ message: '403 Forbidden' }, { status: 403 });
        if (page === '3') await new Promise((r) => setTimeout(r, 30)); // still in flight when page 2 fails
        return pageResponse(deployTokens(2000), request);
      }),
    );
    await expect(client({ pageConcurrency: 2 }).getAll(PATH, asDeployToken)).rejects.toMatchObject({
      status: 403,
    });
    await new Promise((r) => setTimeout(r, 100)); // page 3 has answered by now
    expect(pagesAsked()).toEqual([1, 2, 3]);
  });

  test('a bad item on a later page is an error naming the endpoint', async () => {
    serve(deployTokens(150, (id) => (id === 120 ? { revoked: 'no' } : {})));
    await expect(client().getAll(PATH, asDeployToken)).rejects.toMatchObject({
      exitCode: 3,
      message: `GET ${PATH}: unexpected answer from GitLab: deploy token \`revoked\` must be a boolean`,
    });
  });
});

describe('without total headers (GitLab.com may omit them): x-next-page, one page at a time', () => {
  test('3 pages followed to the empty x-next-page', async () => {
    const items = deployTokens(250);
    serve(items, () => ({ totals: false }));
    const all = await client().getAll(PATH, asDeployToken);
    expect(all.map((t) => t.id)).toEqual(items.map((t) => t.id));
    expect(pagesAsked()).toEqual([1, 2, 3]);
    expect(maxInFlight).toBe(1);
  });

  test('a page loop (x-next-page back to a page already read) is an error, after two requests', async () => {
    serve(deployTokens(250), (p): PageOptions => ({
      totals: false,
      headers: p === 2 ? { 'x-next-page': '1' } : {},
    }));
    await expect(client().getAll(PATH, asDeployToken)).rejects.toMatchObject({
      exitCode: 3,
      message: `GET ${PATH}: pagination loop (x-next-page points back to page 1)`,
    });
    expect(pagesAsked()).toEqual([1, 2]);
  });

  test('a chain longer than maxPages stops at the limit', async () => {
    // Each page says there is one more, 50 times (the test itself stays bounded if the limit breaks).
    server.use(
      http.get(`${API}${PATH}`, ({ request }) => {
        const url = new URL(request.url);
        asked.push(url);
        const page = Number(url.searchParams.get('page'));
        return pageResponse(deployTokens(100), request, {
          totals: false,
          headers: { 'x-next-page': page < 50 ? String(page + 1) : '' },
        });
      }),
    );
    await expect(client({ maxPages: 5 }).getAll(PATH, asDeployToken)).rejects.toThrow(
      `GET ${PATH}: more than the limit of 5 pages`,
    );
    expect(asked).toHaveLength(5);
  });

  test('an x-next-page that is not a page number is an error, not a silently short list', async () => {
    serve(deployTokens(250), () => ({ totals: false, headers: { 'x-next-page': 'two' } }));
    await expect(client().getAll(PATH, asDeployToken)).rejects.toThrow(
      /x-next-page header is not a page number/,
    );
  });
});

test('a listing has one deadline for all its pages, not one per page', async () => {
  // 20 pages of 30 ms each, one at a time: 600 ms in all; the listing may take 100 ms.
  serve(
    deployTokens(2000),
    () => ({ totals: false }),
    () => 30,
  );
  const t0 = Date.now();
  await expect(client({ listDeadlineMs: 100 }).getAll(PATH, asDeployToken)).rejects.toMatchObject({
    exitCode: 3,
    message: expect.stringMatching(
      new RegExp(`^GET ${PATH}: the listing took longer than its deadline of 0\\.1 s \\(page \\d+\\)$`),
    ),
  });
  expect(asked.length).toBeLessThan(20);
  expect(Date.now() - t0).toBeLessThan(1000);
});

test("each page's call gets only what is left of the listing's deadline", async () => {
  // The second page answers too late: the listing ends at its deadline, not after a call's 60 s.
  serve(
    deployTokens(300),
    () => ({ totals: false }),
    (page) => (page === 1 ? 5 : 800),
  );
  const t0 = Date.now();
  await expect(
    client({ listDeadlineMs: 200, attemptTimeoutMs: 10_000, maxAttempts: 1 }).getAll(PATH, asDeployToken),
  ).rejects.toMatchObject({ exitCode: 3, message: expect.stringContaining('the listing took longer') });
  expect(Date.now() - t0).toBeLessThan(700);
});

test('a page that is not a JSON list is an error naming the endpoint', async () => {
  server.use(http.get(`${API}${PATH}`, () => HttpResponse.json({ message: 'oops' })));
  await expect(client().getAll(PATH, asDeployToken)).rejects.toMatchObject({
    exitCode: 3,
    message: `GET ${PATH}: unexpected answer from GitLab: expected a JSON list (one page of items)`,
  });
});
