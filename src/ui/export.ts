// Exporting a game: as a small file (downloaded through a Blob link) and as a link (`#game=<text>`
// on this page's address), shown in a read-only field to copy. Both carry the scenario id and
// content hash, the seed, the setup and the moves. The game's summary downloads as CSV or JSON.
import type { GameRecord, Scenario } from '../engine/index.ts';
import { summariesCsv, summariseRecord } from '../present/class-summary.ts';
import { gameFileName, gameFileText } from '../store/game-file.ts';
import { encodeGame } from '../store/game-link.ts';
import { type GameSession, shareableRecord } from '../store/game-store.ts';
import { openDialog } from './dialog.ts';
import { button, h } from './dom.ts';

/** Offers `text` as a download named `name`. */
export function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, style: 'display:none' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The link that opens this game in the replay viewer. */
export function gameLink(record: GameRecord): string {
  return `${location.origin}${location.pathname}${location.search}#game=${encodeGame(record)}`;
}

/** "Save game file", "Copy link" and the summary downloads, and the field the link appears in. */
export function exportButtons(scenario: Scenario, record: GameRecord): HTMLElement[] {
  const field = h('input', {
    type: 'text',
    readonly: true,
    'aria-label': 'Link to this game',
    class: 'link-field',
    hidden: true,
  });
  const status = h('span', { role: 'status', class: 'hint' });
  return [
    button('Save game file', () => {
      download(gameFileName(record), gameFileText(record), 'application/json');
      status.textContent = 'The game file is downloaded.';
    }),
    button('Copy link to this game', () => {
      try {
        field.value = gameLink(record);
      } catch (e) {
        status.textContent = `No link can be made: ${e instanceof Error ? e.message : String(e)}`;
        return;
      }
      field.hidden = false;
      field.select();
      void navigator.clipboard?.writeText(field.value).then(
        () => {
          status.textContent = 'The link is copied.';
        },
        () => {
          status.textContent = 'Copy the link from the field.';
        },
      );
    }),
    button('Download summary (CSV)', () => {
      const row = summariseRecord(scenario, record);
      if ('reason' in row) status.textContent = `No summary: ${row.reason}`;
      else download(gameFileName(record).replace(/\.json$/, '.summary.csv'), summariesCsv([row]), 'text/csv');
    }),
    button('Download summary (JSON)', () => {
      const row = summariseRecord(scenario, record);
      if ('reason' in row) status.textContent = `No summary: ${row.reason}`;
      else
        download(
          gameFileName(record).replace(/\.json$/, '.summary.json'),
          `${JSON.stringify(row, null, 1)}\n`,
          'application/json',
        );
    }),
    field,
    status,
  ];
}

/** The table's "Save or share" dialog: the game so far as a file, a link or a summary. */
export function openShareDialog(game: GameSession) {
  const record = shareableRecord(game);
  const held = game.moves.length - record.moves.length;
  openDialog({
    title: 'Save or share this game',
    class: 'share',
    body: () => [
      h('p', {
        text: `The game so far (turn ${game.state.round.turn + 1}, ${record.moves.length} moves), to replay or to hand in.${held ? ' Orders not yet revealed are left out.' : ''}`,
      }),
      h('div', { class: 'actions' }, ...exportButtons(game.scenario, record)),
    ],
  });
}
