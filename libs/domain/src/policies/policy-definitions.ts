import { InvalidInput } from '../shared/domain-errors';

export type PasswordComplexitySettings = { minLength: number; requireDigits: boolean; requireSymbols: boolean };
export type VaultTimeoutSettings = { minutes: number };
export type IpAllowlistSettings = { ranges: string[] };

/** Each known policy key with the settings it takes (`undefined`: none). */
export interface PolicySettingsByKey {
  require_mfa: undefined;
  password_complexity: PasswordComplexitySettings;
  restrict_sharing_outside_org: undefined;
  vault_timeout: VaultTimeoutSettings;
  disable_personal_vault: undefined;
  ip_allowlist: IpAllowlistSettings;
}

export type PolicyKey = keyof PolicySettingsByKey;
export type PolicySettings = Exclude<PolicySettingsByKey[PolicyKey], undefined>;

type Raw = Record<string, unknown>;

interface PolicyDefinition<K extends PolicyKey> {
  name: string;
  /** Checks and normalizes the settings sent with the command; throws InvalidInput. */
  settings(raw: Raw | undefined): PolicySettingsByKey[K];
}

export const POLICY_DEFINITIONS: { [K in PolicyKey]: PolicyDefinition<K> } = {
  require_mfa: { name: 'Require two-factor authentication', settings: none },
  password_complexity: {
    name: 'Master password complexity',
    settings: (raw) => {
      const s = only(raw, ['minLength', 'requireDigits', 'requireSymbols']);
      return { minLength: integer(s, 'minLength', 8, 128), requireDigits: flag(s, 'requireDigits'), requireSymbols: flag(s, 'requireSymbols') };
    },
  },
  restrict_sharing_outside_org: { name: 'Restrict sharing outside the organization', settings: none },
  vault_timeout: {
    name: 'Vault timeout',
    settings: (raw) => ({ minutes: integer(only(raw, ['minutes']), 'minutes', 1, 1440) }),
  },
  disable_personal_vault: { name: 'Disable personal vault', settings: none },
  ip_allowlist: {
    name: 'IP allowlist',
    settings: (raw) => ({ ranges: ipRanges(only(raw, ['ranges'])) }),
  },
};

export const POLICY_KEYS = Object.keys(POLICY_DEFINITIONS) as PolicyKey[];

export function isPolicyKey(value: unknown): value is PolicyKey {
  return typeof value === 'string' && Object.hasOwn(POLICY_DEFINITIONS, value);
}

function none(raw: Raw | undefined): undefined {
  if (raw !== undefined && Object.keys(raw).length > 0) throw new InvalidInput('This policy takes no settings', 'settings');
  return undefined;
}

function only(raw: Raw | undefined, keys: string[]): Raw {
  if (raw === undefined) throw new InvalidInput('This policy needs settings', 'settings');
  const unknown = Object.keys(raw).find((key) => !keys.includes(key));
  if (unknown) throw new InvalidInput(`Unknown setting '${unknown}'`, `settings.${unknown}`);
  return raw;
}

function integer(raw: Raw, key: string, min: number, max: number): number {
  const value = raw[key];
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    throw new InvalidInput(`${key} must be an integer from ${min} to ${max}`, `settings.${key}`);
  }
  return value as number;
}

function flag(raw: Raw, key: string): boolean {
  const value = raw[key] ?? false;
  if (typeof value !== 'boolean') throw new InvalidInput(`${key} must be a boolean`, `settings.${key}`);
  return value;
}

const IPV4_CIDR = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\/(3[0-2]|[12]?\d))?$/;
const IPV6_CIDR = /^(?=.*:)[0-9a-f:]{2,39}(\/(12[0-8]|1[01]\d|[1-9]?\d))?$/i;

function ipRanges(raw: Raw): string[] {
  const ranges = raw.ranges;
  if (!Array.isArray(ranges) || ranges.length === 0 || ranges.length > 100) {
    throw new InvalidInput('ranges must list 1 to 100 IP addresses or CIDR ranges', 'settings.ranges');
  }
  const bad = ranges.find((r) => typeof r !== 'string' || !(IPV4_CIDR.test(r) || IPV6_CIDR.test(r)));
  if (bad !== undefined) throw new InvalidInput(`'${String(bad)}' is not an IP address or CIDR range`, 'settings.ranges');
  return ranges as string[];
}
