import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';

/**
 * A TCP port on 127.0.0.1 where connections hang: a listening socket that never accepts, whose
 * accept queue is already full, so the kernel leaves new handshakes unanswered — what a
 * firewalled or overloaded host looks like. Node always accepts, so the listener is a tiny Perl
 * process (perl-base is on every Debian system); the filler connections are made here.
 */
export interface SilentPort {
  port: number;
  close(): Promise<void>;
}

const LISTENER =
  '$|=1; my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1", LocalPort => 0, Listen => 1, Proto => "tcp") or die $!; ' +
  'print $s->sockport, "\\n"; sleep 300';

export async function startSilentPort(): Promise<SilentPort> {
  const child: ChildProcess = spawn('perl', ['-MIO::Socket::INET', '-e', LISTENER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.stdout!.once('data', (data: Buffer) => resolve(Number(String(data).trim())));
  });
  const fillers: net.Socket[] = [];
  // Connect until one is left hanging: the queue is then full.
  for (let i = 0; i < 8; i++) {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => {});
    fillers.push(socket);
    const connected = await new Promise<boolean>((resolve) => {
      socket.once('connect', () => resolve(true));
      setTimeout(() => resolve(false), 100);
    });
    if (!connected) break;
  }
  return {
    port,
    close: async () => {
      for (const socket of fillers) socket.destroy();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}
