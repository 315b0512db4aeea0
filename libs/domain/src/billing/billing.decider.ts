import { Decider } from '../shared/decider';
import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { AddCreditCard, BillingCommand, ChangeBillingDetails } from './billing.commands';
import { BillingDetails, BillingEvent, BillingField, BillingFieldChange, CardRef } from './billing.events';

export type BillingState =
  | { exists: false }
  | { exists: true; mspId: string; details: BillingDetails; cards: CardRef[]; defaultCardId: string | null };

type Existing = Extract<BillingState, { exists: true }>;

const DETAIL_FIELDS: BillingField[] = ['companyName', 'billingEmail', 'addressLines', 'country', 'vatId'];

export const billingDecider: Decider<BillingCommand, BillingEvent, BillingState> = {
  initialState: { exists: false },
  evolve,
  decide,
};

function evolve(state: BillingState, event: BillingEvent): BillingState {
  if (event.type === 'BillingDetailsAdded') {
    const { mspId, ...details } = event.data;
    return { exists: true, mspId, details, cards: [], defaultCardId: null };
  }
  if (!state.exists) return state;
  switch (event.type) {
    case 'BillingDetailsChanged':
      return { ...state, details: event.data.changes.reduce(applyChange, state.details) };
    case 'CreditCardAdded': {
      const { cardId, brand, last4, isDefault } = event.data;
      return { ...state, cards: [...state.cards, { cardId, brand, last4 }], ...(isDefault && { defaultCardId: cardId }) };
    }
    case 'CreditCardRemoved': {
      const defaultCardId = state.defaultCardId === event.data.cardId ? null : state.defaultCardId;
      return { ...state, cards: state.cards.filter((card) => card.cardId !== event.data.cardId), defaultCardId };
    }
    case 'DefaultCreditCardChanged':
      return { ...state, defaultCardId: event.data.newCard.cardId };
  }
}

function applyChange(details: BillingDetails, change: BillingFieldChange): BillingDetails {
  if (change.newValue === null) {
    const { [change.field]: _removed, ...rest } = details;
    return rest as BillingDetails;
  }
  return { ...details, [change.field]: change.newValue };
}

function decide(command: BillingCommand, state: BillingState): BillingEvent[] {
  if (command.type === 'AddBillingDetails') {
    ownTenant(command);
    if (state.exists) throw new Refused('Billing details already exist; change them instead');
    const { type: _type, by: _by, mspId, ...details } = command;
    return [{ type: 'BillingDetailsAdded', data: { mspId, ...details } }];
  }
  const billing = existing(state, command);
  const { mspId } = billing;
  switch (command.type) {
    case 'ChangeBillingDetails': {
      const changes = changesOf(command, billing.details);
      const companyName = command.companyName ?? billing.details.companyName;
      return [{ type: 'BillingDetailsChanged', data: { mspId, companyName, changes } }];
    }
    case 'AddCreditCard':
      return [addCard(command, billing)];
    case 'RemoveCreditCard': {
      const card = cardOf(billing, command.cardId);
      if (card.cardId === billing.defaultCardId && billing.cards.length > 1) {
        throw new Refused(`${cardLabel(card)} is the default card; make another card the default first`);
      }
      return [{ type: 'CreditCardRemoved', data: { mspId, ...card } }];
    }
    case 'ChangeDefaultCreditCard': {
      const newCard = cardOf(billing, command.cardId);
      if (newCard.cardId === billing.defaultCardId) throw new Refused(`${cardLabel(newCard)} is already the default card`);
      const previousCard = cardOf(billing, billing.defaultCardId ?? '');
      return [{ type: 'DefaultCreditCardChanged', data: { mspId, previousCard, newCard } }];
    }
  }
}

function changesOf(command: ChangeBillingDetails, details: BillingDetails): BillingFieldChange[] {
  const changes = DETAIL_FIELDS.flatMap((field): BillingFieldChange[] => {
    const newValue = command[field];
    const previousValue = details[field] ?? null;
    if (newValue === undefined || JSON.stringify(newValue) === JSON.stringify(previousValue)) return [];
    return [{ field, previousValue, newValue }];
  });
  if (changes.length === 0) throw new Refused('The billing details already hold these values');
  return changes;
}

function addCard(command: AddCreditCard, billing: Existing): BillingEvent {
  const { cardId, brand, last4, expMonth, expYear, providerToken, now } = command;
  if (billing.cards.some((card) => card.cardId === cardId)) throw new Refused(`Card ${cardId} was already added`);
  if (expYear < now.getUTCFullYear()) throw new InvalidInput('The card has expired', 'expYear');
  if (expYear === now.getUTCFullYear() && expMonth < now.getUTCMonth() + 1) {
    throw new InvalidInput('The card has expired', 'expMonth');
  }
  const isDefault = billing.defaultCardId === null;
  return { type: 'CreditCardAdded', data: { mspId: billing.mspId, cardId, brand, last4, expMonth, expYear, providerToken, isDefault } };
}

function cardOf(billing: Existing, cardId: string): CardRef {
  const card = billing.cards.find((candidate) => candidate.cardId === cardId);
  if (!card) throw new NotFound(`Card ${cardId} not found`);
  return card;
}

const cardLabel = (card: CardRef) => `${card.brand} ending ${card.last4}`;

/** The billing account belongs to the initiator's MSP only; any other looks missing. */
function ownTenant(command: BillingCommand): void {
  if (!command.by.mspId || command.by.mspId !== command.mspId) throw new NotFound(`Billing account ${command.mspId} not found`);
}

function existing(state: BillingState, command: BillingCommand): Existing {
  ownTenant(command);
  if (!state.exists || state.mspId !== command.mspId) throw new NotFound(`Billing details for ${command.mspId} not found`);
  return state;
}
