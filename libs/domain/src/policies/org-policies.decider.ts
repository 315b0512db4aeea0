import { Decider } from '../shared/decider';
import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { OrgPoliciesCommand } from './org-policies.commands';
import { OrgPoliciesEvent } from './org-policies.events';
import { isPolicyKey, POLICY_DEFINITIONS, PolicyKey } from './policy-definitions';

/** Created by its first enabled policy, which fixes the organization. */
export interface OrgPoliciesState {
  orgId?: string;
  enabled: readonly PolicyKey[];
}

export const orgPoliciesDecider: Decider<OrgPoliciesCommand, OrgPoliciesEvent, OrgPoliciesState> = {
  initialState: { enabled: [] },
  evolve,
  decide,
};

function evolve(state: OrgPoliciesState, event: OrgPoliciesEvent): OrgPoliciesState {
  const { orgId, policyKey } = event.data;
  const others = state.enabled.filter((key) => key !== policyKey);
  return { orgId: state.orgId ?? orgId, enabled: event.type === 'PolicyEnabled' ? [...others, policyKey] : others };
}

function decide(command: OrgPoliciesCommand, state: OrgPoliciesState): OrgPoliciesEvent[] {
  const orgId = tenantOf(state, command.by);
  const { policyKey } = command;
  if (!isPolicyKey(policyKey)) throw new InvalidInput(`Unknown policy '${policyKey}'`, 'policyKey');
  const definition = POLICY_DEFINITIONS[policyKey];
  const ref = { orgId, policyKey, policyName: definition.name };
  const enabled = state.enabled.includes(policyKey);
  switch (command.type) {
    case 'EnablePolicy': {
      if (enabled) throw new Refused(`Policy '${definition.name}' is already enabled`);
      const settings = definition.settings(command.settings);
      return [{ type: 'PolicyEnabled', data: { ...ref, ...(settings && { settings }) } }];
    }
    case 'DisablePolicy':
      if (!enabled) throw new Refused(`Policy '${definition.name}' is not enabled`);
      return [{ type: 'PolicyDisabled', data: ref }];
  }
}

/** The policies of another organization look like missing ones. */
function tenantOf(state: OrgPoliciesState, by: Initiator): string {
  if (!by.orgId || (state.orgId !== undefined && state.orgId !== by.orgId)) throw new NotFound('Organization policies not found');
  return by.orgId;
}
