import { Initiator, isMachineRole, MSP_ROLES, ORG_ROLES, Role } from '@app/domain';

/** Who is calling, as a verified token says. The tenant comes from here and nowhere else. */
export interface Principal {
  subject: string;
  role: Role;
  email?: string;
  name?: string;
  mspId?: string;
  orgId?: string;
}

export function initiatorOf(principal: Principal): Initiator {
  const { subject, ...rest } = principal;
  return { memberId: subject, ...rest };
}

/** MSP roles (and MSP keys) need an mspId, organization roles (and Activity Log tokens) an orgId, a service at least one of them. */
export function tenantProblem(principal: Principal): string | undefined {
  if (principal.role === 'msp_api_client' && !principal.mspId) return 'an MSP API key needs an mspId';
  if (isMachineRole(principal.role) && principal.role !== 'msp_api_client' && !principal.orgId) return 'an Activity Log token needs an orgId';
  if ((MSP_ROLES as readonly string[]).includes(principal.role) && !principal.mspId) return `role ${principal.role} needs an mspId claim`;
  if ((ORG_ROLES as readonly string[]).includes(principal.role) && !principal.orgId) return `role ${principal.role} needs an orgId claim`;
  if (principal.role === 'service' && !principal.mspId && !principal.orgId) return 'a service token needs an mspId or orgId claim';
  return undefined;
}
