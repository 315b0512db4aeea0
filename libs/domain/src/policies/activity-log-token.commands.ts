import { Initiator } from '../shared/initiator';

interface ActivityLogTokenCommandBase {
  tokenId: string;
  by: Initiator;
}

/** `now` (ISO-8601) is when the request arrived, to refuse an expiry in the past. */
export type CreateActivityLogToken = ActivityLogTokenCommandBase & {
  type: 'CreateActivityLogToken';
  name: string;
  expiresAt?: string;
  now: string;
};
export type RevokeActivityLogToken = ActivityLogTokenCommandBase & { type: 'RevokeActivityLogToken' };

export type ActivityLogTokenCommand = CreateActivityLogToken | RevokeActivityLogToken;

export const activityLogTokenStream = (tokenId: string) => `activityLogToken-${tokenId}`;
