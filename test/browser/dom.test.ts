/**
 * The sidebar's h() helper in Chromium: strings are text nodes, never markup; event handlers must be
 * functions; URL attributes only take https:. (src/sidebar/dom.ts bundled alone into a blank page.)
 */
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { PROJECT_DIR } from '../../local/testing';
import { launchChromium } from './harness';

// The browser side, used only inside evaluate() callbacks (the test project has no DOM lib).
interface El {
  childNodes: { length: number; [i: number]: { nodeType: number } };
  children: { length: number };
  textContent: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  click(): void;
}
type H = (tag: string, attrs?: Record<string, unknown> | null, ...children: unknown[]) => El;
declare const window: { __xss?: unknown; sidebarDom: { h: H } };

const PAYLOAD = '<img src=x onerror="window.__xss=1">';

describe('h(): DOM built as text', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const bundle = await esbuild.build({
      entryPoints: [join(PROJECT_DIR, 'src/sidebar/dom.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'sidebarDom',
      target: 'es2020',
      platform: 'browser',
      write: false,
    });
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setContent('<!doctype html><html><body></body></html>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  });

  afterAll(async () => {
    await browser?.close();
  });

  test('strings and numbers become text nodes, nested arrays are flattened, null/false skipped', async () => {
    const r = await page.evaluate((payload) => {
      const { h } = window.sidebarDom;
      const el = h('p', { title: payload, class: 'x' }, payload, 42, null, false, [payload, [h('b', null, payload)]]);
      return {
        text: el.textContent,
        elements: el.children.length,
        nodes: el.childNodes.length,
        title: el.getAttribute('title'),
        xss: window.__xss,
      };
    }, PAYLOAD);
    expect(r).toEqual({
      text: `${PAYLOAD}42${PAYLOAD}${PAYLOAD}`,
      elements: 1,
      nodes: 4,
      title: PAYLOAD,
      xss: undefined,
    });
  });

  test('handlers must be functions; URL attributes must be https', async () => {
    const r = await page.evaluate(() => {
      const { h } = window.sidebarDom;
      const refused = (attrs: Record<string, unknown>, tag = 'a') => {
        try {
          h(tag, attrs);
          return false;
        } catch {
          return true;
        }
      };
      let clicks = 0;
      const button = h('button', { onclick: () => clicks++, 'aria-pressed': 'true', hidden: false });
      button.click();
      const link = h('a', { href: 'https://docs.google.com/document/d/x/edit', target: '_blank' });
      return {
        onString: refused({ onerror: 'window.__xss=1' }, 'img'),
        onUpper: refused({ onClick: 'window.__xss=1' }, 'button'),
        javascript: refused({ href: 'javascript:window.__xss=1' }),
        spaced: refused({ href: '  javascript:window.__xss=1' }),
        data: refused({ src: 'data:text/html,<script>window.__xss=1</script>' }, 'iframe'),
        srcdoc: refused({ srcdoc: '<script>window.__xss=1</script>' }, 'iframe'),
        http: refused({ href: 'http://example.com' }),
        fnAsValue: refused({ title: () => 1 }),
        clicks,
        pressed: button.getAttribute('aria-pressed'),
        hidden: button.hasAttribute('hidden'),
        href: link.getAttribute('href'),
        xss: window.__xss,
      };
    });
    expect(r).toEqual({
      onString: true,
      onUpper: true,
      javascript: true,
      spaced: true,
      data: true,
      srcdoc: true,
      http: true,
      fnAsValue: true,
      clicks: 1,
      pressed: 'true',
      hidden: false,
      href: 'https://docs.google.com/document/d/x/edit',
      xss: undefined,
    });
  });
});
