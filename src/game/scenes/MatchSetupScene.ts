// Choosing a casual game: 源平 with all 100 cards, or a five-colour (五色) group of 20 as a short
// game for beginners, played as 源平 (10 a side, two rows of five) or scattered (散らし). A
// switch has a five-colour game read the other 80 poems too, as karafuda (空札), for practice in
// not touching a card that is not there.
// A second switch seats two people at one screen instead of the computer opponent (T), for any of
// these games and for a competitive match.
// Mouse, touch, or ↑ ↓ and Enter (the switches are the last items, or K and T); Esc goes back.
import Phaser from 'phaser';
import { GOSHIKI_GROUPS } from '../../data/goshiki';
import { GOSHIKI_COLORS, type GoshikiColor } from '../../data/types';
import { tr, type Bilingual } from '../i18n';
import { testHooks } from '../testHooks';
import { projectorCanvas } from '../view/display';
import { bindText, COLORS, loadBaseGlyphs, loadGlyphs, TextButton, textStyle, WEIGHT } from '../view/styles';
import { fitScene, isPortrait } from '../view/screen';
import { pageBox, publishCards } from '../view/torifuda';
import type { MatchSceneData } from './MatchScene';
import { PAIR_SEATS } from './seats';
import { onKeyDown } from '../view/keys';

const COLOR_NAMES: Readonly<Record<GoshikiColor, Bilingual>> = {
  桃: { ja: '桃', en: 'Pink' },
  青: { ja: '青', en: 'Blue' },
  黄: { ja: '黄', en: 'Yellow' },
  緑: { ja: '緑', en: 'Green' },
  橙: { ja: '橙', en: 'Orange' },
};

interface Choice {
  readonly id: string;
  readonly label: Bilingual;
  readonly data: MatchSceneData;
}

function choices(): Choice[] {
  const out: Choice[] = [
    {
      id: 'genpei-100',
      label: { ja: '源平合戦　100 枚（50 枚ずつ）', en: 'Genpei: all 100 (50 a side)' },
      data: { mode: 'genpei' },
    },
    {
      id: 'competitive',
      label: { ja: '競技かるた（25 枚ずつ）', en: 'Competitive (25 a side)' },
      data: { mode: 'competitive' },
    },
  ];
  for (const color of GOSHIKI_COLORS) {
    const name = COLOR_NAMES[color];
    const cards = GOSHIKI_GROUPS[color];
    out.push(
      {
        id: `genpei-${color}`,
        label: {
          ja: `五色「${name.ja}」源平（10 枚ずつ）`,
          en: `Five colours, ${name.en}: genpei (10 a side)`,
        },
        data: { mode: 'genpei', cards },
      },
      {
        id: `chirashi-${color}`,
        label: { ja: `五色「${name.ja}」散らし（20 枚）`, en: `Five colours, ${name.en}: chirashi (20)` },
        data: { mode: 'chirashi', cards },
      },
    );
  }
  return out;
}

const PAIR_SWITCH = {
  on: {
    ja: '対戦：二人で（同じ画面を囲んで）(T)',
    en: 'Players: two people at this screen (T)',
  },
  off: { ja: '対戦：コンピューターと (T)', en: 'Players: you against the computer (T)' },
} as const satisfies Record<string, Bilingual>;

const KARAFUDA_SWITCH = {
  on: {
    ja: '五色で空札も読む（残り 80 首）：オン (K)',
    en: 'Five colours: also read the other 80 as karafuda: on (K)',
  },
  off: {
    ja: '五色で空札も読む（残り 80 首）：オフ (K)',
    en: 'Five colours: also read the other 80 as karafuda: off (K)',
  },
} as const satisfies Record<string, Bilingual>;

/**
 * Where each button goes: two columns at 1280×720 (wider in the projector preset); one column at
 * 720×960 (upright), where the games take a row each and the switches and 戻る follow.
 */
const LAYOUTS = {
  landscape: {
    heading: 32,
    size: 22,
    choice: (i: number) => ({ x: 64 + (i % 2) * 560, y: 120 + Math.floor(i / 2) * 66, width: 520 }),
    switchRow: (k: number) => ({ x: 64, y: 120 + (6 + k) * 66, width: 1080 }),
    back: 660,
  },
  portrait: {
    heading: 24,
    size: 19,
    choice: (i: number) => ({ x: 40, y: 104 + i * 55, width: 640 }),
    switchRow: (k: number) => ({ x: 40, y: 104 + (12 + k) * 55 + 8, width: 640 }),
    back: 906,
  },
  // The projector preset's larger labels (display.ts): the columns as wide as the screen allows.
  projector: {
    heading: 28,
    size: 22,
    choice: (i: number) => ({ x: 40 + (i % 2) * 610, y: 128 + Math.floor(i / 2) * 66, width: 590 }),
    switchRow: (k: number) => ({ x: 40, y: 128 + (6 + k) * 66, width: 1200 }),
    back: 668,
  },
} as const;

export class MatchSetupScene extends Phaser.Scene {
  private buttons: TextButton[] = [];
  private focus = 0;
  /** Five-colour games read the other 80 poems too (the switch). */
  private readUnused = false;
  private karafudaSwitch: TextButton | null = null;
  /** Two people at one screen instead of the computer (the second switch). */
  private pair = false;
  private pairSwitch: TextButton | null = null;

  constructor() {
    super('match-setup');
  }

  async create(): Promise<void> {
    this.buttons = [];
    this.focus = 0;
    this.readUnused = false;
    this.pair = false;
    testHooks().screen = 'loading';
    await loadBaseGlyphs();
    // The switch's other state is drawn later, without bindText: have its glyphs ready.
    void loadGlyphs(
      [...Object.values(KARAFUDA_SWITCH), ...Object.values(PAIR_SWITCH)].map((t) => t.ja + t.en).join(''),
    );
    if (!this.sys.isActive()) return;
    fitScene(this, true);
    const layout = isPortrait(this)
      ? LAYOUTS.portrait
      : projectorCanvas()
        ? LAYOUTS.projector
        : LAYOUTS.landscape;
    const heading = this.add.text(
      layout.choice(0).x,
      layout.heading,
      '',
      textStyle(40, COLORS.paper, WEIGHT.card),
    );
    bindText(heading, { ja: '源平・五色・二人対戦', en: 'Genpei, five colours, two players' });
    const list = choices();
    list.forEach((choice, i) => {
      // Genpei 100 and the competitive match first, then each colour's two games.
      const at = layout.choice(i);
      const button = new TextButton(this, at.x, at.y, choice.label, () => this.start(choice), {
        size: layout.size,
        origin: 0,
        minWidth: at.width,
      });
      button.text.on('pointerover', () => this.setFocus(i));
      this.buttons.push(button);
    });
    const switchAt = [layout.switchRow(0), layout.switchRow(1)] as const;
    const karafuda = new TextButton(
      this,
      switchAt[0].x,
      switchAt[0].y,
      () => this.karafudaLabel(),
      () => this.toggleReadUnused(),
      { size: layout.size, origin: 0, minWidth: switchAt[0].width },
    );
    karafuda.text.on('pointerover', () => this.setFocus(list.length));
    this.buttons.push(karafuda);
    this.karafudaSwitch = karafuda;
    const pair = new TextButton(
      this,
      switchAt[1].x,
      switchAt[1].y,
      () => this.pairLabel(),
      () => this.togglePair(),
      { size: layout.size, origin: 0, minWidth: switchAt[1].width },
    );
    pair.text.on('pointerover', () => this.setFocus(list.length + 1));
    this.buttons.push(pair);
    this.pairSwitch = pair;
    const back = new TextButton(
      this,
      layout.choice(0).x,
      layout.back,
      { ja: '← 戻る (Esc)', en: '← Back (Esc)' },
      () => this.back(),
      {
        origin: 0,
      },
    );
    onKeyDown(this, (event) => {
      if (event.key === 'ArrowDown') this.setFocus(Math.min(list.length + 1, this.focus + 1));
      else if (event.key === 'ArrowUp') this.setFocus(Math.max(0, this.focus - 1));
      else if (event.key === 'Enter' || event.key === ' ') {
        if (this.focus === list.length) this.toggleReadUnused();
        else if (this.focus === list.length + 1) this.togglePair();
        else this.start(list[this.focus] as Choice);
      } else if (event.key === 'k' || event.key === 'K') this.toggleReadUnused();
      else if (event.key === 't' || event.key === 'T') this.togglePair();
      else if (event.key === 'Escape') this.back();
    });
    this.setFocus(0);
    const hooks = testHooks();
    hooks.screen = 'match-setup';
    publishCards();
    hooks.matchSetup = {
      choices: () =>
        list.map((choice, i) => ({ id: choice.id, ...pageBox(this, this.buttons[i]!.text.getBounds()) })),
      back: () => pageBox(this, back.text.getBounds()),
      karafuda: () => ({ on: this.readUnused, ...pageBox(this, karafuda.text.getBounds()) }),
      pair: () => ({ on: this.pair, ...pageBox(this, pair.text.getBounds()) }),
    };
    this.events.once('shutdown', () => delete testHooks().matchSetup);
  }

  private setFocus(index: number): void {
    this.focus = index;
    this.buttons.forEach((button, i) => button.setFocused(i === index));
  }

  private toggleReadUnused(): void {
    this.readUnused = !this.readUnused;
    this.karafudaSwitch?.text.setText(this.karafudaLabel());
    this.karafudaSwitch?.setSelected(this.readUnused);
  }

  private togglePair(): void {
    this.pair = !this.pair;
    this.pairSwitch?.text.setText(this.pairLabel());
    this.pairSwitch?.setSelected(this.pair);
  }

  private pairLabel(): string {
    return tr(this.pair ? PAIR_SWITCH.on : PAIR_SWITCH.off);
  }

  private karafudaLabel(): string {
    return tr(this.readUnused ? KARAFUDA_SWITCH.on : KARAFUDA_SWITCH.off);
  }

  private start(choice: Choice): void {
    // Only the five-colour games have poems left over to read; genpei 100 has them all in play.
    const readUnused = this.readUnused && choice.data.cards !== undefined;
    const seats = this.pair ? { seats: PAIR_SEATS } : {};
    this.scene.start('match', { ...choice.data, readUnused, ...seats });
  }

  private back(): void {
    this.scene.start('title');
  }
}
