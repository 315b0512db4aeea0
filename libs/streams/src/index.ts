export * from './kafka/kafka-topics';
export * from './kafka/kafka-messages';
export * from './kafka/kafka-client';
export * from './kafka/kafka-topic-creator';
export * from './kafka/kafka-publisher';
export * from './kafka/kafka-relay';
export * from './kafka/kafka-relay.service';
export * from './streams.module';
