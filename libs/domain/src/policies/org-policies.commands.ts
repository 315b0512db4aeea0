import { Initiator } from '../shared/initiator';

/** `policyKey` and `settings` are checked by the domain against its table of known policies. */
interface OrgPoliciesCommandBase {
  policyKey: string;
  by: Initiator;
}

export type EnablePolicy = OrgPoliciesCommandBase & { type: 'EnablePolicy'; settings?: Record<string, unknown> };
export type DisablePolicy = OrgPoliciesCommandBase & { type: 'DisablePolicy' };

export type OrgPoliciesCommand = EnablePolicy | DisablePolicy;

export const orgPoliciesStream = (orgId: string) => `policy-${orgId}`;
