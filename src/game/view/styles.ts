// The look shared by every screen: colours, the bundled mincho font, text styles, and two small
// widgets (a text that follows the language, a text button). Scenes take their look from here.
import type Phaser from 'phaser';
import '@fontsource/shippori-mincho/500.css';
import '@fontsource/shippori-mincho/800.css';
import { onLangChange, tr, type Bilingual } from '../i18n';
import { displayPx, displayTheme } from './display';

export const COLORS = {
  background: 0x1d2a24,
  backgroundCss: '#1d2a24',
  bar: 0x15201b,
  paper: '#f4ecd8',
  paperDim: '#b9b19c',
  ink: '#1b1a17',
  cardCream: '#f7f0dc',
  cardCreamEdge: '#e9dfc2',
  cardGreen: '#2f6b43',
  cardGreenDark: '#23513a',
  kimariji: '#d8412f',
  kimarijiHex: 0xd8412f,
  focus: 0xf2c14e,
  hover: 0x8fb89c,
  focusCss: '#f2c14e',
  buttonFill: '#2c3d34',
  buttonHover: '#3b5245',
  buttonActive: '#6b4f1d',
} as const;

/**
 * Shippori Mincho (SIL Open Font License 1.1, bundled through @fontsource) first, so glyphs are
 * the same on every machine and offline; the system's Japanese serifs only cover the moment
 * before it loads.
 */
export const FONT_FAMILY = '"Shippori Mincho", "Noto Serif CJK JP", "IPAMincho", serif';
export const WEIGHT = { text: 500, card: 800 } as const;

export function cssFont(sizePx: number, weight: number = WEIGHT.text): string {
  return `${weight} ${sizePx}px ${FONT_FAMILY}`;
}

/**
 * A canvas text style. `sizePx` is the size in the normal display preset; the projector preset
 * scales it (display.ts), and draws secondary (dim) text brighter.
 */
export function textStyle(
  sizePx: number,
  color: string = COLORS.paper,
  weight: number = WEIGHT.text,
): Phaser.Types.GameObjects.Text.TextStyle {
  const size = displayPx(sizePx);
  // Mincho ascenders reach past Phaser's measured box; a little padding keeps them whole.
  return {
    fontFamily: FONT_FAMILY,
    fontSize: `${size}px`,
    fontStyle: String(weight),
    color: color === COLORS.paperDim ? displayTheme().dimText : color,
    padding: { top: Math.ceil(size * 0.12), bottom: Math.ceil(size * 0.12) },
  };
}

const HIRAGANA = range(0x3041, 0x3096);
const KATAKANA = range(0x30a1, 0x30fa);
const ASCII = range(0x21, 0x7e);
const requested = new Map<number, Set<string>>();

function range(from: number, to: number): string {
  let out = '';
  for (let c = from; c <= to; c++) out += String.fromCodePoint(c);
  return out;
}

/**
 * Loads the font files that cover `text` in both weights. The font is split by unicode range, and
 * canvas text (Phaser, the card faces) does not wait for a face that nobody asked for, so call
 * this with every text a screen will draw before drawing it. Never rejects; gives up after
 * `timeoutMs` and lets the fallback fonts draw.
 */
export async function loadGlyphs(text: string, timeoutMs = 8000): Promise<void> {
  if (typeof document === 'undefined' || !('fonts' in document)) return;
  const loads: Promise<unknown>[] = [];
  for (const weight of Object.values(WEIGHT)) {
    const seen = requested.get(weight) ?? new Set<string>();
    requested.set(weight, seen);
    const fresh = [...new Set(text)].filter((char) => !seen.has(char));
    if (fresh.length === 0) continue;
    fresh.forEach((char) => seen.add(char));
    loads.push(document.fonts.load(cssFont(16, weight), fresh.join('')).catch(() => []));
  }
  if (loads.length === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([Promise.all(loads), timeout]);
  clearTimeout(timer);
}

/** The kana, Latin letters and the title's kanji: enough for the title and every card face. */
export function loadBaseGlyphs(): Promise<void> {
  return loadGlyphs(HIRAGANA + KATAKANA + ASCII + '歌百人一首札　、。・「」（）×←→↑↓');
}

/** Whether the bundled font (not a fallback) can draw every character of `text`. */
export function fontCovers(text: string, weight: number = WEIGHT.text): boolean {
  return typeof document !== 'undefined' && document.fonts.check(cssFont(16, weight), text);
}

/**
 * Keeps a text object in the current language, drawn in the bundled font; the subscription ends
 * with the object.
 */
export function bindText(
  text: Phaser.GameObjects.Text,
  content: Bilingual | (() => string),
): Phaser.GameObjects.Text {
  const render = () => {
    const value = typeof content === 'function' ? content() : tr(content);
    text.setText(value);
    // A character whose font subset is not loaded yet was drawn in a fallback: redraw on arrival.
    if (!fontCovers(value)) void loadGlyphs(value).then(() => text.scene && text.updateText());
  };
  render();
  const off = onLangChange(render);
  text.once('destroy', off);
  return text;
}

export interface ButtonOptions {
  readonly size?: number;
  readonly origin?: number;
  readonly minWidth?: number;
  /** Height in game pixels at least (touch targets: 44 CSS px on a 1024-wide tablet is 55). */
  readonly minHeight?: number;
}

/** A text button: mouse, touch (tap) and the hand cursor; `setActive` marks a chosen option. */
export class TextButton {
  readonly text: Phaser.GameObjects.Text;
  private selected = false;
  private hovered = false;
  private focused = false;

  constructor(
    scene: Phaser.Scene,
    x: number,
    y: number,
    label: Bilingual | (() => string),
    onClick: () => void,
    options: ButtonOptions = {},
  ) {
    const size = displayPx(options.size ?? 22);
    const padX = Math.round(size * 0.7);
    const padY = Math.round(size * 0.35);
    this.text = scene.add
      .text(x, y, '', {
        ...textStyle(options.size ?? 22),
        backgroundColor: COLORS.buttonFill,
        padding: { x: padX, y: padY },
        fixedWidth: options.minWidth ?? 0,
        align: 'center',
      })
      .setOrigin(options.origin ?? 0.5, 0.5);
    // A label longer than `minWidth` (English, or the projector's larger text) widens the button
    // rather than being cut off, by no more than it needs: the longer language's text and a few
    // pixels either side. (Into its padding a label may run: layouts were drawn to that width.)
    if (options.minWidth && typeof label !== 'function') {
      this.text.setFixedSize(0, 0);
      const widest = Math.max(...[label.ja, label.en].map((t) => this.text.setText(t).width));
      const textOnly = widest - 2 * padX;
      const needed = Math.ceil(textOnly + 2 * Math.min(padX, 6));
      this.text.setFixedSize(textOnly > options.minWidth ? needed : options.minWidth, 0);
    }
    bindText(this.text, label);
    // Grow the padding, not the font, until the button is as tall as asked.
    const short = (options.minHeight ?? 0) - this.text.height;
    if (short > 0) this.text.setPadding({ x: padX, y: padY + Math.ceil(short / 2) });
    this.text.setInteractive({ useHandCursor: true });
    this.text.on('pointerover', () => this.setHover(true));
    this.text.on('pointerout', () => this.setHover(false));
    this.text.on('pointerup', () => onClick());
  }

  /** At least `width` game pixels wide (a column of buttons drawn to one width). */
  widen(width: number): this {
    if (this.text.width < width) this.text.setFixedSize(Math.ceil(width), 0);
    return this;
  }

  setSelected(selected: boolean): this {
    this.selected = selected;
    return this.paint();
  }

  setFocused(focused: boolean): this {
    this.focused = focused;
    return this.paint();
  }

  private setHover(hovered: boolean): this {
    this.hovered = hovered;
    return this.paint();
  }

  private paint(): this {
    const fill = this.selected
      ? COLORS.buttonActive
      : this.hovered || this.focused
        ? COLORS.buttonHover
        : COLORS.buttonFill;
    this.text.setBackgroundColor(fill);
    this.text.setColor(this.focused ? COLORS.focusCss : COLORS.paper);
    return this;
  }
}
