export const MSP_ROLES = ['msp_owner', 'msp_admin', 'msp_member'] as const;
export const ORG_ROLES = ['org_owner', 'org_admin', 'org_member'] as const;
export const ROLES = [...MSP_ROLES, ...ORG_ROLES, 'service'] as const;

export type MspRole = (typeof MSP_ROLES)[number];
export type OrgRole = (typeof ORG_ROLES)[number];
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
