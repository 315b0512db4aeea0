/**
 * How long activity is kept (days): an MSP sets it for itself and as the bound of its
 * organizations; an organization may keep its activity for less, never for more. The default
 * matches the product's 90-day view.
 */
export const RETENTION_DAYS = { min: 90, max: 2555, default: 90 } as const;

/** Within the bounds, or the default for a value that is not (an older event's, or none). */
export function retentionDaysOf(value: unknown): number {
  return Number.isInteger(value) && (value as number) >= RETENTION_DAYS.min && (value as number) <= RETENTION_DAYS.max
    ? (value as number)
    : RETENTION_DAYS.default;
}

/** An organization's retention: its own setting within its MSP's, else the MSP's. */
export function effectiveRetentionDays(mspDays: number, orgDays: number | null | undefined): number {
  return orgDays === null || orgDays === undefined ? mspDays : Math.min(orgDays, mspDays);
}
