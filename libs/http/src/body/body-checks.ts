import { BadRequestException, Type } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger';
import { CARD_NUMBER_REFUSAL, findCardNumber } from '@app/domain';

/** Keys that reach into an object's prototype: refused anywhere in a body, never silently dropped. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * What every request body must pass before it is validated against its DTO, each a 400 naming
 * the fields: a JSON object; no full card number anywhere, however it is spelled (never echoed);
 * no prototype keys; and no null where the DTO's OpenAPI schema does not say `nullable`.
 */
export function checkBody(body: unknown, dto: Type | undefined): void {
  if (body === undefined) return; // no body sent: the DTO's required fields say whether one was needed
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalid({ body: ['the request body must be a JSON object'] });
  }
  const card = findCardNumber(body);
  if (card) {
    const fields = Object.fromEntries(card.map((path) => [path || 'body', [`${path || 'body'} must not contain a card number`]]));
    throw new BadRequestException({ message: CARD_NUMBER_REFUSAL, fields });
  }
  const keys = prototypeKeys(body, '');
  if (keys.length > 0) throw invalid(Object.fromEntries(keys.map((path) => [path, [`${path} is not an accepted key`]])));
  const nulls = dto ? unexpectedNulls(body as Record<string, unknown>, dto, '') : [];
  if (nulls.length > 0) {
    throw invalid(Object.fromEntries(nulls.map((path) => [path, [`${path} must not be null (leave it out instead)`]])));
  }
}

function invalid(fields: Record<string, string[]>): BadRequestException {
  return new BadRequestException({ message: 'Validation failed', fields });
}

function prototypeKeys(value: unknown, path: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = path ? `${path}.${key}` : key;
    return PROTOTYPE_KEYS.has(key) ? [childPath] : prototypeKeys(child, childPath);
  });
}

/** Fields holding null that the DTO (through its @ApiProperty metadata) does not declare nullable. */
function unexpectedNulls(body: Record<string, unknown>, dto: Type, path: string): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    const property = propertyOf(dto, name);
    if (!property) continue; // unknown fields are the validator's to refuse
    const fieldPath = path ? `${path}.${name}` : name;
    if (value === null && !acceptsNull(property)) found.push(fieldPath);
    const nested = nestedDto(property.type);
    if (!nested || value === null || typeof value !== 'object') continue;
    const items = Array.isArray(value) ? value.map((item, i) => [`${fieldPath}.${i}`, item] as const) : [[fieldPath, value] as const];
    for (const [itemPath, item] of items) {
      if (item === null) found.push(itemPath);
      else if (typeof item === 'object' && !Array.isArray(item)) found.push(...unexpectedNulls(item as Record<string, unknown>, nested, itemPath));
    }
  }
  return found;
}

interface PropertyMetadata {
  nullable?: boolean;
  type?: unknown;
  oneOf?: { nullable?: boolean }[];
  anyOf?: { nullable?: boolean }[];
}

/** `nullable` on the property, or (OpenAPI 3.0 allows it only beside a type) on one of its oneOf/anyOf branches. */
function acceptsNull(property: PropertyMetadata): boolean {
  return property.nullable === true || [...(property.oneOf ?? []), ...(property.anyOf ?? [])].some((branch) => branch?.nullable === true);
}

function propertyOf(dto: Type, name: string): PropertyMetadata | undefined {
  const names: string[] = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) ?? [];
  if (!names.includes(`:${name}`)) return undefined;
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, name) ?? {};
}

function nestedDto(type: unknown): Type | undefined {
  if (typeof type !== 'function' || !type.prototype) return undefined;
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, type.prototype) ? (type as Type) : undefined;
}
