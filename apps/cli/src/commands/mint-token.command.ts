import { Command, CommandRunner, Option } from 'nest-commander';
import { InvalidArgumentError } from 'commander';
import { AppConfig } from '@app/config';
import { isPanelRole, Role } from '@app/domain';
import { mintToken } from '@app/auth';

interface MintTokenFlags {
  role: Role;
  sub: string;
  email?: string;
  name?: string;
  msp?: string;
  org?: string;
  expiresIn: string;
  viewer?: boolean;
}

/** Prints a signed bearer token for local use against the embedded API. */
@Command({ name: 'mint-token', description: 'Mint a bearer token for local use (embedded mode only)' })
export class MintTokenCommand extends CommandRunner {
  constructor(private readonly config: AppConfig) {
    super();
  }

  async run(_: string[], flags: MintTokenFlags): Promise<void> {
    if (!flags.role || !flags.sub) throw new Error('--role and --sub are required');
    const token = await mintToken(
      this.config,
      { subject: flags.sub, role: flags.role, email: flags.email, name: flags.name, mspId: flags.msp, orgId: flags.org },
      flags.expiresIn ?? '1h',
    );
    process.stdout.write(`${flags.viewer ? viewerLink(this.config, token) : token}\n`);
  }

  @Option({ flags: '--viewer', description: 'print a link to the viewer page that signs in with the token (in the URL fragment, never sent to a server)' })
  parseViewer(): boolean {
    return true;
  }

  @Option({ flags: '-r, --role <role>', description: 'msp_owner, msp_admin, msp_member, org_owner, org_admin, org_member or service' })
  parseRole(value: string): Role {
    if (!isPanelRole(value)) throw new InvalidArgumentError('unknown role (API keys and Activity Log tokens are issued over the API)');
    return value;
  }

  @Option({ flags: '-s, --sub <memberId>', description: 'the member (or service) id' })
  parseSub(value: string): string {
    return value;
  }

  @Option({ flags: '-e, --email <email>', description: 'email claim' })
  parseEmail(value: string): string {
    return value;
  }

  @Option({ flags: '-n, --name <name>', description: 'display name claim' })
  parseName(value: string): string {
    return value;
  }

  @Option({ flags: '--msp <mspId>', description: 'the MSP tenant' })
  parseMsp(value: string): string {
    return value;
  }

  @Option({ flags: '--org <orgId>', description: 'the organization tenant' })
  parseOrg(value: string): string {
    return value;
  }

  @Option({ flags: '--expires-in <duration>', description: 'lifetime such as 15m, 1h, 1d (default 1h; at most AUTH_MAX_TOKEN_LIFETIME_S)' })
  parseExpiresIn(value: string): string {
    if (!/^\d+\s*[smhdw]$/.test(value)) throw new InvalidArgumentError('use a number and a unit: s, m, h, d or w');
    return value;
  }
}

/** The API's own address as a browser on this machine reaches it, with the token in the fragment. */
function viewerLink(config: AppConfig, token: string): string {
  const host = ['0.0.0.0', '::'].includes(config.HOST) ? '127.0.0.1' : config.HOST.includes(':') ? `[${config.HOST}]` : config.HOST;
  return `http://${host}:${config.PORT}/#token=${token}`;
}
