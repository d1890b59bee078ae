// The game server as a child process (node --import tsx tools/serve.ts), for the tests that kill it,
// run two of it, or drive it from a browser. Resolves once it prints READY and its port.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Starts the server with these arguments (offering only the short tutorial scenario); `build`: build the site first if stale. */
export async function spawnServer(args: string[], env: Record<string, string> = {}, build = false) {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'tools/serve.ts'),
      ...(build ? [] : ['--no-build']),
      '--quiet',
      '--host',
      '127.0.0.1',
      '--scenarios',
      'opening-bid',
      ...args,
    ],
    { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  let err = '';
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const port = await new Promise<number>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`the server did not start: ${err.slice(-2000)}`)), 60_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(t);
        res(Number(m[1]));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(t);
      rej(new Error(`the server exited (${code}): ${err.slice(-2000)}`));
    });
  });
  return {
    child,
    port,
    stderr: () => err,
    stop: () =>
      new Promise<void>((res) => {
        if (child.exitCode !== null || child.signalCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGTERM');
      }),
  };
}
