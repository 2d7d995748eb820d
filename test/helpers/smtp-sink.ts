/**
 * A real SMTP server on 127.0.0.1, port 0, for tests and benchmarks: it receives what nodemailer
 * sends and can be told to fail in the ways real servers do.
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerOptions, type SMTPServerSession } from 'smtp-server';

export type Received = { from: string; to: string[]; raw: Buffer };

export type SinkOptions = {
  /** Reply to RCPT TO with this code (e.g. 451, 550) for the matching address. */
  rcpt?: (address: string) => number | undefined;
  /** Called as a message's data arrives; return 'drop' to cut the connection in the middle of DATA. */
  data?: (to: string[]) => 'drop' | 'accept' | 'hang';
  /** Refuse every connection with `421` before the greeting, or with the code given (e.g. 554). */
  refuseConnect?: boolean | number;
  /** Offer AUTH and answer every login with `535 Authentication credentials invalid`. */
  authFails?: boolean;
  /**
   * Offer STARTTLS (with smtp-server's own self-signed certificate, which a client that checks
   * certificates refuses) and answer `530 Must issue a STARTTLS command first` to MAIL FROM on a
   * connection that is not secure.
   */
  requireTls?: boolean;
  /**
   * Called with each message the server accepts (already counted in `received`), before the
   * client hears the 250 reply: a test can stop the client at an exact message.
   */
  onMessage?: (message: Received) => void;
  /** Called when a message has fully arrived and the server, in `hang` mode, will never reply. */
  onHang?: () => void;
  /** Milliseconds to wait before replying 250 to each message: a slow server. */
  replyDelayMs?: number;
  /**
   * Name the recipients in replies, as many real servers do: `250 2.0.0 OK <ana@example.com>
   * queued as 1`, `550 5.1.1 <x@y>: user unknown`.
   */
  echoAddresses?: boolean;
  /** Keep each message in `received` (the default); benchmarks only count them in `accepted`. */
  store?: boolean;
};

export type SmtpSink = {
  port: number;
  url: string;
  received: Received[];
  /** Messages accepted so far, stored or not. */
  readonly accepted: number;
  close(): Promise<void>;
};

function smtpError(code: number, text: string): Error & { responseCode: number } {
  return Object.assign(new Error(text), { responseCode: code });
}

export async function startSmtpSink(options: SinkOptions = {}): Promise<SmtpSink> {
  const received: Received[] = [];
  let accepted = 0;
  const sockets = new Set<Socket>();
  const config: SMTPServerOptions = {
    authOptional: !options.authFails,
    allowInsecureAuth: true,
    disabledCommands: [...(options.requireTls ? [] : ['STARTTLS']), ...(options.authFails ? [] : ['AUTH'])],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(_session, callback) {
      if (options.refuseConnect === true) return callback(smtpError(421, 'Too busy, try later'));
      if (options.refuseConnect) return callback(smtpError(options.refuseConnect, 'No service here'));
      callback();
    },
    onAuth(_auth, _session, callback) {
      callback(smtpError(535, 'Authentication credentials invalid'));
    },
    onMailFrom(_address, session, callback) {
      if (options.requireTls && !session.secure) return callback(smtpError(530, 'Must issue a STARTTLS command first'));
      callback();
    },
    onRcptTo(address, _session, callback) {
      const code = options.rcpt?.(address.address);
      if (code && options.echoAddresses) {
        const text = code >= 500 ? `5.1.1 <${address.address}>: user unknown` : `4.2.1 <${address.address}>: mailbox busy, try later`;
        return callback(smtpError(code, text));
      }
      if (code) return callback(smtpError(code, code >= 500 ? 'No such user' : 'Mailbox busy, try later'));
      callback();
    },
    onData(stream, session: SMTPServerSession, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address);
      const mode = options.data?.(to) ?? 'accept';
      const chunks: Buffer[] = [];
      const store = options.store !== false;
      let dropped = false;
      stream.on('data', (chunk: Buffer) => {
        if (store) chunks.push(chunk);
        if (mode === 'drop' && !dropped) {
          dropped = true;
          // The client has started sending the message: cut the connection right here.
          for (const socket of sockets) if (socket.remotePort === session.remotePort) socket.destroy();
        }
      });
      stream.on('end', () => {
        if (mode === 'hang') options.onHang?.();
        if (mode !== 'accept') return; // 'hang' never replies; 'drop' has no connection left.
        const message = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to, raw: Buffer.concat(chunks) };
        accepted++;
        if (store) received.push(message);
        options.onMessage?.(message);
        const reply = options.echoAddresses ? `2.0.0 OK <${to.join('>, <')}> queued as ${accepted}` : `Queued as ${accepted}`;
        if (options.replyDelayMs) setTimeout(() => callback(null, reply), options.replyDelayMs);
        else callback(null, reply);
      });
    },
  };
  const server = new SMTPServer(config);
  // A client that dies mid-session (a killed job) resets its connection: not the server's failure.
  server.on('error', () => {});
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    get accepted() {
      return accepted;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A TCP server that accepts connections and never says a word: for timeouts. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const { createServer } = await import('node:net');
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
