import { Role } from './roles';

/** Which role may read which view (the read side's half of the role matrix). */
export const QUERY_PERMISSIONS = {
  /** Also an MSP's API keys: the same MSP view, pulled by a machine. */
  ReadMspActivityLog: ['msp_owner', 'msp_admin', 'msp_api_client'],
  /** Also an organization's Activity Log tokens, with the admin or owner view of their scope. */
  ReadBusinessActivityLog: ['org_owner', 'org_admin', 'org_api_token_admin', 'org_api_token_owner'],
  ReadOrganizationFeed: ['org_owner', 'org_admin', 'msp_owner', 'msp_admin', 'msp_api_client'],
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
  /** The MSP's API keys (never their private half): those who may generate and revoke them. */
  ListMspApiKeys: ['msp_owner', 'msp_admin'],
  /** The organization's Activity Log tokens (never the token): its owners, who create them, and its admins. */
  ListActivityLogTokens: ['org_owner', 'org_admin'],
  /**
   * A tenant's raw history, its events' proofs and its integrity export: the tenant's owners and
   * the machine credentials that read as one (an MSP API key, an owner-view Activity Log token).
   */
  ReadAuditTrail: ['msp_owner', 'org_owner', 'msp_api_client', 'org_api_token_owner'],
} as const satisfies Record<string, readonly Role[]>;

export type QueryType = keyof typeof QUERY_PERMISSIONS;
