import { Injectable } from '@nestjs/common';
import { Principal } from '@app/auth';
import { isMspSideRole, NotFound } from '@app/domain';
import { mspScope, orgScope } from '@app/event-store';
import { TenantDirectory } from '@app/tenancy';

/**
 * Which chain a principal audits: an MSP's owner (or API key) its MSP's (all of its supervised
 * organizations' events too) or, with organizationId, one of its organizations'; an
 * organization's owner (or owner-view Activity Log token) its own. From the verified token only; anything else is a 404.
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

/** An MSP's people and its API keys read as the MSP; organization owners and owner-view Activity Log tokens as the organization. */
const isMspRole = (p: Principal) => isMspSideRole(p.role);
const notFound = (id: string) => new NotFound(`Organization ${id} not found`);
