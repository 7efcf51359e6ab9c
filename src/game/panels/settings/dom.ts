// Small DOM helpers for the settings and training panels: element creation, and texts that
// follow the interface language (every bound text is rewritten when the language changes).
import { onLangChange, tr, type Bilingual } from '../../i18n';

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** A text source: a fixed pair, or a function evaluated in the current language. */
export type TextSource = Bilingual | (() => string);

function resolve(text: TextSource): string {
  return typeof text === 'function' ? text() : tr(text);
}

/** Keeps bound texts in the current language; `dispose` stops listening. */
export class LiveTexts {
  private readonly bound = new Map<HTMLElement, { text: TextSource; attr?: string; seen: boolean }>();
  private readonly stop: () => void;

  constructor(private readonly onRelabel: () => void = () => {}) {
    this.stop = onLangChange(() => this.refresh());
  }

  /** Sets `node`'s text (or attribute) now and on every language change. */
  bind<T extends HTMLElement>(node: T, text: TextSource, attr?: string): T {
    this.bound.set(node, { text, attr, seen: node.isConnected });
    this.apply(node, text, attr);
    return node;
  }

  /** A new element whose text follows the language. */
  text<K extends keyof HTMLElementTagNameMap>(
    tag: K,
    text: TextSource,
    attrs: Attrs = {},
  ): HTMLElementTagNameMap[K] {
    return this.bind(el(tag, attrs), text);
  }

  refresh(): void {
    for (const [node, binding] of this.bound) {
      if (node.isConnected) {
        binding.seen = true;
        this.apply(node, binding.text, binding.attr);
      } else if (binding.seen) {
        // It was on the page and left it (a re-rendered list): forget it.
        this.bound.delete(node);
      } else {
        // Built but not attached yet: keep it current for when it is.
        this.apply(node, binding.text, binding.attr);
      }
    }
    this.onRelabel();
  }

  dispose(): void {
    this.stop();
    this.bound.clear();
  }

  private apply(node: HTMLElement, text: TextSource, attr: string | undefined): void {
    if (attr) node.setAttribute(attr, resolve(text));
    else node.textContent = resolve(text);
  }
}
