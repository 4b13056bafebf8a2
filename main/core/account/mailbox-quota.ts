// How full a mailbox is. The one place that assumes the unit of `quota_used`, which Gandi's docs do
// not state: read here as KiB (kibibytes), as the Email migration endpoint counts its quotas and
// usage, and as the real values seen (2, 3597) suggest; bytes would make those mailboxes empty.
// If Gandi says otherwise, this constant is the one thing to change (see README, "Your account").

/** Bytes in one unit of `quota_used` (assumed KiB). */
export const QUOTA_USED_UNIT_BYTES = 1024;

/** Mailbox sizes by type, in MB, where Gandi documents them; others come from the domain's slots. */
export const KNOWN_MAILBOX_CAPACITY_MB: Readonly<Record<string, number>> = { standard: 3072, premium: 51200 };

/** Per cent of `capacityMb` used, for a `quota_used` value. */
export function percentUsed(quotaUsed: number, capacityMb: number): number {
  return (quotaUsed * QUOTA_USED_UNIT_BYTES * 100) / (capacityMb * 1024 * 1024);
}
