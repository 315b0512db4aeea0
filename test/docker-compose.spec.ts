import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * docker/docker-compose.yml checked without a Docker engine (none runs on these machines): parsed
 * as YAML, then held to the production rules: only the API published and on loopback by default,
 * a healthcheck on every long-running service, current images, secrets from docker/.env only.
 */
const root = join(__dirname, '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const composeText = read('docker/docker-compose.yml');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const envExample = Object.fromEntries(
  read('docker/.env.example').split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split(/=(.*)/s).slice(0, 2)),
);

interface Service {
  image?: string;
  build?: unknown;
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
}

const services = Object.entries(compose.services);
/** Jobs that run once and that others wait for with service_completed_successfully: no healthcheck applies. */
const oneShot = new Set(services.flatMap(([, s]) => Object.entries(s.depends_on ?? {}).filter(([, d]) => d.condition === 'service_completed_successfully').map(([n]) => n)));
/** `${VAR:-default}` → default, `${VAR:?message}` → the .env.example value, `${VAR}` → the .env.example value. */
const interpolate = (text: string) =>
  text.replace(/\$\{([A-Z_]+)(?::?([-?])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => envExample[name] ?? (kind === '-' ? rest! : ''));

describe('docker/docker-compose.yml (production shape)', () => {
  it('parses, and names the services of the production shape', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'kafka', 'kurrentdb', 'kurrentdb-certs', 'mongodb', 'worker']);
    expect([...oneShot]).toEqual(['kurrentdb-certs']);
    expect(compose.services['kurrentdb-certs'].restart).toBe('no');
  });

  it('gives every long-running service a healthcheck', () => {
    const missing = services.filter(([name, s]) => !oneShot.has(name) && !(s.healthcheck?.test?.length));
    expect(missing.map(([name]) => name)).toEqual([]);
  });

  it('publishes the API alone, on 127.0.0.1 unless told otherwise, and nothing on 0.0.0.0', () => {
    const published = services.filter(([, s]) => s.ports?.length);
    expect(published.map(([name]) => name)).toEqual(['api']);
    for (const mapping of compose.services.api.ports!) {
      const [host] = interpolate(mapping).split(':');
      expect(host).toBe('127.0.0.1');
    }
    expect(composeText).not.toMatch(/0\.0\.0\.0:\d|"\d+:\d+"|- \d+:\d+/);
  });

  it('runs current images: KurrentDB (not the EventStoreDB image), Kafka 4 in KRaft, MongoDB 8', () => {
    expect(compose.services.kurrentdb.image).toMatch(/^docker\.kurrent\.io\/kurrent-latest\/kurrentdb:\d+/);
    expect(composeText).not.toMatch(/image: eventstore\/eventstore/);
    expect(compose.services.kafka.image).toMatch(/^apache\/kafka:4\.\d+\.\d+$/);
    expect(compose.services.mongodb.image).toMatch(/^mongo:8(\.|$)/);
  });

  it('takes every secret from docker/.env: no password, token or secret written inline', () => {
    const inline: string[] = [];
    for (const [name, s] of services) {
      for (const [key, value] of Object.entries(s.environment ?? {})) {
        const secretKey = /PASSWORD|SECRET|TOKEN|PRIVATE_KEY/.test(key) && !/_FILE$/.test(key);
        if (secretKey && !/^\$\{[A-Z_]+(:[?-][^}]*)?\}$/.test(String(value))) inline.push(`${name}.${key}`);
        const userinfo = String(value).match(/:\/\/([^@/]*)@/)?.[1];
        if (userinfo && !userinfo.split(':').every((part) => /^(\$\{[A-Z_]+(:[?-][^}]*)?\}|admin|relay)$/.test(part))) inline.push(`${name}.${key} (URL)`);
      }
    }
    expect(inline).toEqual([]);
  });

  it('names every variable it reads in docker/.env.example, which git ignores once copied', () => {
    const used = new Set([...composeText.matchAll(/\$\{([A-Z_]+)/g)].map((m) => m[1]));
    expect([...used].filter((name) => !(name in envExample))).toEqual([]);
    expect(execFileSync('git', ['check-ignore', 'docker/.env'], { cwd: root, encoding: 'utf8' }).trim()).toBe('docker/.env');
  });

  it('secures the engines it does not publish: KurrentDB in secure mode, MongoDB with users, Kafka with SASL and ACLs', () => {
    expect(compose.services.kurrentdb.environment).not.toHaveProperty('KURRENTDB_INSECURE');
    expect(compose.services.api.environment!.EVENTSTORE_URL).toMatch(/tls=true/);
    expect(compose.services.mongodb.environment).toHaveProperty('MONGO_INITDB_ROOT_PASSWORD');
    expect(compose.services.worker.environment).toMatchObject({ KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512', WORKER_HEARTBEAT_FILE: expect.any(String) });
    const kafka = read('docker/kafka/start.sh');
    expect(kafka).toContain('authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer');
    expect(kafka).toContain('allow.everyone.if.no.acl.found=false');
    expect(kafka).toMatch(/listener\.security\.protocol\.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT/);
    expect(kafka).not.toMatch(/PLAINTEXT:PLAINTEXT/);
    execFileSync('bash', ['-n', join(root, 'docker/kafka/start.sh')]);
  });
});

describe('docker/Dockerfile', () => {
  const dockerfile = read('docker/Dockerfile');
  const stages = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);

  it('builds in stages on the current Node LTS and ships production dependencies only', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    stages.forEach((image) => expect(image).toMatch(/^node:(22|24)(-|$)/));
    expect(dockerfile).toContain('npm ci --omit=dev');
  });

  it('runs as a user that is not root', () => {
    const lastStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
    expect(lastStage).toMatch(/^USER (?!root\b)\S+$/m);
  });
});

describe('package.json engines', () => {
  it('says which Node versions the code runs on: 20.19+ (require of ES modules), 22 and later LTS', () => {
    const { engines } = JSON.parse(read('package.json'));
    expect(engines.node).toBe('^20.19.4 || ^22.18.0 || >=24.6.0');
    const [major, minor] = process.versions.node.split('.').map(Number);
    expect(major > 20 || (major === 20 && minor >= 19)).toBe(true);
  });
});
