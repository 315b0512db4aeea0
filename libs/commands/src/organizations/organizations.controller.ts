import { Body } from '@nestjs/common';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { CreateOrganizationDto, OrganizationReasonDto, RenameOrganizationDto } from './organization.dto';

const OrganizationId = () => UuidParam('organizationId');

/** Organization Management: the lifecycle of the customer organizations an MSP supervises. */
@CommandController('organizations', 'Organization Management')
export class OrganizationsController {
  @CommandRoute('POST', '', { command: 'CreateOrganization', status: 201, summary: 'Create a customer organization' })
  create(@Body() body: CreateOrganizationDto, @NewId() organizationId: string) {
    return { organizationId, name: body.name };
  }

  @CommandRoute('POST', ':organizationId/deploy', { command: 'DeployOrganization', status: 200, summary: 'Deploy a created organization' })
  deploy(@OrganizationId() organizationId: string) {
    return { organizationId };
  }

  @CommandRoute('POST', ':organizationId/rename', { command: 'RenameOrganization', status: 200, summary: 'Rename an organization' })
  rename(@OrganizationId() organizationId: string, @Body() body: RenameOrganizationDto) {
    return { organizationId, name: body.name };
  }

  @CommandRoute('POST', ':organizationId/suspend', {
    command: 'SuspendOrganization', status: 200, summary: 'Suspend an active organization',
  })
  suspend(@OrganizationId() organizationId: string, @Body() body: OrganizationReasonDto) {
    return { organizationId, reason: body.reason };
  }

  @CommandRoute('POST', ':organizationId/reactivate', {
    command: 'ReactivateOrganization', status: 200, summary: 'Reactivate a suspended organization',
  })
  reactivate(@OrganizationId() organizationId: string) {
    return { organizationId };
  }

  @CommandRoute('POST', ':organizationId/terminate', {
    command: 'TerminateOrganization', status: 200, summary: 'Terminate an organization (final)',
  })
  terminate(@OrganizationId() organizationId: string, @Body() body: OrganizationReasonDto) {
    return { organizationId, reason: body.reason };
  }
}
