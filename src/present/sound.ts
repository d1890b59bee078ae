// A few quiet sounds, synthesised with WebAudio at run time (no sound files): a soft tick for a
// move, a two-note chime for a deal, a low thud for an escalation, a bell for a new turn. Muted by a
// setting the player controls; nothing plays before the player has interacted with the page.
export type Cue = 'move' | 'deal' | 'escalate' | 'turn' | 'refuse';

let ctx: AudioContext | null = null;
let muted = false;

export function setMuted(m: boolean) {
  muted = m;
}

function context(): AudioContext | null {
  if (muted || typeof AudioContext === 'undefined') return null;
  if (!ctx) ctx = new AudioContext();
  if (ctx.state === 'suspended') void ctx.resume();
  return ctx;
}

function tone(
  c: AudioContext,
  freq: number,
  start: number,
  length: number,
  gain: number,
  type: OscillatorType,
) {
  const osc = c.createOscillator();
  const g = c.createGain();
  osc.type = type;
  osc.frequency.value = freq;
  const t = c.currentTime + start;
  g.gain.setValueAtTime(0, t);
  g.gain.linearRampToValueAtTime(gain, t + 0.015);
  g.gain.exponentialRampToValueAtTime(0.0001, t + length);
  osc.connect(g).connect(c.destination);
  osc.start(t);
  osc.stop(t + length + 0.05);
}

/** Plays a cue quietly, unless muted. */
export function play(cue: Cue) {
  const c = context();
  if (!c) return;
  switch (cue) {
    case 'move':
      tone(c, 660, 0, 0.09, 0.05, 'triangle');
      break;
    case 'deal':
      tone(c, 523, 0, 0.35, 0.06, 'sine');
      tone(c, 784, 0.12, 0.5, 0.06, 'sine');
      break;
    case 'escalate':
      tone(c, 110, 0, 0.4, 0.09, 'sine');
      tone(c, 82, 0.05, 0.45, 0.06, 'triangle');
      break;
    case 'turn':
      tone(c, 880, 0, 0.6, 0.03, 'sine');
      break;
    case 'refuse':
      tone(c, 220, 0, 0.15, 0.05, 'square');
      break;
  }
}
