/**
 * Redirects are followed by hand, at most 5: the API token goes to the API's own origin (scheme,
 * host, port) only. msw answers as GitLab and as the other hosts, and records what each one saw.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGitLabClient } from '../../src/gitlab/client.js';
import { asDeployToken, asList, asVersionInfo } from '../../src/gitlab/types.js';
import { API, GITLAB, fixture } from '../helpers/gitlab-fixtures.js';

const CANARY = 'glpat-CANARY-redirect-5a4b3c2d1e';
const OTHER = 'https://objects.other.example';
const DOWNGRADED = GITLAB.replace('https://', 'http://');
const OTHER_PORT = `${GITLAB}:8443`;

interface Seen {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}
const seen: Seen[] = [];
const record = async (request: Request) => {
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k] = v));
  seen.push({ url: request.url, method: request.method, headers, body: await request.text() });
};
const at = (origin: string) => seen.filter((s) => new URL(s.url).origin === origin);

const redirect = (location: string, status = 302) =>
  new HttpResponse(null, { status, headers: { location } });

const server = setupServer(
  // Every host answers the version from the fixture, so a followed redirect succeeds.
  ...[GITLAB, OTHER, DOWNGRADED, OTHER_PORT].map((origin) =>
    http.all(`${origin}/api/v4/version`, async ({ request }) => {
      await record(request);
      return HttpResponse.json(fixture('version'));
    }),
  ),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => (seen.length = 0));
afterEach(() => {
  server.resetHandlers();
  // No host ever sees the canary except GitLab's own origin, in PRIVATE-TOKEN.
  for (const s of seen) {
    const own = new URL(s.url).origin === GITLAB;
    const { 'private-token': token, ...rest } = s.headers;
    expect(JSON.stringify(rest) + s.url + s.body).not.toContain(CANARY);
    if (!own) expect(token).toBeUndefined();
  }
});
afterAll(() => server.close());

const client = () => createGitLabClient({ baseUrl: GITLAB, token: CANARY, sleep: async () => undefined });

/** GitLab answers `path` with a redirect to `location`, recording the request. */
function gitlabRedirects(path: string, location: string, status = 302, method: 'all' | 'get' = 'all') {
  server.use(
    http[method](`${API}${path}`, async ({ request }) => {
      await record(request);
      return redirect(location, status);
    }),
  );
}

describe('the token stays on the API origin', () => {
  test('same origin: followed with the token', async () => {
    gitlabRedirects('/old/version', '/api/v4/version', 301);
    await expect(client().get('/old/version', asVersionInfo)).resolves.toMatchObject({
      version: '17.5.1-ee',
    });
    expect(seen.map((s) => [s.url, s.headers['private-token']])).toEqual([
      [`${API}/old/version`, CANARY],
      [`${API}/version`, CANARY],
    ]);
  });

  test.each([
    ['another host', OTHER],
    ['https → http on the same host', DOWNGRADED],
    ['another port on the same host', OTHER_PORT],
  ])('%s: followed without the token', async (_name, origin) => {
    gitlabRedirects('/version', `${origin}/api/v4/version`, 307);
    const c = client();
    await expect(c.get('/version', asVersionInfo)).resolves.toMatchObject({ version: '17.5.1-ee' });
    expect(at(origin)).toHaveLength(1);
    expect(at(origin)[0]!.headers['private-token']).toBeUndefined();
    expect(c.requestCount).toBe(2);
  });

  test('back to the API origin after another host: the token again (it is GitLab itself)', async () => {
    server.use(
      http.get(`${OTHER}/bounce`, async ({ request }) => {
        await record(request);
        return redirect(`${API}/version`);
      }),
    );
    gitlabRedirects('/old/version', `${OTHER}/bounce`);
    await client().get('/old/version', asVersionInfo);
    expect(seen.map((s) => Boolean(s.headers['private-token']))).toEqual([true, false, true]);
  });

  test('a 401 after leaving the origin says why the token was missing', async () => {
    server.use(
      http.get(`${OTHER}/api/v4/projects/3`, async ({ request }) => {
        await record(request);
        return HttpResponse.json({ message: '401 Unauthorized' }, { status: 401 });
      }),
    );
    gitlabRedirects('/projects/3', `${OTHER}/api/v4/projects/3`);
    const err = (await client()
      .get('/projects/3', asVersionInfo)
      .catch((e: unknown) => e)) as { status: number; hint: string; message: string };
    expect(err.status).toBe(401);
    expect(err.hint).toMatch(/redirected the request to another host or scheme/);
    expect(err.message).not.toContain('objects.other.example');
  });
});

describe('bounded and safe', () => {
  test('a redirect loop stops after 5 hops', async () => {
    gitlabRedirects('/projects/3/deploy_tokens', '/api/v4/projects/3/deploy_tokens');
    const c = client();
    const err = await c.getAll('/projects/3/deploy_tokens', asDeployToken).catch((e: unknown) => e);
    expect(err).toMatchObject({
      exitCode: 3,
      endpoint: '/projects/3/deploy_tokens',
      message: 'GET /projects/3/deploy_tokens: more than 5 redirects',
    });
    expect(c.requestCount).toBe(6);
  });

  test('5 hops are fine', async () => {
    for (let i = 1; i <= 5; i++)
      gitlabRedirects(`/hop${i}`, i === 5 ? '/api/v4/version' : `/api/v4/hop${i + 1}`);
    await expect(client().get('/hop1', asVersionInfo)).resolves.toMatchObject({ version: '17.5.1-ee' });
  });

  test('a redirect to a non-HTTP scheme is refused', async () => {
    gitlabRedirects('/version', 'file:///etc/passwd');
    await expect(client().get('/version', asVersionInfo)).rejects.toMatchObject({
      exitCode: 3,
      message: 'GET /version: redirected to a file: URL',
    });
  });

  test('a request body never follows to another origin (it may hold a secret)', async () => {
    gitlabRedirects('/projects/3/variables/CI_DEPLOY_PASSWORD', `${OTHER}/api/v4/version`, 307);
    const err = await client()
      .request('PUT', '/projects/3/variables/CI_DEPLOY_PASSWORD', (x) => x, {
        body: { value: 'SECRET-VALUE' },
      })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      exitCode: 3,
      message: expect.stringContaining('the request body is not sent there'),
    });
    expect(at(OTHER)).toEqual([]);
  });

  test('a 307 on the same origin keeps the method and the body', async () => {
    server.use(
      http.put(`${API}/projects/3/variables/CI_DEPLOY_USER`, async ({ request }) => {
        await record(request);
        return HttpResponse.json(fixture('variable'));
      }),
    );
    gitlabRedirects(
      '/projects/tanuki%2Fx/variables/CI_DEPLOY_USER',
      '/api/v4/projects/3/variables/CI_DEPLOY_USER',
      307,
    );
    const r = await client().request('PUT', '/projects/tanuki%2Fx/variables/CI_DEPLOY_USER', (x) => x, {
      body: { value: 'v' },
    });
    expect(r.status).toBe(200);
    expect(seen[1]).toMatchObject({ method: 'PUT', body: '{"value":"v"}' });
  });

  test('303 after a POST becomes a GET without the body', async () => {
    server.use(
      http.get(`${API}/projects/3/deploy_tokens`, async ({ request }) => {
        await record(request);
        return HttpResponse.json([fixture('deploy_token')]);
      }),
    );
    gitlabRedirects('/projects/3/deploy_tokens/new', '/api/v4/projects/3/deploy_tokens', 303);
    const r = await client().request('POST', '/projects/3/deploy_tokens/new', asList(asDeployToken), {
      body: { name: 'gitlab-deploy-token' },
    });
    expect(r.status).toBe(200);
    expect(seen[1]).toMatchObject({ method: 'GET', body: '' });
  });
});
