import { InvalidInput } from '../shared/domain-errors';
import { IntegrationKind, IntegrationSettings } from './integration.events';

/** The kinds that push the activity log out, and so need a stored secret. */
export const SIEM_KINDS = ['splunk', 'microsoft_sentinel'] as const;
export type SiemKind = (typeof SIEM_KINDS)[number];

export function isSiemKind(kind: string): kind is SiemKind {
  return (SIEM_KINDS as readonly string[]).includes(kind);
}

/** How one setting is checked: undefined when its value is fine, else what is wrong with it. */
interface SettingRule {
  required: boolean;
  check(value: string, field: string): string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const PEM_CERTIFICATES = /^(\s*-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----\s*)+$/;

const text = (max: number) => (value: string, field: string) =>
  value.length > max ? `${field} must be at most ${max} characters` : /\p{Cc}/u.test(value) ? `${field} must not contain control characters` : undefined;
const matching = (pattern: RegExp, what: string) => (value: string, field: string) => (pattern.test(value) ? undefined : `${field} must be ${what}`);
const httpsUrl = (value: string, field: string) => (isHttpsUrl(value) && value.length <= 2000 ? undefined : `${field} must be an https URL`);

const required = (check: SettingRule['check']): SettingRule => ({ required: true, check });
const optional = (check: SettingRule['check']): SettingRule => ({ required: false, check });

/**
 * PEM certificate(s) of a private CA to trust instead of the public ones, for a Splunk (or a
 * proxy) whose certificate is self-signed. A public certificate: not a secret.
 */
const caCertificate = optional((value, field) =>
  value.length > 64_000 || !PEM_CERTIFICATES.test(value) ? `${field} must be PEM certificates (-----BEGIN CERTIFICATE-----)` : undefined,
);

/** The non-secret settings of each kind. */
const SETTING_RULES: Record<IntegrationKind, Record<string, SettingRule>> = {
  splunk: {
    url: required(httpsUrl),
    index: required(matching(/^[a-z0-9][a-z0-9_-]{0,79}$/, 'a Splunk index name (lower-case letters, digits, _ and -)')),
    host: optional(text(200)),
    source: optional(text(200)),
    sourcetype: optional(text(200)),
    ack: optional(matching(/^(on|off)$/, "'on' or 'off' (indexer acknowledgement)")),
    caCertificate,
  },
  microsoft_sentinel: {
    dataCollectionEndpoint: required(httpsUrl),
    ruleId: required(matching(/^dcr-[0-9a-f]{32}$/, 'the immutable id of a data collection rule (dcr- and 32 hex digits)')),
    streamName: required(matching(/^(Custom|Microsoft)-[A-Za-z0-9_]{1,200}$/, 'a stream the rule declares (Custom-…)')),
    tenantId: required((v, f) => (GUID.test(v) || DOMAIN_NAME.test(v) ? undefined : `${f} must be an Entra ID tenant id (a GUID) or domain`)),
    clientId: required(matching(GUID, 'the application (client) id of the app registration, a GUID')),
    authorityHost: optional(httpsUrl),
    caCertificate,
  },
  psa: { vendor: required(text(200)), url: required(httpsUrl) },
  rmm: { vendor: required(text(200)), url: required(httpsUrl) },
};

/** The settings a kind knows, required ones first. */
export function settingFieldsOf(kind: IntegrationKind): string[] {
  return Object.keys(SETTING_RULES[kind]);
}

const MIN_SECRET_LENGTH = 8;
const MAX_SECRET_LENGTH = 4096;

/**
 * Throws InvalidInput naming `settings.<field>` for an unknown, empty or malformed field, or a
 * missing required one (`partial`: an edit names only the fields it changes).
 */
export function checkSettings(kind: IntegrationKind, settings: IntegrationSettings, partial = false): void {
  const rules = SETTING_RULES[kind];
  for (const field of Object.keys(settings)) {
    if (!Object.hasOwn(rules, field)) throw new InvalidInput(`${field} is not a setting of a ${kind} integration`, `settings.${field}`);
  }
  for (const [field, rule] of Object.entries(rules)) {
    const value = settings[field];
    if (value === undefined) {
      if (rule.required && !partial) throw new InvalidInput(`${field} is required for a ${kind} integration`, `settings.${field}`);
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') throw new InvalidInput(`${field} must be a non-empty string`, `settings.${field}`);
    const problem = rule.check(value, field);
    if (problem) throw new InvalidInput(problem, `settings.${field}`);
  }
}

/**
 * Checks a secret for its kind (a Splunk HEC token is a GUID) and gives the only trace of it an
 * event may keep: its last four characters. The messages never repeat the secret.
 */
export function checkSecret(kind: IntegrationKind, secret: string): string {
  if (typeof secret !== 'string' || secret.length < MIN_SECRET_LENGTH || secret.length > MAX_SECRET_LENGTH) {
    throw new InvalidInput(`secret must have ${MIN_SECRET_LENGTH} to ${MAX_SECRET_LENGTH} characters`, 'secret');
  }
  if (/[\s\p{Cc}]/u.test(secret)) throw new InvalidInput('secret must not contain spaces or control characters', 'secret');
  if (kind === 'splunk' && !GUID.test(secret)) throw new InvalidInput('secret must be a Splunk HEC token (a GUID)', 'secret');
  return secretFingerprint(secret);
}

/** The only trace of a secret an event may keep. */
export function secretFingerprint(secret: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new InvalidInput(`secret must have at least ${MIN_SECRET_LENGTH} characters`, 'secret');
  }
  return secret.slice(-4);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
