import { Role } from '../access/roles';

/**
 * Who sends a command, as the verified credential says: deciders use it for rules such as
 * "only the owner transfers ownership" and to keep each aggregate inside its tenant.
 */
export interface Initiator {
  memberId: string;
  role: Role;
  email?: string;
  name?: string;
  mspId?: string;
  orgId?: string;
}
