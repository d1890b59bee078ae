// The templates `npm run new` writes: an opening of the shipped 2025 world, and a standalone
// scenario of the author's own world. Each is commented for a first-time author and passes the
// checker as it stands (tests/unit/authoring-tools.test.ts checks both).

/** The opening's calendar: ten-day turns from 3 June 2025, the Geneva truce running out in August. */
const OPENING = { start: '2025-06-03', deadline: '2025-08-12', last: '2025-08-31' };

export function openingTemplate(
  id: string,
  schemaPath: string,
  eventsOutside: (from: string, to: string) => string[],
): string {
  const drop = eventsOutside(OPENING.start, OPENING.last);
  return `# yaml-language-server: $schema=${schemaPath}
# ${id}: an opening of the 2025 world (scenarios/world-2025.yaml).
#
# An opening keeps everything the world defines (the sides, every instrument with all its levels,
# the indicators, alternatives, promises, events, the computer opponents and the history script)
# and changes only what it gives here: maps merge key by key, lists with ids merge by id, other
# values replace. \`npm run explain -- ${id}.yaml\` shows every value the game will play, and where
# each comes from.
#
# Edit first: meta, calendar, the opening levels and values, the briefings. Then:
#   npm run check -- ${id}.yaml
#   npm run simulate -- ${id}.yaml --games 200 --seed 1

extends: world-2025
id: ${id}
version: 1

# The world's events dated outside this opening's span (${OPENING.start} to ${OPENING.last}): the checker
# refuses an event the calendar cannot reach. Change the calendar, and the checker names the events
# to add here or take out.
remove:
${drop.map((e) => `  - ${e}`).join('\n')}

meta:
  title: ${titleOf(id)}
  period: June – August 2025
  summary: >-
    What the menu shows: the situation on the first day, the question the players face, and how
    long it takes. Nine turns of ten days (seven of talks and two of epilogue), about 60 minutes of
    play.
  minutes: 60 # estimated playing time; leave time for the debrief on top

calendar:
  start: ${OPENING.start} # the first day of turn 1
  turnDays: 10 # days a turn stands for
  deadline: ${OPENING.deadline} # the end of the talks: turns before it have talks
  epilogueTurns: 2 # turns after the deadline with orders but no talks
  firstInTalks: cn # who opens the talks on turn 1; then the sides alternate
  # The Geneva truce runs out on the deadline: unless a package is in force (or a side extends the
  # truce), the tariffs snap back to April's 145% and 125%. Standing still costs both sides.
  truce:
    end: ${OPENING.deadline}
    extendDays: 90
    snapback: { us-tariff: 6, cn-tariff: 5 }

params:
  tension:
    start: 55 # points, 0–100: how strained relations are on the first day

# Opening levels on the first day (level 0 is the friendliest level of each ladder; see the world
# file for every level's label). Only what you list changes; the rest keeps the world's level.
instruments:
  - { id: us-tariff, level: 3 } # 30%
  - { id: us-chips, level: 4 } # H20 banned
  - { id: cn-tariff, level: 1 } # 10%
  - { id: cn-rare-earths, level: 2 } # seven metals restricted
  - { id: cn-soybeans, level: 3 } # the boycott

# Indicator values on the first day, in points (0–100): the spring's tariffs and the rare-earth
# stoppage have cost both sides. Only what you list changes.
indicators:
  - { id: us-farm, start: 52 }
  - { id: us-industry, start: 50 }
  - { id: us-prices, start: 55 }
  - { id: us-tech, start: 55 }
  - { id: us-capital, start: 56 }
  - { id: cn-exports, start: 52 }
  - { id: cn-growth, start: 47 }
  - { id: cn-chips, start: 45 }
  - { id: cn-food, start: 65 }
  - { id: cn-face, start: 58 }

# What each player reads before the first turn: replace with your own. The world's history text is
# kept unless you give your own \`history\`.
briefings:
  us:
    text: >-
      You are Washington on ${OPENING.start}. Say what has happened, what you hold, what you want,
      and what the other side holds.
  cn:
    text: >-
      You are Beijing on ${OPENING.start}. Say what has happened, what you hold, what you want, and
      what the other side holds.
`;
}

const titleOf = (id: string) =>
  id
    .split('-')
    .map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w))
    .join(' ');

export function worldTemplate(id: string, schemaPath: string): string {
  return `# yaml-language-server: $schema=${schemaPath}
# ${id}: a standalone scenario of your own world (it extends nothing, so every part is here).
#
# Conventions: indicator values and effects are points with one decimal; shares (weight, alt,
# resolve, reliability, rate) run from 0 to 1; level 0 of an instrument is the friendliest to the
# other side. Every number you made up carries \`estimate: <what it stands for>\`; a fact from a
# document carries \`source: <file name>\` and \`quote: <its exact words>\` instead (or as well).
#
# Edit first: meta, calendar, documents, then the sides' indicators and instruments. Then:
#   npm run check -- --sources MY-SOURCES-FOLDER ${id}.yaml
#   npm run simulate -- ${id}.yaml --games 200 --seed 1
#   npm run tune -- ${id}.yaml        (balances the numbers marked as estimates)

id: ${id}
version: 1

meta:
  title: ${titleOf(id)}
  period: March – April 2026
  summary: >-
    What the menu shows: the situation on the first day, the question the players face, and how
    long it takes. Five turns of ten days (four of talks and one epilogue), about 30 minutes of
    play.
  minutes: 30

# Your sources: each \`file\` is a text file's name in the folder you give to
# \`npm run check -- --sources DIR\` (a PDF turned to text, a web page saved as text, your notes).
documents:
  - file: my-notes.txt
    title: My notes on the talks
    outlet: Course notes
    date: 1 Mar 2026

sides:
  us:
    name: Washington
    sigma: 1.1 # pain sensitivity: above 1 the side needs a deal, below 1 it can wait
    resolve: 0.6 # 0–1: are its threats carried out?
    reliability: 0.75 # 0–1: are its promises kept?
    politics: us-capital # the indicator its concessions spend
    estimate: sigma, resolve and reliability
  cn:
    name: Beijing
    sigma: 0.9
    resolve: 0.8
    reliability: 0.6
    politics: cn-face
    estimate: sigma, resolve and reliability

params:
  H: 2 # leverage looks this many turns ahead
  k: 1 # orders per side per turn
  lambda: 0.5 # how much a threat's cost to its own side counts against it
  delta: 0.2 # the credibility a public announcement adds
  tension:
    start: 30 # points, 0–100

calendar:
  start: 2026-03-01
  turnDays: 10
  deadline: 2026-04-10 # four turns of talks
  epilogueTurns: 1
  firstInTalks: us

# What each side cares about. Each side's weights sum to 1. A negative drift on both sides makes
# waiting costly: that is what makes the no-deal line fall, and a deal worth making.
indicators:
  - { id: us-farm, side: us, name: Farm income, start: 50, weight: 0.4, alt: 0.2, drift: -0.3, estimate: "start, weight, alt and drift" }
  - { id: us-industry, side: us, name: Industry, start: 55, weight: 0.3, alt: 0.3, drift: -0.1, estimate: "start, weight, alt and drift" }
  - { id: us-capital, side: us, name: Political capital, start: 55, weight: 0.3, drift: -0.3, estimate: "start, weight and drift" }
  - { id: cn-exports, side: cn, name: Exports, start: 55, weight: 0.5, alt: 0.4, drift: -0.3, estimate: "start, weight, alt and drift" }
  - { id: cn-supply, side: cn, name: Supply of parts, start: 50, weight: 0.2, alt: 0.3, drift: -0.1, estimate: "start, weight, alt and drift" }
  - { id: cn-face, side: cn, name: Face, start: 60, weight: 0.3, estimate: "start and weight" }

# What each side can do: a ladder of levels, friendliest first, each with its effects per turn.
instruments:
  - id: us-tariff
    owner: us
    name: US tariff
    kind: tariff
    level: 1 # the opening level
    concessionCost: 1 # political capital lost per level lowered
    estimate: the levels' effects and the concession cost
    levels:
      - { label: 10%, effects: { cn-exports: -1, us-farm: -0.2 }, estimate: "effect sizes" }
      - { label: 30%, effects: { cn-exports: -2.5, us-farm: -0.5 }, estimate: "effect sizes" }
      - { label: 60%, effects: { cn-exports: -5, us-farm: -1, us-industry: -0.3 }, estimate: "effect sizes" }
  - id: us-parts-ban
    owner: us
    name: US export controls on parts
    kind: export-control
    level: 0
    concessionCost: 1
    estimate: the levels' effects and the concession cost
    levels:
      - { label: open, effects: {}, estimate: "no effect" }
      - { label: controls, effects: { cn-supply: -2, us-industry: -0.3 }, estimate: "effect sizes" }
  - id: cn-tariff
    owner: cn
    name: China's tariff
    kind: tariff
    level: 1
    concessionCost: 0.5
    estimate: the levels' effects and the concession cost
    levels:
      - { label: 10%, effects: { us-farm: -1, cn-exports: -0.2 }, estimate: "effect sizes" }
      - { label: 25%, effects: { us-farm: -2.5, cn-exports: -0.4 }, estimate: "effect sizes" }
      - { label: 50%, effects: { us-farm: -4, us-capital: -0.3, cn-exports: -0.6 }, estimate: "effect sizes" }
  - id: cn-minerals
    owner: cn
    name: China's mineral export controls
    kind: export-control
    level: 0
    concessionCost: 1
    estimate: the levels' effects and the concession cost
    levels:
      - { label: open, effects: {}, estimate: "no effect" }
      - { label: licensing, effects: { us-industry: -2, cn-exports: -0.3 }, estimate: "effect sizes" }

# Moves that take several turns and make the other side's pressure count for less.
alternatives:
  - { id: us-new-buyers, side: us, name: New buyers for farm goods, gains: { us-farm: 0.2 }, turns: 2, cost: { us-capital: -0.5 }, estimate: "gains, turns and cost" }
  - { id: cn-new-markets, side: cn, name: New export markets, gains: { cn-exports: 0.2 }, turns: 3, cost: { cn-face: -0.5 }, estimate: "gains, turns and cost" }

# Promises a package can hold: what makes a deal worth more than it costs (a logroll).
commitments:
  - { id: cn-purchases, side: cn, kind: purchase, name: Purchases of farm goods, effects: { us-farm: 1.5, us-capital: 0.5, cn-face: -0.2 }, rate: 0.6, estimate: "effect sizes and rate" }
  - { id: us-investment, side: us, kind: structural, name: Openness to investment, effects: { cn-exports: 1, cn-face: 0.5, us-capital: -0.2 }, rate: 0.7, estimate: "effect sizes and rate" }

# What each player reads before the first turn.
briefings:
  us:
    text: >-
      You are Washington. Say what has happened, what you hold, what you want, and what the other
      side holds.
  cn:
    text: >-
      You are Beijing. Say what has happened, what you hold, what you want, and what the other side
      holds.
`;
}
