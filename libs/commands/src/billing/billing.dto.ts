import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsEmail, IsIn, IsInt, IsISO31661Alpha2, IsNotEmpty, IsOptional, IsString, Matches,
  Max, MaxLength, Min, ValidateIf,
} from 'class-validator';
import { CARD_BRANDS, CardBrand } from '@app/domain';
import { CommandResultDto } from '../shared/command-result.dto';

/** Validates only when the field is present: unlike @IsOptional, an explicit null is refused. */
const IfPresent = () => ValidateIf((_object, value) => value !== undefined);

const VAT_ID = /^[A-Za-z0-9][A-Za-z0-9 .-]*$/;

export class AddBillingDetailsDto {
  @ApiProperty({ example: 'Acme MSP Ltd', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  companyName: string;

  @ApiProperty({ example: 'billing@acme-msp.example', maxLength: 254 })
  @IsEmail()
  @MaxLength(254)
  billingEmail: string;

  @ApiProperty({ type: [String], example: ['1 Main Street', 'Springfield, IL 62701'], minItems: 1, maxItems: 5 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  addressLines: string[];

  @ApiProperty({ example: 'US', description: 'ISO 3166-1 alpha-2 country code' })
  @IsISO31661Alpha2()
  country: string;

  @ApiPropertyOptional({ example: 'DE123456789', maxLength: 32 })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(VAT_ID, { message: 'vatId must contain only letters, digits, spaces, dots and dashes' })
  vatId?: string;
}

export class ChangeBillingDetailsDto {
  @ApiPropertyOptional({ example: 'Acme MSP Inc', maxLength: 200 })
  @IfPresent()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  companyName?: string;

  @ApiPropertyOptional({ example: 'invoices@acme-msp.example', maxLength: 254 })
  @IfPresent()
  @IsEmail()
  @MaxLength(254)
  billingEmail?: string;

  @ApiPropertyOptional({ type: [String], example: ['2 Main Street', 'Springfield, IL 62701'], minItems: 1, maxItems: 5 })
  @IfPresent()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  @MaxLength(200, { each: true })
  addressLines?: string[];

  @ApiPropertyOptional({ example: 'US', description: 'ISO 3166-1 alpha-2 country code' })
  @IfPresent()
  @IsISO31661Alpha2()
  country?: string;

  @ApiPropertyOptional({ type: String, example: 'DE123456789', maxLength: 32, nullable: true, description: 'null removes it' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  @Matches(VAT_ID, { message: 'vatId must contain only letters, digits, spaces, dots and dashes' })
  vatId?: string | null;
}

export class AddCreditCardDto {
  @ApiProperty({ enum: CARD_BRANDS, example: 'visa' })
  @IsIn(CARD_BRANDS)
  brand: CardBrand;

  @ApiProperty({ example: '4242', pattern: '^\\d{4}$', description: 'The last four digits only: a full card number is refused' })
  @Matches(/^\d{4}$/, { message: 'last4 must be exactly four digits' })
  last4: string;

  @ApiProperty({ example: 12, minimum: 1, maximum: 12 })
  @IsInt()
  @Min(1)
  @Max(12)
  expMonth: number;

  @ApiProperty({ example: 2030, minimum: 2000, maximum: 2100 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  expYear: number;

  @ApiProperty({ example: 'pm_1PqRsT2eZvKYlo2C', maxLength: 255, description: 'The payment provider’s token for the card' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]+$/, { message: 'providerToken must contain only letters, digits, _ and -' })
  @MaxLength(255)
  providerToken: string;
}

/** A command result that also names the card, whose id the server chose. */
export class AddCreditCardResultDto extends CommandResultDto {
  @ApiProperty({ description: 'Id of the card just added', example: '0193a5b2-7c4d-7e01-9b7a-5c1a2b3c4d5e' })
  cardId: string;
}
