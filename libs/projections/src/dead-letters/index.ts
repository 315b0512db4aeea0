export * from './dead-letter.store';
export * from './sqlite-dead-letter.store';
export * from './mongo-dead-letter.store';
export * from './dead-lettering';
