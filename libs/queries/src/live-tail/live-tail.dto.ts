import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { BusinessLogQueryDto, FeedQueryDto, MspLogQueryDto } from '../shared/log-query.dto';
import { TicketQueryParam } from '../stream-tickets/stream-ticket.dto';

/** A live tail has no window, pages or freshness: it starts now (or after a position) and follows. */
const NOT_LIVE = ['from', 'to', 'limit', 'cursor', 'minPosition', 'asOf'] as const;

const AFTER_DOC = {
  description:
    'Resume strictly after this position (the `id` of the last message received), for clients that cannot send ' +
    'the `Last-Event-ID` header; the header wins when both are given. Without either, the stream starts live.',
  example: '1234',
};
const POSITION = /^\d{1,19}$/;
const AFTER_MESSAGE = { message: 'after must be a position: a string of digits' };

export class MspLiveQueryDto extends OmitType(MspLogQueryDto, NOT_LIVE) {
  @ApiPropertyOptional(AFTER_DOC)
  @IsOptional()
  @Matches(POSITION, AFTER_MESSAGE)
  after?: string;

  @TicketQueryParam()
  ticket?: string;
}

export class BusinessLiveQueryDto extends OmitType(BusinessLogQueryDto, NOT_LIVE) {
  @ApiPropertyOptional(AFTER_DOC)
  @IsOptional()
  @Matches(POSITION, AFTER_MESSAGE)
  after?: string;

  @TicketQueryParam()
  ticket?: string;
}

export class FeedLiveQueryDto extends OmitType(FeedQueryDto, NOT_LIVE) {
  @ApiPropertyOptional(AFTER_DOC)
  @IsOptional()
  @Matches(POSITION, AFTER_MESSAGE)
  after?: string;

  @TicketQueryParam()
  ticket?: string;
}
