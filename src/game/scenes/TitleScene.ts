// The title: the game's names, a fan of cards, the menu of what works, and the language toggle.
// Keyboard (↑ ↓ Enter, ← → on the language row), mouse and touch all drive the same buttons.
import Phaser from 'phaser';
import { poemByNo } from '../../data/poems';
import FONT_LICENCE from '@fontsource/shippori-mincho/LICENSE?raw';
import { getLang, setLang, tr, type Lang } from '../i18n';
import { KIOSK_LOCKED } from '../kiosk/locks';
import { TITLE_INTERACTIVE_MARK } from '../marks';
import { MENU } from '../menu';
import { openPanel } from '../panels/host';
import { loadSettings, saveSettings, type Display } from '../settings';
import { displayTheme, projectorCanvas } from '../view/display';
import { testHooks } from '../testHooks';
import { drawTorifuda, pageBox, publishCards } from '../view/torifuda';
import { fitScene, isPortrait } from '../view/screen';
import { bindText, COLORS, loadBaseGlyphs, loadGlyphs, TextButton, textStyle, WEIGHT } from '../view/styles';
import { onKeyDown } from '../view/keys';

/** Cards fanned out beside the title: ちはやふる, せを, むらさめ. */
const FAN = [17, 77, 87] as const;
const LANG_ROW = MENU.length;

/** Where everything goes, at 1280×720 and at 720×960 (upright). */
const LAYOUTS = {
  landscape: {
    title: { x: 120, y: 150, size: 120 },
    roman: { x: 128, y: 300 },
    tagline: { x: 128, y: 362, width: 1100 },
    fan: { x: 930, y: 330, step: 110, width: 150 },
    menu: { x: 128, y: 436, column: 320, row: 50, rows: 5 },
    lang: { x: 1000, y: 660 },
    credit: { x: 24, y: 690 },
  },
  portrait: {
    title: { x: 56, y: 40, size: 110 },
    roman: { x: 64, y: 180 },
    tagline: { x: 64, y: 240, width: 600 },
    fan: { x: 250, y: 420, step: 110, width: 130 },
    menu: { x: 56, y: 560, column: 320, row: 50, rows: 6 },
    lang: { x: 420, y: 880 },
    credit: { x: 24, y: 934 },
  },
  // The projector preset's larger text (display.ts): a shorter head, the menu in two taller
  // columns, the fan moved right to make room.
  projector: {
    title: { x: 64, y: 36, size: 110 },
    roman: { x: 72, y: 176 },
    tagline: { x: 72, y: 240, width: 1100 },
    fan: { x: 1010, y: 300, step: 95, width: 120 },
    menu: { x: 64, y: 330, column: 440, row: 62, rows: 6 },
    lang: { x: 1000, y: 660 },
    credit: { x: 24, y: 700 },
  },
} as const;
type TitleLayout = (typeof LAYOUTS)[keyof typeof LAYOUTS];
const TAGLINE = {
  ja: '小倉百人一首 ― 耳で聴く相手と競技かるた',
  en: 'Hyakunin Isshu karuta, against an opponent who listens',
} as const;

export class TitleScene extends Phaser.Scene {
  private buttons: TextButton[] = [];
  private langButtons = new Map<Lang, TextButton>();
  private focus = 0;
  private credit: Phaser.GameObjects.Text | undefined;
  private layout: TitleLayout = LAYOUTS.landscape;
  private drawnFor: Display = 'normal';

  constructor() {
    super('title');
  }

  init(): void {
    // The display preset chosen in the settings panel above: drawn anew when the panel closes.
    this.events.off('resume', this.redrawForDisplay, this);
    this.events.on('resume', this.redrawForDisplay, this);
  }

  private redrawForDisplay(): void {
    if (displayTheme().display !== this.drawnFor) this.scene.restart();
  }

  async create(): Promise<void> {
    this.buttons = [];
    this.langButtons.clear();
    loadSettings(); // applies the saved language before the first text is drawn
    fitScene(this, true);
    this.layout = isPortrait(this)
      ? LAYOUTS.portrait
      : projectorCanvas()
        ? LAYOUTS.projector
        : LAYOUTS.landscape;
    this.drawnFor = displayTheme().display;
    testHooks().screen = 'loading';
    const labels = MENU.flatMap((entry) => [entry.label.ja, entry.label.en]);
    await Promise.all([loadBaseGlyphs(), loadGlyphs(labels.join('') + TAGLINE.ja)]);
    if (!this.sys.isActive()) return;
    this.drawTitle();
    this.drawFan();
    this.drawMenu();
    this.drawLanguageRow();
    this.drawFontCredit();
    this.bindKeys();
    this.setFocus(0);
    this.publishHooks();
    // What `npm run bench:bundle` waits for: the menu answers keys and clicks from here on.
    performance.mark(TITLE_INTERACTIVE_MARK);
  }

  private drawTitle(): void {
    const { title, roman, tagline: line } = this.layout;
    this.add.text(title.x, title.y, '歌かるた', textStyle(title.size, COLORS.paper, WEIGHT.card));
    this.add.text(roman.x, roman.y, 'utakaruta', textStyle(44, COLORS.paperDim));
    const tagline = this.add.text(line.x, line.y, '', {
      ...textStyle(24, COLORS.paperDim),
      wordWrap: { width: line.width, useAdvancedWrap: true },
    });
    bindText(tagline, TAGLINE);
  }

  private drawFan(): void {
    FAN.forEach((no, i) => {
      const { fan } = this.layout;
      const x = fan.x + i * fan.step;
      const card = drawTorifuda(this, poemByNo(no), x, fan.y + Math.abs(i - 1) * 24, fan.width);
      card.setAngle((i - 1) * 9);
    });
  }

  private drawMenu(): void {
    // A column of entries; the next column opens beside it as modes are added.
    const { menu } = this.layout;
    MENU.forEach((entry, i) => {
      const x = menu.x + Math.floor(i / menu.rows) * menu.column;
      const y = menu.y + (i % menu.rows) * menu.row;
      const button = new TextButton(this, x, y, entry.label, () => entry.open(this), {
        size: 24,
        origin: 0,
        minWidth: 300,
      });
      button.text.on('pointerover', () => this.setFocus(i));
      this.buttons.push(button);
    });
    // One width for the whole menu: the widest label, in either language.
    const widest = Math.max(...this.buttons.map((button) => button.text.width));
    for (const button of this.buttons) button.widen(widest);
  }

  private drawLanguageRow(): void {
    const { x, y } = this.layout.lang;
    const options: readonly [Lang, string][] = [
      ['ja', '日本語'],
      ['en', 'English'],
    ];
    options.forEach(([lang, name], i) => {
      const button = new TextButton(this, x + i * 140, y, { ja: name, en: name }, () =>
        this.chooseLang(lang),
      );
      this.langButtons.set(lang, button);
    });
    this.paintLanguage();
  }

  /** The bundled font's licence asks to travel with the font: a credit that opens its text. */
  private drawFontCredit(): void {
    const { credit: at } = this.layout;
    const credit = this.add.text(at.x, at.y, '', textStyle(14, COLORS.paperDim)).setOrigin(0, 0.5);
    this.credit = credit;
    bindText(credit, {
      ja: 'フォント：しっぽり明朝（SIL Open Font License 1.1）',
      en: 'Font: Shippori Mincho (SIL Open Font License 1.1)',
    });
    credit.setInteractive({ useHandCursor: true }).on('pointerup', () => {
      openPanel(
        'font-licence',
        (root, handle) => {
          const close = document.createElement('button');
          close.type = 'button';
          close.textContent = tr({ ja: '閉じる', en: 'Close' });
          close.addEventListener('click', () => handle.close());
          const text = document.createElement('pre');
          text.textContent = FONT_LICENCE;
          text.style.whiteSpace = 'pre-wrap';
          root.append(close, text);
          close.focus();
        },
        () => (testHooks().screen = 'title'),
      );
    });
  }

  private chooseLang(lang: Lang): void {
    // The settings store persists the choice ('utakaruta.lang' too) and calls setLang. A kiosk
    // visitor's choice lasts until the attract loop comes back (the organiser's stays stored).
    if (KIOSK_LOCKED) setLang(lang);
    else saveSettings({ lang });
    this.paintLanguage();
  }

  private paintLanguage(): void {
    for (const [lang, button] of this.langButtons) button.setSelected(lang === getLang());
    this.langButtons.forEach((button) => button.setFocused(this.focus === LANG_ROW));
  }

  private bindKeys(): void {
    onKeyDown(this, (event) => {
      if (document.querySelector('#panels .panel')) return; // a DOM panel has the keyboard
      switch (event.key) {
        case 'ArrowUp':
          this.setFocus(Math.max(0, this.focus - 1));
          break;
        case 'ArrowDown':
          this.setFocus(Math.min(LANG_ROW, this.focus + 1));
          break;
        case 'ArrowLeft':
        case 'ArrowRight': {
          if (this.focus === LANG_ROW) {
            this.chooseLang(getLang() === 'ja' ? 'en' : 'ja');
            break;
          }
          const rows = this.layout.menu.rows;
          const step = event.key === 'ArrowLeft' ? -rows : rows;
          const target = this.focus + step;
          if (target >= 0 && target < MENU.length) this.setFocus(target);
          break;
        }
        case 'Enter':
        case ' ':
          this.activate();
          break;
      }
    });
  }

  private activate(): void {
    if (this.focus === LANG_ROW) {
      this.chooseLang(getLang() === 'ja' ? 'en' : 'ja');
      return;
    }
    MENU[this.focus]?.open(this);
  }

  private setFocus(index: number): void {
    this.focus = index;
    this.buttons.forEach((button, i) => button.setFocused(i === index));
    this.paintLanguage();
  }

  private publishHooks(): void {
    const hooks = testHooks();
    hooks.screen = 'title';
    publishCards();
    this.events.once('shutdown', () => delete testHooks().title);
    const boxOf = (button: TextButton) => pageBox(this, button.text.getBounds());
    hooks.title = {
      menu: () => MENU.map((entry, i) => ({ id: entry.id, ...boxOf(this.buttons[i]!) })),
      lang: () => [...this.langButtons].map(([lang, button]) => ({ lang, ...boxOf(button) })),
      credit: () => (this.credit ? pageBox(this, this.credit.getBounds()) : undefined),
      focus: () => this.focus,
    };
  }
}
