/** The six categories of the MSP Activity Log (DESIGN §1). */
export const MSP_CATEGORIES = [
  'MSP Access',
  'MSP User Management',
  'Organization Management',
  'Integrations',
  'Billing',
  'Settings',
] as const;

/** The groups of the Business Activity Log. */
export const BUSINESS_CATEGORIES = ['Members and Access', 'Policies and Integrations', 'Vault Items and Folders'] as const;

export type MspCategory = (typeof MSP_CATEGORIES)[number];
export type BusinessCategory = (typeof BUSINESS_CATEGORIES)[number];
export type ActivityCategory = MspCategory | BusinessCategory;
