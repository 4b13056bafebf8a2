// Where notifications are shown. node-notifier is the backend on macOS and Windows (it reports
// clicks there). On Linux, Electron's Notification is used: a click must open the window on the
// incident; where it cannot notify, notify-send is run directly (never through node-notifier,
// which would pass the remote text where notify-send reads options). Every sink shows the text
// cleaned and bounded, and on Linux with the body escaped: notification servers read it as markup.
import { Notification } from 'electron';
import nodeNotifier from 'node-notifier';
import { notificationText } from '../../common/notification-markup';
import { createNotifySend } from '../core/notify-send';
import type { ShowTarget } from '../../common/window-api';
import type { NoticeSink } from './notifier';

export type OnNoticeClick = (target: ShowTarget) => void;

/** Notifications kept clickable at once (older ones have long left the screen). */
const MAX_ALIVE_NOTIFICATIONS = 20;

/** Electron's Notification, for Linux: there it goes through libnotify, which passes the body on as is. */
export function electronSink(onClick: OnNoticeClick, icon?: string): NoticeSink {
  // Electron drops the click of a notification that was garbage collected: keep each one alive
  // until it is clicked, closed or failed. 'close' is not guaranteed, so only the newest are kept.
  const alive = new Set<Notification>();
  return {
    show(notice) {
      const { title, body } = notificationText(notice, { markup: true });
      const notification = new Notification({ title, body, icon, silent: false });
      alive.add(notification);
      if (alive.size > MAX_ALIVE_NOTIFICATIONS) {
        const oldest = alive.values().next().value;
        if (oldest !== undefined) alive.delete(oldest);
      }
      const forget = (): void => {
        alive.delete(notification);
      };
      notification.on('click', () => {
        forget();
        onClick(notice.target);
      });
      notification.on('close', forget);
      notification.on('failed', forget);
      notification.show();
    },
  };
}

export interface SinkOptions {
  /** One of the app's own pictures (an absolute path). */
  icon?: string;
  appId?: string;
  /** Who the notification says it comes from, where the platform shows it (Linux). */
  appName?: string;
  /** Told when a notification could not be shown. */
  onError?: (message: string) => void;
}

/** node-notifier, for macOS and Windows (on Linux it would run notify-send with remote text as options). */
export function nodeNotifierSink(onClick: OnNoticeClick, options: SinkOptions = {}): NoticeSink {
  return {
    show(notice) {
      const { title, body } = notificationText(notice, { markup: false });
      nodeNotifier.notify(
        { title, message: body, icon: options.icon, wait: true, appID: options.appId },
        (error, response, metadata) => {
          if (error !== null) {
            options.onError?.(`desktop notification failed: ${error.message}`);
            return;
          }
          const clicked =
            response === 'activate' ||
            metadata?.activationType === 'contentsClicked' ||
            metadata?.activationType === 'clicked';
          if (clicked) onClick(notice.target);
        },
      );
    },
  };
}

/** notify-send run directly, for Linux where Electron cannot notify (no click: notify-send cannot report it). */
export function notifySendSink(options: SinkOptions = {}): NoticeSink {
  const notifySend = createNotifySend({
    appName: options.appName ?? 'Gandi Status',
    icon: options.icon,
    onError: options.onError ?? ((message) => console.warn(message)),
  });
  return { show: (notice) => notifySend.show(notice) };
}

export function platformSink(platform: NodeJS.Platform, onClick: OnNoticeClick, options: SinkOptions = {}): NoticeSink {
  if (platform === 'linux') return Notification.isSupported() ? electronSink(onClick, options.icon) : notifySendSink(options);
  return nodeNotifierSink(onClick, options);
}
