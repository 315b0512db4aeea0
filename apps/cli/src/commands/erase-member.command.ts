import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import {
  DomainError, Initiator, mspDecider, MspEvent, mspStream, orgRosterDecider, OrgRosterEvent, orgRosterStream, SubjectScope,
} from '@app/domain';
import { EVENT_STORE, EventMetadata, EventStore, NewEvent, RecordedEvent } from '@app/event-store';
import { PersonalData } from '@app/privacy';

interface EraseFlags {
  msp?: string;
  org?: string;
  member?: string;
}

const OPERATOR = 'operator-cli';

/**
 * GDPR Art. 17 by the operator, when no owner can (an MSP or organization gone, or asked by an
 * authority): the same decision as the routes (only a former member), recorded with the operator
 * as a service actor, then the member's key is deleted.
 */
@Command({
  name: 'erase-member',
  description: "Erase a former member's personal data: records the erasure event (actor: operator-cli), then deletes the member's key",
})
export class EraseMemberCommand extends CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly personalData: PersonalData,
  ) {
    super();
  }

  async run(_: string[], flags: EraseFlags): Promise<void> {
    const { msp, org, member } = flags;
    if (!member || (msp === undefined) === (org === undefined)) throw new Error('name the member (--member) and exactly one of --msp or --org');
    const by: Initiator = { memberId: OPERATOR, role: org ? 'org_owner' : 'msp_owner', ...(org ? { orgId: org } : { mspId: msp }) };
    const streamId = org ? orgRosterStream(org) : mspStream(msp!);
    const past = await this.store.readStream(streamId);
    if (past.length === 0) throw new Error(`${org ? `organization ${org}` : `MSP ${msp}`} not found`);
    const events = await this.decide(past, org ? { type: 'EraseMemberPersonalData', memberId: member, by } : { type: 'EraseMspMemberPersonalData', mspId: msp!, memberId: member, by });
    const metadata: EventMetadata = { actor: { type: 'service', id: OPERATOR, role: 'service' }, tenant: past[0].metadata.tenant, client: { ip: '' } };
    await this.store.append(streamId, events.map((e) => ({ ...e, metadata }) as NewEvent), past[past.length - 1].revision);
    const scope: SubjectScope = org ? `org:${org}` : `msp:${msp}`;
    await this.personalData.erase({ scope, memberId: member });
    process.stdout.write(`erased the personal data of member ${member} of ${scope}\n`);
  }

  private async decide(past: RecordedEvent[], command: Record<string, unknown>): Promise<{ type: string; data: unknown }[]> {
    const known = await this.personalData.reveal(past.filter((e) => !e.expired).map((e) => ({ type: e.type, data: e.data })));
    try {
      if (command.type === 'EraseMemberPersonalData') {
        const state = (known as OrgRosterEvent[]).reduce(orgRosterDecider.evolve, orgRosterDecider.initialState);
        return orgRosterDecider.decide(command as never, state);
      }
      const state = (known as MspEvent[]).reduce(mspDecider.evolve, mspDecider.initialState);
      return mspDecider.decide(command as never, state);
    } catch (error) {
      if (error instanceof DomainError) throw new Error(error.message);
      throw error;
    }
  }

  @Option({ flags: '--msp <mspId>', description: 'the MSP whose former member is erased' })
  parseMsp(value: string): string {
    return value;
  }

  @Option({ flags: '--org <orgId>', description: 'the organization whose former member is erased' })
  parseOrg(value: string): string {
    return value;
  }

  @Option({ flags: '--member <memberId>', description: 'the member id' })
  parseMember(value: string): string {
    return value;
  }
}
