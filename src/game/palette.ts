// The table's colours, sizes and type, shared by its parts; the same palette as the DOM screens.
// W×H is the table's design size, about the shape of the space the layout gives it on a laptop or a
// projector (1280×800 to 1920×1080), where the scale manager shows it at 0.8 of it or more.
export const W = 1000;
export const H = 580;
/**
 * The table's type sizes (design pixels). The smallest, 18, is 14.5 px or more on screen wherever the
 * layout shows the canvas at 1280×800 and above: no text under 14 px, readable from a classroom's
 * back row. Smaller screens get the table in words instead.
 */
export const TYPE = { small: 18, name: 24, cjk: 20 } as const;
export const FONT = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'DejaVu Sans', 'Upper Hand SC', sans-serif";
export const COLOR = {
  us: 0x1f5fae,
  cn: 0xb8322a,
  ink: 0x1b2330,
  muted: 0x5a6472,
  line: 0xd9d3c4,
  paper: 0xfbf9f3,
  card: 0xffffff,
  gain: 0x2f6f4f,
  loss: 0xa3261b,
  alt: 0x6b9e7e,
  warn: 0xd98a1c,
} as const;
export const CSS = {
  ink: '#1b2330',
  muted: '#5a6472',
  us: '#1f5fae',
  cn: '#b8322a',
  gain: '#2f6f4f',
  loss: '#a3261b',
  paper: '#fbf9f3',
} as const;
