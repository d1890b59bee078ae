// Writing a file whole or not at all, for every tool that writes one (balance, schema, new, tune,
// the font): the text goes to a temporary file beside the target, which is then renamed over it.
// A rename within a folder is atomic, so a reader (or a run stopped half-way) sees the old file or
// the new one, never a truncated mix; on any failure the temporary file is removed and the old file
// is left as it was.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes `data` to `path` whole or not at all; `mkdir` first makes the folder if it is missing. */
export function writeWhole(path: string, data: string | Uint8Array, options: { mkdir?: boolean } = {}): void {
  const dir = dirname(path);
  if (options.mkdir) mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
