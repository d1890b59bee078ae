// Icons for instruments and indicators (SVGs drawn for the game, in assets/icons) and the sides'
// emblems. An id is matched by keyword, so an instructor's new instrument still gets a fitting icon;
// anything unmatched falls back on its kind, then on a plain dot.
import type { Scenario, Side } from '../engine/index.ts';

const urls = import.meta.glob<string>('../../assets/icons/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
});
const emblems = import.meta.glob<string>('../../assets/emblems/*.svg', {
  eager: true,
  query: '?url',
  import: 'default',
});

const byName = new Map<string, string>();
for (const [path, url] of Object.entries(urls)) byName.set(path.replace(/^.*\/|\.svg$/g, ''), url);

const KEYWORDS: readonly [RegExp, string][] = [
  [/tariff/, 'tariff'],
  [/nvidia|ban/, 'ban'],
  [/chip|tech|semi/, 'chip'],
  [/entity|list/, 'list'],
  [/port|ship|mari/, 'ship'],
  [/licen/, 'valve'],
  [/rare|earth|mineral|magnet/, 'magnet'],
  [/soy|bean|grain/, 'soybean'],
  [/tiktok|app|data/, 'phone'],
  [/fentanyl|precursor|drug/, 'flask'],
  [/farm|agri/, 'farm'],
  [/industr|supply|manufact/, 'factory'],
  [/price|consum|inflat/, 'cart'],
  [/capital|politic|vote/, 'capitol'],
  [/export|trade/, 'container'],
  [/growth|jobs|gdp/, 'growth'],
  [/food/, 'bowl'],
  [/face|standing|prestige/, 'face'],
];

const KIND_ICON: Record<string, string> = {
  tariff: 'tariff',
  'export-control': 'list',
  purchase: 'soybean',
  regulation: 'document',
};

/** The icon's name for an instrument or indicator id. */
export function iconName(sc: Scenario, id: string): string {
  for (const [re, name] of KEYWORDS) if (re.test(id)) return name;
  const kind = sc.instruments.find((i) => i.id === id)?.kind;
  return (kind && KIND_ICON[kind]) || 'dot';
}

export const allIcons = (): ReadonlyMap<string, string> => byName;

export function emblemUrl(side: Side): string {
  return Object.entries(emblems).find(([p]) => p.endsWith(`/${side}.svg`))?.[1] ?? '';
}
