/**
 * A real IMAP server for tests: Debian's dovecot-imapd, run in the foreground with its own
 * configuration in a temporary folder, plaintext login on 127.0.0.1 and a free port, one user
 * from a passwd-file and a Maildir. `.ci/run` installs the package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { access, chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';

export const DOVECOT = '/usr/sbin/dovecot';

export type Dovecot = { port: number; user: string; password: string; url: (mailbox?: string) => string; stop: () => Promise<void> };

/** Starts dovecot and resolves once it greets on its port. */
export async function startDovecot(): Promise<Dovecot> {
  await access(DOVECOT).catch(() => {
    throw new Error(`${DOVECOT} is missing: install Debian's dovecot-imapd (apt-get install dovecot-imapd), as .ci/run does`);
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'referable-dovecot-'));
  await chmod(dir, 0o755);
  const root = process.getuid?.() === 0;
  // Dovecot refuses mail access as root: as root, the mail user is nobody.
  const uid = root ? 65534 : userInfo().uid;
  const gid = root ? 65534 : userInfo().gid;
  await mkdir(path.join(dir, 'mail'));
  if (root) await chown(path.join(dir, 'mail'), uid, gid);
  const port = await freePort();
  const user = 'owner';
  const password = 'intake-test-password';
  await writeFile(path.join(dir, 'users'), `${user}:{PLAIN}${password}::::::\n`);
  await writeFile(path.join(dir, 'dovecot.conf'), config(dir, port, uid, gid, root ? undefined : userInfo().username));

  const child = spawn(DOVECOT, ['-F', '-c', path.join(dir, 'dovecot.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await greeting(port, child);
  } catch (error) {
    child.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
    throw new Error(`dovecot did not start: ${(error as Error).message}\n${log}`);
  }
  return {
    port,
    user,
    password,
    url: (mailbox = 'INBOX') => `imap://${user}:${password}@127.0.0.1:${port}/${mailbox}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function config(dir: string, port: number, uid: number, gid: number, asUser: string | undefined): string {
  return `base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = /dev/stderr
info_log_path = /dev/stderr
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
${asUser ? `default_internal_user = ${asUser}\ndefault_login_user = ${asUser}\n` : ''}passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/users
}
userdb {
  driver = passwd-file
  args = username_format=%u ${dir}/users
  default_fields = uid=${uid} gid=${gid} home=${dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Waits (at most 15 s) until the server says `* OK` on its port. */
async function greeting(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('* OK'));
      });
      socket.once('error', () => resolve(false));
      socket.setTimeout(1000, () => {
        socket.destroy();
        resolve(false);
      });
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('no greeting after 15 s');
}
