// `npm run serve`: one command serves a class. It builds the site when the build is missing or older
// than the sources, then starts one Node process serving the build and the game rooms on one port,
// and prints the address students type with a QR code of it.
//   npm run serve -- [--port 2567] [--host 0.0.0.0] [--data ./data] [--no-build] [--scenarios id,id] [--fsync]
//                    [--instructor-key KEY] (or INSTRUCTOR_KEY; made up and printed when not given)
// REDIS_URL (several processes share rooms and logs) and PUBLIC_ADDRESS (how clients reach this very
// process behind a shared address) come from the environment, or --redis / --public-address; the
// key that signs finished games from UPPER_HAND_SIGNING_KEY (made and kept in the data folder if not).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import qrcode from 'qrcode-generator';
import { startServer } from '../src/server/server.ts';
import { quietLog, stderrLog } from '../src/server/services.ts';
import { loadScenarioFile, shippedDir, shippedOpenings } from './scenario-files.ts';

const root = resolve(import.meta.dirname, '..');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

/** The newest modification time under a path (files and folders, recursively). */
function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const n of readdirSync(path)) t = Math.max(t, newest(join(path, n)));
  return t;
}

function buildIfNeeded(dist: string) {
  const built = existsSync(join(dist, 'index.html')) ? statSync(join(dist, 'index.html')).mtimeMs : 0;
  const sources = Math.max(
    ...['src', 'scenarios', 'assets', 'index.html', 'vite.config.ts'].map((p) => newest(join(root, p))),
  );
  if (built >= sources) return;
  process.stdout.write('Building the game (vite build)…\n');
  const r = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('The build failed: see above.\n');
    process.exit(1);
  }
}

/** The addresses other laptops can reach: this machine's IPv4 addresses on its networks. */
function lanAddresses(): string[] {
  const out: string[] = [];
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) out.push(a.address);
  return out;
}

/** A QR code drawn with half-block characters, two rows a line. */
function terminalQr(text: string): string {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  const dark = (r: number, c: number) => r >= 0 && c >= 0 && r < n && c < n && qr.isDark(r, c);
  const lines: string[] = [];
  for (let r = -2; r < n + 2; r += 2) {
    let line = '';
    for (let c = -2; c < n + 2; c++) {
      const top = dark(r, c);
      const bottom = dark(r + 1, c);
      // light modules drawn as blocks, so the code reads on a dark terminal
      line += top && bottom ? ' ' : top ? '▄' : bottom ? '▀' : '█';
    }
    lines.push(line);
  }
  return lines.join('\n');
}

async function main() {
  const port = Number(arg('port') ?? process.env.PORT ?? 2567);
  const host = arg('host') ?? process.env.HOST ?? '0.0.0.0';
  const dataDir = resolve(arg('data') ?? process.env.UPPER_HAND_DATA ?? join(root, 'data'));
  const dist = resolve(arg('dist') ?? join(root, 'dist'));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be a port number, not “${arg('port')}”.\n`);
    process.exit(2);
  }
  if (!flag('no-build')) buildIfNeeded(dist);
  const only = arg('scenarios')?.split(',');
  const files = only ? only.map((id) => `${id}.yaml`) : shippedOpenings();
  const scenarios = files.map((f) => loadScenarioFile(join(shippedDir, f)));
  const rate = arg('rate');
  const server = await startServer({
    port,
    host,
    scenarios,
    dataDir,
    distDir: existsSync(join(dist, 'index.html')) ? dist : null,
    redisUrl: arg('redis') ?? process.env.REDIS_URL,
    publicAddress: arg('public-address') ?? process.env.PUBLIC_ADDRESS,
    log: flag('quiet') ? quietLog : stderrLog,
    stats: flag('stats'),
    fsync: flag('fsync'),
    instructorKey: arg('instructor-key') ?? process.env.INSTRUCTOR_KEY,
    signingKey: process.env.UPPER_HAND_SIGNING_KEY,
    ...(rate ? { limits: { perSecond: Number(rate), burst: Number(rate) * 2 } } : {}),
  });
  const shown = host === '0.0.0.0' || host === '::' ? (lanAddresses()[0] ?? '127.0.0.1') : host;
  const url = `http://${shown}:${server.port}/`;
  process.stdout.write(`Upper Hand is served at ${url}\n`);
  if (!flag('quiet')) {
    process.stdout.write(
      `Students open that address (or scan the code), choose "Play online" and type the room code.\n`,
    );
    process.stdout.write(`${terminalQr(url)}\n`);
    process.stdout.write(
      `To run a class, open ${url}#class and give the instructor key: ${server.instructorKey}\n`,
    );
    if (server.restored.length) process.stdout.write(`Restored games: ${server.restored.join(', ')}\n`);
  }
  process.stdout.write(`READY ${server.port}\n`);
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
