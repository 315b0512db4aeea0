import { Admin, AclOperationTypes, AclPermissionTypes, AclResourceTypes, Kafka, ResourcePatternTypes } from 'kafkajs';
import { KafkaSecurity } from '../kafka-client';
import { MspAccessPlan, mspAccessPlan } from './msp-access.plan';
import { generatedPassword, ScramCredentialAdmin, ScramMechanism } from './scram-credentials';

/** What an MSP is handed once: its credentials and where to read. */
export interface MspCredentials {
  mspId: string;
  username: string;
  password: string;
  mechanism: ScramMechanism;
  topic: string;
  groupPrefix: string;
}

/**
 * Gives an MSP a principal that reads its own topic only (mspAccessPlan), on a broker with an
 * authorizer. Granting again rotates the password (the credential is replaced) and leaves the
 * ACLs as they are (creating an existing ACL changes nothing). The admin connection needs ALTER
 * on the cluster: a super user, or the relay's principal when it has that right.
 */
export class KafkaMspAccess {
  constructor(
    private readonly kafka: Kafka,
    private readonly brokers: string[],
    private readonly security: KafkaSecurity,
    private readonly topicPrefix: string,
  ) {}

  async grant(mspId: string, options: { mechanism: ScramMechanism; username?: string; iterations?: number }): Promise<MspCredentials> {
    const plan = mspAccessPlan(this.topicPrefix, mspId, options.username);
    const password = generatedPassword();
    await new ScramCredentialAdmin(this.brokers, this.security).upsert(plan.username, password, options.mechanism, options.iterations);
    await this.withAdmin((admin) => admin.createAcls({ acl: plan.acls }));
    return { mspId, username: plan.username, password, mechanism: options.mechanism, topic: plan.topic, groupPrefix: plan.groupPrefix };
  }

  /** Deletes the principal's ACLs (every one, not only those grant made) and its SCRAM credential. */
  async revoke(mspId: string, options: { mechanism: ScramMechanism; username?: string }): Promise<MspAccessPlan> {
    const plan = mspAccessPlan(this.topicPrefix, mspId, options.username);
    await this.withAdmin((admin) =>
      admin.deleteAcls({
        filters: [{
          resourceType: AclResourceTypes.ANY, resourcePatternType: ResourcePatternTypes.ANY, principal: `User:${plan.username}`,
          host: '*', operation: AclOperationTypes.ANY, permissionType: AclPermissionTypes.ANY,
        }],
      }),
    );
    await new ScramCredentialAdmin(this.brokers, this.security).delete(plan.username, options.mechanism);
    return plan;
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect();
    }
  }
}
