export * from './personal-data';
export * from './privacy-catalog';
export * from './privacy-table';
