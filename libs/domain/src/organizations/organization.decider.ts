import { Decider } from '../shared/decider';
import { NotFound, Refused } from '../shared/domain-errors';
import { OrganizationCommand } from './organization.commands';
import { OrganizationEvent } from './organization.events';

/** created -> deployed (active) <-> suspended; any of them -> terminated, which is final. */
export type OrganizationStatus = 'created' | 'active' | 'suspended' | 'terminated';

export type OrganizationState =
  | { exists: false }
  | { exists: true; organizationId: string; mspId: string; name: string; status: OrganizationStatus };

type Existing = Extract<OrganizationState, { exists: true }>;

export const organizationDecider: Decider<OrganizationCommand, OrganizationEvent, OrganizationState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: OrganizationState, event: OrganizationEvent): OrganizationState {
  if (event.type === 'OrganizationCreated') {
    const { organizationId, mspId, name } = event.data;
    return { exists: true, organizationId, mspId, name, status: 'created' };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'OrganizationDeployed':
    case 'OrganizationReactivated':
      return { ...state, status: 'active' };
    case 'OrganizationRenamed':
      return { ...state, name: event.data.newName };
    case 'OrganizationSuspended':
      return { ...state, status: 'suspended' };
    case 'OrganizationTerminated':
      return { ...state, status: 'terminated' };
  }
}

function decide(command: OrganizationCommand, state: OrganizationState): OrganizationEvent[] {
  if (command.type === 'CreateOrganization') {
    if (state.exists) throw new Refused(`Organization ${command.organizationId} already exists`);
    const mspId = command.by.mspId;
    if (!mspId) throw new NotFound('Only an MSP can create an organization');
    return [{ type: 'OrganizationCreated', data: { organizationId: command.organizationId, mspId, name: command.name } }];
  }
  const org = supervised(state, command);
  const ref = { organizationId: org.organizationId, name: org.name };
  switch (command.type) {
    case 'DeployOrganization':
      requireStatus(org, ['created'], 'deployed');
      return [{ type: 'OrganizationDeployed', data: ref }];
    case 'RenameOrganization':
      requireStatus(org, ['created', 'active', 'suspended'], 'renamed');
      if (command.name === org.name) throw new Refused(`Organization is already named '${org.name}'`);
      return [{ type: 'OrganizationRenamed', data: { organizationId: org.organizationId, previousName: org.name, newName: command.name } }];
    case 'SuspendOrganization':
      requireStatus(org, ['active'], 'suspended');
      return [{ type: 'OrganizationSuspended', data: { ...ref, ...(command.reason && { reason: command.reason }) } }];
    case 'ReactivateOrganization':
      requireStatus(org, ['suspended'], 'reactivated');
      return [{ type: 'OrganizationReactivated', data: ref }];
    case 'TerminateOrganization':
      requireStatus(org, ['created', 'active', 'suspended'], 'terminated');
      return [{ type: 'OrganizationTerminated', data: { ...ref, ...(command.reason && { reason: command.reason }) } }];
  }
}

/** An MSP acts only on the organizations it supervises; any other looks like a missing one. */
function supervised(state: OrganizationState, command: OrganizationCommand): Existing {
  if (!state.exists || state.mspId !== command.by.mspId) {
    throw new NotFound(`Organization ${command.organizationId} not found`);
  }
  return state;
}

function requireStatus(org: Existing, allowed: OrganizationStatus[], action: string): void {
  if (!allowed.includes(org.status)) {
    throw new Refused(`Organization '${org.name}' is ${org.status} and cannot be ${action}`);
  }
}
