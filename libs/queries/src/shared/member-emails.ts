import { Injectable } from '@nestjs/common';
import { SubjectScope } from '@app/domain';
import { ActivityLogQuery } from '@app/projections';
import { PersonalData } from '@app/privacy';

export type StoreFilters = Omit<ActivityLogQuery, 'window' | 'after' | 'limit'>;

/**
 * The member-email filter: entries hold emails sealed, so an email is looked up in the key store's
 * keyed hashes (scoped to the members who can appear in the view) and becomes the members behind
 * it. An erased member's email finds nobody.
 */
@Injectable()
export class MemberEmails {
  constructor(private readonly personalData: PersonalData) {}

  async resolve(query: StoreFilters, scopes: readonly SubjectScope[]): Promise<StoreFilters> {
    const { memberEmail } = query;
    if (memberEmail === undefined) return query;
    const members = new Set<string>();
    for (const scope of scopes) for (const id of await this.personalData.membersWithEmail(scope, memberEmail)) members.add(id);
    return { ...query, initiatorIn: [...members].sort() };
  }
}
