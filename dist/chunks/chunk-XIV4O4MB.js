import { createRequire as __dtCreateRequire } from 'node:module';
const require = __dtCreateRequire(import.meta.url);
import {
  cleanText
} from "./chunk-T4ECGMLM.js";
import {
  SecretRegistry,
  maskString
} from "./chunk-IAFBB2HQ.js";
import {
  SECRET_ENV_NAMES,
  mayBeSecret
} from "./chunk-MYCCQ4L5.js";

// src/core/scrub.ts
var Scrubber = class {
  /** GitLab token shapes are masked even when never registered. */
  registry = new SecretRegistry({ gitlabTokens: true });
  /**
   * Registers a secret and its derived forms (with `username`: also base64 of `username:secret`).
   * Too short or blank values are skipped (they would mask ordinary text); the warnings say so.
   */
  add(secret, opts = {}) {
    if (secret === void 0 || secret === null || secret === "") return [];
    return this.registry.add(secret, opts.username === void 0 ? {} : { username: opts.username });
  }
  /** Registers a value meant to be a username when it may be a secret instead (src/core/secret-shape.ts). */
  addIfNotUsername(value) {
    if (value && mayBeSecret(value)) this.add(value);
  }
  /** The secrets the environment holds by name, and a CI_DEPLOY_USER that may be a secret. */
  addEnv(env, extraNames = []) {
    for (const name of [...SECRET_ENV_NAMES, ...extraNames]) this.add(env[name]);
    this.addIfNotUsername(env.CI_DEPLOY_USER);
  }
  /** Masking only (a child's output, which is the child's to format). */
  mask(text) {
    return maskString(text, this.registry);
  }
  /**
   * Masked first (cleaning would change a secret holding a control character), then cleaned;
   * `style`: for a terminal, where our own colour sequences stay.
   */
  scrub(text, opts = {}) {
    return cleanText(this.mask(text), opts);
  }
};

export {
  Scrubber
};
