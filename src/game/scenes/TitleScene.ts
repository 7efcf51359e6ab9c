// The title: the game's names, a fan of cards, the menu of what works, and the language toggle.
// Keyboard (↑ ↓ Enter, ← → on the language row), mouse and touch all drive the same buttons.
import Phaser from 'phaser';
import { poemByNo } from '../../data/poems';
import FONT_LICENCE from '@fontsource/shippori-mincho/LICENSE?raw';
import { getLang, tr, type Lang } from '../i18n';
import { TITLE_INTERACTIVE_MARK } from '../marks';
import { MENU } from '../menu';
import { openPanel } from '../panels/host';
import { loadSettings, saveSettings } from '../settings';
import { testHooks } from '../testHooks';
import { drawTorifuda, pageBox, publishCards } from '../view/torifuda';
import { bindText, COLORS, loadBaseGlyphs, loadGlyphs, TextButton, textStyle, WEIGHT } from '../view/styles';

/** Cards fanned out beside the title: ちはやふる, せを, むらさめ. */
const FAN = [17, 77, 87] as const;
const LANG_ROW = MENU.length;
const MENU_ROWS = 5;
const TAGLINE = {
  ja: '小倉百人一首 ― 耳で聴く相手と競技かるた',
  en: 'Hyakunin Isshu karuta, against an opponent who listens',
} as const;

export class TitleScene extends Phaser.Scene {
  private buttons: TextButton[] = [];
  private langButtons = new Map<Lang, TextButton>();
  private focus = 0;
  private credit: Phaser.GameObjects.Text | undefined;

  constructor() {
    super('title');
  }

  async create(): Promise<void> {
    this.buttons = [];
    this.langButtons.clear();
    loadSettings(); // applies the saved language before the first text is drawn
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
    this.add.text(120, 150, '歌かるた', textStyle(120, COLORS.paper, WEIGHT.card));
    this.add.text(128, 300, 'utakaruta', textStyle(44, COLORS.paperDim));
    const tagline = this.add.text(128, 362, '', textStyle(24, COLORS.paperDim));
    bindText(tagline, TAGLINE);
  }

  private drawFan(): void {
    FAN.forEach((no, i) => {
      const card = drawTorifuda(this, poemByNo(no), 930 + i * 110, 330 + Math.abs(i - 1) * 24, 150);
      card.setAngle((i - 1) * 9);
    });
  }

  private drawMenu(): void {
    // Five entries to a column; a second column opens beside the first as modes are added.
    MENU.forEach((entry, i) => {
      const x = 128 + Math.floor(i / MENU_ROWS) * 320;
      const y = 436 + (i % MENU_ROWS) * 50;
      const button = new TextButton(this, x, y, entry.label, () => entry.open(this), {
        size: 24,
        origin: 0,
        minWidth: 300,
      });
      button.text.on('pointerover', () => this.setFocus(i));
      this.buttons.push(button);
    });
  }

  private drawLanguageRow(): void {
    const y = 660;
    const options: readonly [Lang, string][] = [
      ['ja', '日本語'],
      ['en', 'English'],
    ];
    options.forEach(([lang, name], i) => {
      const button = new TextButton(this, 1000 + i * 140, y, { ja: name, en: name }, () =>
        this.chooseLang(lang),
      );
      this.langButtons.set(lang, button);
    });
    this.paintLanguage();
  }

  /** The bundled font's licence asks to travel with the font: a credit that opens its text. */
  private drawFontCredit(): void {
    const credit = this.add.text(24, 690, '', textStyle(14, COLORS.paperDim)).setOrigin(0, 0.5);
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
    // The settings store persists the choice ('utakaruta.lang' too) and calls setLang.
    saveSettings({ lang });
    this.paintLanguage();
  }

  private paintLanguage(): void {
    for (const [lang, button] of this.langButtons) button.setSelected(lang === getLang());
    this.langButtons.forEach((button) => button.setFocused(this.focus === LANG_ROW));
  }

  private bindKeys(): void {
    this.input.keyboard?.on('keydown', (event: KeyboardEvent) => {
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
          const step = event.key === 'ArrowLeft' ? -MENU_ROWS : MENU_ROWS;
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
