import { Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { MSP_ROLES, NotFound } from '@app/domain';
import { mspScope, orgScope } from '@app/event-store';
import { TenantDirectory } from '@app/tenancy';

/**
 * Which chain a principal audits: an MSP's owner its MSP's (all of its supervised
 * organizations' events too) or, with organizationId, one of its organizations'; an
 * organization's owner its own. From the verified token only; anything else is a 404.
 */
@Injectable()
export class AuditScopes {
  constructor(private readonly tenants: TenantDirectory) {}

  async scopeOf(principal: Principal, organizationId?: string): Promise<string> {
    if (isMspRole(principal)) {
      if (!organizationId) return mspScope(principal.mspId!);
      if ((await this.tenants.supervisorOf(organizationId)) !== principal.mspId) throw notFound(organizationId);
      return orgScope(organizationId);
    }
    if (organizationId && organizationId !== principal.orgId) throw notFound(organizationId);
    return orgScope(principal.orgId!);
  }

  /** The scopes whose events this principal may see with their proofs. */
  visibleScopes(principal: Principal): string[] {
    return isMspRole(principal) ? [mspScope(principal.mspId!)] : [orgScope(principal.orgId!)];
  }
}

const isMspRole = (p: Principal) => (MSP_ROLES as readonly string[]).includes(p.role);
const notFound = (id: string) => new NotFound(`Organization ${id} not found`);
