import { Role } from './roles';

/** Which role may read which view (the read side's half of the role matrix). */
export const QUERY_PERMISSIONS = {
  ReadMspActivityLog: ['msp_owner', 'msp_admin'],
  ReadBusinessActivityLog: ['org_owner', 'org_admin'],
  ReadOrganizationFeed: ['org_owner', 'org_admin', 'msp_owner', 'msp_admin'],
  /** Admins see it with generic details (no item or folder names, no item types). */
  ReadSharingHub: ['org_owner', 'org_admin'],
  /** The lists a panel's filters need, readable by those who read the matching log. */
  ListOrganizations: ['msp_owner', 'msp_admin'],
  ListMspMembers: ['msp_owner', 'msp_admin'],
  ListOrgMembers: ['org_owner', 'org_admin'],
  /** As ReadIntegrationStatus: the integrations' owners. */
  ListIntegrations: ['msp_owner', 'msp_admin', 'org_owner'],
  /** A ticket for a live tail or an export: whoever reads one of those views; the view's own rule applies at use. */
  IssueStreamTicket: ['msp_owner', 'msp_admin', 'org_owner', 'org_admin'],
  /** The owners of an integration: an MSP's managers (MSP-owned), an organization's owners (its own). */
  ReadIntegrationStatus: ['msp_owner', 'msp_admin', 'org_owner'],
  /** A tenant's raw history, its events' proofs and its integrity export: the tenant's owners (auditors act with their rights). */
  ReadAuditTrail: ['msp_owner', 'org_owner'],
} as const satisfies Record<string, readonly Role[]>;

export type QueryType = keyof typeof QUERY_PERMISSIONS;
