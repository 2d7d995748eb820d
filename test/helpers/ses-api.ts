/**
 * A local HTTP server speaking the two Amazon SES v2 endpoints Referable calls, `SendEmail` with raw
 * content (`POST /v2/email/outbound-emails`) and `GetAccount` (`GET /v2/email/account`), so the AWS
 * SDK can be tested for real against loopback (`AWS_ENDPOINT_URL_SESV2`). It keeps each message it
 * accepts, answers errors as SES does (status, `x-amzn-ErrorType`, a JSON message), and can be told
 * to throttle, reject, deny the keys, or hang up after reading a request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** The keys the stand-in accepts; any other access key id is refused as SES refuses it. */
export const SES_KEYS = { AWS_ACCESS_KEY_ID: 'AKIASTANDIN000000001', AWS_SECRET_ACCESS_KEY: 'stand-in-secret-key-0000000000000000000' };

/** What to do with one SendEmail request, given its raw message. */
type SesAnswer = 'accept' | 'throttle' | 'reject' | 'unverified' | 'deny' | 'hang-up';

export type SesApiOptions = {
  /** Messages a second SES accepts (a bucket one second deep, as SES allows short bursts); more are throttled. */
  rate?: number;
  /** The answer for each message, `accept` by default. */
  answer?: (raw: string) => SesAnswer;
  /** `MaxSendRate` in GetAccount's `SendQuota`; 14, SES's starting quota, by default. */
  maxSendRate?: number;
  /** Answer GetAccount with 403 AccessDeniedException (keys allowed to send but not to read the quota). */
  accountDenied?: boolean;
  /** Keep each accepted message (the default); benchmarks only count them. */
  store?: boolean;
};

type SesReceived = { raw: Buffer; at: number; accessKeyId: string };

export type SesApi = {
  url: string;
  received: SesReceived[];
  /** SendEmail requests accepted, stored or not. */
  readonly accepted: number;
  /** SendEmail requests answered 429. */
  readonly throttled: number;
  /** Every request, as `METHOD /path`. */
  requests: string[];
  /** Every header and body the server was sent, for checking that no secret travels in clear. */
  wire: string[];
  set(options: Partial<SesApiOptions>): void;
  close(): Promise<void>;
};

const ERRORS: Record<Exclude<SesAnswer, 'accept' | 'hang-up'>, [number, string, string]> = {
  throttle: [429, 'TooManyRequestsException', 'Maximum sending rate exceeded.'],
  reject: [400, 'MessageRejected', 'Illegal address'],
  unverified: [400, 'MessageRejected', 'Email address is not verified. The following identities failed the check in region EU-WEST-1: '],
  deny: [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.'],
};

export async function startSesApi(initial: SesApiOptions = {}): Promise<SesApi> {
  let options: SesApiOptions = { ...initial };
  const received: SesReceived[] = [];
  const requests: string[] = [];
  const wire: string[] = [];
  const sockets = new Set<Socket>();
  let accepted = 0;
  let throttled = 0;
  let ids = 0;
  // A token bucket, one second deep.
  let tokens = options.rate ?? 0;
  let filled = performance.now();
  const take = () => {
    const rate = options.rate;
    if (!rate) return true;
    const now = performance.now();
    tokens = Math.min(rate, tokens + ((now - filled) / 1000) * rate);
    filled = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

  const send = (res: ServerResponse, status: number, body: unknown, type?: string) => {
    res.writeHead(status, {
      'content-type': 'application/json',
      'x-amzn-requestid': `req-${++ids}`,
      ...(type ? { 'x-amzn-errortype': type } : {}),
    });
    res.end(JSON.stringify(body));
  };
  const fail = (res: ServerResponse, [status, type, message]: [number, string, string]) => send(res, status, { message }, type);
  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    const body = await readBody(req);
    wire.push(`${JSON.stringify(req.headers)}\n${body.length < 4096 ? body : ''}`);
    // SigV4: `AWS4-HMAC-SHA256 Credential=AKID/20261103/eu-west-1/ses/aws4_request, SignedHeaders=…, Signature=…`
    const credential = /Credential=([^/]+)\/\d{8}\/[^/]+\/ses\/aws4_request/.exec(req.headers.authorization ?? '');
    const accessKeyId = credential?.[1] ?? '';
    if (accessKeyId !== SES_KEYS.AWS_ACCESS_KEY_ID)
      return fail(res, [403, 'UnrecognizedClientException', 'The security token included in the request is invalid.']);

    if (req.method === 'GET' && url.pathname === '/v2/email/account') {
      if (options.accountDenied) return fail(res, [403, 'AccessDeniedException', 'User is not authorized to perform: ses:GetAccount']);
      return send(res, 200, {
        SendQuota: { Max24HourSend: 50_000, MaxSendRate: options.maxSendRate ?? 14, SentLast24Hours: 0 },
        SendingEnabled: true,
        ProductionAccessEnabled: true,
        EnforcementStatus: 'HEALTHY',
      });
    }
    if (req.method === 'POST' && url.pathname === '/v2/email/outbound-emails') {
      const data = JSON.parse(body)?.Content?.Raw?.Data;
      if (typeof data !== 'string') return fail(res, [400, 'BadRequestException', 'Content.Raw.Data is required']);
      const raw = Buffer.from(data, 'base64');
      const answer = options.answer?.(raw.toString('utf8')) ?? 'accept';
      if (answer === 'hang-up') {
        req.socket.destroy();
        return;
      }
      if (answer === 'throttle' || !take()) {
        throttled++;
        return fail(res, ERRORS.throttle);
      }
      if (answer === 'unverified') {
        const to = /^To: .*<([^>]+)>/m.exec(raw.toString('utf8'))?.[1] ?? '';
        const [status, type, message] = ERRORS.unverified;
        return fail(res, [status, type, `${message}${to}`]);
      }
      if (answer !== 'accept') return fail(res, ERRORS[answer]);
      accepted++;
      if (options.store !== false) received.push({ raw, at: performance.now(), accessKeyId });
      return send(res, 200, { MessageId: `0102019a-stand-in-${String(accepted).padStart(6, '0')}` });
    }
    send(res, 404, { message: 'Not Found' }, 'NotFoundException');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    requests,
    wire,
    get accepted() {
      return accepted;
    },
    get throttled() {
      return throttled;
    },
    set(next) {
      options = { ...options, ...next };
      if (next.rate !== undefined) tokens = next.rate;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The environment that points the AWS SDK at the stand-in, with its keys (`keys` to use others). */
export function sesEnv(api: SesApi, keys: Partial<typeof SES_KEYS> = SES_KEYS): NodeJS.ProcessEnv {
  return {
    EMAIL_TRANSPORT: 'ses',
    AWS_REGION: 'eu-west-1',
    AWS_ENDPOINT_URL_SESV2: api.url,
    ...keys,
    // Nothing from the machine's own AWS set-up may reach a test.
    AWS_PROFILE: '',
    AWS_SESSION_TOKEN: '',
    AWS_CONFIG_FILE: '/nonexistent',
    AWS_SHARED_CREDENTIALS_FILE: '/nonexistent',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
}
