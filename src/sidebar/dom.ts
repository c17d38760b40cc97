/**
 * The only way the sidebar builds DOM: `h(tag, attrs, ...children)` with createElement,
 * setAttribute and text nodes. Strings are always text, never markup; event handlers must be
 * functions; URL attributes accept only https: (or a same-page #fragment). There is no innerHTML.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

import { safeUrl } from './model';

type Handler = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Handler>;

const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc']);

function append(parent: Node, child: Child): void {
  if (child === null || child === undefined || child === false) return;
  if (Array.isArray(child)) {
    for (const c of child as readonly Child[]) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

/** Sets one attribute safely (see the module comment). */
export function setAttr(el: Element, name: string, value: Attrs[string]): void {
  const key = name.toLowerCase();
  if (key.startsWith('on')) {
    if (typeof value !== 'function') throw new TypeError(`h(): ${name} must be a function`);
    el.addEventListener(key.slice(2), value);
    return;
  }
  if (typeof value === 'function') throw new TypeError(`h(): ${name} cannot be a function`);
  if (value === null || value === undefined || value === false) {
    el.removeAttribute(name);
    return;
  }
  if (URL_ATTRS.has(key)) {
    const url = typeof value === 'string' && value.startsWith('#') ? value : safeUrl(value);
    if (url === null) throw new TypeError(`h(): refused ${name}`);
    el.setAttribute(name, url);
    return;
  }
  el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
}

/** Creates an element: attributes as above, children as nodes or text. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) for (const [name, value] of Object.entries(attrs)) setAttr(el, name, value);
  append(el, children);
  return el;
}

/** Replaces the children of `el`. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, children);
}
