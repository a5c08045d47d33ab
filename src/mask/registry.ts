/** The secrets to mask and their forms; a stream picks up secrets added while it runs. */
import { derivedFormSet, gitlabCouldMask, MIN_SECRET_BYTES } from './forms.js';
import { buildPatternSet, GITLAB_TOKEN_PREFIXES, type Pattern, type PatternSet } from './patterns.js';

export interface MaskWarning {
  code: 'secret-too-short' | 'not-maskable-by-gitlab';
  /** Never contains the secret. */
  message: string;
}

export class SecretRegistry {
  private readonly literals = new Map<string, Buffer>();
  private readonly ws = new Map<string, Buffer[]>();
  private set: PatternSet | undefined;
  /** Bumped on every change, so streams know to rebuild. */
  version = 0;

  constructor(opts: { gitlabTokens?: boolean } = {}) {
    this.tokens = opts.gitlabTokens !== false;
  }
  private readonly tokens: boolean;

  /** Registers a secret and its forms. Refuses secrets under 4 bytes (they would mask ordinary text). */
  add(secret: string, opts: { username?: string } = {}): MaskWarning[] {
    if (Buffer.byteLength(secret) < MIN_SECRET_BYTES) {
      return [
        {
          code: 'secret-too-short',
          message: `a secret of ${Buffer.byteLength(secret)} bytes was not registered: secrets under ${MIN_SECRET_BYTES} bytes cannot be masked without masking ordinary text`,
        },
      ];
    }
    const warnings: MaskWarning[] = [];
    if (!gitlabCouldMask(secret)) {
      warnings.push({
        code: 'not-maskable-by-gitlab',
        message:
          'a secret is not one GitLab could mask itself (at least 8 characters of [a-zA-Z0-9_+=/@:.~-]); deploy-token masks it in what it prints, but GitLab will not mask it in job logs',
      });
    }
    const forms = derivedFormSet(secret, opts);
    for (const f of forms.literals) this.literals.set(f.toString('latin1'), f);
    for (const lines of forms.wsLines) this.ws.set(lines.map((l) => l.toString('latin1')).join('\n'), lines);
    this.set = undefined;
    this.version++;
    return warnings;
  }

  get size(): number {
    return this.literals.size;
  }

  patterns(): Pattern[] {
    const out: Pattern[] = [...this.literals.values()].map((bytes) => ({ kind: 'literal', bytes }));
    for (const lines of this.ws.values()) out.push({ kind: 'ws', lines });
    if (this.tokens)
      for (const p of GITLAB_TOKEN_PREFIXES) out.push({ kind: 'token', prefix: Buffer.from(p) });
    return out;
  }

  patternSet(): PatternSet {
    this.set ??= buildPatternSet(this.patterns());
    return this.set;
  }
}
