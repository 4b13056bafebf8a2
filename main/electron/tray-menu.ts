// The tray menu as data: a pure builder returning Electron menu templates, so every item and
// every click is tested without a desktop. tray.ts turns it into a real Menu.
import type { MenuItemConstructorOptions } from 'electron';
import type { StatusSnapshot } from '../../common/model';
import type { ShowTarget } from '../../common/window-api';
import { MORNING_HOUR, type SnoozeChoice } from './notification-policy';
import { clockTime, type Texts } from './texts';
import { lastUpdate } from '../../common/freshness';
import { isOpenIncident } from '../../common/levels';
import { overallLine } from './tray-text';
import { truncateText } from '../../common/notification-markup';
import { cleanRemoteLine } from '../../common/remote-text';

export type LinkKind = 'status-page' | 'ticket' | 'chat';

export interface TrayMenuModel {
  snapshot: StatusSnapshot;
  texts: Texts;
  snoozedUntil: Date | null;
  followedServices: readonly string[];
  /** null where the OS has no login items Electron can set (Linux). */
  launchAtLogin: boolean | null;
  now: Date;
  /** `sourceUrl|id` of the incidents and maintenances that touch the Gandi account (marked). */
  affected?: ReadonlySet<string>;
  /** The time to judge the data's age by (createFreshnessClock), not fooled by a clock stepped back; default `now`. */
  freshnessNow?: Date;
}

export interface TrayMenuActions {
  show(target: ShowTarget): void;
  refresh(): void;
  snooze(choice: SnoozeChoice): void;
  resume(): void;
  openLink(kind: LinkKind): void;
  setFollowed(serviceId: string, followed: boolean): void;
  setLaunchAtLogin(enabled: boolean): void;
  quit(): void;
}

const MAX_INCIDENT_ITEMS = 10;
const MAX_LABEL = 80;

/** A menu line: remote names and titles without controls or bidi overrides, on one line, bounded. */
function label(text: string): string {
  return truncateText(cleanRemoteLine(text), MAX_LABEL);
}

function incidentItems(model: TrayMenuModel, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const open = model.snapshot.sources.flatMap((source) =>
    source.incidents.filter(isOpenIncident).map((incident) => ({ source, incident })),
  );
  if (open.length === 0) return [];
  return [
    { type: 'separator' },
    { label: model.texts.menu.openIncidents, enabled: false },
    ...open.slice(0, MAX_INCIDENT_ITEMS).map(({ source, incident }) => ({
      id: `incident:${source.url}:${incident.id}`,
      label: label(
        `${model.affected?.has(`${source.url}|${incident.id}`) === true ? `${model.texts.accountNotice.affectsYou}: ` : ''}${incident.title} (${incident.status})`,
      ),
      click: () => actions.show({ kind: 'incident', sourceUrl: source.url, id: incident.id }),
    })),
  ];
}

function followItems(model: TrayMenuModel, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const several = model.snapshot.sources.length > 1;
  const items = model.snapshot.sources.flatMap((source) =>
    source.services.map((service): MenuItemConstructorOptions => {
      const followed = model.followedServices.includes(service.id);
      const state = service.status === 'operational' ? '' : ` - ${model.texts.level[service.status]}`;
      return {
        id: `follow:${service.id}`,
        type: 'checkbox',
        checked: followed,
        label: label(`${several ? `${source.name}: ` : ''}${service.name}${state}`),
        click: () => actions.setFollowed(service.id, !followed),
      };
    }),
  );
  return items.length > 0 ? items : [{ label: model.texts.menu.noServices, enabled: false }];
}

export function buildTrayMenu(model: TrayMenuModel, actions: TrayMenuActions): MenuItemConstructorOptions[] {
  const { texts } = model;
  const updated = lastUpdate(model.snapshot);
  const snoozed = model.snoozedUntil !== null && model.snoozedUntil.getTime() > model.now.getTime();
  const template: MenuItemConstructorOptions[] = [
    { id: 'overall', label: label(overallLine(model.snapshot, texts, model.freshnessNow ?? model.now)), enabled: false },
    { id: 'updated', label: updated === null ? texts.neverUpdated : texts.updatedAt(clockTime(updated)), enabled: false },
  ];
  if (snoozed && model.snoozedUntil !== null) {
    template.push({ id: 'snoozed', label: texts.menu.snoozedUntil(clockTime(model.snoozedUntil)), enabled: false });
  }
  template.push(
    ...incidentItems(model, actions),
    { type: 'separator' },
    // Many Linux trays (AppIndicator) never report clicks on the icon: the menu must open the window.
    { id: 'open', label: texts.menu.open, click: () => actions.show({ kind: 'view', view: 'overview' }) },
    { id: 'refresh', label: texts.menu.refresh, click: () => actions.refresh() },
    {
      id: 'snooze',
      label: texts.menu.snooze,
      submenu: [
        { id: 'snooze-hour', label: texts.menu.snoozeHour, click: () => actions.snooze('hour') },
        {
          id: 'snooze-tomorrow',
          label: model.now.getHours() < MORNING_HOUR ? texts.menu.snoozeThisMorning : texts.menu.snoozeTomorrow,
          click: () => actions.snooze('tomorrow'),
        },
        { id: 'snooze-resume', label: texts.menu.snoozeResume, enabled: snoozed, click: () => actions.resume() },
      ],
    },
    { type: 'separator' },
    { id: 'status-page', label: texts.menu.statusPage, click: () => actions.openLink('status-page') },
    { id: 'ticket', label: texts.menu.ticket, click: () => actions.openLink('ticket') },
    { id: 'chat', label: texts.menu.chat, click: () => actions.openLink('chat') },
    { id: 'follow', label: texts.menu.follow, submenu: followItems(model, actions) },
    { type: 'separator' },
    { id: 'settings', label: texts.menu.settings, click: () => actions.show({ kind: 'view', view: 'settings' }) },
  );
  if (model.launchAtLogin !== null) {
    const enabled = model.launchAtLogin;
    template.push({
      id: 'launch-at-login',
      label: texts.menu.launchAtLogin,
      type: 'checkbox',
      checked: enabled,
      click: () => actions.setLaunchAtLogin(!enabled),
    });
  }
  template.push({ type: 'separator' }, { id: 'quit', label: texts.menu.quit, click: () => actions.quit() });
  return template;
}
