import { InvalidInput, NotFound, Refused } from '../shared/domain-errors';
import { Initiator } from '../shared/initiator';
import { given } from '../testing/given-when-then';
import { orgPoliciesDecider as decider } from './org-policies.decider';
import { OrgPoliciesEvent } from './org-policies.events';

const orgId = 'org-1';
const by: Initiator = { memberId: 'm-1', role: 'org_admin', orgId };
const other: Initiator = { memberId: 'm-9', role: 'org_owner', orgId: 'org-2' };
const mfa = { orgId, policyKey: 'require_mfa', policyName: 'Require two-factor authentication' } as const;
const mfaEnabled: OrgPoliciesEvent = { type: 'PolicyEnabled', data: mfa };
const mfaDisabled: OrgPoliciesEvent = { type: 'PolicyDisabled', data: mfa };

describe('Organization policies decider', () => {
  describe('EnablePolicy', () => {
    it('enables a policy without settings', () =>
      given(decider).when({ type: 'EnablePolicy', policyKey: 'require_mfa', by }).then([mfaEnabled]));
    it('enables a policy with its typed settings, filling defaults', () =>
      given(decider).when({ type: 'EnablePolicy', policyKey: 'password_complexity', settings: { minLength: 14, requireSymbols: true }, by })
        .then([{
          type: 'PolicyEnabled',
          data: { orgId, policyKey: 'password_complexity', policyName: 'Master password complexity', settings: { minLength: 14, requireDigits: false, requireSymbols: true } },
        }]));
    it('enables the vault timeout and the IP allowlist', () => {
      given(decider).when({ type: 'EnablePolicy', policyKey: 'vault_timeout', settings: { minutes: 15 }, by })
        .then([{ type: 'PolicyEnabled', data: { orgId, policyKey: 'vault_timeout', policyName: 'Vault timeout', settings: { minutes: 15 } } }]);
      given(decider).when({ type: 'EnablePolicy', policyKey: 'ip_allowlist', settings: { ranges: ['10.0.0.0/8', '2001:db8::/32'] }, by })
        .then([{ type: 'PolicyEnabled', data: { orgId, policyKey: 'ip_allowlist', policyName: 'IP allowlist', settings: { ranges: ['10.0.0.0/8', '2001:db8::/32'] } } }]);
    });
    it('enables again a policy that was disabled', () =>
      given(decider, [mfaEnabled, mfaDisabled]).when({ type: 'EnablePolicy', policyKey: 'require_mfa', by }).then([mfaEnabled]));
    it('refuses to enable an enabled policy', () =>
      given(decider, [mfaEnabled]).when({ type: 'EnablePolicy', policyKey: 'require_mfa', by }).thenRefuses(Refused, /already enabled/));
    it('rejects an unknown policy key', () =>
      given(decider).when({ type: 'EnablePolicy', policyKey: 'no_fun', by }).thenRefuses(InvalidInput, /Unknown policy 'no_fun'/));
    it('rejects wrong settings', () => {
      const wrong: [string, Record<string, unknown> | undefined, RegExp][] = [
        ['require_mfa', { strict: true }, /takes no settings/],
        ['vault_timeout', undefined, /needs settings/],
        ['vault_timeout', { minutes: 0 }, /minutes must be an integer from 1 to 1440/],
        ['vault_timeout', { minutes: 5, seconds: 3 }, /Unknown setting 'seconds'/],
        ['password_complexity', { minLength: 12, requireDigits: 'yes' }, /requireDigits must be a boolean/],
        ['ip_allowlist', { ranges: [] }, /1 to 100/],
        ['ip_allowlist', { ranges: ['300.1.1.1'] }, /'300.1.1.1' is not an IP address/],
      ];
      for (const [policyKey, settings, message] of wrong) {
        given(decider).when({ type: 'EnablePolicy', policyKey, settings, by }).thenRefuses(InvalidInput, message);
      }
    });
    it('answers not found to another organization', () =>
      given(decider, [mfaEnabled]).when({ type: 'EnablePolicy', policyKey: 'vault_timeout', settings: { minutes: 5 }, by: other }).thenRefuses(NotFound));
    it('answers not found to an initiator without an organization', () =>
      given(decider).when({ type: 'EnablePolicy', policyKey: 'require_mfa', by: { memberId: 'x', role: 'msp_owner', mspId: 'msp-1' } }).thenRefuses(NotFound));
  });

  describe('DisablePolicy', () => {
    it('disables an enabled policy', () =>
      given(decider, [mfaEnabled]).when({ type: 'DisablePolicy', policyKey: 'require_mfa', by }).then([mfaDisabled]));
    it('refuses to disable a policy that is not enabled', () => {
      given(decider).when({ type: 'DisablePolicy', policyKey: 'require_mfa', by }).thenRefuses(Refused, /not enabled/);
      given(decider, [mfaEnabled, mfaDisabled]).when({ type: 'DisablePolicy', policyKey: 'require_mfa', by }).thenRefuses(Refused, /not enabled/);
    });
    it('rejects an unknown policy key', () =>
      given(decider).when({ type: 'DisablePolicy', policyKey: 'no_fun', by }).thenRefuses(InvalidInput));
    it('answers not found to another organization', () =>
      given(decider, [mfaEnabled]).when({ type: 'DisablePolicy', policyKey: 'require_mfa', by: other }).thenRefuses(NotFound));
  });
});
