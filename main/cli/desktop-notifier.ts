// Desktop notifications for `--watch --notify`, behind a one-method interface so the command can
// be tested without a desktop. On Linux notify-send is run directly (remote text after `--`, the
// body escaped, as notification servers read it as markup); elsewhere node-notifier, loaded only
// when notifications are asked for. Either way the text is cleaned and bounded first.
import type { ChangeEvent } from '../../common/model';
import { describeAccountEvent, describeEvent } from './format';
import type { AccountEvent } from '../../common/account-events';
import { notificationText } from '../../common/notification-markup';
import { createNotifySend } from '../core/notify-send';

const APP_NAME = 'Gandi Status';

export interface DesktopNotice {
  title: string;
  message: string;
  /** Page to read more (opened on click where the platform supports it). */
  url: string;
}

export interface DesktopNotifier {
  notify(notice: DesktopNotice): void;
}

export function noticeOf(event: ChangeEvent): DesktopNotice {
  const { title, message } = describeEvent(event);
  // notify-send cannot open a link on click, so the link is also part of the text.
  return { title, message: `${message}\n${event.url}`, url: event.url };
}

export function accountNoticeOf(event: AccountEvent): DesktopNotice {
  const { title, message, url } = describeAccountEvent(event);
  return { title, message: `${message}\n${url}`, url };
}

/** The real notifier. Failures (no notification daemon, no helper binary) are reported, not thrown. */
export async function createNodeNotifier(
  onError: (message: string) => void,
  platform: NodeJS.Platform = process.platform,
): Promise<DesktopNotifier> {
  if (platform === 'linux') {
    const notifySend = createNotifySend({ appName: APP_NAME, onError });
    return { notify: (notice) => notifySend.show({ title: notice.title, body: notice.message }) };
  }
  const loaded: unknown = await import('node-notifier');
  const notifier = (loaded as { default?: typeof import('node-notifier') }).default ?? (loaded as typeof import('node-notifier'));
  return {
    notify(notice) {
      try {
        const { title, body } = notificationText({ title: notice.title, body: notice.message }, { markup: false });
        notifier.notify(
          {
            title,
            message: body,
            wait: false,
            open: notice.url,
            // appID names the sender on Windows and macOS.
            appID: APP_NAME,
          } as Parameters<typeof notifier.notify>[0],
          (error) => {
            if (error) onError(`desktop notification failed: ${error.message}`);
          },
        );
      } catch (error) {
        onError(`desktop notification failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  };
}
