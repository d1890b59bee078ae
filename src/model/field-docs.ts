// What each field of a scenario file means, in one place: the text an editor shows when the cursor
// is on a field (the JSON Schemas' `description`, with an `examples` entry), attached to the zod
// schema with `.meta()` by src/scenario/file-schemas.ts. Units and ranges are said in words here;
// the schema adds the numbers' bounds itself. Keys are field paths, `[]` for any entry of a list and
// `*` for either side (`sides.*.sigma`). docs/authoring.md says the same at more length.

/** A field's description and an example value. */
export type FieldDoc = readonly [description: string, example?: unknown];

const CITE: Record<string, FieldDoc> = {
  source: [
    'The file name of a document listed in `documents`, as it is in the sources folder (`npm run check -- --sources DIR`).',
    'my-notes.txt',
  ],
  quote: [
    'Words that appear verbatim in the source (spaces, curly quotes and dashes are forgiven, nothing else).',
    'China halted all orders',
  ],
  estimate: [
    'What the numbers you made up stand for: a design estimate, not a sourced figure. `npm run tune` may move them.',
    'effect sizes',
  ],
};

const cite = (prefix: string) =>
  Object.fromEntries(Object.entries(CITE).map(([k, v]) => [`${prefix}.${k}`, v]));

const EFFECTS = 'Effects on indicators, in points (one decimal), by indicator id.';

export const FIELD_DOCS: Readonly<Record<string, FieldDoc>> = {
  id: ['The scenario’s id: lower-case letters, digits and hyphens, starting with a letter.', 'summit-2026'],
  version: ['A whole number; raise it when you change a scenario a class has played.', 1],
  meta: ['What the menu shows.'],
  'meta.title': ['The scenario’s name.', 'The Beijing Summit (2026, hypothetical)'],
  'meta.period': ['When it is set, in words.', 'March – April 2026'],
  'meta.summary': [
    'A paragraph for the menu: the situation, the question, how many turns and minutes.',
    'Five turns of ten days, about 30 minutes of play.',
  ],
  'meta.minutes': ['Estimated playing time, in minutes (leave time for the debrief on top).', 30],
  documents: ['The documents the scenario cites, one entry each.'],
  'documents[].file': [
    'The source’s file name, looked up in the folder given to `npm run check -- --sources DIR`: any plain file name (a PDF turned to text, a saved web page, your notes).',
    'my-notes.txt',
  ],
  'documents[].title': ['The document’s title.', 'Beijing readies an opening bid'],
  'documents[].outlet': ['Who published it.', 'The Wall Street Journal'],
  'documents[].date': ['When, as published (free text).', '29 Oct 2025'],
  'documents[].author': ['Optional: who wrote it.', 'Wendy Cutler'],
  sides: ['The two sides, `us` (Washington) and `cn` (Beijing); both are always there.'],
  'sides.*': ['One side: its name, pain sensitivity, credibility and the indicator its concessions spend.'],
  'sides.*.name': ['The name players see.', 'Washington'],
  'sides.*.sigma': [
    'Pain sensitivity, above 0: above 1 the side needs a deal, below 1 it can outlast. Scales how much the other side’s threats count in the leverage meter.',
    1.1,
  ],
  'sides.*.resolve': [
    'Share, 0–1: are its threats carried out? Discounts its threats in the leverage meter.',
    0.6,
  ],
  'sides.*.reliability': [
    'Share, 0–1: are its promises kept? Discounts its pledges in the other side’s eyes.',
    0.58,
  ],
  'sides.*.politics': [
    'The id of the indicator its concessions spend (political capital, face).',
    'us-capital',
  ],
  'sides.*.pressureMultiplier': [
    'How much dearer a concession is in the turn after the other side escalated (1–5, default 1).',
    2,
  ],
  ...cite('sides.*'),
  params: ['The rules’ numbers.'],
  'params.H': ['The leverage horizon, in turns: how far ahead a threat’s pain is counted.', 2],
  'params.k': ['Orders per side per turn (1–3).', 1],
  'params.lambda': ['How much a threat’s cost to its own side counts against it in the leverage meter.', 0.5],
  'params.delta': ['Share, 0–1: the credibility a public announcement adds to a threat.', 0.2],
  'params.tension': ['The tension gauge, in points (0–100). Only `start` is required.'],
  'params.tension.start': ['Tension at the opening, in points (0–100).', 30],
  'params.tension.perStep': ['Points added for each level an instrument is raised (default 4).', 4],
  'params.tension.valvePerStep': ['Points added per level for valve instruments (default 1).', 1],
  'params.tension.announce': ['Points added by each announcement (default 3).', 3],
  'params.tension.breach': ['Points added when a side breaks a package (default 10).', 10],
  'params.tension.agreement': ['Points added for each package accepted (default −8).', -8],
  'params.tension.trumpet': ['Points added by a trumpeted readout (default 3).', 3],
  'params.tension.decay': ['Points added every turn (default −1).', -1],
  'params.tension.risk': ['Above this many points a crisis may strike each turn (default 70).', 70],
  'params.tension.max': ['At this many points the talks collapse (default 100).', 100],
  'params.tension.crisisChance': [
    'Share, 0–1: the chance of a crisis at the top of the risk band (default 0.5).',
    0.5,
  ],
  'params.tension.crisis': ['Points of tension a crisis adds (default 8).', 8],
  'params.tension.crisisEffects': [`${EFFECTS} Once, when a crisis strikes.`, { 'us-capital': -1 }],
  'params.credibility': ['How resolve and reliability move (shares, 0–1).'],
  'params.credibility.announcementCarried': ['Resolve gained when a side’s announcement takes effect.', 0.05],
  'params.credibility.withdrawnForNothing': [
    'Resolve lost when a side withdraws an announcement outside a deal.',
    0.1,
  ],
  'params.credibility.extension': ['Resolve lost by the side that extends the truce.', 0.05],
  'params.credibility.breach': ['Reliability lost by a side that breaks a package.', 0.15],
  'params.credibility.learning': ['How fast deliveries move reliability toward the share delivered.', 0.2],
  'params.readout': ['What a trumpeted readout of a deal gains and costs, in points.'],
  'params.readout.trumpetGain': ['Points the trumpeting side gains on its own `politics` indicator.', 2],
  'params.readout.trumpetCost': ['Points the other side’s `politics` indicator loses.', -2],
  'params.pledgeSizes': ['The multipliers of the three pledge sizes (default 0.5, 1, 1.5).'],
  'params.pledgeSizes.small': ['Multiplier of a small pledge’s effects.', 0.5],
  'params.pledgeSizes.medium': ['Multiplier of a medium pledge’s effects.', 1],
  'params.pledgeSizes.large': ['Multiplier of a large pledge’s effects.', 1.5],
  'params.altMax': ['Share, 0–1: no alternative absorbs more than this (default 0.9).', 0.9],
  calendar: [
    'The scenario’s time: turns of `turnDays` days from `start`; dated things happen at the start of the turn that holds their date.',
  ],
  'calendar.start': ['The first day of turn 1, as YYYY-MM-DD.', '2026-03-01'],
  'calendar.turnDays': ['Days a turn stands for.', 10],
  'calendar.deadline': [
    'The end of the talks (the summit, or the truce’s end), as YYYY-MM-DD. Turns before it have talks.',
    '2026-04-10',
  ],
  'calendar.epilogueTurns': ['Turns after the deadline with orders but no talks.', 1],
  'calendar.firstInTalks': ['Who opens the talks on turn 1 (`us` or `cn`); then the sides alternate.', 'cn'],
  'calendar.summit': [
    'Optional: a leaders’ meeting; a package in force by its date pays `deal`, none pays `noDeal`.',
  ],
  'calendar.summit.date': ['The summit’s day, as YYYY-MM-DD.', '2026-04-08'],
  'calendar.summit.name': ['The summit’s name.', 'State visit to Beijing'],
  'calendar.summit.deal': [`${EFFECTS} Once, if a package is in force by the summit.`, { 'us-capital': 4 }],
  'calendar.summit.noDeal': [`${EFFECTS} Once, if none is.`, { 'us-capital': -3 }],
  'calendar.truce': [
    'Optional: a truce that runs out; unless a package is in force, the instruments in `snapback` rise.',
  ],
  'calendar.truce.end': ['The truce’s last day, as YYYY-MM-DD.', '2025-08-12'],
  'calendar.truce.extendDays': ['Days an `extend` order pushes the end back.', 90],
  'calendar.truce.snapback': [
    'Instrument id → the level it rises to at least when the truce runs out.',
    { 'us-tariff': 6 },
  ],
  indicators: ['What each side cares about (at least two). Each side’s weights sum to 1.'],
  'indicators[].id': ['The indicator’s id.', 'us-farm'],
  'indicators[].side': ['The side it belongs to: `us` or `cn`.', 'us'],
  'indicators[].name': ['Its name.', 'Farm income'],
  'indicators[].start': ['Its value at the opening, in points (one decimal).', 50],
  'indicators[].min': ['Its lowest value, in points (default 0).', 0],
  'indicators[].max': ['Its highest value, in points (default 100).', 100],
  'indicators[].weight': ['Share, 0–1: how much it counts for its side; a side’s weights sum to 1.', 0.4],
  'indicators[].alt': [
    'Share, 0–1: alternatives at the opening, how much pressure on it is absorbed (default 0).',
    0.2,
  ],
  'indicators[].altCap': ['Share, 0–1: the most its alternatives creep to on their own (default 0.6).', 0.6],
  'indicators[].altCreep': [
    'Share per turn its alternatives grow while the other side hurts it (default 0.02).',
    0.02,
  ],
  'indicators[].drift': [
    'Points per turn, whatever is played (default 0). A negative drift makes waiting costly.',
    -0.3,
  ],
  ...cite('indicators[]'),
  instruments: ['What each side can do (at least two): ladders of levels, friendliest first.'],
  'instruments[].id': ['The instrument’s id.', 'us-tariff'],
  'instruments[].owner': ['The side that moves it: `us` or `cn`.', 'us'],
  'instruments[].name': ['Its name.', 'US tariff on Chinese goods'],
  'instruments[].short': ['Optional short name for tight spaces.', 'US tariff'],
  'instruments[].kind': [
    'What it is (the computer opponent reads it): tariff, export-control, purchase, regulation or other.',
    'tariff',
  ],
  'instruments[].valve': [
    'A valve has fine, cheap steps: moving it adds `valvePerStep` tension (default false).',
    false,
  ],
  'instruments[].level': ['The opening level: 0 is the first entry of `levels`.', 1],
  'instruments[].levels': ['2–12 levels, the friendliest to the other side first.'],
  'instruments[].levels[].label': ['What the level is.', '30%'],
  'instruments[].levels[].effects': [
    `${EFFECTS} Per turn while the instrument is at this level.`,
    { 'cn-exports': -2.5 },
  ],
  ...cite('instruments[].levels[]'),
  'instruments[].tensionPerStep': [
    'Optional: points of tension per level raised, instead of `params.tension.perStep`.',
    6,
  ],
  'instruments[].concessionCost': [
    'Points the owner’s `politics` indicator loses per level lowered (default 0).',
    1,
  ],
  ...cite('instruments[]'),
  alternatives: ['Moves that take several turns and make the other side’s pressure count for less.'],
  'alternatives[].id': ['The alternative’s id.', 'us-new-buyers'],
  'alternatives[].side': ['Whose move it is.', 'us'],
  'alternatives[].name': ['Its name.', 'New buyers for farm goods'],
  'alternatives[].gains': [
    'Indicator id → the alternatives (share, 0–1) it adds, in all, spread over `turns`.',
    { 'us-farm': 0.2 },
  ],
  'alternatives[].turns': ['How many turns it takes.', 2],
  'alternatives[].cost': [`${EFFECTS} Paid once, when it starts.`, { 'us-capital': -0.5 }],
  ...cite('alternatives[]'),
  commitments: ['Promises a package can hold.'],
  'commitments[].id': ['The commitment’s id.', 'cn-purchases'],
  'commitments[].side': ['Who promises.', 'cn'],
  'commitments[].kind': [
    '`purchase` (a headline pledge with a size) or `structural` (a rule, kept more steadily).',
    'purchase',
  ],
  'commitments[].name': ['Its name.', 'Purchases of farm goods'],
  'commitments[].effects': [
    `${EFFECTS} Per turn at full delivery (size medium for purchases).`,
    { 'us-farm': 1.5 },
  ],
  'commitments[].rate': ['Share, 0–1: the expected share delivered each turn.', 0.58],
  'commitments[].spread': ['Share, 0–1: how far a turn’s delivery strays from `rate` (default 0.2).', 0.2],
  'commitments[].condition': [
    'Optional: the condition the promiser ties it to.',
    { instrument: 'us-tariff', atMost: 1 },
  ],
  ...cite('commitments[]'),
  statements: ['Text-only terms of a package: effects once, when accepted.'],
  'statements[].id': ['The statement’s id.', 'st-trade-stability'],
  'statements[].name': ['Its name.', 'Joint statement on trade stability'],
  'statements[].text': ['What it says.', 'Both governments commit to stable trade relations.'],
  'statements[].effects': [`${EFFECTS} Once, when accepted.`, { 'cn-face': 1 }],
  ...cite('statements[]'),
  announcements: [
    'Changes pending at the opening: each takes effect at the start of the turn holding its date.',
  ],
  'announcements[].instrument': ['The instrument that will change.', 'us-tariff'],
  'announcements[].level': ['The level it will take.', 4],
  'announcements[].date': ['When it takes effect, as YYYY-MM-DD.', '2025-11-01'],
  ...cite('announcements[]'),
  events: ['What happens: dated, conditional or random news with effects.'],
  'events[].id': ['The event’s id.', 'ev-farm-lobby'],
  'events[].title': ['The headline.', 'The farm lobby turns on the White House'],
  'events[].text': ['The news item players read.', 'Farmers press Washington hard.'],
  'events[].date': [
    'Optional: it fires at the start of the turn holding this date (YYYY-MM-DD).',
    '2026-03-01',
  ],
  'events[].condition': [
    'Optional: it fires at the start of the first turn this condition holds.',
    { indicator: 'us-farm', below: 40 },
  ],
  'events[].chance': [
    'Optional share, 0–1: a seeded random event, with this chance each turn it could fire.',
    0.2,
  ],
  'events[].effects': [
    `${EFFECTS} Once, when it fires (not softened by alternatives).`,
    { 'us-capital': -2 },
  ],
  'events[].tension': ['Points of tension it adds (default 0).', -2],
  'events[].shifts': ['Instrument id → the level it sets.', { 'cn-soybeans': 3 }],
  'events[].alt': ['Indicator id → alternatives added (−1 to 1).', { 'us-industry': 0.1 }],
  'events[].resolve': ['Side → resolve added (−1 to 1).', { us: -0.05 }],
  ...cite('events[]'),
  objectives: ['Bonuses for a side, checked at the end of the game.'],
  'objectives[].id': ['The objective’s id.', 'us-boeing'],
  'objectives[].side': ['The side it belongs to.', 'us'],
  'objectives[].text': ['What the player reads.', 'Come home with a package in force.'],
  'objectives[].condition': ['The condition checked at the end.', { deal: true }],
  'objectives[].points': ['The bonus, in points.', 2],
  redLines: ['Packages a side will not accept.'],
  'redLines[].id': ['The red line’s id.', 'cn-keep-licensing'],
  'redLines[].side': ['Whose red line it is.', 'cn'],
  'redLines[].text': ['What the player reads.', 'Beijing keeps its licensing system.'],
  'redLines[].statement': ['A package holding this statement is refused.', 'st-taiwan'],
  'redLines[].instrument': ['A package lowering this instrument below `below` is refused.', 'cn-rare-earths'],
  'redLines[].below': ['The level this instrument may not be lowered below.', 1],
  briefings: ['What each player reads before the first turn.'],
  'briefings.*': ['A side’s briefing.'],
  'briefings.*.text': [
    'The briefing’s text (YAML `|-` keeps line breaks).',
    'You are Washington, in a hypothetical spring 2026.',
  ],
  'briefings.*.sources': ['Quotes that back the briefing.'],
  history: ['Optional: what really happened, for the debrief.'],
  'history.summary': ['The history in a paragraph.', 'Washington opened with a 10% tariff.'],
  'history.steps': ['Dated steps of the history, with the levels they set.'],
  'history.script': [
    'The moves the two governments really made, in a form the engine plays (see the guide).',
  ],
  'history.outcome': ['How it ended.'],
  profiles: ['The computer opponents’ profiles (see the guide’s section on them).'],
  'profiles[].params.escalates': [
    'Its rule of conduct for escalation: `in-answer` never raises a measure harder (as a share of its range) than the other side’s measures it answers; `first` may escalate first, but only by an announcement naming what it wants, and not in a turn in which it made a proposal. Leave it out to let its search and rules decide.',
    'in-answer',
  ],
};

/** The condition language, wherever a condition is written. */
const CONDITION: Record<string, FieldDoc> = {
  indicator: ['Holds while this indicator is below `below` and/or above `above` points.', 'us-farm'],
  below: ['Points (or, under `tension`, tension points) the value must be below.', 40],
  above: ['Points the value must be above.', 60],
  instrument: ['Holds while this instrument is at most `atMost` and/or at least `atLeast`.', 'us-tariff'],
  atMost: ['The highest level at which it holds.', 2],
  atLeast: ['The lowest level at which it holds.', 1],
  tension: ['Holds while tension is `below` and/or `above` these points.', { above: 70 }],
  deal: ['`true`: holds while a package is in force; `false`: while none is.', true],
  statement: ['Holds when an accepted package holds this statement.', 'st-trade-stability'],
  collapsed: ['`true`: holds once the talks have collapsed.', true],
  event: ['Holds once this event has fired.', 'ev-farm-lobby'],
  commitment: [
    'Holds while this commitment, in a package in force, has delivered at least `deliveredAtLeast`.',
    'cn-purchases',
  ],
  deliveredAtLeast: ['Share, 0–1, of what was owed so far that must have been delivered.', 0.5],
};

/** The documentation of a field path, with either side's name read as `*`. */
export function fieldDoc(path: string): FieldDoc | undefined {
  const own = FIELD_DOCS[path] ?? FIELD_DOCS[path.replace(/^(sides|briefings)\.(us|cn)\b/, '$1.*')];
  if (own) return own;
  const inCondition = /\.condition\.(?:tension\.)?([A-Za-z]+)$/.exec(path);
  if (inCondition) return CONDITION[inCondition[1] ?? ''];
  const last = path.slice(path.lastIndexOf('.') + 1);
  if (last in CITE) return CITE[last];
  // The computer opponents' profiles and the history script have guides of their own.
  if (path.startsWith('profiles[]'))
    return [
      `\`${last}\`: part of a computer opponent’s profile; docs/authoring.md, “The computer opponents”, says what each field does.`,
    ];
  if (path.startsWith('history.'))
    return [
      `\`${last}\`: part of the history; docs/authoring.md, “The history script”, says what each field does.`,
    ];
  if (path.startsWith('briefings.')) return [`\`${last}\`: a quote that backs the briefing.`];
  return undefined;
}
