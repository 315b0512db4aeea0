import { InvalidInput } from '../shared/domain-errors';
import { IntegrationKind, IntegrationSettings } from './integration.events';

/** The non-secret settings each kind needs; those ending in `url`/`Endpoint` must be https URLs. */
export const INTEGRATION_SETTING_FIELDS: Record<IntegrationKind, readonly string[]> = {
  splunk: ['url', 'index'],
  microsoft_sentinel: ['dataCollectionEndpoint', 'ruleId', 'streamName', 'tenantId', 'clientId'],
  psa: ['vendor', 'url'],
  rmm: ['vendor', 'url'],
};

const MIN_SECRET_LENGTH = 8;

/** Throws InvalidInput naming `settings.<field>` for an unknown, empty or malformed field. */
export function checkSettings(kind: IntegrationKind, settings: IntegrationSettings, partial = false): void {
  const known = INTEGRATION_SETTING_FIELDS[kind];
  for (const field of Object.keys(settings)) {
    if (!known.includes(field)) throw new InvalidInput(`${field} is not a setting of a ${kind} integration`, `settings.${field}`);
  }
  for (const field of known) {
    const value = settings[field];
    if (value === undefined && partial) continue;
    if (value === undefined) throw new InvalidInput(`${field} is required for a ${kind} integration`, `settings.${field}`);
    if (typeof value !== 'string' || value.trim() === '') {
      throw new InvalidInput(`${field} must be a non-empty string`, `settings.${field}`);
    }
    if (/(url|Endpoint)$/.test(field) && !isHttpsUrl(value)) {
      throw new InvalidInput(`${field} must be an https URL`, `settings.${field}`);
    }
  }
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
