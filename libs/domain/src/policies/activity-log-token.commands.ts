import { Role } from '../access/roles';
import { Initiator } from '../shared/initiator';

interface ActivityLogTokenCommandBase {
  tokenId: string;
  by: Initiator;
}

/**
 * Which view of the Business Activity Log a token reads: `admin` (generic item details, the
 * default) or `owner` (item types and names too). Chosen by the owner who creates the token.
 */
export const ACTIVITY_LOG_TOKEN_SCOPES = ['admin', 'owner'] as const;
export type ActivityLogTokenScope = (typeof ACTIVITY_LOG_TOKEN_SCOPES)[number];

/**
 * `now` (ISO-8601) is when the request arrived, to refuse an expiry in the past. `tokenHash`: the
 * SHA-256 (hex) of the random token the route answers once; the token itself reaches no command.
 */
export type CreateActivityLogToken = ActivityLogTokenCommandBase & {
  type: 'CreateActivityLogToken';
  name: string;
  expiresAt?: string;
  now: string;
  scope: ActivityLogTokenScope;
  tokenHash: string;
};
export type RevokeActivityLogToken = ActivityLogTokenCommandBase & { type: 'RevokeActivityLogToken' };

export type ActivityLogTokenCommand = CreateActivityLogToken | RevokeActivityLogToken;

/** A token reads the log without a person behind each read: only an owner hands one out; an admin may still revoke it. */
export const activityLogTokenPermissions: Record<ActivityLogTokenCommand['type'], readonly Role[]> = {
  CreateActivityLogToken: ['org_owner'],
  RevokeActivityLogToken: ['org_owner', 'org_admin'],
};

/** How an Activity Log token starts, so that it is recognisable (to the API and to secret scanners). */
export const ACTIVITY_LOG_TOKEN_PREFIX = 'alt_';

export const activityLogTokenStream = (tokenId: string) => `activityLogToken-${tokenId}`;
