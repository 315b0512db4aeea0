import { MspRole, OrgRole } from '@app/domain';
import { Principal } from '@app/auth';

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${++counter}`;

export function mspPrincipal(role: MspRole, mspId: string, overrides: Partial<Principal> = {}): Principal {
  const subject = overrides.subject ?? nextId('mspm');
  return { subject, role, mspId, email: `${subject}@msp.example`, name: `Member ${subject}`, ...overrides };
}

export function orgPrincipal(role: OrgRole, orgId: string, overrides: Partial<Principal> = {}): Principal {
  const subject = overrides.subject ?? nextId('orgm');
  return { subject, role, orgId, email: `${subject}@org.example`, name: `Member ${subject}`, ...overrides };
}

export function servicePrincipal(tenant: { mspId?: string; orgId?: string }, subject = 'sign-in-service'): Principal {
  return { subject, role: 'service', ...tenant };
}

/** A client address the API should record: sent through X-Forwarded-For from the trusted loopback proxy. */
export const CLIENT_IP = '198.51.100.7';
