import { Decider } from '../shared/decider';
import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { ACTIVITY_LOG_TOKEN_SCOPES, ActivityLogTokenCommand, CreateActivityLogToken } from './activity-log-token.commands';
import { ActivityLogTokenCreated, ActivityLogTokenEvent } from './activity-log-token.events';

export type ActivityLogTokenState =
  | { exists: false }
  | { exists: true; orgId: string; tokenId: string; name: string; revoked: boolean };

type Existing = Extract<ActivityLogTokenState, { exists: true }>;

export const activityLogTokenDecider: Decider<ActivityLogTokenCommand, ActivityLogTokenEvent, ActivityLogTokenState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: ActivityLogTokenState, event: ActivityLogTokenEvent): ActivityLogTokenState {
  if (event.type === 'ActivityLogTokenCreated') {
    const { orgId, tokenId, name } = event.data;
    return { exists: true, orgId, tokenId, name, revoked: false };
  }
  return state.exists ? { ...state, revoked: true } : state;
}

function decide(command: ActivityLogTokenCommand, state: ActivityLogTokenState): ActivityLogTokenEvent[] {
  if (command.type === 'CreateActivityLogToken') return [create(command, state)];
  const token = owned(state, command);
  if (token.revoked) throw new Refused(`Activity Log token '${token.name}' is already revoked`);
  return [{ type: 'ActivityLogTokenRevoked', data: { orgId: token.orgId, tokenId: token.tokenId, name: token.name } }];
}

function create(command: CreateActivityLogToken, state: ActivityLogTokenState): ActivityLogTokenCreated {
  const { tokenId, name, by } = command;
  if (state.exists) throw new Refused(`Activity Log token ${tokenId} already exists`);
  if (!by.orgId) throw new NotFound('Only an organization can create an Activity Log token');
  const expiresAt = command.expiresAt && futureInstant(command.expiresAt, command.now);
  if (!(ACTIVITY_LOG_TOKEN_SCOPES as readonly string[]).includes(command.scope)) throw new InvalidInput('scope must be admin or owner', 'scope');
  if (!TOKEN_HASH.test(command.tokenHash)) throw new InvalidInput('tokenHash must be a SHA-256 in hex', 'tokenHash');
  const { scope, tokenHash } = command;
  return { type: 'ActivityLogTokenCreated', data: { orgId: by.orgId, tokenId, name, ...(expiresAt && { expiresAt }), scope, tokenHash } };
}

const TOKEN_HASH = /^[0-9a-f]{64}$/;

function futureInstant(expiresAt: string, now: string): string {
  const at = Date.parse(expiresAt);
  if (Number.isNaN(at)) throw new InvalidInput('expiresAt must be an ISO-8601 date-time', 'expiresAt');
  if (at <= Date.parse(now)) throw new InvalidInput('expiresAt must be in the future', 'expiresAt');
  return new Date(at).toISOString();
}

/** A token of another organization looks like a missing one. */
function owned(state: ActivityLogTokenState, command: ActivityLogTokenCommand): Existing {
  if (!state.exists || state.orgId !== command.by.orgId) throw new NotFound(`Activity Log token ${command.tokenId} not found`);
  return state;
}
