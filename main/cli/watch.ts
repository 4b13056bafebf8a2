// `gandi-status --watch`: the headless daemon. Runs the status core, prints each change (one JSON
// object a line with --json), optionally raises desktop notifications, and on abort (SIGINT or
// SIGTERM from the entry) stops cleanly with its state saved.
import { constants as fsConstants, promises as fs } from 'node:fs';
import os from 'node:os';
import type { ChangeEvent } from '../../common/model';
import { ensureRegularOrMissing, NotARegularFileError } from '../core/atomic-file';
import { createNoticeDamper } from '../core/notice-damper';
import { acquireStateLock } from '../core/state-lock';
import { createFileStateStore } from '../core/state-store';
import { createStatusCore } from '../core/status-core';
import type { CliOptions } from './args';
import type { CliIo } from './io';
import { defaultStateFile } from './config-dir';
import { accountNoticeOf, createNodeNotifier, noticeOf, type DesktopNotifier } from './desktop-notifier';
import { accountEventJson, clean, formatAccountEventLine, formatEventLine, levelLabel } from './format';
import { createPollLedger } from '../core/metrics-model';
import { serveMetrics } from './metrics';
import { startAccountWatch } from './account-watch';
import { reloadOnSignal, watchConfig, type WatchConfig } from './daemon-config';

/** An event as the documented `--json` line has it: `problem` is for the translated windows. */
export function eventJson(event: ChangeEvent): string {
  if (event.type !== 'source.unreachable' && event.type !== 'source.recovered') return JSON.stringify(event);
  const { problem: _problem, ...documented } = event;
  return JSON.stringify(documented);
}

function untilAborted(signal: AbortSignal | undefined): Promise<void> {
  // Without a signal the watch runs until the process is killed.
  if (!signal) return new Promise<void>(() => undefined);
  if (signal.aborted) return Promise.resolve();
  return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

export async function runWatch(options: CliOptions, io: CliIo): Promise<number> {
  const platformInfo = { platform: io.platform ?? process.platform, env: io.env, homedir: io.homedir ?? os.homedir() };
  const config = await watchConfig(options, (message) => io.stderr.write(`gandi-status: ${clean(message)}\n`));
  const stateFile = options.stateFile ?? defaultStateFile(platformInfo, config.urls);

  // One clear line (exit 3) rather than a device or FIFO read as state or replaced by a file.
  await ensureRegularOrMissing(stateFile).catch((error: unknown) => {
    throw error instanceof NotARegularFileError ? new Error(`--state ${stateFile} is not a regular file`) : error;
  });

  if (options.stateFile === null) await seedFromSharedFile(stateFile, defaultStateFile(platformInfo));
  // A second daemon on the same file is refused: it would save over this one's memory.
  const lock = await acquireStateLock(stateFile);
  try {
    return await watchWithState(options, io, stateFile, config);
  } finally {
    await lock.release();
  }
}

/**
 * Versions before one file per set of sources kept every set in the shared file: a set's own file
 * starts from it, so nothing is announced again after the upgrade.
 */
async function seedFromSharedFile(stateFile: string, sharedFile: string): Promise<void> {
  if (stateFile === sharedFile) return;
  await fs.copyFile(sharedFile, stateFile, fsConstants.COPYFILE_EXCL).catch(() => undefined);
}

async function watchWithState(options: CliOptions, io: CliIo, stateFile: string, config: WatchConfig): Promise<number> {
  const warn = (message: string): void => {
    io.stderr.write(`gandi-status: ${clean(message)}\n`);
  };
  let notifier: DesktopNotifier | null = null;
  if (options.notify) notifier = io.notifier ?? (await createNodeNotifier(warn));

  const polls = createPollLedger();
  const core = createStatusCore({
    sources: config.sources,
    ...(config.reminderMinutes === undefined ? {} : { reminderMinutes: config.reminderMinutes }),
    fetch: io.fetch,
    now: io.now,
    store: createFileStateStore(stateFile, { onWarning: warn }),
    onWarning: warn,
    onPollAttempt: polls.record,
    ...(io.timers ? { timers: io.timers } : {}),
  });

  // Every event is printed; notices are damped (flapping, short outages), as on the desktop.
  const damper = createNoticeDamper();
  core.subscribe((update) => {
    for (const event of update.events) io.stdout.write(options.json ? `${eventJson(event)}\n` : `${formatEventLine(event)}\n`);
    if (notifier) for (const event of damper.filter(update.events, io.now())) notifier.notify(noticeOf(event));
  });

  const stopped = untilAborted(io.signal);
  const account = options.account
    ? await startAccountWatch(options, io, stateFile, warn, (events) => {
        for (const event of events) {
          io.stdout.write(options.json ? `${accountEventJson(event)}\n` : `${formatAccountEventLine(event)}\n`);
          // Only what needs doing is announced; a finding gone is news for the stream, not a notice.
          if (notifier && event.type !== 'account.cleared') notifier.notify(accountNoticeOf(event));
        }
      })
    : null;
  const metrics = options.metrics ? await serveMetrics(options.metrics, core, polls, io, account ? account.report : undefined) : null;
  await core.start();
  const stopReloading = reloadOnSignal(options, io, core, warn);
  // The first round is already under way; waiting for it lets us say what the state is.
  await Promise.race([core.refreshNow(), stopped]);
  if (!io.signal?.aborted) {
    const snapshot = core.getSnapshot();
    const sources = snapshot.sources.length === 1 ? '1 source' : `${snapshot.sources.length} sources`;
    io.stderr.write(
      `gandi-status: watching ${sources}, now ${levelLabel(snapshot.overall)}; state in ${stateFile} (Ctrl-C to stop)\n`,
    );
  }
  await stopped;
  stopReloading();
  await metrics?.close();
  account?.stop();
  await core.stop();
  return 0;
}
