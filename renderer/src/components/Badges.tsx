// Status shown as words and colour together, never colour alone.
import type { Impact, IncidentStatus, Level, MaintenanceStatus } from '../../../common/model';
import { INCIDENT_STATUSES } from '../../../common/model';
import { useI18n } from '../context';

export function LevelBadge({ level }: { level: Level }) {
  const { t } = useI18n();
  return (
    <span className={`badge level-${level}`}>
      <span className="dot" aria-hidden="true" />
      {t(`level.${level}`)}
    </span>
  );
}

/** Impact decides the colour of an incident's badge; its status gives the words. */
export function IncidentBadge({ status, impact }: { status: IncidentStatus; impact: Impact }) {
  const { t } = useI18n();
  const tone = status === 'resolved' || status === 'postmortem' ? 'resolved' : impact;
  return <span className={`badge impact-${tone}`}>{t(`incidentStatus.${status}`)}</span>;
}

export function MaintenanceBadge({ status }: { status: MaintenanceStatus }) {
  const { t } = useI18n();
  return <span className={`badge maintenance-${status}`}>{t(`maintenanceStatus.${status}`)}</span>;
}

/** An update's status is free text from the API: translated when known, else shown as given. */
export function useUpdateStatusLabel(): (status: string) => string {
  const { t } = useI18n();
  return (status) =>
    (INCIDENT_STATUSES as readonly string[]).includes(status)
      ? t(`incidentStatus.${status as IncidentStatus}`)
      : status.replace(/_/g, ' ');
}
