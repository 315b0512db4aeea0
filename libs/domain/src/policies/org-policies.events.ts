import { DomainEvent } from '../shared/decider';
import { PolicyKey, PolicySettings } from './policy-definitions';

type Policy = { orgId: string; policyKey: PolicyKey; policyName: string };

export type PolicyEnabled = DomainEvent<'PolicyEnabled', Policy & { settings?: PolicySettings }>;
export type PolicyDisabled = DomainEvent<'PolicyDisabled', Policy>;

export type OrgPoliciesEvent = PolicyEnabled | PolicyDisabled;
