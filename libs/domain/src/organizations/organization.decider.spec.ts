import { NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { organizationDecider as decider } from './organization.decider';
import { OrganizationEvent } from './organization.events';

const by: Initiator = { memberId: 'm-1', role: 'msp_admin', mspId: 'msp-1' };
const other: Initiator = { memberId: 'm-9', role: 'msp_owner', mspId: 'msp-2' };
const organizationId = 'org-1';
const ref = { organizationId, name: 'Acme' };

const created: OrganizationEvent = { type: 'OrganizationCreated', data: { ...ref, mspId: 'msp-1' } };
const deployed: OrganizationEvent = { type: 'OrganizationDeployed', data: ref };
const suspended: OrganizationEvent = { type: 'OrganizationSuspended', data: ref };
const terminated: OrganizationEvent = { type: 'OrganizationTerminated', data: ref };

describe('Organization decider', () => {
  describe('CreateOrganization', () => {
    it('creates an organization supervised by the initiator’s MSP', () =>
      given(decider).when({ type: 'CreateOrganization', organizationId, name: 'Acme', by }).then([created]));
    it('refuses to create it twice', () =>
      given(decider, [created]).when({ type: 'CreateOrganization', organizationId, name: 'X', by }).thenRefuses(Refused, /already exists/));
    it('refuses an initiator without an MSP', () =>
      given(decider).when({ type: 'CreateOrganization', organizationId, name: 'X', by: { memberId: 'x', role: 'org_owner', orgId: 'o' } }).thenRefuses(NotFound));
  });

  describe('DeployOrganization', () => {
    it('deploys a created organization', () =>
      given(decider, [created]).when({ type: 'DeployOrganization', organizationId, by }).then([deployed]));
    it('refuses to deploy twice', () =>
      given(decider, [created, deployed]).when({ type: 'DeployOrganization', organizationId, by }).thenRefuses(Refused, /is active and cannot be deployed/));
    it('answers not found for an unknown organization', () =>
      given(decider).when({ type: 'DeployOrganization', organizationId, by }).thenRefuses(NotFound, /org-1 not found/));
    it('answers not found to an MSP that does not supervise it', () =>
      given(decider, [created]).when({ type: 'DeployOrganization', organizationId, by: other }).thenRefuses(NotFound));
  });

  describe('RenameOrganization', () => {
    it('records the previous and the new name', () =>
      given(decider, [created, deployed]).when({ type: 'RenameOrganization', organizationId, name: 'Acme Ltd', by })
        .then([{ type: 'OrganizationRenamed', data: { organizationId, previousName: 'Acme', newName: 'Acme Ltd' } }]));
    it('refuses a rename to the same name', () =>
      given(decider, [created]).when({ type: 'RenameOrganization', organizationId, name: 'Acme', by }).thenRefuses(Refused, /already named/));
    it('refuses to rename a terminated organization', () =>
      given(decider, [created, terminated]).when({ type: 'RenameOrganization', organizationId, name: 'B', by }).thenRefuses(Refused, /terminated/));
  });

  describe('SuspendOrganization and ReactivateOrganization', () => {
    it('suspends an active organization, with a reason', () =>
      given(decider, [created, deployed]).when({ type: 'SuspendOrganization', organizationId, reason: 'unpaid', by })
        .then([{ type: 'OrganizationSuspended', data: { ...ref, reason: 'unpaid' } }]));
    it('refuses to suspend one that is not deployed yet', () =>
      given(decider, [created]).when({ type: 'SuspendOrganization', organizationId, by }).thenRefuses(Refused, /is created and cannot be suspended/));
    it('refuses to suspend one already suspended', () =>
      given(decider, [created, deployed, suspended]).when({ type: 'SuspendOrganization', organizationId, by }).thenRefuses(Refused));
    it('reactivates a suspended organization', () =>
      given(decider, [created, deployed, suspended]).when({ type: 'ReactivateOrganization', organizationId, by })
        .then([{ type: 'OrganizationReactivated', data: ref }]));
    it('refuses to reactivate an active organization', () =>
      given(decider, [created, deployed]).when({ type: 'ReactivateOrganization', organizationId, by }).thenRefuses(Refused, /is active/));
  });

  describe('TerminateOrganization', () => {
    it('terminates from any live state', () => {
      for (const past of [[created], [created, deployed], [created, deployed, suspended]]) {
        given(decider, past).when({ type: 'TerminateOrganization', organizationId, by }).then([terminated]);
      }
    });
    it('is final: nothing is accepted afterwards', () => {
      const past = [created, deployed, terminated];
      for (const type of ['DeployOrganization', 'SuspendOrganization', 'ReactivateOrganization', 'TerminateOrganization'] as const) {
        given(decider, past).when({ type, organizationId, by }).thenRefuses(Refused, /terminated/);
      }
    });
  });
});
