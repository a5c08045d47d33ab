/**
 * `cleanup`: remove exactly what earlier runs created, from their manifests (files, directories,
 * and ephemeral tokens they recorded); idempotent. `--ephemeral` also sweeps the project's leftover
 * ephemeral tokens (a crashed runner's) by name prefix and age.
 */
import { flagConnection, type Connection } from '../../app/connection.js';
import { deleteRecordedToken, recordedTokenProblem } from '../../app/ephemeral.js';
import { checkProjectRef } from '../../app/options.js';
import {
  cleanupRun,
  jobIdentity,
  selectRecorded,
  type RecordedRun,
  type RecordedSelection,
} from '../../app/state-dir.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import {
  markerStamp,
  saveManifest,
  untrustedRunDir,
  type EphemeralToken,
} from '../../credentials/manifest.js';
import { tempBase } from '../../credentials/write.js';
import { getProject } from '../../gitlab/api.js';
import type { GitLabClient } from '../../gitlab/client.js';
import { parseDuration, sweepEphemeral } from '../../provision/ephemeral.js';
import type { CommandContext } from '../context.js';
import { clientFor } from '../api-client.js';
import { writeJson } from '../output.js';

export interface CleanupFlags {
  manifest?: string;
  all?: boolean;
  ephemeral?: boolean;
  project?: string;
  gitlabUrl?: string;
  apiTokenEnv?: string;
  /** `--ephemeral-older-than` (old name `--older-than`, main.ts). */
  ephemeralOlderThan?: string;
  format?: string;
  dryRun?: boolean;
}

const DEFAULT_OLDER_THAN = '6h';

type Say = (l: string) => void;
interface Io {
  ctx: CommandContext;
  dry: boolean;
  say: Say;
  warn: Say;
  /** What --format json reports: the paths, and every line text output would print. */
  report: { removed: string[]; already_gone: string[]; left: string[]; lines: string[] };
}

/** Every flag checked before anything is removed: the age bound and the project for --ephemeral. */
function checkFlags(flags: CleanupFlags, ctx: CommandContext): { olderThanMs: number; project?: string } {
  const olderThanMs = parseDuration(flags.ephemeralOlderThan ?? DEFAULT_OLDER_THAN, '--ephemeral-older-than');
  const project = flags.project ?? (ctx.env.CI_PROJECT_ID || ctx.env.CI_PROJECT_PATH || undefined);
  if (project !== undefined)
    checkProjectRef(project, flags.project !== undefined ? '--project' : 'the project');
  if (flags.ephemeral && !project) {
    throw new UsageError(
      'cleanup --ephemeral needs the project whose leftover tokens to delete',
      'pass --project ID|PATH (default $CI_PROJECT_ID, then $CI_PROJECT_PATH)',
    );
  }
  if (flags.ephemeralOlderThan !== undefined && !flags.ephemeral) {
    throw new UsageError(
      '--ephemeral-older-than applies to --ephemeral',
      'add --ephemeral',
      '--ephemeral-older-than',
    );
  }
  if (flags.all && flags.manifest) {
    throw new UsageError(
      '--all and --manifest exclude each other',
      'pass --manifest FILE for one run, or --all for every run recorded on this machine',
    );
  }
  return { olderThanMs, ...(project ? { project } : {}) };
}

/** Which records: ours (owner, mode, a regular file in a safe state directory), of this job unless --all. */
function selectRuns(flags: CleanupFlags, io: Io): RecordedSelection {
  const { ctx, warn } = io;
  const sel = selectRecorded(ctx.env, {
    ...(flags.manifest ? { manifest: flags.manifest } : {}),
    all: flags.all === true,
  });
  for (const r of sel.refused) warn(`ignored ${r.path}: ${r.why}`);
  const current = jobIdentity(ctx.env);
  for (const l of sel.leftAlone) {
    ctx.stderr.write(
      `deploy-token: left alone ${l.path}: recorded by ${l.job ?? 'a run outside CI'}, not by this job (${current ?? 'outside CI'}); \`deploy-token cleanup --all\` cleans up every run recorded on this machine\n`,
    );
  }
  for (const r of sel.running)
    ctx.stderr.write(
      `deploy-token: left alone ${r.path}: its run (process ${r.pid}) is still going; its files are in use\n`,
    );
  return sel;
}

export async function runCleanup(flags: CleanupFlags, ctx: CommandContext): Promise<number> {
  const { olderThanMs, project } = checkFlags(flags, ctx);
  const json = flags.format === 'json';
  const report: Io['report'] = { removed: [], already_gone: [], left: [], lines: [] };
  const io: Io = {
    ctx,
    dry: flags.dryRun === true,
    say: (l) => (json ? report.lines.push(l) : ctx.stdout.write(`${l}\n`)),
    warn: (l) => ctx.stderr.write(`deploy-token: warning: ${l}\n`),
    report,
  };
  let code: number = ExitCode.Ok;
  const sel = selectRuns(flags, io);
  // 1. Ephemeral tokens recorded by earlier runs (resolve records them; exec and the action delete their own).
  // The API token goes only to an instance the user named (--gitlab-url, $CI_SERVER_URL, $GITLAB_HOST),
  // never to one a record names nor to the default, and a token is deleted only when the record's run
  // directory still holds the marker whose stamp the token's name carries, and GitLab's token of that
  // id has that name.
  const gitlab = flagConnection(flags, ctx.env);
  const instance = gitlab.defaulted ? undefined : gitlab.url;
  const api = lazyClient(gitlab, ctx);
  for (const run of sel.runs) {
    if (!run.manifest.ephemeralTokens?.length) continue;
    const c = await deleteRunTokens(run, instance, api, io);
    if (c !== ExitCode.Ok) code = c;
  }
  // 2. Files and directories (a dry run only lists them).
  removeFiles(sel, io);
  // 3. Leftover ephemeral tokens of the project.
  if (flags.ephemeral) {
    const c = await sweepProject(flags, gitlab, project as string, olderThanMs, io);
    if (c !== ExitCode.Ok) code = c;
  }
  if (json) writeJson(ctx.stdout, { dry_run: io.dry, ...report, exit_code: code });
  return code;
}

/** What the selected runs wrote, inside their own marked directories only. */
function removeFiles(sel: RecordedSelection, io: Io): void {
  const { dry, say, warn } = io;
  const total = { removed: [] as string[], missing: [] as string[], refused: [] as string[] };
  for (const run of sel.runs) {
    const r = cleanupRun(run, io.ctx.env, { dryRun: dry });
    total.removed.push(...r.removed);
    total.missing.push(...r.missing);
    if (r.why) {
      // Not the run's own directory: nothing it names is touched, whatever the record says.
      warn(`left everything ${run.path} names alone: ${r.why}`);
      total.refused.push(run.manifest.dir);
    } else total.refused.push(...r.refused);
  }
  io.report.removed.push(...total.removed);
  io.report.already_gone.push(...total.missing);
  io.report.left.push(...total.refused);
  for (const p of total.removed) say(`${dry ? 'would remove' : 'removed'} ${p}`);
  for (const p of total.refused)
    warn(`left ${p} in place (not empty, not ours, or outside the credentials directory)`);
  say(
    `deploy-token: cleanup${dry ? ' --dry-run' : ''}: ${total.removed.length} ${dry ? 'would be ' : ''}removed, ${total.missing.length} already gone, ${total.refused.length} left, from ${sel.runs.length} manifest(s)${sel.leftAlone.length ? `; ${sel.leftAlone.length} of other jobs left alone` : ''}`,
  );
}

/** `--ephemeral`: the project's leftover ephemeral tokens, by name prefix and age. */
async function sweepProject(
  flags: CleanupFlags,
  gitlab: Connection,
  project: string,
  olderThanMs: number,
  io: Io,
): Promise<number> {
  const { ctx, dry, say, warn } = io;
  let code: number = ExitCode.Ok;
  const client = clientFor(gitlab, ctx, 'cleanup --ephemeral');
  const p = await getProject(client, project);
  const s = await sweepEphemeral(client, p.id, ctx.now(), olderThanMs, { dryRun: dry });
  for (const t of s.deleted)
    say(
      `${dry ? 'would delete' : 'deleted'} leftover ephemeral token #${t.id} ${t.name} on ${p.path_with_namespace}`,
    );
  for (const t of s.young)
    say(
      `kept ephemeral token #${t.id} ${t.name}: younger than ${flags.ephemeralOlderThan ?? DEFAULT_OLDER_THAN}, a job may be using it`,
    );
  for (const f of s.failed) {
    warn(`could not delete ephemeral token #${f.token.id}: ${f.why}`);
    code = ExitCode.GitLab;
  }
  say(
    `deploy-token: cleanup --ephemeral: ${s.deleted.length} ${dry ? 'would be ' : ''}deleted, ${s.young.length} kept, ${s.failed.length} failed on ${p.path_with_namespace}`,
  );
  return code;
}

/** The API client, made when first needed (a dry run, or a run with nothing to delete, needs no token). */
function lazyClient(gitlab: Connection, ctx: CommandContext): () => GitLabClient {
  let client: GitLabClient | undefined;
  return () => (client ??= clientFor(gitlab, ctx, 'deleting a recorded ephemeral token'));
}

/** The tokens one record lists: deleted when they pass every check, else left (and listed again). */
async function deleteRunTokens(
  run: RecordedRun,
  instance: string | undefined,
  api: () => GitLabClient,
  io: Io,
): Promise<number> {
  const m = run.manifest;
  const left: EphemeralToken[] = [];
  let code: number = ExitCode.Ok;
  const dirProblem = untrustedRunDir(m, tempBase(io.ctx.env));
  for (const t of m.ephemeralTokens ?? []) {
    const which = `ephemeral token #${t.tokenId}${t.name ? ` (${t.name})` : ''}`;
    const problem = !instance
      ? 'no instance named: pass --gitlab-url (the API token is sent only to the instance you name, never to the default)'
      : dirProblem
        ? `the record ${run.path} cannot be checked: ${dirProblem === 'gone' ? 'its run directory is gone' : dirProblem}`
        : recordedTokenProblem(t, markerStamp(m.marker ?? ''), instance);
    if (problem) {
      left.push(t);
      io.warn(`left ${which} alone: ${problem}`);
      code = ExitCode.Usage;
      continue;
    }
    if (io.dry) {
      // A dry run asks GitLab nothing here, so it needs no API token.
      left.push(t);
      io.say(`would delete ${which}`);
      continue;
    }
    try {
      const r = await deleteRecordedToken(api(), { ...t, name: t.name as string });
      io.say(`${r === 'deleted' ? 'deleted' : 'already gone:'} ${which}`);
    } catch (e) {
      left.push(t);
      io.warn(`could not delete ${which}: ${(e as { message?: string }).message ?? String(e)}`);
      code = e instanceof UsageError ? ExitCode.Usage : ExitCode.GitLab;
    }
  }
  if (!io.dry) {
    run.manifest = { ...m, ephemeralTokens: left };
    saveManifest(run.manifest, run.path);
  }
  return code;
}
