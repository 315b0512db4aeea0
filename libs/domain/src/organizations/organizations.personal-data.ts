import { AreaPrivacy } from '../privacy/personal-data';
import { OrganizationEvent } from './organization.events';

/** Organizations are the MSP's business data; only a reason someone typed is a person's (its author's). */
export const organizationsPrivacy: AreaPrivacy<OrganizationEvent> = {
  OrganizationCreated: { retention: 'state', personal: [] },
  OrganizationDeployed: { retention: 'state', personal: [] },
  OrganizationRenamed: { retention: 'state', personal: [] },
  OrganizationSuspended: { retention: 'state', personal: [{ path: 'reason', kind: 'text', subject: 'actor' }] },
  OrganizationReactivated: { retention: 'state', personal: [] },
  OrganizationTerminated: { retention: 'state', personal: [{ path: 'reason', kind: 'text', subject: 'actor' }] },
};
