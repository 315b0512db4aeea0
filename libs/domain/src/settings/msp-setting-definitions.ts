import { RETENTION_DAYS } from './retention';

export type MspSettingValue = boolean | number | string | string[] | null;

interface MspSettingDefinition {
  defaultValue: MspSettingValue;
  /** Why `value` is not acceptable, or undefined when it is. */
  problem(value: unknown): string | undefined;
}

export const ORGANIZATION_POLICY_PRESETS = ['standard', 'strict', 'custom'] as const;

const integerBetween = (min: number, max: number) => (value: unknown) =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max
    ? undefined
    : `must be an integer from ${min} to ${max}`;

const boolean = (value: unknown) => (typeof value === 'boolean' ? undefined : 'must be true or false');

const oneOf = (choices: readonly string[]) => (value: unknown) =>
  choices.includes(value as string) ? undefined : `must be one of ${choices.join(', ')}`;

const emailOrNull = (value: unknown) =>
  value === null || (typeof value === 'string' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
    ? undefined
    : 'must be an email address or null';

const cidrList = (value: unknown) => {
  if (!Array.isArray(value)) return 'must be an array of CIDR ranges';
  const bad = value.find((range) => typeof range !== 'string' || !isCidr(range));
  if (bad !== undefined) return `${JSON.stringify(bad)} is not an IPv4 or IPv6 CIDR range`;
  return new Set(value).size === value.length ? undefined : 'must not list a range twice';
};

export const MSP_SETTING_DEFINITIONS = {
  sessionTimeoutMinutes: { defaultValue: 60, problem: integerBetween(5, 1440) },
  requireTwoFactor: { defaultValue: false, problem: boolean },
  allowedIpRanges: { defaultValue: [], problem: cidrList },
  activityLogRetentionDays: { defaultValue: RETENTION_DAYS.default, problem: integerBetween(RETENTION_DAYS.min, RETENTION_DAYS.max) },
  supportEmail: { defaultValue: null, problem: emailOrNull },
  defaultOrganizationPolicyPreset: { defaultValue: 'standard', problem: oneOf(ORGANIZATION_POLICY_PRESETS) },
} as const satisfies Record<string, MspSettingDefinition>;

export type MspSettingKey = keyof typeof MSP_SETTING_DEFINITIONS;
export const MSP_SETTING_KEYS = Object.keys(MSP_SETTING_DEFINITIONS) as MspSettingKey[];

export function isMspSettingKey(key: string): key is MspSettingKey {
  return Object.prototype.hasOwnProperty.call(MSP_SETTING_DEFINITIONS, key);
}

function isCidr(range: string): boolean {
  const [address, prefix, ...rest] = range.split('/');
  if (rest.length > 0 || prefix === undefined || !/^\d{1,3}$/.test(prefix)) return false;
  if (isIPv4(address)) return Number(prefix) <= 32;
  return isIPv6(address) && Number(prefix) <= 128;
}

function isIPv4(address: string): boolean {
  const parts = address.split('.');
  return parts.length === 4 && parts.every((part) => /^(0|[1-9]\d{0,2})$/.test(part) && Number(part) <= 255);
}

function isIPv6(address: string): boolean {
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : half.split(':')));
  const last = groups[groups.length - 1];
  // An embedded IPv4 tail (::ffff:10.0.0.1) stands for two groups.
  const embedsIPv4 = last !== undefined && last.includes('.');
  if (embedsIPv4 && !isIPv4(last)) return false;
  const hexGroups = embedsIPv4 ? groups.slice(0, -1) : groups;
  if (!hexGroups.every((group) => /^[0-9a-fA-F]{1,4}$/.test(group))) return false;
  const size = hexGroups.length + (embedsIPv4 ? 2 : 0);
  return halves.length === 2 ? size < 8 : size === 8;
}
