/**
 * token-over-ssh: git@host: and ssh:// remotes in a job using the deploy token (deploy tokens
 * authenticate over HTTPS only: doc/user/project/deploy_tokens/index.md).
 */
import { sshRemote } from '../commands/calls.js';
import { subcommand } from '../commands/words.js';
import { findingAt } from '../finding.js';
import type { Rule } from '../rule.js';
import { wordSpan, type CommandScope } from '../script.js';
import { commandParts } from '../shell.js';

const REMOTE_SUBCOMMANDS = new Set(['clone', 'fetch', 'pull', 'push', 'remote', 'ls-remote', 'submodule']);

function check(scope: CommandScope): void {
  if (!scope.usesToken) return;
  for (const item of scope.items) {
    if (scope.first && !scope.first('token-over-ssh', item)) continue;
    if (!/\bgit\b/.test(item.text) || !/@|ssh:/.test(item.text)) continue;
    for (const cmd of item.cmds) {
      const { name, args } = commandParts(cmd);
      if (name !== 'git' || !REMOTE_SUBCOMMANDS.has(subcommand(name, args).sub)) continue;
      const w = args.find((a) => sshRemote(a));
      if (w) {
        const shown = /^[a-z+]+:\/\//.test(w.text)
          ? w.text.replace(/^([a-z+]+:\/\/).*$/, '$1…')
          : w.text.replace(/:.*$/, ':…');
        scope.report(
          findingAt(
            tokenOverSsh,
            `deploy tokens do not work over SSH (${shown}); expected an https:// URL`,
            wordSpan(item, w),
            item.via,
          ),
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
  job: (j) => check(j.scope),
};
