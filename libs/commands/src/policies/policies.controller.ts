import { Body, Param } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { ACTIVITY_LOG_TOKEN_PREFIX, POLICY_KEYS } from '@app/domain';
import { newOpaqueToken } from '@app/crypto';
import { UuidParam } from '@app/http';
import { CommandController, CommandRoute } from '../shared/command-route.decorator';
import { NewId } from '../shared/idempotency/derived-ids';
import { SecretOnce, SecretSlot } from '../shared/one-time-secret';
import { IssuedActivityLogTokenDto } from '../integrations/api-key.dto';
import {
  ConnectVantaIntegrationDto, CreateActivityLogTokenDto, DisconnectVantaIntegrationDto, EnablePolicyDto,
} from './policies.dto';

const PolicyKey = () => Param('policyKey');
const ApiPolicyKey = () => ApiParam({ name: 'policyKey', enum: POLICY_KEYS });

/** Company-wide policies, the Vanta integration and Activity Log tokens of the token's organization. */
@CommandController('org', 'Policies and Integrations')
export class PoliciesController {
  @CommandRoute('POST', 'policies/:policyKey/enable', { command: 'EnablePolicy', status: 200, summary: 'Enable or reconfigure a policy' })
  @ApiPolicyKey()
  enablePolicy(@PolicyKey() policyKey: string, @Body() body: EnablePolicyDto) {
    return { policyKey, settings: body.settings };
  }

  @CommandRoute('POST', 'policies/:policyKey/disable', { command: 'DisablePolicy', status: 200, summary: 'Disable a policy' })
  @ApiPolicyKey()
  disablePolicy(@PolicyKey() policyKey: string) {
    return { policyKey };
  }

  @CommandRoute('POST', 'integrations/vanta/connect', { command: 'ConnectVantaIntegration', status: 200, summary: 'Connect Vanta' })
  connectVanta(@Body() body: ConnectVantaIntegrationDto) {
    return { accountName: body.accountName };
  }

  @CommandRoute('POST', 'integrations/vanta/disconnect', {
    command: 'DisconnectVantaIntegration', status: 200, summary: 'Disconnect Vanta',
  })
  disconnectVanta(@Body() body: DisconnectVantaIntegrationDto) {
    return { reason: body.reason };
  }

  @CommandRoute('POST', 'activity-log-tokens', {
    command: 'CreateActivityLogToken', status: 201, summary: 'Create an Activity Log token (answered once; only its hash is kept)',
    description: '`id` is the new token’s id', secretOnce: 'token',
    answer: { type: IssuedActivityLogTokenDto, of: (result, request) => ({ ...result, tokenId: request.tokenId, scope: request.scope }) },
  })
  createToken(@Body() body: CreateActivityLogTokenDto, @NewId() tokenId: string, @SecretOnce() secret: SecretSlot) {
    const { name, expiresAt, scope = 'admin' } = body;
    const { token, hash } = newOpaqueToken(ACTIVITY_LOG_TOKEN_PREFIX);
    secret.hold({ token });
    return { tokenId, name, expiresAt, now: new Date().toISOString(), scope, tokenHash: hash };
  }

  @CommandRoute('POST', 'activity-log-tokens/:tokenId/revoke', {
    command: 'RevokeActivityLogToken', status: 200, summary: 'Revoke an Activity Log token',
  })
  revokeToken(@UuidParam('tokenId') tokenId: string) {
    return { tokenId };
  }
}
