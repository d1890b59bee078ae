// Phaser's own build without the Matter physics engine, which the table does not use: a whole game
// loads 33 KB less (gzipped), under the 450 KB budget of npm run bench. The package's exports name
// only its full build, so the site's configs point `phaser` at this file.
import { fileURLToPath } from 'node:url';

export const phaserWithoutMatter = {
  find: /^phaser$/,
  replacement: fileURLToPath(
    new URL('../node_modules/phaser/dist/phaser-arcade-physics.js', import.meta.url),
  ),
};
