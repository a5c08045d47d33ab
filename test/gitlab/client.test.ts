/**
 * The GitLab REST client against msw answering from fixtures/gitlab: errors with guidance, retries
 * (full jitter, Retry-After), per-attempt timeouts and the deadline, answers that are not GitLab's
 * JSON, and a canary API token that must never show up in an error or a request event.
 */
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGitLabClient, type GitLabClientOptions } from '../../src/gitlab/client.js';
import { asDeployToken, asList, asVersionInfo } from '../../src/gitlab/types.js';
import { API, GITLAB, errorResponse, fixture, fixtureText, gitlabError } from '../helpers/gitlab-fixtures.js';

const EXIT_FOR: Record<number, number> = { 401: 2, 403: 1, 404: 2 };

const CANARY = 'glpat-CANARY-9f8e7d6c5b4a3210';
const TOKENS = '/projects/tanuki%2Fawesome_project/deploy_tokens';
const T0 = Date.UTC(2026, 10, 25, 10, 0, 0); // a whole second: HTTP dates have no milliseconds

type RequestEvent = Parameters<NonNullable<GitLabClientOptions['onRequest']>>[0];

const server = setupServer();
const pending: (() => void)[] = [];
let events: RequestEvent[] = [];
let errors: unknown[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
beforeEach(() => {
  events = [];
  errors = [];
});
afterEach(() => {
  server.resetHandlers();
  for (const release of pending.splice(0)) release();
  // The canary token never reaches an error (message, hint, fields, stack) or a request event.
  for (const e of errors) {
    const err = e as Error & Record<string, unknown>;
    expect(`${err.message}\n${String(err.hint)}\n${String(err.stack)}\n${JSON.stringify(err)}`).not.toContain(
      CANARY,
    );
  }
  expect(JSON.stringify(events)).not.toContain(CANARY);
});
afterAll(() => server.close());

/** A client with a fake clock that only the fake sleep advances; sleeps are recorded, never waited. */
function harness(over: Partial<GitLabClientOptions> = {}) {
  const clock = { t: T0 };
  const sleeps: number[] = [];
  const client = createGitLabClient({
    baseUrl: GITLAB,
    token: CANARY,
    now: () => clock.t,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.t += ms;
    },
    random: () => 0.5,
    onRequest: (e) => events.push(e),
    ...over,
  });
  return { client, sleeps, clock };
}

/** The error a promise rejects with (kept for the canary check). */
async function failure(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    errors.push(e);
    return e as Error & Record<string, unknown>;
  }
  throw new Error('expected a failure');
}

/** Answers in order, the last one repeated; counts the requests. */
function script(
  path: string,
  answers: (() => Response)[],
  method: 'get' | 'post' | 'put' | 'delete' = 'get',
) {
  const hits = { n: 0 };
  server.use(
    http[method](`${API}${path}`, () => {
      const a = answers[Math.min(hits.n, answers.length - 1)]!;
      hits.n++;
      return a();
    }),
  );
  return hits;
}

const tokenList = () => HttpResponse.json([fixture('deploy_token')]);
const listOfTokens = asList(asDeployToken);

describe('the API URL', () => {
  test.each([
    ['https://gitlab.example.com', 'https://gitlab.example.com/api/v4'],
    ['https://gitlab.example.com///', 'https://gitlab.example.com/api/v4'],
    ['https://host.example/gitlab/', 'https://host.example/gitlab/api/v4'],
    ['https://gitlab.example.com/api/v4/', 'https://gitlab.example.com/api/v4'],
    ['HTTPS://GitLab.Example.com:443/', 'https://gitlab.example.com/api/v4'],
  ])('%s → %s', (baseUrl, api) => {
    expect(createGitLabClient({ baseUrl }).apiUrl).toBe(api);
  });

  test.each([['not a url'], ['ftp://gitlab.example.com'], ['https://root:hunter2@gitlab.example.com']])(
    '%s is a usage error that does not echo the URL',
    (baseUrl) => {
      let err: unknown;
      try {
        createGitLabClient({ baseUrl });
      } catch (e) {
        err = e;
      }
      expect(err).toMatchObject({ exitCode: 2 });
      expect(String((err as Error).message)).not.toContain('hunter2');
    },
  );

  test('a relative root keeps its path in every request', async () => {
    server.use(
      http.get('https://host.example/gitlab/api/v4/version', () => HttpResponse.json(fixture('version'))),
    );
    const c = createGitLabClient({ baseUrl: 'https://host.example/gitlab', token: CANARY });
    await expect(c.get('/version', asVersionInfo)).resolves.toMatchObject({ version: '17.5.1-ee' });
  });
});

describe('requests', () => {
  test('PRIVATE-TOKEN, accept and user-agent are sent; the query is kept; the event names the path only', async () => {
    let seen: Request | undefined;
    server.use(
      http.get(`${API}${TOKENS}`, ({ request }) => {
        seen = request;
        return tokenList();
      }),
    );
    const { client } = harness();
    const list = await client.get(TOKENS, listOfTokens, { active: 'true' });
    expect(list[0]).toMatchObject({ id: 1, name: 'MyToken' });
    expect(seen!.headers.get('private-token')).toBe(CANARY);
    expect(seen!.headers.get('accept')).toBe('application/json');
    expect(seen!.headers.get('user-agent')).toBe('deploy-token');
    expect(new URL(seen!.url).searchParams.get('active')).toBe('true');
    expect(events).toEqual([{ method: 'GET', endpoint: TOKENS, status: 200, attempt: 0, ms: 0 }]);
    expect(client.requestCount).toBe(1);
  });

  test('without a token, no PRIVATE-TOKEN header at all', async () => {
    let token: string | null = 'unset';
    server.use(
      http.get(`${API}/version`, ({ request }) => {
        token = request.headers.get('private-token');
        return HttpResponse.json(fixture('version'));
      }),
    );
    await createGitLabClient({ baseUrl: GITLAB }).get('/version', asVersionInfo);
    expect(token).toBeNull();
  });

  test('POST sends the body as JSON and returns 201 with the parsed answer (the one chance to see the token)', async () => {
    let body: unknown;
    let type: string | null = null;
    server.use(
      http.post(`${API}${TOKENS}`, async ({ request }) => {
        body = await request.json();
        type = request.headers.get('content-type');
        return HttpResponse.json(fixture('deploy_token_created'), { status: 201 });
      }),
    );
    const { client } = harness();
    const r = await client.request('POST', TOKENS, asDeployToken, {
      body: { name: 'gitlab-deploy-token', scopes: ['read_repository'] },
    });
    expect(r.status).toBe(201);
    expect(typeof r.data?.token).toBe('string');
    expect(body).toEqual({ name: 'gitlab-deploy-token', scopes: ['read_repository'] });
    expect(type).toBe('application/json');
  });

  test('DELETE answered 204: status and no data', async () => {
    script(`${TOKENS}/1`, [() => new HttpResponse(null, { status: 204 })], 'delete');
    const { client } = harness();
    await expect(client.request('delete', `${TOKENS}/1`, asDeployToken)).resolves.toEqual({
      status: 204,
      data: undefined,
    });
  });

  test('a 204 where a GET needs data is an error, not undefined', async () => {
    script('/version', [() => new HttpResponse(null, { status: 204 })]);
    const err = await failure(harness().client.get('/version', asVersionInfo));
    expect(err).toMatchObject({ exitCode: 3, message: expect.stringContaining('GET /version') });
  });
});

describe('GitLab error answers: the endpoint, the status, what to do; no retry', () => {
  test.each<[number, string, RegExp]>([
    [401, '401', /the API token was refused: it needs the `read_api` scope \(or `api` to create tokens\)/],
    [403, '403', /at least the Maintainer role on the project \(Owner for group variables/],
    [
      404,
      '404_project',
      /not found: check the project or group path or id, and that the token's user can see it/,
    ],
  ])('%i', async (status, key, hint) => {
    const hits = script(TOKENS, [() => errorResponse(key)]);
    const { client, sleeps } = harness();
    const err = await failure(client.get(TOKENS, listOfTokens));
    // 401 and 404: the request is wrong (2); 403: GitLab refuses (1) — docs/cli.md, "Exit codes".
    expect(err).toMatchObject({
      name: 'GitLabHttpError',
      exitCode: EXIT_FOR[status],
      status,
      endpoint: TOKENS,
    });
    expect(err.message).toBe(`GET ${TOKENS}: HTTP ${status} (${gitlabMsg(key)})`);
    expect(err.hint).toMatch(hint);
    expect(err.gitlabMessage).toBe(gitlabMsg(key));
    expect(hits.n).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test('403 insufficient_scope points at the API token scope', async () => {
    script(TOKENS, [() => HttpResponse.json({ error: 'insufficient_scope' }, { status: 403 })], 'post');
    const err = await failure(harness().client.request('POST', TOKENS, asDeployToken, { body: {} }));
    expect(err.hint).toMatch(/`api`/);
  });

  test('409 on a variable: status and GitLab message readable by the resolver', async () => {
    const path = '/projects/3/variables/CI_DEPLOY_USER';
    script(path, [() => errorResponse('409_variable')]);
    const err = await failure(harness().client.get(path, asVersionInfo));
    expect(err).toMatchObject({ status: 409, gitlabMessage: gitlabMsg('409_variable') });
    expect(err.hint).toMatch(/environment scopes/);
  });

  test.each([400, 401, 403, 404, 409, 422])('%i is never retried', async (status) => {
    const hits = script(TOKENS, [() => HttpResponse.json({ message: `${status}` }, { status })]);
    const { client, sleeps } = harness();
    await failure(client.get(TOKENS, listOfTokens));
    expect(hits.n).toBe(1);
    expect(client.requestCount).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test('a 400 with field errors shows them as one short line; nothing else of the body', async () => {
    script(
      '/projects/3/variables',
      [
        () =>
          HttpResponse.json({ message: { value: ['is invalid'] }, internal: 'DO-NOT-SHOW' }, { status: 400 }),
      ],
      'post',
    );
    const err = await failure(
      harness().client.request('POST', '/projects/3/variables', asVersionInfo, { body: {} }),
    );
    expect(err.message).toBe('POST /projects/3/variables: HTTP 400 ({"value":["is invalid"]})');
    expect(err.message).not.toContain('DO-NOT-SHOW');
  });

  test("GitLab's message is cut to 200 characters and never repeats the token", async () => {
    script(TOKENS, [
      () => HttpResponse.json({ message: `token ${CANARY} ${'x'.repeat(1000)}` }, { status: 404 }),
    ]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(String(err.gitlabMessage)).toHaveLength(200);
    expect(err.message.length).toBeLessThan(300);
    expect(err.message).toContain('[MASKED]');
  });

  test('a token cut at the 200th character still leaves no piece of it', async () => {
    script(TOKENS, [() => HttpResponse.json({ message: `${'x'.repeat(190)}${CANARY}` }, { status: 404 })]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(String(err.gitlabMessage)).not.toContain(CANARY.slice(0, 10));
  });

  test.each<[string, (s: string) => string]>([
    ['base64', (s) => Buffer.from(s).toString('base64')],
    ['base64 of user:secret', (s) => Buffer.from(`user:${s}`).toString('base64')],
    ['URL-encoded', (s) => encodeURIComponent(s)],
    ['JSON-escaped', (s) => JSON.stringify(s).slice(1, -1)],
  ])(
    'a derived form (%s) of the token or of a value the request sent, at the cut: masked first, then cut',
    async (_n, form) => {
      const value = 'v@lue/with+odd"chars and words';
      for (const secret of [CANARY, value]) {
        const f = form(secret);
        script(
          TOKENS,
          [() => HttpResponse.json({ message: `${'x'.repeat(185)}${f}` }, { status: 400 })],
          'put',
        );
        const err = await failure(
          harness().client.request('PUT', TOKENS, listOfTokens, { body: { value }, secrets: [value] }),
        );
        // Cut first, the first 15 characters of the form would have stayed.
        expect(String(err.gitlabMessage)).not.toContain(f.slice(0, 12));
        expect(String(err.gitlabMessage)).toMatch(/^x{185}.{0,8}\[MASKE/);
      }
    },
  );

  test('the error names the path, never the host or the query string', async () => {
    script('/projects/3/variables/CI_DEPLOY_PASSWORD', [() => errorResponse('404_variable')]);
    const err = await failure(
      harness().client.get('/projects/3/variables/CI_DEPLOY_PASSWORD', asVersionInfo, {
        'filter[environment_scope]': 'production',
      }),
    );
    expect(err.endpoint).toBe('/projects/3/variables/CI_DEPLOY_PASSWORD');
    expect(err.message).not.toMatch(/gitlab\.example\.com|filter|production/);
  });
});

describe('transient failures: retried with full jitter, never more than maxAttempts', () => {
  test('500, 502, 503 then success: delays random × min(8 s, 500 ms × 2^n)', async () => {
    const hits = script(TOKENS, [
      () => errorResponse('500'),
      () =>
        new HttpResponse('<html>Bad gateway</html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      () => errorResponse('500', 503),
      tokenList,
    ]);
    const { client, sleeps } = harness();
    await expect(client.get(TOKENS, listOfTokens)).resolves.toHaveLength(1);
    expect(hits.n).toBe(4);
    expect(sleeps).toEqual([250, 500, 1000]);
    expect(events.map((e) => [e.attempt, e.status])).toEqual([
      [0, 500],
      [1, 502],
      [2, 503],
      [3, 200],
    ]);
  });

  test('the delay stays within [0, cap] for any random value (8 s cap)', async () => {
    script(TOKENS, [() => errorResponse('500')]);
    const rs = [0, 0.999999, 0.5];
    let i = 0;
    const { client, sleeps } = harness({
      baseDelayMs: 5000,
      random: () => rs[i++ % rs.length]!,
      deadlineMs: 600_000,
    });
    await failure(client.get(TOKENS, listOfTokens));
    expect(sleeps[0]).toBe(0);
    expect(sleeps[1]).toBeGreaterThan(7999);
    expect(sleeps[1]).toBeLessThanOrEqual(8000); // 5000 × 2 = 10 000, capped
    expect(sleeps[2]).toBe(4000); // 0.5 × cap
  });

  test('persistent 503: exactly 4 attempts, then an error with the count and the last cause', async () => {
    const hits = script(TOKENS, [() => errorResponse('500', 503)]);
    const { client, sleeps } = harness();
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(hits.n).toBe(4);
    expect(client.requestCount).toBe(4);
    expect(sleeps).toHaveLength(3);
    expect(err).toMatchObject({ exitCode: 3, status: 503, endpoint: TOKENS });
    expect(err.message).toBe(
      `GET ${TOKENS}: GitLab could not be asked after 4 attempts: HTTP 503 (500 Internal Server Error)`,
    );
    expect(err.hint).toMatch(/try again later/);
  });

  test('maxAttempts is honoured', async () => {
    const hits = script(TOKENS, [() => errorResponse('500', 504)]);
    await failure(harness({ maxAttempts: 2 }).client.get(TOKENS, listOfTokens));
    expect(hits.n).toBe(2);
  });

  test.each([408, 429, 500, 501, 502, 503, 504, 599])('%i is retried', async (status) => {
    const hits = script(TOKENS, [() => HttpResponse.json({ message: 'x' }, { status }), tokenList]);
    await expect(harness().client.get(TOKENS, listOfTokens)).resolves.toHaveLength(1);
    expect(hits.n).toBe(2);
  });

  test('a 5xx HTML page from a load balancer is never quoted', async () => {
    script(TOKENS, [() => new HttpResponse('<html>SECRET-PAGE</html>', { status: 502 })]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(err.message).not.toContain('SECRET-PAGE');
  });
});

describe('429 and Retry-After', () => {
  test('Retry-After in seconds is waited exactly', async () => {
    script(TOKENS, [() => errorResponse('429', 429, { 'retry-after': '7' }), tokenList]);
    const { client, sleeps } = harness({ random: () => 0 });
    await client.get(TOKENS, listOfTokens);
    expect(sleeps).toEqual([7000]);
  });

  test('Retry-After as an HTTP date is waited until that time, not less', async () => {
    const at = new Date(T0 + 12_000).toUTCString();
    script(TOKENS, [() => errorResponse('429', 429, { 'retry-after': at }), tokenList]);
    const { client, sleeps } = harness();
    await client.get(TOKENS, listOfTokens);
    expect(sleeps).toEqual([12_000]);
  });

  test('429 without Retry-After backs off with full jitter within the first bound', async () => {
    script(TOKENS, [() => errorResponse('429'), tokenList]);
    const { client, sleeps } = harness({ random: () => 0.9 });
    await client.get(TOKENS, listOfTokens);
    expect(sleeps).toEqual([450]);
  });

  test('Retry-After beyond the deadline fails at once, saying so', async () => {
    const hits = script(TOKENS, [() => errorResponse('429', 429, { 'retry-after': '120' })]);
    const { client, sleeps } = harness();
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(hits.n).toBe(1);
    expect(sleeps).toEqual([]);
    expect(err).toMatchObject({ status: 429 });
    expect(err.message).toMatch(
      /after 1 attempt: HTTP 429 \(Retry later\); GitLab asked to retry after 120 s, past the deadline of 60 s/,
    );
  });
});

describe('network failures', () => {
  /** Node's fetch rejects with `TypeError: fetch failed` and the socket error as its cause. */
  const failing = (code: string, times: number) => {
    let n = 0;
    const f: typeof fetch = (input, init) => {
      if (n++ < times) {
        const cause = Object.assign(new Error(`connect ${code} 10.0.0.1:443`), { code });
        return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause }));
      }
      return globalThis.fetch(input, init);
    };
    return f;
  };

  test.each(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'UND_ERR_SOCKET'])(
    '%s is retried',
    async (code) => {
      script(TOKENS, [tokenList]);
      const { client, sleeps } = harness({ fetch: failing(code, 2) });
      await expect(client.get(TOKENS, listOfTokens)).resolves.toHaveLength(1);
      expect(client.requestCount).toBe(3);
      expect(sleeps).toHaveLength(2);
    },
  );

  test('persistent resets: the attempt count and the last cause', async () => {
    const { client } = harness({ fetch: failing('ECONNRESET', 99) });
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(err.message).toBe(
      `GET ${TOKENS}: GitLab could not be asked after 4 attempts: connection failed (ECONNRESET)`,
    );
    expect(err.status).toBeUndefined();
  });

  test('an unknown host is not retried and says which setting to check', async () => {
    const { client } = harness({ fetch: failing('ENOTFOUND', 99) });
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(client.requestCount).toBe(1);
    expect(err.message).toMatch(/could not reach GitLab \(ENOTFOUND/);
    expect(err.message).not.toContain('10.0.0.1'); // socket messages name addresses; errors name paths only
    expect(err.hint).toMatch(/host name/);
  });

  test('an untrusted certificate points at NODE_EXTRA_CA_CERTS, never at disabling verification', async () => {
    const { client } = harness({ fetch: failing('SELF_SIGNED_CERT_IN_CHAIN', 99) });
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(client.requestCount).toBe(1);
    expect(err.hint).toMatch(/NODE_EXTRA_CA_CERTS/);
    expect(err.hint).not.toMatch(/NODE_TLS_REJECT_UNAUTHORIZED/);
  });
});

describe('POST is never retried; PUT and DELETE are', () => {
  test('POST answered 503: one attempt, and the error says it may have taken effect', async () => {
    const hits = script(TOKENS, [() => errorResponse('500', 503)], 'post');
    const { client, sleeps } = harness();
    const err = await failure(client.request('POST', TOKENS, asDeployToken, { body: { name: 'x' } }));
    expect(hits.n).toBe(1);
    expect(sleeps).toEqual([]);
    expect(err.message).toMatch(
      /after 1 attempt: HTTP 503 .*POST is never retried: it may have taken effect/,
    );
  });

  test('POST after a connection reset: one attempt', async () => {
    const f: typeof fetch = () =>
      Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } }));
    const { client } = harness({ fetch: f });
    await failure(client.request('POST', TOKENS, asDeployToken, { body: {} }));
    expect(client.requestCount).toBe(1);
  });

  test('PUT answered 502 then 200 is retried', async () => {
    const path = '/projects/3/variables/CI_DEPLOY_USER';
    const hits = script(
      path,
      [() => errorResponse('500', 502), () => HttpResponse.json(fixture('variable'))],
      'put',
    );
    const r = await harness().client.request('PUT', path, (x) => x, { body: { value: 'v' } });
    expect(r.status).toBe(200);
    expect(hits.n).toBe(2);
  });
});

describe('timeouts and the deadline', () => {
  const hang = (path: string) => {
    const hits = { n: 0 };
    server.use(
      http.get(`${API}${path}`, () => {
        hits.n++;
        return new Promise<Response>((resolve) => pending.push(() => resolve(HttpResponse.error())));
      }),
    );
    return hits;
  };

  test('an attempt with no answer is aborted after attemptTimeoutMs and retried', async () => {
    const hits = hang(TOKENS);
    const t = Date.now();
    const { client } = harness({ attemptTimeoutMs: 50, maxAttempts: 3 });
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(hits.n).toBe(3);
    expect(err.message).toBe(
      `GET ${TOKENS}: GitLab could not be asked after 3 attempts: no answer within 50 ms`,
    );
    expect(Date.now() - t).toBeLessThan(3000);
    expect(events.every((e) => e.status === undefined)).toBe(true);
  });

  test('the timeout covers the body: a slow drip is aborted', async () => {
    const timers: NodeJS.Timeout[] = [];
    server.use(
      http.get(`${API}${TOKENS}`, () => {
        const text = JSON.stringify([fixture('deploy_token')]);
        let i = 0;
        const stream = new ReadableStream<Uint8Array>({
          start(c) {
            const timer = setInterval(() => {
              if (i >= text.length) {
                clearInterval(timer);
                c.close();
                return;
              }
              c.enqueue(new TextEncoder().encode(text[i++]));
            }, 15);
            timers.push(timer);
          },
        });
        return new HttpResponse(stream, { headers: { 'content-type': 'application/json' } });
      }),
    );
    pending.push(() => timers.forEach(clearInterval));
    const t = Date.now();
    const { client } = harness({ attemptTimeoutMs: 100, maxAttempts: 2 });
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(err.message).toMatch(/after 2 attempts: answer not complete within 100 ms/);
    expect(Date.now() - t).toBeLessThan(2000); // the whole drip would take over 2 s per attempt
  });

  test('an attempt never outlives the deadline: its timeout is cut to the time left', async () => {
    hang(TOKENS);
    const t = Date.now();
    const err = await failure(
      harness({ attemptTimeoutMs: 10_000, deadlineMs: 80, maxAttempts: 1 }).client.get(TOKENS, listOfTokens),
    );
    expect(err.message).toMatch(/no answer within 80 ms/);
    expect(Date.now() - t).toBeLessThan(3000);
  });

  test('no sleep that would pass the deadline', async () => {
    const hits = script(TOKENS, [() => errorResponse('500', 503)]);
    const { client, sleeps } = harness({ deadlineMs: 1000, random: () => 0.999 });
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(sleeps).toEqual([499.5]); // the next one, 999 ms, would end past 1 s
    expect(hits.n).toBe(2);
    expect(err.message).toMatch(/after 2 attempts: HTTP 503 .*another try would pass the deadline of 1 s/);
  });

  test('no attempt once the deadline has passed (a sleep that overran)', async () => {
    const hits = script(TOKENS, [() => errorResponse('500', 503)]);
    const clock = { t: T0 };
    const client = createGitLabClient({
      baseUrl: GITLAB,
      token: CANARY,
      now: () => clock.t,
      sleep: async (ms) => void (clock.t += ms + 60_000),
      random: () => 0.5,
    });
    const err = await failure(client.get(TOKENS, listOfTokens));
    expect(hits.n).toBe(1);
    expect(err.message).toMatch(/after 1 attempt: HTTP 503 .*the deadline of 60 s passed/);
  });
});

describe("answers that are not GitLab's documented JSON: exit 3, no retry, no crash", () => {
  test('the sign-in page (HTML, 200)', async () => {
    const hits = script(TOKENS, [
      () =>
        new HttpResponse(fixtureText('sign_in.html'), {
          headers: { 'content-type': 'text/html; charset=utf-8' },
        }),
    ]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(err).toMatchObject({ exitCode: 3, endpoint: TOKENS, status: undefined });
    expect(err.message).toBe(
      `GET ${TOKENS}: GitLab answered HTML, not JSON (HTTP 200: a sign-in page? check --gitlab-url and that the API token is valid)`,
    );
    expect(err.message).not.toContain('Sign in');
    expect(hits.n).toBe(1);
  });

  test('HTML without a content type is still HTML', async () => {
    script(TOKENS, [() => new HttpResponse(fixtureText('sign_in.html'))]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(err.message).toMatch(/answered HTML, not JSON/);
  });

  test('an HTML 404 (a proxy, not GitLab) carries no status, so it is never read as "not set"', async () => {
    script(TOKENS, [
      () =>
        new HttpResponse('<!DOCTYPE html><h1>404</h1>', {
          status: 404,
          headers: { 'content-type': 'text/html' },
        }),
    ]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(err.status).toBeUndefined();
    expect(err.message).toMatch(/answered HTML, not JSON \(HTTP 404/);
  });

  test('a wrong content type', async () => {
    script(TOKENS, [
      () => new HttpResponse(fixtureText('deploy_token.json'), { headers: { 'content-type': 'text/plain' } }),
    ]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(err.message).toBe(`GET ${TOKENS}: GitLab answered text/plain, not JSON (HTTP 200)`);
  });

  test('truncated JSON', async () => {
    const text = fixtureText('deploy_token.json');
    script(TOKENS, [
      () =>
        new HttpResponse(text.slice(0, text.length / 2), { headers: { 'content-type': 'application/json' } }),
    ]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(err.message).toBe(
      `GET ${TOKENS}: GitLab's answer is not valid JSON (truncated or not an API answer)`,
    );
  });

  test('an empty body', async () => {
    script('/version', [() => new HttpResponse('', { headers: { 'content-type': 'application/json' } })]);
    const err = await failure(harness().client.get('/version', asVersionInfo));
    expect(err.message).toMatch(/empty body, not JSON/);
  });

  test('JSON of the wrong shape (ShapeError from the parser)', async () => {
    script(TOKENS, [() => HttpResponse.json([{ ...fixture('deploy_token'), id: 'one' }])]);
    const err = await failure(harness().client.get(TOKENS, listOfTokens));
    expect(err).toMatchObject({ name: 'GitLabApiError', exitCode: 3 });
    expect(err.message).toBe(
      `GET ${TOKENS}: unexpected answer from GitLab: deploy token \`id\` must be a number`,
    );
  });
});

function gitlabMsg(key: string): string {
  return gitlabError(key).message;
}
