// The Phaser table, loaded by dynamic import when a game starts (Phaser is most of the game's
// weight): boots a Phaser 4 game in the host element (WebGL, or Canvas where WebGL is software), turns the icon and emblem SVGs into textures,
// and starts the table scene, which renders the frames of a feed (the live game or a replay's
// position). Returns a handle to tear it down.
import Phaser from 'phaser';
import { CJK_GLYPHS } from '../present/cjk-text.ts';
import { allIcons, emblemUrl } from '../present/icons.ts';
import type { TableFeed } from '../present/table-frame.ts';
import { COLOR, H, W } from './palette.ts';
import { TableScene } from './table-scene.ts';

export type { TableFeed, TableFrame } from '../present/table-frame.ts';

async function rasterise(url: string, size: number): Promise<HTMLCanvasElement> {
  const img = new Image(size, size);
  img.src = url;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = size;
  c.height = size;
  c.getContext('2d')!.drawImage(img, 0, 0, size, size);
  return c;
}

async function textures(): Promise<Map<string, HTMLCanvasElement>> {
  const out = new Map<string, HTMLCanvasElement>();
  const jobs: Promise<void>[] = [];
  for (const [name, url] of allIcons())
    jobs.push(rasterise(url, 48).then((c) => void out.set(`icon-${name}`, c)));
  for (const side of ['us', 'cn'] as const)
    jobs.push(rasterise(emblemUrl(side), 64).then((c) => void out.set(`emblem-${side}`, c)));
  await Promise.all(jobs);
  return out;
}

/**
 * WebGL where the GPU draws it; Phaser's Canvas renderer where WebGL would be emulated in software
 * (SwiftShader, llvmpipe: headless browsers, old classroom PCs), which draws this table several
 * times faster there.
 */
function pickRenderer(): number {
  try {
    const gl = document.createElement('canvas').getContext('webgl');
    if (!gl) return Phaser.CANVAS;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|software|softpipe/i.test(name) ? Phaser.CANVAS : Phaser.WEBGL;
  } catch {
    return Phaser.CANVAS;
  }
}

/** Boots the table in `host`; `onExplain` opens the leverage explanation (the dial was clicked). */
export async function mountTable(
  host: HTMLElement,
  feed: TableFeed,
  onExplain: () => void,
): Promise<{ destroy(): void }> {
  if (!feed.current()) return { destroy() {} };
  await Promise.all([
    document.fonts.load("16px 'Upper Hand SC'", CJK_GLYPHS).catch(() => []),
    document.fonts.load("bold 16px 'Upper Hand SC'", CJK_GLYPHS).catch(() => []),
  ]);
  const tex = await textures();
  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const scene = new TableScene(feed, tex, onExplain, () => resolveReady());
  const game = new Phaser.Game({
    type: pickRenderer(),
    parent: host,
    width: W,
    height: H,
    backgroundColor: COLOR.paper,
    banner: false,
    audio: { noAudio: true },
    // the layout (CSS) sizes the host; the scale manager fits the table into it and refits it
    // whenever the host changes size (a resized window, a phone turned, the table shown or hidden)
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, expandParent: false },
    scene: scene,
  });
  await ready;
  const resized = new ResizeObserver(() => {
    game.scale.getParentBounds(); // refresh() alone keeps the parent size it last read
    game.scale.refresh();
  });
  resized.observe(host);
  return {
    destroy() {
      resized.disconnect();
      scene.detach();
      game.destroy(true);
    },
  };
}
