import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A TypeScript script run in a process of its own, for a test to kill when it chooses. */
export interface ScriptProcess {
  child: ChildProcess;
  /** Resolves when it has ended, however: its exit code or the signal that ended it. */
  ended: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): { stdout: string; stderr: string };
  /** SIGKILL, if still running, and wait for it to be gone. */
  kill(): Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

export function runScript(script: string, args: string[], env: Record<string, string>): ScriptProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const running = () => child.exitCode === null && child.signalCode === null;
  return {
    child,
    ended,
    output: () => ({ stdout, stderr }),
    async kill() {
      if (running()) child.kill('SIGKILL');
      await ended;
    },
  };
}

/**
 * Waits for `event` while the process runs: fails at once, with what it printed, if it ends
 * first, and after `timeoutMs` if neither happens.
 */
export async function whileRunning<T>(proc: ScriptProcess, event: Promise<T>, what: string, timeoutMs = 15_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const ended = proc.ended.then(({ code, signal }) => {
    throw new Error(`the process ended (code ${code}, signal ${signal}) before ${what}:\n${proc.output().stderr}${proc.output().stdout}`);
  });
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms:\n${proc.output().stderr}`)), timeoutMs)));
  try {
    return await Promise.race([event, ended, late]);
  } finally {
    clearTimeout(timer);
  }
}
