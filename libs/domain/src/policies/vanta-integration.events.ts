import { DomainEvent } from '../shared/decider';

/** `accountName`: the Vanta workspace as the panel shows it; credentials never enter an event. */
type Vanta = { orgId: string; accountName?: string };

export type VantaIntegrationConnected = DomainEvent<'VantaIntegrationConnected', Vanta>;
export type VantaIntegrationDisconnected = DomainEvent<'VantaIntegrationDisconnected', Vanta & { reason?: string }>;

export type VantaIntegrationEvent = VantaIntegrationConnected | VantaIntegrationDisconnected;
