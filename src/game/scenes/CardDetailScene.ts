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
import { displayPx, projectorCanvas } from '../view/display';
import { isPortrait } from '../view/screen';
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

/**
 * Where the detail goes. Wide (1280×720): the card on the left, the texts in a column beside it,
 * the arrows at the sides. Upright (720×960): the card at the top left with its number and poet
 * beside it, the poem across the panel under it, the arrows at the bottom. The texts flow one
 * under the other by their drawn height, so the projector's larger text pushes rather than
 * overlaps; there (and upright) the kimariji block moves to the room beside the poem.
 */
interface DetailLayout {
  readonly panel: { x: number; y: number; width: number; height: number };
  readonly card: { x: number; y: number; width: number };
  /** The number, poet and poet's kana: beside the card. */
  readonly head: { x: number; y: number };
  /** The poem, its readings and (unless `kimarijiUnderCard`) the kimariji and tomofuda. */
  readonly body: { x: number; y: number | 'under-head' | 'under-card' };
  readonly arrowsY: number;
  readonly hint: { x: number; y: number };
  /** The content ends above this (the panel's bottom, or the hint line across it). */
  readonly contentBottom: number;
  /**
   * The kimariji block: after the poem with the tomofuda beside it, or in the room under the
   * card or under the head, the tomofuda then after the poem, across.
   */
  readonly kimariji: 'after-body' | 'under-card' | 'under-head';
}

const WIDE: DetailLayout = {
  panel: { x: 40, y: 24, width: 1200, height: 672 },
  card: { x: 260, y: 330, width: 260 },
  head: { x: 470, y: 52 },
  body: { x: 470, y: 'under-head' },
  arrowsY: 360,
  hint: { x: 80, y: 660 },
  contentBottom: 684,
  kimariji: 'after-body',
};

const UPRIGHT: DetailLayout = {
  panel: { x: 16, y: 16, width: 688, height: 928 },
  card: { x: 150, y: 206, width: 220 },
  head: { x: 290, y: 48 },
  body: { x: 48, y: 'under-card' },
  arrowsY: 900,
  hint: { x: 100, y: 888 },
  contentBottom: 880,
  kimariji: 'under-head',
};

const WIDE_PROJECTOR: DetailLayout = {
  ...WIDE,
  card: { x: 230, y: 250, width: 220 },
  head: { x: 420, y: 40 },
  body: { x: 420, y: 'under-head' },
  hint: { x: 80, y: 652 },
  kimariji: 'under-card',
};

/** Space between the blocks of the flow (poem, historical kana, reading, kimariji). */
const BLOCK_GAP = 12;
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
  private shape: DetailLayout = WIDE;
  private hint!: Phaser.GameObjects.Text;

  constructor() {
    super('card');
  }

  create(data: CardDetailData): void {
    this.detail = data;
    this.shape = isPortrait(this) ? UPRIGHT : projectorCanvas() ? WIDE_PROJECTOR : WIDE;
    const PANEL = this.shape.panel;
    const backdrop = this.add
      .rectangle(0, 0, this.scale.width, this.scale.height, 0x000000, 0.6)
      .setOrigin(0);
    backdrop.setInteractive().on('pointerup', () => this.close());
    this.add
      .rectangle(PANEL.x, PANEL.y, PANEL.width, PANEL.height, 0x22322a)
      .setOrigin(0)
      .setStrokeStyle(2, 0x4a6a58)
      .setInteractive();
    new TextButton(this, PANEL.x + PANEL.width - 16, PANEL.y + 34, { ja: '×', en: '×' }, () =>
      this.close(),
    ).text.setOrigin(1, 0.5);
    const arrowsY = this.shape.arrowsY;
    new TextButton(this, PANEL.x + 30, arrowsY, { ja: '‹', en: '‹' }, () => this.step(-1), { size: 34 });
    new TextButton(this, PANEL.x + PANEL.width - 30, arrowsY, { ja: '›', en: '›' }, () => this.step(1), {
      size: 34,
    });
    this.hint = this.add.text(this.shape.hint.x, this.shape.hint.y, '', textStyle(16, COLORS.paperDim));
    bindText(this.hint, TEXTS.hint);
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
    const shape = this.shape;
    const text = (x: number, y: number, body: Body, size: number, color?: string) => {
      const object = add(this.add.text(x, y, '', textStyle(size, color)));
      return typeof body === 'string' ? object.setText(body) : bindText(object, body);
    };
    /** A column of texts, each under the one before by its drawn height. */
    const column = (x: number, y: number) => {
      let cursor = y;
      return {
        row: (body: Body, size: number, color?: string, indent = 0) => {
          const object = text(x + indent, cursor, body, size, color);
          cursor += object.height;
          return object;
        },
        gap: (px = BLOCK_GAP) => (cursor += px),
        get y() {
          return cursor;
        },
      };
    };

    this.card = add(
      drawTorifuda(this, poem, shape.card.x, shape.card.y, shape.card.width, { label: kimarijiText(no) }),
    );
    const head = column(shape.head.x, shape.head.y);
    head.row(() => trf(TEXTS.number, { no }), 24, COLORS.paperDim);
    head.row(poem.poet, 34);
    const poetKana = () =>
      getLang() === 'en' ? `${poem.poetKana} · ${toRomaji(poem.poetKana)}` : poem.poetKana;
    head.row(poetKana, 18, COLORS.paperDim);
    head.gap();
    // Under the card and its red kimariji label.
    const cardBottom = this.card.getBounds().bottom + 12;
    const bodyY =
      shape.body.y === 'under-head'
        ? head.y
        : shape.body.y === 'under-card'
          ? Math.max(head.y, cardBottom)
          : shape.body.y;
    const body = column(shape.body.x, bodyY);
    const [k1 = '', k2 = '', k3 = '', s1 = '', s2 = ''] = poem.kanji.split(' ');
    body.row(`${k1} ${k2} ${k3}`, 30);
    body.row(`${s1} ${s2}`, 30, undefined, 60);
    body.gap();
    body.row(TEXTS.historical, 16, COLORS.paperDim);
    body.row(poem.kami.kana, 22);
    body.row(poem.shimo.kana, 22, undefined, 60);
    body.gap();
    body.row(TEXTS.reading, 16, COLORS.paperDim);
    const cut = moraePrefixLength(poem.kami.reading, kimarijiLength(no));
    const readingY = body.y;
    const first = text(shape.body.x, readingY, poem.kami.reading.slice(0, cut), 22, COLORS.kimariji);
    text(shape.body.x + first.width, readingY, poem.kami.reading.slice(cut), 22);
    body.gap(first.height);
    body.row(poem.shimo.reading, 22, undefined, 60);
    const romaji = () => (getLang() === 'en' ? toRomaji(`${poem.kami.reading} / ${poem.shimo.reading}`) : '');
    if (getLang() === 'en') body.row(romaji, 16, COLORS.paperDim);
    body.gap();

    // The kimariji, with the tomofuda beside it after the poem, or on its own where there is room.
    const at =
      shape.kimariji === 'under-card'
        ? { x: shape.card.x - shape.card.width / 2, y: cardBottom + 4 }
        : shape.kimariji === 'under-head'
          ? { x: shape.head.x, y: head.y }
          : { x: shape.body.x, y: body.y };
    const block = column(at.x, at.y);
    block.row(TEXTS.kimariji, 16, COLORS.paperDim);
    const sounds = kimarijiLength(no);
    block.row(kimarijiText(no), 30, COLORS.kimariji);
    const soundsText = sounds === 1 ? TEXTS.oneSound : TEXTS.sounds;
    block.row(() => trf(soundsText, { n: sounds }), 18);
    const tomofuda =
      shape.kimariji === 'after-body'
        ? { x: at.x + Math.max(230, displayPx(200)), y: at.y }
        : { x: shape.body.x, y: body.y };
    this.drawTomofuda(no, tomofuda);
    this.fitContent();
    this.publishHooks();
  }

  private drawTomofuda(no: number, at: { x: number; y: number }): void {
    // Up to fifteen (the あ cards): rows of chips, clear of the panel edge.
    const PANEL = this.shape.panel;
    const x0 = at.x;
    const label = this.add.text(x0, at.y, '', textStyle(16, COLORS.paperDim));
    this.content.add(bindText(label, TEXTS.tomofuda));
    const others = tomofudaOf(no);
    if (others.length === 0) {
      const none = this.add.text(x0, at.y + label.height + 6, '', textStyle(18, COLORS.paperDim));
      this.content.add(bindText(none, TEXTS.noTomofuda));
    }
    let x = x0;
    let y = at.y + label.height + 6;
    for (const other of others) {
      const name = () => `${other} ${kimarijiText(other)}`;
      const chip = new TextButton(this, x, y, name, () => void this.show(other), {
        size: 16,
        origin: 0,
      });
      chip.text.setOrigin(0, 0);
      if (x + chip.text.width > PANEL.x + PANEL.width - 70) {
        x = x0;
        y += chip.text.height + 6;
        chip.text.setPosition(x, y);
      }
      x += chip.text.width + 8;
      this.content.add(chip.text);
      this.chips.push({ no: other, button: chip });
    }
  }

  /**
   * Shrinks the whole detail about the panel's top-left corner when it would run past the
   * bottom, or into the hint line where that reaches under the texts (the English hint in the
   * projector's larger text): fifteen tomofuda take a third row there.
   */
  private fitContent(): void {
    const { panel, body, contentBottom } = this.shape;
    this.content.setScale(1).setPosition(0, 0);
    const bottom = this.content.getBounds().bottom;
    const scaleFor = (limit: number) => Math.min(1, (limit - panel.y) / (bottom - panel.y));
    let f = scaleFor(contentBottom);
    // Shrunk about the corner, the texts' column moves left: past the hint's end, end above it.
    const hint = this.hint.getBounds();
    if (hint.right > panel.x + (body.x - panel.x) * f) f = Math.min(f, scaleFor(hint.top - 6));
    if (f < 1) this.content.setScale(f).setPosition(panel.x * (1 - f), panel.y * (1 - f));
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
    // The card's box in the scene: the content container may be scaled (fitContent).
    const { x, y, scale } = this.content;
    const inScene = (box: { x: number; y: number; width: number; height: number }) => ({
      x: x + box.x * scale,
      y: y + box.y * scale,
      width: box.width * scale,
      height: box.height * scale,
    });
    publishCards(() => (card ? [{ no: card.no, ...pageBox(this, inScene(card.cardBox())) }] : []));
    hooks.detail = {
      no: this.no,
      panel: () => pageBox(this, this.shape.panel),
      hint: () => pageBox(this, this.hint.getBounds()),
      tomofuda: () => this.chips.map(({ no, button }) => ({ no, ...pageBox(this, button.text.getBounds()) })),
    };
  }
}
