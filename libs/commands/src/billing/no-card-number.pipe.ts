import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { findCardNumber } from '@app/domain';

/**
 * Billing request bodies must never carry a full card number, whatever field it hides in.
 * Only the body: path ids are UUIDs, whose all-digit groups can pass a Luhn check by chance.
 */
@Injectable()
export class NoCardNumberPipe implements PipeTransform {
  transform<T>(value: T, metadata: ArgumentMetadata): T {
    if (metadata.type !== 'body') return value;
    const field = findCardNumber(value);
    if (field === undefined) return value;
    const name = field || 'body';
    throw new BadRequestException({
      message: 'A full card number must never be sent: give the last four digits and the payment provider’s token',
      fields: { [name]: [`${name} must not contain a card number`] },
    });
  }
}
