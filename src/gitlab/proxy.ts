/**
 * Proxies for self-managed GitLab. Node 20's global fetch ignores HTTPS_PROXY / NO_PROXY, so when a
 * proxy variable is set we route each request (redirect hops included) through undici's fetch with a
 * ProxyAgent, or straight through the global fetch when NO_PROXY excludes that host.
 *
 * Private CAs need no code: Node reads NODE_EXTRA_CA_CERTS at start-up and undici uses the same TLS
 * defaults. Nothing here may weaken them (no `rejectUnauthorized: false`, no custom `connect.ca`).
 */
import type { ProxyAgent, fetch as undiciFetchFn } from 'undici';
import type { Env } from '../core/env.js';
import { UsageError } from '../core/errors.js';

type FetchLike = typeof fetch;
interface UndiciApi {
  ProxyAgent: typeof ProxyAgent;
  fetch: typeof undiciFetchFn;
}

/** `[::1]:8080`, `host:443`, `host`; a bare IPv6 address has several colons and no port. */
function splitHostPort(entry: string): [string, string | undefined] {
  const bracketed = /^\[([^\]]*)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return [bracketed[1] ?? '', bracketed[2]];
  const parts = entry.split(':');
  if (parts.length === 2 && /^\d+$/.test(parts[1] ?? '')) return [parts[0] ?? '', parts[1]];
  return [entry, undefined];
}

/** curl's NO_PROXY rules: comma list of hosts or domain suffixes, optional :port, `*` for all. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const [h0, p] = splitHostPort(entry);
    const h = h0.replace(/^\*?\./, '.');
    if (p && p !== port) continue;
    if (h.startsWith('.') ? host.endsWith(h) || host === h.slice(1) : host === h || host.endsWith(`.${h}`))
      return true;
  }
  return false;
}

const pick = (env: Env, ...names: string[]) =>
  names.map((n) => env[n]).find((v) => v !== undefined && v.trim() !== '');

/** The proxy the environment names for `url` (lower case first, as curl reads them), or undefined. */
export function proxyFor(url: URL, env: Env): string | undefined {
  const proxy =
    url.protocol === 'https:'
      ? pick(env, 'https_proxy', 'HTTPS_PROXY')
      : pick(env, 'http_proxy', 'HTTP_PROXY');
  if (!proxy) return undefined;
  return bypassesProxy(url, pick(env, 'no_proxy', 'NO_PROXY')) ? undefined : proxy.trim();
}

/** `proxy.corp:3128` means `http://proxy.corp:3128`, as for curl. The value is never echoed: it may hold a password. */
export function proxyUrl(raw: string, variable = 'the proxy variable'): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  let u: URL;
  try {
    u = new URL(withScheme);
  } catch {
    throw new UsageError(
      `${variable} is not a valid URL`,
      'set it to http://host:port (user:password@ allowed)',
    );
  }
  if (!['http:', 'https:', 'socks5:', 'socks:'].includes(u.protocol) || !u.hostname) {
    throw new UsageError(`${variable} must be an http://, https:// or socks5:// URL`);
  }
  return u;
}

/**
 * A fetch that honours HTTPS_PROXY / HTTP_PROXY / NO_PROXY per request URL, or undefined when no
 * proxy variable is set at all (then the caller uses the global fetch as it is).
 */
export function proxyAwareFetch(env: Env): FetchLike | undefined {
  if (!pick(env, 'https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY')) return undefined;
  // Checked now, so a malformed variable is a usage error (exit 2) before any request.
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']) {
    const v = env[name];
    if (v !== undefined && v.trim() !== '') proxyUrl(v.trim(), name);
  }
  // undici is loaded only when a proxy is really used: it is over a megabyte, and start-up runs in
  // every CI job.
  // undici is CommonJS: in the bundle its module namespace may carry the exports only on `default`
  // (esbuild's interop), so both shapes are read.
  const undici = async (): Promise<UndiciApi> => {
    const m = (await import('undici')) as UndiciApi & { default?: UndiciApi };
    return typeof m.ProxyAgent === 'function' ? m : (m.default ?? m);
  };
  const agents = new Map<string, ProxyAgent>();
  const agentFor = async (proxy: string, variable: string) => {
    let agent = agents.get(proxy);
    if (!agent) {
      const { ProxyAgent } = await undici();
      // proxyTunnel false: http:// targets go as absolute-form requests (what curl does; squid's
      // default config refuses CONNECT to ports other than 443), https:// targets always tunnel
      // with CONNECT so TLS stays end to end.
      agent = new ProxyAgent({ uri: proxyUrl(proxy, variable).href, proxyTunnel: false });
      agents.set(proxy, agent);
    }
    return agent;
  };
  const f = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const proxy = proxyFor(url, env);
    // Looked up at call time, so a fetch patched later (msw in tests) is still the one used.
    if (!proxy) return globalThis.fetch(input, init);
    const variable = url.protocol === 'https:' ? 'HTTPS_PROXY' : 'HTTP_PROXY';
    const dispatcher = await agentFor(proxy, variable);
    const { fetch: undiciFetch } = await undici();
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    }) as unknown as Promise<Response>;
  };
  return f as FetchLike;
}
