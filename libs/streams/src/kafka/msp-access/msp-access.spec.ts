import { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } from 'kafkajs';
import { pbkdf2Sync } from 'node:crypto';
import { mspAccessPlan } from './msp-access.plan';
import { generatedPassword, scramCredential } from './scram-credentials';

describe('mspAccessPlan', () => {
  it("allows reading the MSP's own topic, in groups of its prefix, and nothing else", () => {
    const plan = mspAccessPlan('activity', 'acme.eu');
    expect(plan).toMatchObject({ username: 'activity.msp.acme_2eeu', topic: 'activity.msp.acme_2eeu', groupPrefix: 'activity.msp.acme_2eeu.' });
    expect(plan.acls.map((a) => [a.resourceType, a.resourceName, a.resourcePatternType, a.operation, a.principal])).toEqual([
      [AclResourceTypes.TOPIC, 'activity.msp.acme_2eeu', ResourcePatternTypes.LITERAL, AclOperationTypes.READ, 'User:activity.msp.acme_2eeu'],
      [AclResourceTypes.TOPIC, 'activity.msp.acme_2eeu', ResourcePatternTypes.LITERAL, AclOperationTypes.DESCRIBE, 'User:activity.msp.acme_2eeu'],
      [AclResourceTypes.GROUP, 'activity.msp.acme_2eeu.', ResourcePatternTypes.PREFIXED, AclOperationTypes.READ, 'User:activity.msp.acme_2eeu'],
    ]);
    expect(plan.acls.some((a) => a.resourceName.endsWith('.all'))).toBe(false);
  });

  it('takes another user name when asked', () => {
    expect(mspAccessPlan('activity', 'm1', 'partner-m1').acls.every((a) => a.principal === 'User:partner-m1')).toBe(true);
  });
});

describe('scramCredential', () => {
  const salt = Buffer.from('W22ZaJ0SNY7soEsUEjb6gQ==', 'base64');

  it('is the salt and Hi(password, salt, i) of the mechanism (RFC 5802), never the password', () => {
    const c = scramCredential('pencil', 'SCRAM-SHA-256', 4096, salt);
    expect(c).toMatchObject({ mechanism: 1, iterations: 4096, salt });
    expect(c.saltedPassword).toEqual(pbkdf2Sync('pencil', salt, 4096, 32, 'sha256'));
    const c512 = scramCredential('pencil', 'SCRAM-SHA-512', 8192, salt);
    expect(c512).toMatchObject({ mechanism: 2, iterations: 8192 });
    expect(c512.saltedPassword).toHaveLength(64);
  });

  it('refuses iterations Kafka would refuse', () => {
    expect(() => scramCredential('p', 'SCRAM-SHA-512', 1000)).toThrow(/between 4096 and 16384/);
    expect(() => scramCredential('p', 'SCRAM-SHA-512', 20000)).toThrow(/between 4096 and 16384/);
  });

  it('generates passwords SCRAM needs no escaping for', () => {
    const a = generatedPassword();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generatedPassword()).not.toBe(a);
  });
});
