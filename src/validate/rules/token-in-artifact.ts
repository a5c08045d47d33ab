/**
 * token-in-artifact: the token written into a file that `artifacts:paths` uploads or
 * `artifacts:reports:dotenv` turns into variables. Artifacts are kept and downloadable, and dotenv
 * variables are not masked (doc/ci/yaml/artifacts_reports.md).
 */
import { deployTokenCall } from '../commands/calls.js';
import { refRegex } from '../commands/words.js';
import { globRegex } from '../glob.js';
import { reportWord, type CiJobContext, type Rule } from '../rule.js';
import { commandParts, type Command, type Word } from '../shell.js';
import { get, str, type YNode } from '../../yaml/tree.js';

function strings(node: YNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'scalar') return str(node) !== undefined ? [str(node) as string] : [];
  if (node.kind === 'seq') return node.items.flatMap((i) => strings(i));
  return [];
}

/** A path as the project directory sees it: quotes gone, ./ and $CI_PROJECT_DIR/ stripped. */
function normalize(p: string): string | undefined {
  let s = p.trim().replace(/^["']|["']$/g, '');
  s = s.replace(/^\$\{?CI_PROJECT_DIR\}?\/+/, '').replace(/^(\.\/)+/, '');
  if (s.startsWith('/') || s.startsWith('$') || s.startsWith('~') || s === '') return undefined;
  return s;
}

interface Write {
  target: Word;
  /** what the file receives: the command (and pipeline) text */
  content: string;
}

/** Files a command writes and what goes into them. */
function writes(cmds: Command[], index: number): Write[] {
  const cmd = cmds[index];
  if (!cmd) return [];
  const out: Write[] = [];
  // Upstream of a pipeline feeds `tee` and redirections of the last command.
  let upstream = '';
  for (let i = index - 1; i >= 0 && cmds[i]?.pipesTo; i--)
    upstream = `${cmds[i]?.words.map((w) => w.text).join(' ')} ${upstream}`;
  const own = `${cmd.words.map((w) => w.text).join(' ')} ${cmd.heredocs
    .filter((h) => !h.quoted)
    .map((h) => h.text)
    .join('\n')}`;
  for (const r of cmd.redirects) {
    if (/^(1?>|1?>>|&>|&>>|>\|)$/.test(r.op) && r.target && !r.target.text.startsWith('&'))
      out.push({ target: r.target, content: `${upstream} ${own}` });
  }
  const { name, args } = commandParts(cmd);
  if (name === 'tee')
    for (const a of args) if (!a.text.startsWith('-')) out.push({ target: a, content: upstream });
  const dt = deployTokenCall(cmd);
  if (dt && dt.sub === 'resolve' && args.some((a) => a.text === 'dotenv' || a.text === '--export=dotenv')) {
    const i = args.findIndex((a) => a.text === '--output' || a.text === '-o');
    const target = i >= 0 ? args[i + 1] : args.find((a) => a.text.startsWith('--output='));
    if (target) {
      const t = target.text.startsWith('--output=') ? { ...target, text: target.text.slice(9) } : target;
      out.push({ target: t, content: '$CI_DEPLOY_PASSWORD' });
    }
  }
  return out;
}

function check({ view, report }: CiJobContext): void {
  if (!view.usesToken || !view.artifacts) return;
  const dotenv = strings(get(get(view.artifacts, 'reports'), 'dotenv'))
    .map(normalize)
    .filter((s): s is string => !!s);
  const paths = strings(get(view.artifacts, 'paths'))
    .map(normalize)
    .filter((s): s is string => !!s)
    .map((p) => ({ p, re: globRegex(p, { coversChildren: true }) }));
  if (dotenv.length === 0 && paths.length === 0) return;
  const pw = refRegex(view.names.password);
  for (const item of view.scripts) {
    if (!/>|\btee\b|deploy-token/.test(item.text)) continue;
    item.cmds.forEach((_c, i) => {
      for (const w of writes(item.cmds, i)) {
        const dumps = /^\s*(env|printenv|export -p|declare -p)\s*$/.test(w.content.trim());
        if (!pw.test(w.content) && !dumps) continue;
        const file = normalize(w.target.text);
        if (!file) continue;
        const what = dumps ? 'every variable, the deploy token included,' : 'the deploy token';
        const upload = dotenv.includes(file) ? undefined : paths.find(({ re }) => re.test(file));
        const which = dotenv.includes(file)
          ? 'artifacts:reports:dotenv keeps unmasked'
          : upload && `artifacts:paths (${upload.p}) uploads`;
        if (!which) continue;
        reportWord(
          report,
          tokenInArtifact,
          `${what} is written to ${file}, which ${which}; expected a file outside artifacts`,
          item,
          w.target,
        );
      }
    });
  }
}

export const tokenInArtifact: Rule = {
  id: 'token-in-artifact',
  severity: 'error',
  summary: 'deploy token written into an artifact',
  help: 'Artifacts and dotenv reports are kept and downloadable; dotenv variables are not masked (doc/ci/yaml/artifacts_reports.md). Never write the token into a file that artifacts:paths or artifacts:reports:dotenv collect.',
  ciJob: check,
};
