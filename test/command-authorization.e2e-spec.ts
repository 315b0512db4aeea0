import { Controller, HttpCode, Module, Param, Post } from '@nestjs/common';
import { organizationStream } from '@app/domain';
import { Authorize, Ctx, RequestContext } from '@app/auth';
import { CommandExecutor, CommandResultDto, CommandsModule } from '@app/commands';
import { mspPrincipal } from './support/principals';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The mistake issue 9 describes: a route that names one command (DeployOrganization, which admins
 * may send) and sends another (TerminateOrganization, owner only). @CommandRoute makes this
 * impossible to write; a route wired by hand must still be refused by the executor.
 */
@Controller('test-only/mis-wired')
class MisWiredController {
  constructor(private readonly executor: CommandExecutor) {}

  @Post(':organizationId/deploy')
  @HttpCode(200)
  @Authorize('DeployOrganization')
  deploy(@Param('organizationId') organizationId: string, @Ctx() ctx: RequestContext): Promise<CommandResultDto> {
    return this.executor.execute({ type: 'TerminateOrganization', organizationId, by: ctx.initiator }, ctx);
  }
}

@Module({ imports: [CommandsModule], controllers: [MisWiredController] })
class MisWiredModule {}

describe('a route that sends another command than it names', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startTestApp({}, { imports: [MisWiredModule] })));
  afterAll(() => t.close());

  const misWiredDeploy = async (organizationId: string, token: string) =>
    t.http().post(`/test-only/mis-wired/${organizationId}/deploy`).set('Authorization', `Bearer ${token}`);

  it('is refused with 403 for an msp_admin, who may deploy but not terminate, and writes nothing', async () => {
    const admin = await t.token(mspPrincipal('msp_admin', 'msp-w'));
    const { id } = await t.command('/organizations', admin, { name: 'Acme' });
    const head = await t.store.headPosition();

    const res = await misWiredDeploy(id, admin);

    expect(res.status).toBe(403);
    expect(res.body).toEqual({ statusCode: 403, error: 'Forbidden', message: 'role msp_admin may not TerminateOrganization' });
    expect(await t.store.headPosition()).toBe(head);
    expect((await t.events(organizationStream(id))).map((e) => e.type)).toEqual(['OrganizationCreated']);
  });

  it('runs for an msp_owner, who may send the command it actually sends', async () => {
    const owner = await t.token(mspPrincipal('msp_owner', 'msp-w'));
    const { id } = await t.command('/organizations', owner, { name: 'Beta' });
    await misWiredDeploy(id, owner).then((res) => expect(res.status).toBe(200));
    expect((await t.events(organizationStream(id))).map((e) => e.type)).toEqual(['OrganizationCreated', 'OrganizationTerminated']);
  });
});
