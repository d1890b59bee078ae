// The table scene: both sides' instruments as tracks (level 0, the friendliest, on the left; the
// marker a square for Washington, a circle for Beijing; a pending announcement as a hollow marker
// with its date), each side's indicators as gauges with their alternatives, the leverage dial
// (click for its explanation; hidden if the setting says so), tension with its risk band, and the
// calendar (turns, deadline, summit, truce end, epilogue). It reads a feed of frames (the live game,
// or the replay viewer's position) and the engine's view, holds no rules, and animates what changed
// since the last frame.
import Phaser from 'phaser';
import type { Scenario, Side, View } from '../engine/index.ts';
import { rulesFor } from '../engine/index.ts';
import { CJK } from '../present/cjk-text.ts';
import { iconName } from '../present/icons.ts';
import { play } from '../present/sound.ts';
import type { TableFeed, TableFrame } from '../present/table-frame.ts';
import { levelLabel, turnDate } from '../present/text.ts';
import { COLOR, CSS, FONT, H, TYPE, W } from './palette.ts';

/** The part of the view the table draws. */
type Shown = View['state'];

type TextStyle = Phaser.Types.GameObjects.Text.TextStyle;
/** The smallest type any table has drawn (design pixels): tests check it on screen. */
let smallestType = Number.POSITIVE_INFINITY;
const text = (size: number, color: string = CSS.ink, bold = false): TextStyle => {
  smallestType = Math.min(smallestType, size);
  return {
    fontFamily: FONT,
    fontSize: `${size}px`,
    color,
    fontStyle: bold ? 'bold' : 'normal',
    resolution: 2,
  };
};

/** Sets a text, shortened with an ellipsis to at most `width` wide (measured once, drawn once). */
function fitText(t: Phaser.GameObjects.Text, s: string, width: number): Phaser.GameObjects.Text {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return t.setText(s);
  const ctx = measurer;
  ctx.font = `${t.style.fontStyle} ${t.style.fontSize} ${t.style.fontFamily}`;
  const fits = (x: string) => ctx.measureText(x).width <= width;
  if (fits(s)) return t.setText(s);
  let lo = 1; // the longest start of `s` that fits with its ellipsis, by halving
  let hi = s.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(`${s.slice(0, mid).trimEnd()}…`)) lo = mid;
    else hi = mid - 1;
  }
  return t.setText(`${s.slice(0, lo).trimEnd()}…`);
}
let measurer: CanvasRenderingContext2D | null | undefined;

/** A side's panel's width; the middle column takes what is left. */
const SIDE_W = 370;

interface TrackRow {
  readonly id: string;
  readonly side: Side;
  readonly x0: number;
  readonly x1: number;
  readonly levels: number;
  readonly marker: Phaser.GameObjects.Shape;
  readonly filled: Phaser.GameObjects.Rectangle;
  readonly label: Phaser.GameObjects.Text;
  readonly labelWidth: number;
  readonly flash: Phaser.GameObjects.Rectangle;
  readonly pending: Phaser.GameObjects.Shape;
}

interface GaugeRow {
  readonly id: string;
  readonly min: number;
  readonly max: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly fill: Phaser.GameObjects.Rectangle;
  readonly alt: Phaser.GameObjects.Rectangle;
  readonly value: Phaser.GameObjects.Text;
}

export class TableScene extends Phaser.Scene {
  private tracks: TrackRow[] = [];
  private creds: { side: Side; cred: Phaser.GameObjects.Text }[] = [];
  private gauges: GaugeRow[] = [];
  private needle!: Phaser.GameObjects.Rectangle;
  private levText!: Phaser.GameObjects.Text;
  private levHidden!: Phaser.GameObjects.Text;
  private bg!: Phaser.GameObjects.Graphics; // the static drawing, baked into one texture with…
  private statics: Phaser.GameObjects.GameObject[] = []; // …the static texts, icons and emblems
  private dialUs!: Phaser.GameObjects.Arc;
  private dialCn!: Phaser.GameObjects.Arc;
  private tensionFill!: Phaser.GameObjects.Rectangle;
  private tensionText!: Phaser.GameObjects.Text;
  private dealText!: Phaser.GameObjects.Text;
  private turnPill!: Phaser.GameObjects.Arc;
  private truceMark!: Phaser.GameObjects.Container;
  private calX: (turn: number) => number = () => 0;
  private last: Shown | null = null;
  private lastLev: number | null = null;
  private frame: TableFrame | null = null;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly feed: TableFeed,
    private readonly textures0: Map<string, HTMLCanvasElement>,
    private readonly onExplain: () => void,
    private readonly onReady: () => void,
  ) {
    super({ key: 'table' });
  }

  private get scenario(): Scenario {
    return this.frame!.scenario;
  }

  create() {
    for (const [key, canvas] of this.textures0)
      if (!this.textures.exists(key)) this.textures.addCanvas(key, canvas);
    const game = this.feed.current();
    if (!game) return;
    this.frame = game;
    this.bg = this.add.graphics();
    this.buildCalendar(game.view.state);
    this.buildSide('us', 8);
    this.buildSide('cn', W - 8 - SIDE_W);
    this.buildMiddle();
    // Everything that never changes is drawn once into one texture: a frame then draws a few dozen
    // objects instead of hundreds (Graphics are re-tessellated every frame, each Text is a quad).
    if (this.textures.exists('table-static')) this.textures.remove('table-static');
    const baked = this.textures.addDynamicTexture('table-static', W, H);
    if (baked) {
      baked.draw(this.bg);
      baked.draw(this.statics);
      baked.render();
      this.bg.destroy();
      for (const o of this.statics) o.destroy();
      this.statics = [];
      this.add.image(0, 0, 'table-static').setOrigin(0, 0).setDepth(-1);
    }
    this.apply(game.view.state, false);
    this.unsubscribe = this.feed.subscribe(() => {
      const next = this.feed.current();
      if (!next || next === this.frame) return;
      this.frame = next;
      this.apply(next.view.state, true);
    });
    this.game.canvas.addEventListener('pointermove', this.wakeUp);
    this.game.canvas.addEventListener('pointerdown', this.wakeUp);
    this.scale.on(Phaser.Scale.Events.RESIZE, () => this.reportType());
    this.reportType();
    this.onReady();
  }

  /**
   * Tells tests the smallest type on screen: the smallest design size times the scale the canvas is
   * shown at, in the canvas's `data-min-text-px`.
   */
  reportType() {
    const canvas = this.game.canvas;
    const shown = canvas.getBoundingClientRect().width / W;
    if (shown > 0 && Number.isFinite(smallestType))
      canvas.dataset.minTextPx = (smallestType * shown).toFixed(1);
  }

  /** Marks a game object as static: it is baked into the background texture. */
  private st<T extends Phaser.GameObjects.GameObject>(o: T): T {
    this.statics.push(o);
    return o;
  }

  private idleFrames = 0;
  private readonly wakeUp = () => this.wake();

  /** Renders again (after a change, or when the pointer is over the table). */
  wake() {
    this.idleFrames = 0;
    if (!this.game.loop.running) this.game.loop.wake();
  }

  /** Nothing moving: the loop sleeps, so an idle table costs no frames. */
  override update() {
    if (this.tweens.getTweens().length > 0) this.idleFrames = 0;
    else if (++this.idleFrames > 10) this.game.loop.sleep();
  }

  detach() {
    this.game.canvas?.removeEventListener('pointermove', this.wakeUp);
    this.game.canvas?.removeEventListener('pointerdown', this.wakeUp);
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  // -----------------------------------------------------------------------------------------
  // Building (design size W×H; type from TYPE, never under 18 design pixels)

  private buildCalendar(state: Shown) {
    const sc = this.scenario;
    const rules = rulesFor(sc);
    const total = rules.totalTurns;
    const x0 = 44;
    const x1 = W - 44;
    const y = 33;
    const gap = (x1 - x0) / Math.max(1, total - 1);
    this.calX = (t: number) => x0 + (total <= 1 ? 0 : Math.min(t, total - 1) * gap);
    const g = this.bg;
    g.fillStyle(COLOR.card, 1).fillRoundedRect(8, 4, W - 16, 62, 8);
    g.lineStyle(1, COLOR.line, 1).strokeRoundedRect(8, 4, W - 16, 62, 8);
    const epi = this.calX(rules.mainTurns) - gap / 2;
    if (rules.mainTurns < total) {
      g.fillStyle(0xece6d8, 1).fillRect(epi, 5, W - 9 - epi, 60);
      g.lineStyle(2, COLOR.ink, 0.7).lineBetween(epi, 6, epi, 64);
      const room = W - 16 - epi - 12;
      const label = this.st(
        this.add.text(epi + 6, 6, 'after the deadline', text(TYPE.small, CSS.muted, true)),
      );
      if (label.width > room) label.setText('epilogue');
      if (label.width > room) label.setText(''); // no room even for that
    }
    g.lineStyle(2, COLOR.line, 1).lineBetween(x0, y, x1, y);
    // as many dates as fit side by side (each about 64 design pixels wide)
    const step = Math.max(1, Math.ceil((total * 64) / (x1 - x0)));
    for (let t = 0; t < total; t++) {
      g.fillStyle(COLOR.muted, 1).fillCircle(this.calX(t), y, 3);
      if (t % step === 0 || t === total - 1)
        this.st(
          this.add
            .text(this.calX(t), y + 8, turnDate(sc, t).replace(/ \d{4}$/, ''), text(TYPE.small, CSS.muted))
            .setOrigin(0.5, 0),
        );
    }
    if (rules.summitTurn !== null && sc.calendar.summit) {
      const sx = this.calX(rules.summitTurn);
      this.st(this.add.star(sx, y - 16, 5, 4, 9, COLOR.warn).setStrokeStyle(1, COLOR.ink));
      this.st(
        this.add
          .text(sx - 12, y - 16, sc.calendar.summit.name, text(TYPE.small, CSS.ink, true))
          .setOrigin(1, 0.5),
      );
    }
    const truceLine = this.add.rectangle(0, 0, 2, 40, COLOR.cn, 0.8).setOrigin(0.5, 0);
    const truceText = this.add.text(-6, 0, 'truce ends', text(TYPE.small, CSS.cn, true)).setOrigin(1, 0);
    this.truceMark = this.add.container(0, 6, [truceLine, truceText]).setVisible(state.world.truce !== null);
    this.turnPill = this.add
      .circle(this.calX(state.round.turn), y, 10, COLOR.ink)
      .setStrokeStyle(3, 0xffffff);
    this.tweens.add({
      targets: this.turnPill,
      scale: 1.25,
      duration: 900,
      yoyo: true,
      repeat: -1,
      ease: 'Sine.easeInOut',
    });
  }

  private buildSide(side: Side, x0: number) {
    const sc = this.scenario;
    const rules = rulesFor(sc);
    const color = COLOR[side];
    const g = this.bg;
    const top0 = 72;
    const pw = SIDE_W;
    const right = x0 + pw - 12; // right-aligned texts end here
    g.fillStyle(COLOR.card, 1).fillRoundedRect(x0, top0, pw, H - top0 - 6, 8);
    g.lineStyle(1, COLOR.line, 1).strokeRoundedRect(x0, top0, pw, H - top0 - 6, 8);
    g.fillStyle(color, 1).fillRect(x0, top0, pw, 5);
    this.st(this.add.image(x0 + 24, top0 + 24, `emblem-${side}`).setDisplaySize(30, 30));
    const name = this.st(
      this.add.text(x0 + 46, top0 + 10, sc.sides[side].name, text(TYPE.name, CSS.ink, true)),
    );
    this.st(this.add.text(name.x + name.width + 8, top0 + 13, CJK[side], text(TYPE.cjk, CSS.muted)));
    this.st(
      this.add
        .text(right, top0 + 14, side === 'us' ? '■ US' : '● CN', text(TYPE.small, CSS[side], true))
        .setOrigin(1, 0),
    );
    // credibility under the name: how far the side's threats are believed and its promises trusted
    const cred = this.add.text(x0 + 14, top0 + 42, '', text(TYPE.small, CSS.ink));
    this.creds.push({ side, cred });

    const insts = sc.instruments.filter((i) => i.owner === side);
    const inds = rules.indicatorsOf[side];
    const top = top0 + 72;
    const indH = 24;
    const iy = H - 12 - inds.length * indH - 26; // the gauges sit at the foot of the panel
    const rowH = Math.max(30, Math.min(62, Math.floor((iy - 6 - top) / Math.max(1, insts.length))));
    insts.forEach((inst, i) => {
      const y = top + i * rowH;
      const flash = this.add.rectangle(x0 + 4, y - 4, pw - 8, rowH - 2, color, 0).setOrigin(0, 0);
      this.st(this.add.image(x0 + 24, y + 11, `icon-${iconName(sc, inst.id)}`).setDisplaySize(22, 22));
      const title = this.st(
        fitText(this.add.text(x0 + 42, y, '', text(TYPE.small, CSS.ink, true)), inst.short ?? inst.name, 190),
      );
      const label = this.add.text(right, y, '', text(TYPE.small, CSS.muted)).setOrigin(1, 0);
      const tx0 = x0 + 44;
      const tx1 = right - 8;
      const ty = y + Math.min(rowH - 9, 31); // the track sits just under its name
      const L = inst.levels.length;
      const at = (l: number) => tx0 + (L <= 1 ? 0 : (l * (tx1 - tx0)) / (L - 1));
      g.lineStyle(2, COLOR.line, 1).lineBetween(tx0, ty, tx1, ty);
      const filled = this.add
        .rectangle(tx0, ty, tx1 - tx0, 4, color, 0.35)
        .setOrigin(0, 0.5)
        .setScale(0, 1);
      for (let l = 0; l < L; l++) g.fillStyle(COLOR.muted, 0.55).fillCircle(at(l), ty, 3);
      const pending =
        side === 'us'
          ? this.add.rectangle(0, ty, 12, 12).setStrokeStyle(2, color).setVisible(false)
          : this.add.circle(0, ty, 7).setStrokeStyle(2, color).setVisible(false);
      const marker =
        side === 'us'
          ? this.add.rectangle(at(0), ty, 14, 14, color).setStrokeStyle(2, 0xffffff)
          : this.add.circle(at(0), ty, 8, color).setStrokeStyle(2, 0xffffff);
      // hover a track: the label of the level under the pointer
      const zone = this.add
        .zone(tx0 - 8, ty - 10, tx1 - tx0 + 16, 20)
        .setOrigin(0, 0)
        .setInteractive();
      zone.on('pointermove', (p: Phaser.Input.Pointer) => {
        const l = Math.max(0, Math.min(L - 1, Math.round(((p.x - tx0) / Math.max(1, tx1 - tx0)) * (L - 1))));
        this.showTip(at(l), ty - 14, `${l}: ${inst.levels[l]?.label ?? ''}`);
      });
      zone.on('pointerout', () => this.tip?.setVisible(false));
      this.tracks.push({
        id: inst.id,
        side,
        x0: tx0,
        x1: tx1,
        levels: L,
        marker,
        filled,
        label,
        labelWidth: right - (title.x + title.width + 14),
        flash,
        pending,
      });
    });
    this.st(this.add.text(x0 + 14, iy, 'Pressures at home', text(TYPE.small, CSS.muted, true)));
    const legend = this.st(
      this.add.text(right, iy, 'alternatives', text(TYPE.small, CSS.muted)).setOrigin(1, 0),
    );
    this.st(this.add.rectangle(legend.x - legend.width - 6, iy + 12, 18, 3, COLOR.alt).setOrigin(1, 0.5));
    inds.forEach((ind, i) => {
      const y = iy + 26 + i * indH;
      this.st(this.add.image(x0 + 24, y + 10, `icon-${iconName(sc, ind.id)}`).setDisplaySize(18, 18));
      const bx = x0 + 214;
      const bw = 96;
      this.st(
        fitText(
          this.add.text(x0 + 40, y, '', text(TYPE.small)),
          ind.name.replace(/ \(.*\)$/, ''),
          bx - x0 - 48,
        ),
      );
      this.st(this.add.rectangle(bx, y + 4, bw, 10, 0xe9e4d8).setOrigin(0, 0));
      const fill = this.add
        .rectangle(bx, y + 4, bw, 10, color, 0.85)
        .setOrigin(0, 0)
        .setScale(0, 1);
      const alt = this.add
        .rectangle(bx, y + 16, bw, 3, COLOR.alt)
        .setOrigin(0, 0)
        .setScale(0, 1);
      const value = this.add.text(right, y, '', text(TYPE.small, CSS.ink, true)).setOrigin(1, 0);
      this.gauges.push({ id: ind.id, min: ind.min, max: ind.max, x: bx, y, width: bw, fill, alt, value });
    });
  }

  private buildMiddle() {
    const cx = W / 2;
    const g = this.bg;
    const mw = W - 32 - 2 * SIDE_W; // the middle column's width
    g.fillStyle(COLOR.card, 1).fillRoundedRect(cx - mw / 2, 72, mw, H - 78, 8);
    g.lineStyle(1, COLOR.line, 1).strokeRoundedRect(cx - mw / 2, 72, mw, H - 78, 8);
    this.st(this.add.text(cx, 82, 'Upper hand', text(TYPE.small, CSS.muted, true)).setOrigin(0.5, 0));
    const cy = 196;
    const r = 76;
    g.lineStyle(18, 0xcfc8b8, 1).beginPath().arc(cx, cy, r, Math.PI, 0, false).strokePath();
    this.dialUs = this.add
      .arc(cx, cy, r, 180, 270, false)
      .setStrokeStyle(16, COLOR.us, 0.9)
      .setClosePath(false);
    this.dialCn = this.add
      .arc(cx, cy, r, 270, 360, false)
      .setStrokeStyle(16, COLOR.cn, 0.9)
      .setClosePath(false);
    this.dialUs.isFilled = false;
    this.dialCn.isFilled = false;
    this.st(this.add.rectangle(cx, cy - r, 2, 18, 0xffffff));
    this.needle = this.add.rectangle(cx, cy, r - 10, 4, COLOR.ink).setOrigin(0, 0.5);
    this.add.circle(cx, cy, 7, COLOR.ink);
    this.levText = this.add
      .text(cx, cy + 12, '', text(TYPE.small, CSS.ink, true))
      .setOrigin(0.5, 0)
      .setAlign('center');
    this.levHidden = this.add
      .text(cx, cy - 36, 'hidden until\nthe end', text(TYPE.small, CSS.muted))
      .setOrigin(0.5, 0.5)
      .setAlign('center');
    this.st(this.add.text(cx, cy + 60, 'Explain ▸', text(TYPE.small, CSS.us, true)).setOrigin(0.5, 0));
    const zone = this.add.zone(cx, cy - 8, mw - 8, 190).setInteractive({ useHandCursor: true });
    zone.on('pointerdown', () => this.onExplain());

    const t = this.scenario.params.tension;
    const top = 322;
    const hgt = 180;
    this.st(this.add.text(cx - 4, top - 32, 'Tension', text(TYPE.small, CSS.muted, true)).setOrigin(1, 0));
    this.tensionText = this.add.text(cx + 4, top - 32, '', text(TYPE.small, CSS.ink, true)).setOrigin(0, 0);
    const riskTop = top + hgt * (1 - t.max / t.max);
    const riskBottom = top + hgt * (1 - t.risk / t.max);
    g.fillStyle(0xe9e4d8, 1).fillRoundedRect(cx - 16, top, 32, hgt, 6);
    g.fillStyle(COLOR.loss, 0.16).fillRect(cx - 30, riskTop, 60, riskBottom - riskTop);
    g.lineStyle(1, COLOR.loss, 0.8).lineBetween(cx - 34, riskBottom, cx + 34, riskBottom);
    // the risk line's value on the right, the collapse end on the left: they never meet
    this.st(
      this.add
        .text(cx + 36, riskBottom, `risk ${t.risk / 10}`, text(TYPE.small, CSS.loss, true))
        .setOrigin(0, 0.5),
    );
    this.st(this.add.text(cx - 36, riskTop, 'collapse', text(TYPE.small, CSS.loss)).setOrigin(1, 0));
    this.tensionFill = this.add
      .rectangle(cx, top + hgt, 22, hgt, COLOR.warn)
      .setOrigin(0.5, 1)
      .setScale(1, 0);
    this.dealText = this.add
      .text(cx, H - 58, '', text(TYPE.small, CSS.ink, true))
      .setOrigin(0.5, 0)
      .setAlign('center')
      .setWordWrapWidth(mw - 16);
  }

  // -----------------------------------------------------------------------------------------
  // Rendering a state, animating what changed

  private apply(state: Shown, animate: boolean) {
    this.wake();
    const sc = this.scenario;
    const prev = this.last;
    this.last = state;
    const dur = animate ? 550 : 0;
    for (const row of this.tracks) {
      const level = state.world.levels[row.id] ?? 0;
      const at = (l: number) => row.x0 + (row.levels <= 1 ? 0 : (l * (row.x1 - row.x0)) / (row.levels - 1));
      const a = state.world.announcements[row.id];
      // an announced level, when there is one, in the side's colour; else the level now
      fitText(
        row.label.setColor(a ? CSS[row.side] : CSS.muted),
        a
          ? `→ ${turnDate(sc, a.turn).replace(/ \d{4}$/, '')}: ${levelLabel(sc, row.id, a.level)}`
          : levelLabel(sc, row.id, level),
        row.labelWidth,
      );
      const changed = prev !== null && (prev.world.levels[row.id] ?? 0) !== level;
      this.to(row.marker, { x: at(level) }, changed ? dur : 0);
      this.to(row.filled, { scaleX: (at(level) - row.x0) / Math.max(1, row.x1 - row.x0) }, changed ? dur : 0);
      if (changed && animate) {
        row.flash.setFillStyle(row.flash.fillColor, 0.22);
        this.tweens.add({ targets: row.flash, fillAlpha: 0, duration: 1400, ease: 'Quad.easeIn' });
      }
      row.pending.setVisible(a !== undefined);
      if (a) row.pending.setPosition(at(a.level), row.marker.y);
    }
    for (const gauge of this.gauges) {
      const v = state.world.values[gauge.id] ?? 0;
      const share = Math.max(0, Math.min(1, (v - gauge.min) / Math.max(1, gauge.max - gauge.min)));
      gauge.value.setText((v / 10).toFixed(1));
      const before = prev?.world.values[gauge.id];
      this.to(gauge.fill, { scaleX: share }, before !== undefined && before !== v ? dur : 0);
      this.to(gauge.alt, { scaleX: state.world.alt[gauge.id] ?? 0 }, dur);
      if (animate && before !== undefined && Math.abs(v - before) >= 1)
        this.floater(gauge, (v - before) / 10);
    }
    for (const c of this.creds) {
      c.cred.setText(
        `Resolve ${Math.round(state.world.resolve[c.side] * 100)}%   ·   Reliability ${Math.round(state.world.reliability[c.side] * 100)}%`,
      );
    }
    this.applyLeverage(dur);
    const t = sc.params.tension;
    this.to(this.tensionFill, { scaleY: state.world.tension / t.max }, dur);
    this.tensionFill.setFillStyle(
      state.world.tension > t.risk
        ? COLOR.loss
        : state.world.tension > t.risk * 0.75
          ? COLOR.warn
          : COLOR.gain,
    );
    this.tensionText.setText(`${(state.world.tension / 10).toFixed(0)} / ${t.max / 10}`);
    const active = state.world.packages.filter((p) => p.status === 'active').length;
    this.dealText.setText(
      state.world.collapsed
        ? 'The talks have collapsed'
        : active > 0
          ? `Deal in force\n(${active} package${active > 1 ? 's' : ''})`
          : state.round.phase === 'over'
            ? 'The game is over'
            : 'No deal yet',
    );
    this.dealText.setColor(state.world.collapsed ? CSS.loss : active > 0 ? CSS.gain : CSS.muted);
    this.to(
      this.turnPill,
      { x: this.calX(state.round.turn) },
      prev && prev.round.turn !== state.round.turn ? 700 : 0,
    );
    if (state.world.truce) {
      this.truceMark.setVisible(true);
      this.to(this.truceMark, { x: this.calX(state.world.truce.endTurn) - 0 }, dur);
    } else this.truceMark.setVisible(false);
    if (animate && prev && prev.round.turn !== state.round.turn) play('turn');
  }

  private applyLeverage(dur: number) {
    const l = this.frame?.view.leverage ?? null;
    this.needle.setVisible(l !== null);
    this.levHidden.setVisible(l === null);
    this.dialUs.setVisible(l !== null);
    this.dialCn.setVisible(l !== null);
    if (!l) {
      this.levText.setText('');
      return;
    }
    const split = 180 + l.us * 180; // degrees: the US share of the arc, from the left
    this.dialUs.setStartAngle(180).setEndAngle(split);
    this.dialCn.setStartAngle(split).setEndAngle(360);
    // the needle leans toward the side that holds the upper hand
    // (kept in [-π, 0], the range Phaser wraps rotations to, so a tween never swings underneath)
    const angle = -l.us * Math.PI;
    if (this.lastLev === null || dur === 0) this.needle.setRotation(angle);
    else this.tweens.add({ targets: this.needle, rotation: angle, duration: 800, ease: 'Back.easeOut' });
    this.lastLev = l.us;
    this.levText.setText(
      `■ US ${Math.round(l.us * 100)}%   ● CN ${Math.round(l.cn * 100)}%\n${l.atStake.toFixed(1)} at stake`,
    );
  }

  private tip: Phaser.GameObjects.Text | null = null;

  private showTip(x: number, y: number, label: string) {
    if (!this.tip)
      this.tip = this.add
        .text(0, 0, '', {
          ...text(TYPE.small, '#ffffff', true),
          backgroundColor: '#1b2330',
          padding: { x: 6, y: 3 },
        })
        .setOrigin(0.5, 1)
        .setDepth(10);
    this.tip.setText(label).setVisible(true);
    const half = this.tip.width / 2;
    this.tip.setPosition(Math.max(half + 4, Math.min(W - half - 4, x)), y);
  }

  private to(target: Phaser.GameObjects.GameObject, props: Record<string, number>, duration: number) {
    this.tweens.killTweensOf(target);
    if (duration <= 0) {
      Object.assign(target, props);
      return;
    }
    this.tweens.add({ targets: target, ...props, duration, ease: 'Cubic.easeOut' });
  }

  private floater(g: GaugeRow, delta: number) {
    const up = delta > 0;
    // on the bar's end, on a paper ground, so it never covers the value beside it
    const t = this.add
      .text(g.x + g.width - 2, g.y - 1, `${up ? '+' : '−'}${Math.abs(delta).toFixed(1)}`, {
        ...text(TYPE.small, up ? CSS.gain : CSS.loss, true),
        backgroundColor: CSS.paper,
        padding: { x: 3, y: 0 },
      })
      .setOrigin(1, 0)
      .setDepth(5);
    this.tweens.add({
      targets: t,
      y: g.y - 12,
      alpha: 0,
      duration: 1600,
      ease: 'Quad.easeOut',
      onComplete: () => t.destroy(),
    });
  }
}
