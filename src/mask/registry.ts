/**
 * The secrets to mask and their forms. Streams compile the registry into automata lazily and rebuild
 * when it changes, so a secret added while streams run is masked by all of them from then on.
 */
import { buildAutomaton, type AcPattern, type Automaton } from './automaton.js';
import { derivedKeys, gitlabCouldMask, MIN_SECRET_BYTES, whitespaceForm } from './forms.js';
import { GITLAB_TOKEN_PREFIXES, TOKEN_MIN_TAIL } from './tokens.js';

export interface Warning {
  code: string;
  /** Never contains the secret (nor its length beyond "under 4 bytes"). */
  message: string;
}
/** The name the rest of the code base uses. */
export type MaskWarning = Warning;

/** Longest run of white space between two lines of a multi-line secret that still joins them. */
export const MAX_WS_GAP = 64;
/** Separators in the white-space automaton's input: a run of 1..MAX_WS_GAP, and a longer one. */
export const WS_SEP = 0x0a;
export const WS_BREAK = 0x20;

export interface Compiled {
  readonly version: number;
  /** Literal forms and (when enabled) token prefixes. */
  readonly ac: Automaton;
  /** Multi-line secrets over the white-space-normalised input; undefined when there are none. */
  readonly ws: Automaton | undefined;
  /** Longest white-space pattern in input bytes, gaps at their widest. */
  readonly wsMaxBytes: number;
  /** The most bytes a stream can ever hold back. */
  readonly maxHold: number;
  /** Nothing to mask at all. */
  readonly empty: boolean;
}

export interface AddOptions {
  /** The secret's login name: registers base64 of `username:secret` (docker's `auth`). */
  username?: string;
}

export class SecretRegistry {
  readonly gitlabTokens: boolean;
  /** Literal forms as byte keys (latin1 strings: one char per byte). */
  private readonly literals = new Set<string>();
  /** The forms as Buffers, made when first asked for after a change. */
  private formBuffers: { version: number; forms: Buffer[] } | undefined;
  private readonly ws = new Map<string, Buffer[]>();
  private readonly secrets = new Set<string>();
  private changes = 0;
  private cache: Compiled | undefined;

  /** `gitlabTokens` (default true): mask GitLab token shapes even when not registered. */
  constructor(opts: { gitlabTokens?: boolean } = {}) {
    this.gitlabTokens = opts.gitlabTokens !== false;
  }

  /**
   * Registers a secret and its derived forms. Refuses secrets under 4 bytes and blank ones (masking
   * them would mask ordinary text). Warns, and still masks, when GitLab could not mask the value.
   */
  add(secret: string, opts: AddOptions = {}): Warning[] {
    const bytes = Buffer.byteLength(secret, 'utf8');
    if (bytes < MIN_SECRET_BYTES) {
      return [
        {
          code: 'secret-too-short',
          message: `a secret under ${MIN_SECRET_BYTES} bytes was not registered for masking: it would mask ordinary text`,
        },
      ];
    }
    if (/^[\t\n\v\f\r ]*$/.test(secret)) {
      return [
        {
          code: 'secret-blank',
          message: 'a secret made only of white space was not registered for masking',
        },
      ];
    }
    const warnings: Warning[] = [];
    if (!gitlabCouldMask(secret)) {
      warnings.push({
        code: 'not-maskable-by-gitlab',
        message:
          'a secret is not one GitLab could mask itself (8 or more characters of a-zA-Z0-9_+=/@:.~-, one line): deploy-token masks it in what it prints, but GitLab will not mask it in job logs',
      });
    }
    const key = opts.username === undefined ? secret : `${secret}\u0000${opts.username}`;
    if (this.secrets.has(key)) return warnings;
    this.secrets.add(key);
    let changed = false;
    for (const k of derivedKeys(secret, opts)) {
      if (!this.literals.has(k)) {
        this.literals.add(k);
        changed = true;
      }
    }
    const tokens = whitespaceForm(secret);
    if (tokens !== undefined) {
      const k = tokens.map((t) => t.toString('latin1')).join('\n');
      if (!this.ws.has(k)) {
        this.ws.set(k, tokens);
        changed = true;
      }
    }
    if (changed) this.changes++;
    return warnings;
  }

  /** Every literal form registered (raw values included), each once. */
  forms(): Buffer[] {
    if (this.formBuffers?.version !== this.changes)
      this.formBuffers = {
        version: this.changes,
        forms: this.formKeys().map((k) => Buffer.from(k, 'latin1')),
      };
    return [...this.formBuffers.forms];
  }

  /**
   * The same forms as byte keys (latin1 strings), without a Buffer each: what the automaton and the
   * skip table are built from (1,000 secrets make ~7,000 forms, all alive as long as the registry).
   */
  formKeys(): string[] {
    return [...this.literals];
  }

  /** Multi-line secrets' tokens (see whitespaceForm). */
  whitespaceForms(): Buffer[][] {
    return [...this.ws.values()];
  }

  /** Distinct secrets registered. */
  get size(): number {
    return this.secrets.size;
  }

  /** Bumped whenever the set of forms changes. */
  get version(): number {
    return this.changes;
  }

  /** The automata for the current forms (cached until the next change). */
  compiled(): Compiled {
    if (this.cache?.version === this.changes) return this.cache;
    const pats: AcPattern[] = [];
    for (const k of this.literals) pats.push({ key: k, mask: true, token: false });
    if (this.gitlabTokens)
      for (const p of GITLAB_TOKEN_PREFIXES) pats.push({ key: p, mask: false, token: true });
    const ac = buildAutomaton(pats);
    let ws: Automaton | undefined;
    let wsMaxBytes = 0;
    if (this.ws.size > 0) {
      const wsPats: AcPattern[] = [];
      for (const [k, tokens] of this.ws) {
        wsPats.push({ key: k, mask: true, token: false });
        const bytes = tokens.reduce((n, t) => n + t.length, (tokens.length - 1) * MAX_WS_GAP);
        if (bytes > wsMaxBytes) wsMaxBytes = bytes;
      }
      ws = buildAutomaton(wsPats);
    }
    const tokenHold = this.gitlabTokens
      ? Math.max(...GITLAB_TOKEN_PREFIXES.map((p) => p.length)) + TOKEN_MIN_TAIL
      : 0;
    this.cache = {
      version: this.changes,
      ac,
      ws,
      wsMaxBytes,
      maxHold: Math.max(ac.maxLen, tokenHold, wsMaxBytes),
      empty: this.literals.size === 0 && this.ws.size === 0 && !this.gitlabTokens,
    };
    return this.cache;
  }
}

/** A registry from a list of secrets (warnings collected), or the registry itself. */
export function toRegistry(
  secrets: SecretRegistry | readonly string[],
  opts: { gitlabTokens?: boolean } = {},
): { registry: SecretRegistry; warnings: Warning[] } {
  if (secrets instanceof SecretRegistry) return { registry: secrets, warnings: [] };
  const registry = new SecretRegistry(opts);
  const warnings = secrets.flatMap((s) => registry.add(s));
  return { registry, warnings };
}
