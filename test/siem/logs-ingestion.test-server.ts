import { randomBytes, randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { LoopbackServer, RawRequest, Reply } from './loopback-server';
import { selfSignedCertificate, TestCertificate } from './self-signed-cert';

export interface LogsIngestionTestServerOptions {
  tenantId?: string;
  clientId?: string;
  clientSecret?: string;
  /** The data collection rule's immutable id. */
  ruleId?: string;
  /** Stream names the rule declares. */
  streams?: string[];
  tokenLifetimeSeconds?: number;
}

export interface IngestionCall {
  stream: string;
  rows: number;
  wireBytes: number;
  jsonBytes: number;
  gzip: boolean;
}

/** The Logs Ingestion API's limit on one call: 1 MB, compressed and uncompressed. */
export const MAX_CALL_BYTES = 1_048_576;
const API_VERSION = '2023-01-01';
/** The Azure Monitor resource; Entra accepts both spellings of its `.default` scope. */
const MONITOR_SCOPES = new Set(['https://monitor.azure.com//.default', 'https://monitor.azure.com/.default']);
const TOKEN_PATH = /^\/([^/]+)\/oauth2\/v2\.0\/token$/;
const DISCOVERY_PATH = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/;
const INGEST_PATH = /^\/dataCollectionRules\/([^/]+)\/streams\/([^/]+)$/;

/**
 * Microsoft Entra ID's token endpoint and the Azure Monitor Logs Ingestion API on one HTTPS
 * loopback server with a certificate the test makes (trust `certificate.cert`). Checked as the
 * real services do: client-credentials form posts (grant_type, client_id, client_secret, the
 * monitor `.default` scope) with AADSTS errors; `Authorization: Bearer` with a token this server
 * issued and that has not expired; `api-version=2023-01-01`; JSON content type; optional gzip;
 * 1 MB per call (413 ContentLengthLimitExceeded); 204 on success. Stricter on one point: a body
 * that is not a JSON array of objects gets 400 (the real API answers 204 and drops it silently).
 * Faults: `failNext` on route 'ingest' (default), 'token' or 'discovery'.
 */
export class LogsIngestionTestServer extends LoopbackServer {
  readonly tenantId: string;
  readonly clientId: string;
  readonly ruleId: string;
  readonly streams: string[];
  /** Every row accepted, in order, per stream. */
  readonly rows = new Map<string, Record<string, unknown>[]>();
  readonly calls: IngestionCall[] = [];
  tokenRequests = 0;
  ingestRequests = 0;
  private clientSecret: string;
  private ruleAccess = true;
  private readonly tokens = new Map<string, number>();

  private constructor(options: LogsIngestionTestServerOptions, readonly certificate: TestCertificate, private readonly lifetime: number) {
    super(certificate, 64 * MAX_CALL_BYTES);
    this.tenantId = options.tenantId ?? randomUUID();
    this.clientId = options.clientId ?? randomUUID();
    this.clientSecret = options.clientSecret ?? randomBytes(30).toString('base64url');
    this.ruleId = options.ruleId ?? `dcr-${randomBytes(16).toString('hex')}`;
    this.streams = options.streams ?? ['Custom-ActivityLog_CL'];
  }

  static async start(options: LogsIngestionTestServerOptions = {}): Promise<LogsIngestionTestServer> {
    const server = new LogsIngestionTestServer(options, await selfSignedCertificate(), options.tokenLifetimeSeconds ?? 3599);
    await server.listen();
    return server;
  }

  get secret(): string {
    return this.clientSecret;
  }

  /** All rows of one stream (the first declared by default). */
  rowsOf(stream = this.streams[0]): Record<string, unknown>[] {
    return this.rows.get(stream) ?? [];
  }

  /** A new client secret in Entra: the old one now gets 401 invalid_client (AADSTS7000215). */
  rotateSecret(secret = randomBytes(30).toString('base64url')): string {
    this.clientSecret = secret;
    return secret;
  }

  /** Every issued token stops working (401 on ingestion). */
  revokeTokens(): void {
    this.tokens.clear();
  }

  /** Removes the app's role on the rule: 403 OperationFailed. */
  denyRuleAccess(): void {
    this.ruleAccess = false;
  }

  protected defaultRoute(): string {
    return 'ingest';
  }

  protected routeOf(request: RawRequest): string {
    const path = request.url.pathname;
    return INGEST_PATH.test(path) ? 'ingest' : DISCOVERY_PATH.test(path) ? 'discovery' : 'token';
  }

  protected handle(request: RawRequest): Reply {
    const path = request.url.pathname;
    const discovery = DISCOVERY_PATH.exec(path);
    if (discovery && request.method === 'GET') return this.discovery(discovery[1]);
    const token = TOKEN_PATH.exec(path);
    if (token) return this.issueToken(token[1], request);
    const ingest = INGEST_PATH.exec(path);
    if (ingest) return this.ingest(decodeURIComponent(ingest[1]), decodeURIComponent(ingest[2]), request);
    return azureError(404, 'NotFound', `No route for ${request.method} ${path}.`);
  }

  /** The OpenID metadata MSAL reads before its first token request. */
  private discovery(tenant: string): Reply {
    if (tenant !== this.tenantId) return entraError(400, 'invalid_tenant', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    const base = `${this.url}/${tenant}`;
    return json(200, {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      jwks_uri: `${base}/discovery/v2.0/keys`,
      response_modes_supported: ['query', 'fragment', 'form_post'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: `${base}/v2.0`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      tenant_region_scope: 'EU',
    });
  }

  private issueToken(tenant: string, request: RawRequest): Reply {
    this.tokenRequests += 1;
    if (request.method !== 'POST') return entraError(400, 'invalid_request', 900561, 'The endpoint only accepts POST requests. Received a GET request.');
    if (tenant !== this.tenantId) return entraError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
    const isForm = /^application\/x-www-form-urlencoded(\s*;.*)?$/i.test(request.headers['content-type'] ?? '');
    const form = new URLSearchParams(isForm ? request.body.toString('utf8') : '');
    for (const name of ['grant_type', 'client_id', 'scope']) {
      if (!form.get(name)) return entraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`);
    }
    if (form.get('grant_type') !== 'client_credentials') {
      return entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${form.get('grant_type')}'.`);
    }
    if (form.get('client_id') !== this.clientId) {
      return entraError(400, 'unauthorized_client', 700016, `Application with identifier '${form.get('client_id')}' was not found in the directory '${tenant}'.`);
    }
    const secret = form.get('client_secret');
    if (!secret) return entraError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    if (secret !== this.clientSecret) {
      return entraError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${this.clientId}'.`);
    }
    const scope = form.get('scope') as string;
    if (!scope.endsWith('/.default')) {
      return entraError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
    }
    if (!MONITOR_SCOPES.has(scope)) {
      return entraError(400, 'invalid_resource', 500011, `The resource principal named ${scope.slice(0, -'/.default'.length)} was not found in the tenant named ${tenant}.`);
    }
    const accessToken = randomBytes(32).toString('base64url');
    this.tokens.set(accessToken, Date.now() + this.lifetime * 1000);
    return json(200, { token_type: 'Bearer', expires_in: this.lifetime, ext_expires_in: this.lifetime, access_token: accessToken });
  }

  private ingest(ruleId: string, stream: string, request: RawRequest): Reply {
    this.ingestRequests += 1;
    if (request.method !== 'POST') return azureError(405, 'MethodNotAllowed', `The requested resource does not support http method '${request.method}'.`);
    const apiVersion = request.url.searchParams.get('api-version');
    if (apiVersion === null) return azureError(400, 'MissingApiVersionParameter', "The api-version query parameter (?api-version=) is required for all requests.");
    if (apiVersion !== API_VERSION) return azureError(400, 'UnsupportedApiVersion', `The api-version '${apiVersion}' is not supported. Supported versions: ${API_VERSION}.`);
    const bearer = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '');
    const expiresAt = bearer ? this.tokens.get(bearer[1]) : undefined;
    if (!bearer || expiresAt === undefined || expiresAt <= Date.now()) {
      return { ...azureError(401, 'InvalidToken', 'The authentication token provided is missing, invalid or expired.'), headers: { 'content-type': 'application/json', 'www-authenticate': 'Bearer' } };
    }
    if (ruleId !== this.ruleId) return azureError(404, 'NotFound', `Data collection rule with immutable Id '${ruleId}' not found.`);
    if (!this.ruleAccess) return azureError(403, 'OperationFailed', `The authentication token provided does not have access to ingest data for the data collection rule with immutable Id '${ruleId}'.`);
    if (!this.streams.includes(stream)) return azureError(400, 'InvalidStream', `The stream '${stream}' is not declared in the data collection rule '${ruleId}'.`);
    if (!/^application\/json(\s*;.*)?$/i.test(request.headers['content-type'] ?? '')) {
      return azureError(415, 'UnsupportedMediaType', `The content type '${request.headers['content-type'] ?? ''}' is not supported; use application/json.`);
    }
    const decoded = this.decodeBody(request);
    if ('status' in decoded) return decoded;
    return this.store(stream, decoded, request);
  }

  private decodeBody(request: RawRequest): Buffer | Reply {
    const tooLarge = (n: number) => azureError(413, 'ContentLengthLimitExceeded', `Maximum allowed content length: ${MAX_CALL_BYTES} bytes (1 MB). Provided content length: ${n} bytes.`);
    if (request.body.length > MAX_CALL_BYTES) return tooLarge(request.body.length);
    const encoding = request.headers['content-encoding'];
    if (encoding === undefined) return request.body;
    if (encoding !== 'gzip') return azureError(400, 'InvalidContentEncoding', `The content encoding '${encoding}' is not supported; use gzip or none.`);
    let json: Buffer;
    try {
      json = gunzipSync(request.body, { maxOutputLength: 4 * MAX_CALL_BYTES });
    } catch {
      return azureError(400, 'InvalidContentEncoding', 'The body is not valid gzip (or inflates past the limit).');
    }
    return json.length > MAX_CALL_BYTES ? tooLarge(json.length) : json;
  }

  private store(stream: string, json: Buffer, request: RawRequest): Reply {
    let rows: unknown;
    try {
      rows = JSON.parse(json.toString('utf8'));
    } catch {
      return azureError(400, 'InvalidPayload', 'The request body is not valid JSON.');
    }
    if (!Array.isArray(rows) || !rows.every((row) => typeof row === 'object' && row !== null && !Array.isArray(row))) {
      return azureError(400, 'InvalidPayload', 'The request body must be a JSON array of objects.');
    }
    const kept = this.rows.get(stream) ?? [];
    kept.push(...(rows as Record<string, unknown>[]));
    this.rows.set(stream, kept);
    this.calls.push({ stream, rows: rows.length, wireBytes: request.body.length, jsonBytes: json.length, gzip: request.headers['content-encoding'] === 'gzip' });
    return { status: 204 };
  }
}

function json(status: number, body: unknown): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) };
}

function azureError(status: number, code: string, message: string): Reply {
  return { status, headers: { 'content-type': 'application/json', 'x-ms-error-code': code }, body: JSON.stringify({ error: { code, message } }) };
}

/** The shape of an Entra ID (AAD v2) token error. */
function entraError(status: number, error: string, aadsts: number, message: string): Reply {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  return json(status, {
    error,
    error_description: `AADSTS${aadsts}: ${message} Trace ID: ${traceId} Correlation ID: ${correlationId} Timestamp: ${timestamp}`,
    error_codes: [aadsts],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
  });
}
