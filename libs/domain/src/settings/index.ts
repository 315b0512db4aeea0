export * from './msp-setting-definitions';
export * from './msp-settings.events';
export * from './msp-settings.commands';
export * from './msp-settings.decider';
export * from './settings.catalog';
