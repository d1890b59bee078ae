// The Content-Security-Policy of both builds, as a <meta> at the top of the page: scripts only from
// the page itself — the site's own files, or the single file's one inline script by its SHA-256 — so
// no eval, no inline event handlers and no script from elsewhere; network connections (fetch and the
// WebSocket of online play) only to the page's own server ('self' covers ws: and wss: of the same
// host and port under CSP Level 3); images and fonts from the page or inlined as data: (Phaser's own
// default textures are data: images; the single file inlines its fonts). Styles may be inline: the
// screens set style attributes, which carry no script.
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

export function contentSecurityPolicy(scriptSources: readonly string[]): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources.join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const INLINE_SCRIPT = /<script\b[^>]*>([\s\S]*?)<\/script>/g;

/**
 * The page with its policy: inline scripts (the single file has one) allowed by their hashes, and
 * nothing else but the page's own files.
 */
export function withCsp(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1] ?? '')
    .filter((code) => code.trim() !== '')
    .map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(["'self'", ...hashes])}" />`;
  if (!/<meta charset="utf-8" \/>/i.test(html))
    throw new Error('index.html: no <meta charset> to put the policy after');
  return html.replace(/<meta charset="utf-8" \/>/i, (m) => `${m}\n    ${meta}`);
}

/** The site's build: the policy in its index.html (the dev server goes without, for live reload). */
export function cspPlugin(): Plugin {
  return {
    name: 'upper-hand-csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: (html) => withCsp(html) },
  };
}
