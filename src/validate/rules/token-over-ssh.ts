/**
 * token-over-ssh: git@host: and ssh:// remotes in a job using the deploy token (deploy tokens
 * authenticate over HTTPS only: doc/user/project/deploy_tokens/index.md).
 */
import { sshRemote } from '../commands/calls.js';
import { subcommand } from '../commands/words.js';
import { linesFor, reportWord, type JobContext, type Rule } from '../rule.js';
import { commandParts } from '../shell.js';

const REMOTE_SUBCOMMANDS = new Set(['clone', 'fetch', 'pull', 'push', 'remote', 'ls-remote', 'submodule']);

function check({ scope }: JobContext): void {
  if (!scope.usesToken) return;
  for (const item of linesFor(scope, (text) => /\bgit\b/.test(text) && /@|ssh:/.test(text))) {
    for (const cmd of item.cmds) {
      const { name, args } = commandParts(cmd);
      if (name !== 'git' || !REMOTE_SUBCOMMANDS.has(subcommand(name, args).sub)) continue;
      const w = args.find((a) => sshRemote(a));
      if (w) {
        const shown = /^[a-z+]+:\/\//.test(w.text)
          ? w.text.replace(/^([a-z+]+:\/\/).*$/, '$1…')
          : w.text.replace(/:.*$/, ':…');
        reportWord(
          scope.report,
          tokenOverSsh,
          `deploy tokens do not work over SSH (${shown}); expected an https:// URL`,
          item,
          w,
        );
      }
    }
  }
}

export const tokenOverSsh: Rule = {
  id: 'token-over-ssh',
  severity: 'error',
  summary: 'deploy token used with an SSH remote',
  help: 'Deploy tokens authenticate over HTTPS only; git@host: and ssh:// remotes cannot use them. Use https://.',
  job: check,
};
