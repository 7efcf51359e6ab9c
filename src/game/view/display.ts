// The display preset, the one place both worlds take their scale from: the DOM panels through
// `data-display` on <html> (panels.css zooms every panel and thickens its lines), the Phaser
// screens through `displayTheme()` (styles.ts scales every text size and brightens dim text;
// scenes lay out with the scaled sizes). The projector preset is for a screen seen from the back
// of a room: larger text, thicker lines, more contrast. Stored in settings; `?display=projector`
// (or `=normal`) chooses it for one visit.
import { DISPLAYS, loadSettings, onSettingsChange, type Display } from '../settings';
import { PORTRAIT, windowSize } from './screen';

export interface DisplayTheme {
  readonly display: Display;
  /** Canvas text sizes are multiplied by this; the panels' CSS zoom is the same number. */
  readonly textScale: number;
  /** Rings and outlines on the canvas are multiplied by this. */
  readonly lineScale: number;
  /** The colour of secondary text (COLORS.paperDim in the normal preset). */
  readonly dimText: string;
}

const THEMES: Record<Display, DisplayTheme> = {
  normal: { display: 'normal', textScale: 1, lineScale: 1, dimText: '#b9b19c' },
  projector: { display: 'projector', textScale: 1.3, lineScale: 1.8, dimText: '#e6dfca' },
};

/** The preset the URL asks for this visit, or undefined. */
export function displayFromUrl(search: string): Display | undefined {
  const value = new URLSearchParams(search).get('display');
  return (DISPLAYS as readonly string[]).includes(value ?? '') ? (value as Display) : undefined;
}

const URL_DISPLAY = displayFromUrl(globalThis.location?.search ?? '');
let current: Display | undefined;

export function displayTheme(): DisplayTheme {
  current ??= start();
  return THEMES[current];
}

/**
 * A canvas text size in the current preset (a whole pixel). Headline sizes (60 px and up) are
 * legible anywhere and stay; the rest grow, the display sizes to no more than 52 px. A portrait
 * window is a tablet in the hand, not a projector: its canvas keeps the normal sizes.
 */
export function displayPx(px: number): number {
  const scale = displayTheme().textScale;
  if (scale === 1 || px >= 60 || windowSize() === PORTRAIT) return px;
  return Math.round(Math.min(px * scale, Math.max(px, 52)));
}

/** Whether the canvas screens are drawn in the projector preset now. */
export function projectorCanvas(): boolean {
  return displayTheme().textScale !== 1 && windowSize() !== PORTRAIT;
}

function start(): Display {
  // A choice made in the settings applies at once to the panels; the canvas screens take it
  // as each is drawn next (the title redraws when the settings panel closes).
  if (URL_DISPLAY === undefined) {
    onSettingsChange((settings) => {
      current = settings.display;
      mark(current);
    });
  }
  const chosen = URL_DISPLAY ?? loadSettings().display;
  mark(chosen);
  return chosen;
}

function mark(display: Display): void {
  const root = globalThis.document?.documentElement;
  if (!root) return;
  root.dataset.display = display;
  root.style.setProperty('--display-scale', String(THEMES[display].textScale));
}
