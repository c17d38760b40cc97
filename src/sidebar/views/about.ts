/** "Giới thiệu": the add-in's version and a link to the user guide (set at build time). */
import { h } from '../dom';
import { safeUrl } from '../model';
import type { ViewContext } from '../state';

/** package.json's version and the user guide's https address, replaced by scripts/build.mjs. */
declare const __DTTS_VERSION__: string;
declare const __DTTS_GUIDE_URL__: string;

const VERSION = typeof __DTTS_VERSION__ === 'string' ? __DTTS_VERSION__ : '';
const GUIDE_URL = typeof __DTTS_GUIDE_URL__ === 'string' ? safeUrl(__DTTS_GUIDE_URL__) : null;

export function aboutView(ctx: ViewContext, open = false): HTMLElement {
  const { t } = ctx;
  return h(
    'details',
    { class: 'section about', 'data-section': 'about', open },
    h('summary', null, h('h2', { id: 'h-about', class: 'about-title' }, t.about)),
    h('p', { 'data-version': VERSION }, t.aboutVersion(VERSION || '?')),
    h('p', null, t.aboutScope),
    GUIDE_URL
      ? h('p', null, h('a', { href: GUIDE_URL, target: '_blank', rel: 'noopener noreferrer' }, t.userGuide))
      : h('p', { class: 'muted' }, t.userGuideOffline),
  );
}
