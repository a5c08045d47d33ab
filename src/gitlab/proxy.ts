/**
 * Proxies for self-managed GitLab: Node's global fetch ignores HTTPS_PROXY / NO_PROXY, so when one
 * applies to the GitLab host we use undici's fetch with an explicit proxy agent. Private CAs need no
 * code: Node reads NODE_EXTRA_CA_CERTS at start-up and undici uses the same TLS defaults.
 */
import { fetch as undiciFetch, ProxyAgent } from 'undici';
import type { Env } from '../core/env.js';

/** curl's NO_PROXY rules: comma list of hosts or domain suffixes, optional :port, `*` for all. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[,\s]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry);
    const h = (m?.[1] ?? entry).replace(/^\*?\./, '.').replace(/^\[|\]$/g, '');
    const p = m?.[2];
    if (p && p !== port) continue;
    if (h.startsWith('.') ? host.endsWith(h) || host === h.slice(1) : host === h || host.endsWith(`.${h}`))
      return true;
  }
  return false;
}

export function proxyFor(url: URL, env: Env): string | undefined {
  const pick = (...names: string[]) => names.map((n) => env[n]).find((v) => v !== undefined && v !== '');
  const proxy =
    url.protocol === 'https:' ? pick('https_proxy', 'HTTPS_PROXY') : pick('http_proxy', 'HTTP_PROXY');
  if (!proxy) return undefined;
  return bypassesProxy(url, pick('no_proxy', 'NO_PROXY')) ? undefined : proxy;
}

/** A fetch that goes through the proxy the environment names for `url`, or undefined for none. */
export function proxyFetchFor(url: URL, env: Env): typeof fetch | undefined {
  const proxy = proxyFor(url, env);
  if (!proxy) return undefined;
  const dispatcher = new ProxyAgent(proxy);
  const f = (input: string | URL | Request, init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    }) as unknown as Promise<Response>;
  return f as typeof fetch;
}
