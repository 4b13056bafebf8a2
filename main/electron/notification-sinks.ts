// Where notifications are shown. node-notifier is the backend on macOS and Windows (it reports
// clicks there); on Linux it goes through notify-send, which cannot, so Electron's Notification
// is used instead: a click must open the window on the incident.
import { Notification } from 'electron';
import nodeNotifier from 'node-notifier';
import type { ShowTarget } from '../../preload/contract';
import type { NoticeSink } from './notifier';

export type OnNoticeClick = (target: ShowTarget) => void;

/** Notifications kept clickable at once (older ones have long left the screen). */
const MAX_ALIVE_NOTIFICATIONS = 20;

export function electronSink(onClick: OnNoticeClick, icon?: string): NoticeSink {
  // Electron drops the click of a notification that was garbage collected: keep each one alive
  // until it is clicked, closed or failed. 'close' is not guaranteed, so only the newest are kept.
  const alive = new Set<Notification>();
  return {
    show(notice) {
      const notification = new Notification({ title: notice.title, body: notice.body, icon, silent: false });
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

export function nodeNotifierSink(onClick: OnNoticeClick, options: { icon?: string; appId?: string } = {}): NoticeSink {
  return {
    show(notice) {
      nodeNotifier.notify(
        { title: notice.title, message: notice.body, icon: options.icon, wait: true, appID: options.appId },
        (error, response, metadata) => {
          if (error !== null) return;
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

export function platformSink(platform: NodeJS.Platform, onClick: OnNoticeClick, options: { icon?: string; appId?: string } = {}): NoticeSink {
  if (platform === 'linux' && Notification.isSupported()) return electronSink(onClick, options.icon);
  return nodeNotifierSink(onClick, options);
}
