export const MSP_ROLES = ['msp_owner', 'msp_admin', 'msp_member'] as const;
export const ORG_ROLES = ['org_owner', 'org_admin', 'org_member'] as const;

/**
 * The principals of machine credentials, never of a person and never named by a panel token:
 * an MSP's API key (its MSP's logs and supervised organizations' feeds, MSP view), and an
 * organization's Activity Log token (its Business Activity Log, with the admin or the owner view
 * chosen when the token was created). They read; no command names them in the role matrix.
 */
export const MACHINE_ROLES = ['msp_api_client', 'org_api_token_admin', 'org_api_token_owner'] as const;

/** Roles a token of the panel's identity service may carry. */
export const PANEL_ROLES = [...MSP_ROLES, ...ORG_ROLES, 'service'] as const;
export const ROLES = [...PANEL_ROLES, ...MACHINE_ROLES] as const;

export type MspRole = (typeof MSP_ROLES)[number];
export type OrgRole = (typeof ORG_ROLES)[number];
export type MachineRole = (typeof MACHINE_ROLES)[number];
export type PanelRole = (typeof PANEL_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isPanelRole(value: unknown): value is PanelRole {
  return typeof value === 'string' && (PANEL_ROLES as readonly string[]).includes(value);
}

export function isMachineRole(value: unknown): value is MachineRole {
  return typeof value === 'string' && (MACHINE_ROLES as readonly string[]).includes(value);
}

/** Whose side a role reads from: an MSP's people and its API keys read as the MSP. */
export function isMspSideRole(role: Role): boolean {
  return (MSP_ROLES as readonly string[]).includes(role) || role === 'msp_api_client';
}

/** Who sees an organization's item types and names: its owners, and Activity Log tokens an owner gave the owner view. */
export function seesItemDetails(role: Role): boolean {
  return role === 'org_owner' || role === 'org_api_token_owner';
}
