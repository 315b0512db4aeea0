export * from './stream-ticket.store';
export * from './stream-target';
export * from './stream-tickets';
export * from './sqlite-stream-ticket.store';
export * from './mongo-stream-ticket.store';
