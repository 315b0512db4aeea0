import { RETENTION_DAYS } from './retention';

/** An organization's settings: each null (the MSP's value applies) until set. */
export type OrgSettingValue = number | null;

export const ORG_SETTING_KEYS = ['activityLogRetentionDays'] as const;
export type OrgSettingKey = (typeof ORG_SETTING_KEYS)[number];

export function isOrgSettingKey(key: string): key is OrgSettingKey {
  return (ORG_SETTING_KEYS as readonly string[]).includes(key);
}

/** Why `value` is not acceptable for `key`, or undefined; `bound` is the MSP's value for the same key, when it has one. */
export function orgSettingProblem(key: OrgSettingKey, value: unknown, bound: number | undefined): string | undefined {
  switch (key) {
    case 'activityLogRetentionDays': {
      if (value === null) return undefined;
      const { min, max } = RETENTION_DAYS;
      if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) return `must be an integer from ${min} to ${max}, or null`;
      if (bound !== undefined && (value as number) > bound) return `must not exceed the MSP's retention of ${bound} days`;
      return undefined;
    }
  }
}
