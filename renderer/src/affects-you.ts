// "Does it affect me?" for the window: which incidents, maintenances and services of Gandi's pages
// touch what the account uses (common/account-impact.ts), keyed for lookups, in the window's words.
import { useMemo } from 'react';
import { accountImpact, type Touch } from '../../common/account-impact';
import { useAppStore, useI18n } from './context';
import type { Translate } from './i18n/messages';

export interface AffectsYou {
  /** `sourceUrl|id` of incidents and maintenances, and `sourceUrl|serviceId` of services -> words. */
  items: ReadonlyMap<string, string>;
  services: ReadonlyMap<string, string>;
}

const NOTHING: AffectsYou = { items: new Map(), services: new Map() };

function sayTouches(touches: readonly Touch[], t: Translate): string {
  return touches.map((touch) => t(`account.touch.${touch.use}`, { items: touch.items.join(', ') })).join('; ');
}

/** Empty without a report: without a token, all of this is simply absent. */
export function useAffectsYou(): AffectsYou {
  const { t } = useI18n();
  const snapshot = useAppStore((state) => state.snapshot);
  const usage = useAppStore((state) => state.account?.report?.usage ?? null);
  return useMemo(() => {
    if (snapshot === null || usage === null) return NOTHING;
    const impact = accountImpact(snapshot, usage);
    const items = new Map<string, string>();
    for (const item of [...impact.incidents, ...impact.maintenances]) items.set(`${item.sourceUrl}|${item.id}`, sayTouches(item.touches, t));
    const services = new Map(impact.services.map((service) => [`${service.sourceUrl}|${service.serviceId}`, sayTouches(service.touches, t)]));
    return { items, services };
  }, [snapshot, usage, t]);
}
