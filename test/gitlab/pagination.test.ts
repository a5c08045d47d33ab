/** Offset pagination (doc/api/rest/index.md#pagination) with msw answering in GitLab's shapes. */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { readFileSync } from 'node:fs';
import { createGitLabClient } from '../../src/gitlab/client.js';
import { asDeployToken } from '../../src/gitlab/types.js';

const BASE = 'https://gitlab.example.com';
const tokenFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/gitlab/deploy_token.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
const headerFixture = JSON.parse(
  readFileSync(new URL('../../fixtures/gitlab/pagination_headers.json', import.meta.url), 'utf8'),
) as Record<string, string>;

const tokens = Array.from({ length: 250 }, (_, i) => ({
  ...tokenFixture,
  id: i + 1,
  name: `t${i + 1}`,
  username: `gitlab+deploy-token-${i + 1}`,
}));

function pageAnswer(url: URL, opts: { totals: boolean }) {
  const perPage = Number(url.searchParams.get('per_page') ?? 20);
  const page = Number(url.searchParams.get('page') ?? 1);
  const totalPages = Math.ceil(tokens.length / perPage);
  const fill = (v: string) =>
    v
      .replaceAll('{page}', String(page))
      .replaceAll('{per_page}', String(perPage))
      .replaceAll('{next}', page < totalPages ? String(page + 1) : '')
      .replaceAll('{prev}', page > 1 ? String(page - 1) : '')
      .replaceAll('{total}', String(tokens.length))
      .replaceAll('{total_pages}', String(totalPages))
      .replaceAll('{base}', `${BASE}${url.pathname}?per_page=${perPage}`);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(headerFixture)) {
    if (k === 'comment') continue;
    if (!opts.totals && (k === 'x-total' || k === 'x-total-pages')) continue; // as GitLab.com may
    headers[k] = fill(v);
  }
  return HttpResponse.json(tokens.slice((page - 1) * perPage, page * perPage), { headers });
}

const seen: string[] = [];
let inFlight = 0;
let maxInFlight = 0;
const server = setupServer(
  http.get(`${BASE}/api/v4/projects/:id/deploy_tokens`, async ({ request, params }) => {
    const url = new URL(request.url);
    seen.push(url.searchParams.get('page') ?? '');
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 10));
    inFlight--;
    return pageAnswer(url, { totals: params.id === 'with-totals' });
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  seen.length = 0;
  maxInFlight = 0;
});
afterAll(() => server.close());

const client = () => createGitLabClient({ baseUrl: BASE, token: 'glpat-x', sleep: async () => undefined });

test('3 pages with totals: per_page=100, the remaining pages fetched concurrently, in order', async () => {
  const all = await client().getAll('/projects/with-totals/deploy_tokens', asDeployToken);
  expect(all.map((t) => t.id)).toEqual(tokens.map((t) => t.id));
  expect(seen.sort()).toEqual(['1', '2', '3']);
  expect(maxInFlight).toBe(2); // pages 2 and 3 together, after page 1
});

test('3 pages without total headers: x-next-page followed to the empty one', async () => {
  const all = await client().getAll('/projects/no-totals/deploy_tokens', asDeployToken);
  expect(all).toHaveLength(250);
  expect(seen).toEqual(['1', '2', '3']);
  expect(maxInFlight).toBe(1);
});

test('a page that is not a list is an error naming the endpoint', async () => {
  server.use(
    http.get(`${BASE}/api/v4/projects/bad/deploy_tokens`, () => HttpResponse.json({ message: 'oops' })),
  );
  await expect(client().getAll('/projects/bad/deploy_tokens', asDeployToken)).rejects.toMatchObject({
    exitCode: 3,
    message: expect.stringContaining('GET /projects/bad/deploy_tokens: unexpected answer'),
  });
});
