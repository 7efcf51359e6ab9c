// Everything a player reads exists in Japanese and English. Texts are written next to the code
// that shows them as `{ ja, en }` pairs; this module holds the current language and tells
// listeners when it changes. The settings menu persists the choice.
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
import type { Bilingual } from '../data/bilingual';
export type { Bilingual };

type Listener = (lang: Lang) => void;
let current: Lang = 'ja';
const listeners = new Set<Listener>();

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  // Texts are also built outside a page (Node tests of the pure text functions).
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
  for (const listener of listeners) listener(lang);
}

/** Calls `listener` on every language change; returns the function that unsubscribes. */
export function onLangChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text in the current language. */
export function tr(text: Bilingual): string {
  return text[current];
}

/** A text with {name} placeholders filled in, in the current language. */
export function trf(text: Bilingual, values: Readonly<Record<string, string | number>>): string {
  return tr(text).replace(/\{(\w+)\}/g, (whole, key: string) =>
    key in values ? String(values[key]) : whole,
  );
}
