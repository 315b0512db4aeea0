import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';

/** `policyKey` and `settings` are checked by the domain against its table of known policies. */
interface OrgPoliciesCommandBase {
  policyKey: string;
  by: Initiator;
}

export type EnablePolicy = OrgPoliciesCommandBase & { type: 'EnablePolicy'; settings?: Record<string, unknown> };
export type DisablePolicy = OrgPoliciesCommandBase & { type: 'DisablePolicy' };

export type OrgPoliciesCommand = EnablePolicy | DisablePolicy;

const managers: Role[] = ['org_owner', 'org_admin'];

export const orgPoliciesPermissions: Record<OrgPoliciesCommand['type'], readonly Role[]> = {
  EnablePolicy: managers,
  DisablePolicy: managers,
};

export const orgPoliciesStream = (orgId: string) => `policy-${orgId}`;
