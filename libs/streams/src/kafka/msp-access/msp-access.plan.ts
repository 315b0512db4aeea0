import { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { mspTopic } from '../kafka-topics';

/** One ACL as kafkajs's createAcls takes it. */
export interface MspAcl {
  resourceType: AclResourceTypes;
  resourceName: string;
  resourcePatternType: ResourcePatternTypes;
  principal: string;
  host: string;
  operation: AclOperationTypes;
  permissionType: AclPermissionTypes;
}

/** What one MSP's Kafka principal may do: read its own topic, in consumer groups of its own prefix; nothing else. */
export interface MspAccessPlan {
  mspId: string;
  username: string;
  topic: string;
  /** Consumer groups must start with this. */
  groupPrefix: string;
  acls: MspAcl[];
}

/**
 * READ and DESCRIBE on the MSP's topic (literal: not a prefix, so `<topic>x` stays out), READ on
 * consumer groups starting `<topic>.`, and nothing on `<prefix>.all` or another MSP's topic: under
 * an authorizer that denies what no ACL allows, that is all the principal can reach. The user name
 * defaults to the topic name: unique per deployment prefix and MSP, within Kafka's alphabet.
 */
export function mspAccessPlan(topicPrefix: string, mspId: string, username?: string): MspAccessPlan {
  const topic = mspTopic(topicPrefix, mspId);
  const user = username ?? topic;
  const groupPrefix = `${topic}.`;
  const allow = (resourceType: AclResourceTypes, resourceName: string, pattern: ResourcePatternTypes, operation: AclOperationTypes): MspAcl => ({
    resourceType, resourceName, resourcePatternType: pattern, principal: `User:${user}`, host: '*', operation, permissionType: AclPermissionTypes.ALLOW,
  });
  return {
    mspId,
    username: user,
    topic,
    groupPrefix,
    acls: [
      allow(AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.READ),
      allow(AclResourceTypes.TOPIC, topic, ResourcePatternTypes.LITERAL, AclOperationTypes.DESCRIBE),
      allow(AclResourceTypes.GROUP, groupPrefix, ResourcePatternTypes.PREFIXED, AclOperationTypes.READ),
    ],
  };
}
