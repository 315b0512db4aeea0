import { ApiProperty } from '@nestjs/swagger';

/** What every command answers: enough to find the events and to wait for the views to catch up. */
export class CommandResultDto {
  @ApiProperty({ description: 'Id of the aggregate the command acted on', example: '0193a5b2-7c4d-7e01-9b7a-5c1a2b3c4d5e' })
  id: string;

  @ApiProperty({ example: 'organization-0193a5b2-7c4d-7e01-9b7a-5c1a2b3c4d5e' })
  streamId: string;

  @ApiProperty({ description: 'Revision of the last event written, a string of digits', example: '3' })
  revision: string;

  @ApiProperty({ description: 'Global position of the last event written, a string of digits: pass it as ?minPosition=', example: '1042' })
  position: string;

  @ApiProperty({ type: [String], description: 'Ids of the events written, in order' })
  eventIds: string[];
}
