import { Module } from '@nestjs/common';
import { OrgMemberAccessCommandHandler, OrgRosterCommandHandler } from './org-members-command.handlers';
import { OrgMemberAccessController } from './org-member-access.controller';
import { OrgRosterController } from './org-roster.controller';

@Module({
  controllers: [OrgRosterController, OrgMemberAccessController],
  providers: [OrgRosterCommandHandler, OrgMemberAccessCommandHandler],
})
export class OrgMembersCommandsModule {}
