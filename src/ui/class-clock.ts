// A class game's clock on the student's screen: a small bar at the top — the phase and the time
// left ("Talks · 1:23 left"), "paused" while the instructor has paused the class — and the class's
// announcements beneath it for a while ("One minute left for the talks.", "Time ran out…", the
// end's warning), read out by the polite live region. It lives outside the online screen, so the
// screen's re-rendering leaves it alone; a game outside a class never shows it (no clock is told).
import './class-clock.css';
import { type ClassClock, classClock } from '../store/online.ts';
import { announce } from './announcer.ts';
import { button, h } from './dom.ts';
import { clock } from './table-status.ts';

const NOTICE_MS = 20_000;
const PHASE: Record<string, string> = { talks: 'Talks', orders: 'Orders', briefing: 'Briefing' };

let bar: HTMLElement | null = null;

/** Mounts the bar once (it shows itself when the class tells a clock or an announcement). */
export function mountClassClock() {
  if (bar?.isConnected) return;
  const time = h('span', { class: 'class-clock-time', id: 'class-clock-time' });
  const notice = h('p', { class: 'class-clock-notice', id: 'class-clock-notice' });
  let readySent = false;
  const ready = button(
    'Our team is ready',
    async () => {
      const s = classClock.getState();
      const code = s.classCode ?? '';
      let token = '';
      try {
        token = sessionStorage.getItem(`upper-hand:class-student:${code}`) ?? '';
      } catch {
        token = '';
      }
      const r = await fetch('/class/ready', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, token }),
      })
        .then((x) => x.json() as Promise<{ ok: boolean; text?: string; reason?: string }>)
        .catch(() => ({ ok: false, reason: 'The game server cannot be reached.' }) as const);
      readySent = r.ok;
      classClock.setState({
        notice: { kind: 'ready', text: r.ok ? (r.text ?? '') : (r.reason ?? ''), at: Date.now() },
      });
    },
    { id: 'class-ready', class: 'primary' },
  );
  bar = h('div', { class: 'class-clock', id: 'class-clock', hidden: true }, time, ready, notice);
  document.body.append(bar);
  let heard: ClassClock['notice'] = null;
  const paint = () => {
    const s = classClock.getState();
    const now = Date.now();
    const left = s.paused ? s.leftMs : s.endsAt === null ? null : Math.max(0, s.endsAt - now);
    const phase = PHASE[s.phase ?? ''] ?? null;
    time.textContent =
      left === null || !phase
        ? s.paused
          ? 'The games are paused'
          : ''
        : `${phase} · ${clock(left)} left${s.paused ? ' (paused)' : ''}`;
    ready.hidden = s.phase !== 'briefing' || readySent;
    if (s.phase !== 'briefing') readySent = false;
    time.classList.toggle('class-clock-low', left !== null && left <= 60_000 && !s.paused);
    const fresh =
      s.notice && now - s.notice.at < (s.notice.kind === 'news' ? 3 * NOTICE_MS : NOTICE_MS)
        ? s.notice
        : null;
    notice.textContent = fresh?.text ?? '';
    notice.hidden = !fresh;
    if (s.notice && s.notice !== heard) {
      heard = s.notice;
      announce(s.notice.text);
    }
    if (bar) {
      bar.hidden = !time.textContent && !fresh;
      // the page moves down under the bar, so the bar covers nothing at the top
      document.body.style.paddingTop = bar.hidden ? '' : `${bar.offsetHeight + 8}px`;
    }
  };
  classClock.subscribe(paint);
  const timer = setInterval(() => {
    if (!bar?.isConnected) clearInterval(timer);
    else paint();
  }, 500);
  paint();
}
