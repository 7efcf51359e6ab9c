// One card up close, over the paused gallery: the card drawn large, the number and poet, the poem
// in kanji, historical kana, the modern reading with the kimariji in red, and the tomofuda
// (tap one to go to it). ← → or the side arrows step through the gallery's order; Esc, the ×
// or a tap outside the panel closes.
import Phaser from 'phaser';
import { toRomaji } from 'wanakana';
import { poemByNo } from '../../data/poems';
import { getLang, trf, type Bilingual } from '../i18n';
import { testHooks } from '../testHooks';
import { moraePrefixLength } from '../view/layout';
import { bindText, COLORS, loadGlyphs, TextButton, textStyle } from '../view/styles';
import { drawTorifuda, pageBox, publishCards, type Torifuda } from '../view/torifuda';
import { kimarijiLength, kimarijiText, tomofudaOf } from './GalleryData';
import { onKeyDown } from '../view/keys';

export interface CardDetailData {
  readonly no: number;
  /** The gallery's current order, for previous / next. */
  readonly order: readonly number[];
  /** Called with the card shown last, after this scene has stopped. */
  readonly onClose: (no: number) => void;
}

const PANEL = { x: 40, y: 24, width: 1200, height: 672 };
const TEXT_X = 470;
const TEXTS = {
  hint: { ja: '← → 前後の札　Esc 閉じる', en: '← → previous / next   Esc close' },
  number: { ja: '第{no}番', en: 'No. {no}' },
  historical: { ja: '歴史的仮名遣い', en: 'Historical kana' },
  reading: { ja: '現代の読み（赤は決まり字）', en: 'Modern reading (kimariji in red)' },
  kimariji: { ja: '決まり字', en: 'Kimariji' },
  oneSound: { ja: '一字決まり', en: '1 sound' },
  sounds: { ja: '{n}字決まり', en: '{n} sounds' },
  tomofuda: { ja: '友札（押すと移動）', en: 'Tomofuda (tap to open)' },
  noTomofuda: { ja: 'なし（一字決まり）', en: 'none (one-sound card)' },
} as const satisfies Record<string, Bilingual>;

export class CardDetailScene extends Phaser.Scene {
  private detail!: CardDetailData;
  private no = 1;
  private content!: Phaser.GameObjects.Container;
  private card: Torifuda | undefined;
  private chips: { no: number; button: TextButton }[] = [];

  constructor() {
    super('card');
  }

  create(data: CardDetailData): void {
    this.detail = data;
    const backdrop = this.add.rectangle(0, 0, 1280, 720, 0x000000, 0.6).setOrigin(0);
    backdrop.setInteractive().on('pointerup', () => this.close());
    this.add
      .rectangle(PANEL.x, PANEL.y, PANEL.width, PANEL.height, 0x22322a)
      .setOrigin(0)
      .setStrokeStyle(2, 0x4a6a58)
      .setInteractive();
    new TextButton(this, PANEL.x + PANEL.width - 16, PANEL.y + 34, { ja: '×', en: '×' }, () =>
      this.close(),
    ).text.setOrigin(1, 0.5);
    new TextButton(this, PANEL.x + 30, 360, { ja: '‹', en: '‹' }, () => this.step(-1), { size: 34 });
    new TextButton(this, PANEL.x + PANEL.width - 30, 360, { ja: '›', en: '›' }, () => this.step(1), {
      size: 34,
    });
    const hintY = PANEL.y + PANEL.height - 36;
    const hint = this.add.text(PANEL.x + 40, hintY, '', textStyle(16, COLORS.paperDim));
    bindText(hint, TEXTS.hint);
    this.content = this.add.container(0, 0);
    onKeyDown(this, (event) => {
      if (event.key === 'Escape' || event.key === 'Backspace') this.close();
      else if (event.key === 'ArrowLeft') this.step(-1);
      else if (event.key === 'ArrowRight') this.step(1);
    });
    this.events.once('shutdown', () => {
      publishCards();
      delete testHooks().detail;
    });
    void this.show(data.no);
  }

  private step(delta: number): void {
    const { order } = this.detail;
    const index = order.indexOf(this.no);
    const next = order[(index + delta + order.length) % order.length];
    if (next !== undefined) void this.show(next);
  }

  private async show(no: number): Promise<void> {
    this.no = no;
    const poem = poemByNo(no);
    const labels = Object.values(TEXTS).map((text) => text.ja);
    await loadGlyphs(poem.poet + poem.poetKana + poem.kanji + poem.kami.kana + labels.join(''));
    if (this.no !== no || !this.sys.isActive()) return;
    this.content.removeAll(true);
    this.chips = [];
    const add = <T extends Phaser.GameObjects.GameObject>(object: T): T => {
      this.content.add(object);
      return object;
    };
    type Body = string | Bilingual | (() => string);
    const text = (x: number, y: number, body: Body, size: number, color?: string) => {
      const object = add(this.add.text(x, y, '', textStyle(size, color)));
      return typeof body === 'string' ? object.setText(body) : bindText(object, body);
    };

    this.card = add(drawTorifuda(this, poem, 260, 330, 260, { label: kimarijiText(no) }));
    text(TEXT_X, 52, () => trf(TEXTS.number, { no }), 24, COLORS.paperDim);
    text(TEXT_X, 86, poem.poet, 34);
    const poetKana = () =>
      getLang() === 'en' ? `${poem.poetKana} · ${toRomaji(poem.poetKana)}` : poem.poetKana;
    text(TEXT_X, 136, poetKana, 18, COLORS.paperDim);
    const [k1 = '', k2 = '', k3 = '', s1 = '', s2 = ''] = poem.kanji.split(' ');
    text(TEXT_X, 176, `${k1} ${k2} ${k3}`, 30);
    text(TEXT_X + 60, 220, `${s1} ${s2}`, 30);

    text(TEXT_X, 284, TEXTS.historical, 16, COLORS.paperDim);
    text(TEXT_X, 306, poem.kami.kana, 22);
    text(TEXT_X + 60, 340, poem.shimo.kana, 22);

    text(TEXT_X, 386, TEXTS.reading, 16, COLORS.paperDim);
    const cut = moraePrefixLength(poem.kami.reading, kimarijiLength(no));
    const head = text(TEXT_X, 408, poem.kami.reading.slice(0, cut), 22, COLORS.kimariji);
    text(TEXT_X + head.width, 408, poem.kami.reading.slice(cut), 22);
    text(TEXT_X + 60, 442, poem.shimo.reading, 22);
    const romaji = () => (getLang() === 'en' ? toRomaji(`${poem.kami.reading} / ${poem.shimo.reading}`) : '');
    text(TEXT_X, 478, romaji, 16, COLORS.paperDim);

    text(TEXT_X, 506, TEXTS.kimariji, 16, COLORS.paperDim);
    const sounds = kimarijiLength(no);
    text(TEXT_X, 528, kimarijiText(no), 30, COLORS.kimariji);
    const soundsText = sounds === 1 ? TEXTS.oneSound : TEXTS.sounds;
    text(TEXT_X, 576, () => trf(soundsText, { n: sounds }), 18);
    this.drawTomofuda(no);
    this.publishHooks();
  }

  private drawTomofuda(no: number): void {
    // Up to fifteen (the あ cards): rows of chips right of the kimariji, clear of the panel edge.
    const x0 = TEXT_X + 230;
    const label = this.add.text(x0, 506, '', textStyle(16, COLORS.paperDim));
    this.content.add(bindText(label, TEXTS.tomofuda));
    const others = tomofudaOf(no);
    if (others.length === 0) {
      const none = this.add.text(x0, 536, '', textStyle(18, COLORS.paperDim));
      this.content.add(bindText(none, TEXTS.noTomofuda));
    }
    let x = x0;
    let y = 546;
    for (const other of others) {
      const name = () => `${other} ${kimarijiText(other)}`;
      const chip = new TextButton(this, x, y, name, () => void this.show(other), {
        size: 16,
        origin: 0,
      });
      if (x + chip.text.width > PANEL.x + PANEL.width - 70) {
        x = x0;
        y += 36;
        chip.text.setPosition(x, y);
      }
      x += chip.text.width + 8;
      this.content.add(chip.text);
      this.chips.push({ no: other, button: chip });
    }
  }

  private close(): void {
    const { onClose } = this.detail;
    const last = this.no;
    this.scene.stop();
    onClose(last);
  }

  private publishHooks(): void {
    const hooks = testHooks();
    hooks.screen = 'card';
    const card = this.card;
    publishCards(() => (card ? [{ no: card.no, ...pageBox(this, card.cardBox()) }] : []));
    hooks.detail = {
      no: this.no,
      tomofuda: () => this.chips.map(({ no, button }) => ({ no, ...pageBox(this, button.text.getBounds()) })),
    };
  }
}
