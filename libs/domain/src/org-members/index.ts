export * from './org-roster.events';
export * from './org-roster.commands';
export * from './org-roster.decider';
export * from './org-member-access.events';
export * from './org-member-access.commands';
export * from './org-member-access.decider';
export * from './sign-in-failure-reasons';
export * from './org-members.catalog';
