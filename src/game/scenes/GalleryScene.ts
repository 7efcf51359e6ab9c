// The card gallery: all 100 taking cards in a scrolling grid, sortable, with the kimariji shown on
// demand. Wheel, drag or swipe to scroll; tap or click a card for its detail; the keyboard moves
// a focus ring (arrows, Page Up/Down, Home/End), Enter opens, K toggles kimariji, Esc goes back.
import Phaser from 'phaser';
import { fitScene, isPortrait } from '../view/screen';
import { projectorCanvas } from '../view/display';
import { poemByNo } from '../../data/poems';
import { onLangChange, type Bilingual } from '../i18n';
import { testHooks } from '../testHooks';
import {
  cardAt,
  cellBox,
  clampScroll,
  galleryGrid,
  maxScroll,
  moveFocus,
  scrollToReveal,
  type FocusMove,
  type Grid,
} from '../view/layout';
import { displayPx } from '../view/display';
import { bindText, COLORS, loadBaseGlyphs, loadGlyphs, TextButton, textStyle } from '../view/styles';
import { drawTorifuda, pageBox, publishCards, type Torifuda } from '../view/torifuda';
import { GALLERY_SORTS, galleryOrder, kimarijiText, type GallerySort } from './GalleryData';
import type { CardDetailData } from './CardDetailScene';
import { onKeyDown } from '../view/keys';

const DRAG_THRESHOLD = 8;

/**
 * The bar over the grid and the grid's shape. Wide (1280×720): one row of buttons, the heading
 * under Back, ten columns. Tall (720×960 upright, or the projector's larger text): Back and the
 * kimariji toggle on the first row, the sorts on the second, the heading on the third; five
 * columns upright.
 */
interface GalleryLayout {
  readonly width: number;
  readonly height: number;
  readonly bar: number;
  readonly columns: number;
  /** Rows of the bar (y of each centre) and where the sorts start. */
  readonly buttonsY: number;
  readonly sortsY: number;
  readonly sortsX: number;
  readonly headingY: number;
}

function galleryLayout(width: number, height: number, tall: boolean): GalleryLayout {
  if (!tall)
    return { width, height, bar: 92, columns: 10, buttonsY: 42, sortsY: 42, sortsX: 560, headingY: 60 };
  return {
    width,
    height,
    bar: 176,
    columns: width < height ? 5 : 10,
    buttonsY: 36,
    sortsY: 100,
    sortsX: 24,
    headingY: 134,
  };
}
const KEY_MOVES: Readonly<Record<string, FocusMove>> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
  Home: 'home',
  End: 'end',
};

const TEXTS = {
  back: { ja: '← 戻る', en: '← Back' },
  heading: {
    ja: '取り札 百枚 ― ↑↓←→ で選び Enter で開く',
    en: 'The 100 taking cards — arrows to move, Enter to open',
  },
  number: { ja: '番号順', en: 'By number' },
  kimariji: { ja: '決まり字の長さ', en: 'By kimariji length' },
  learning: { ja: '覚える順', en: 'Learning order' },
  toggle: { ja: '決まり字 (K)', en: 'Kimariji (K)' },
} as const satisfies Record<GallerySort | string, Bilingual>;

/** What the gallery remembers between visits in one session. */
const remembered = { sort: 'number' as GallerySort, kimariji: false, scroll: 0, focus: 0 };

export class GalleryScene extends Phaser.Scene {
  private grid!: Grid;
  private shape: GalleryLayout = galleryLayout(1280, 720, false);
  private area = { x: 24, y: 92, width: 1232, height: 628 };
  private order: number[] = [];
  private cards = new Map<number, Torifuda>();
  private sortButtons = new Map<GallerySort, TextButton>();
  private kimarijiButton!: TextButton;
  private scrollbar!: Phaser.GameObjects.Rectangle;
  private showFocus = false;
  private hover: number | undefined;
  private drag: { startY: number; startScroll: number; moved: boolean } | undefined;

  constructor() {
    super('gallery');
  }

  async create(): Promise<void> {
    fitScene(this, true);
    const { width, height } = this.scale;
    this.shape = galleryLayout(width, height, isPortrait(this) || projectorCanvas());
    this.area = { x: 24, y: this.shape.bar, width: width - 48, height: height - this.shape.bar };
    this.cards.clear();
    this.sortButtons.clear();
    testHooks().screen = 'loading';
    const texts = Object.values(TEXTS).map((text) => text.ja);
    await Promise.all([loadBaseGlyphs(), loadGlyphs(texts.join(''))]);
    if (!this.sys.isActive()) return;
    this.grid = galleryGrid(100, {
      area: this.area,
      columns: this.shape.columns,
      gapX: 16,
      gapY: 14,
      labelHeight: displayPx(24),
    });
    for (let no = 1; no <= 100; no++) {
      this.cards.set(no, drawTorifuda(this, poemByNo(no), 0, 0, this.grid.cardWidth));
    }
    this.scrollbar = this.add.rectangle(width - 10, this.area.y, 5, 40, 0xffffff, 0.35).setOrigin(0.5, 0);
    this.drawBar();
    this.bindInput();
    this.setSort(remembered.sort);
    this.events.on('resume', () => this.publishHooks());
    this.events.once('shutdown', () => {
      this.input.setDefaultCursor('default');
      this.unpublishHooks();
    });
  }

  private drawBar(): void {
    const shape = this.shape;
    this.add.rectangle(0, 0, shape.width, shape.bar, COLORS.bar).setOrigin(0).setDepth(10).setInteractive();
    const depth = (button: TextButton) => button.text.setDepth(11);
    const backY = shape.sortsY === shape.buttonsY ? 30 : shape.buttonsY;
    depth(new TextButton(this, 24, backY, TEXTS.back, () => this.back(), { origin: 0 }));
    const heading = this.add
      .text(24, shape.headingY, '', {
        ...textStyle(18, COLORS.paperDim),
        wordWrap: { width: shape.width - 48, useAdvancedWrap: true },
      })
      .setDepth(11);
    bindText(heading, TEXTS.heading);
    for (const sort of GALLERY_SORTS) {
      const button = new TextButton(this, 0, shape.sortsY, TEXTS[sort], () => this.setSort(sort), {
        origin: 0,
        size: 20,
      });
      depth(button);
      this.sortButtons.set(sort, button);
    }
    // Labels change width with the language: lay the row out again when it changes.
    const placeSortButtons = () => {
      let x = shape.sortsX;
      for (const button of this.sortButtons.values()) {
        button.text.x = x;
        x += button.text.width + 12;
      }
    };
    placeSortButtons();
    const off = onLangChange(placeSortButtons);
    this.events.once('shutdown', off);
    this.kimarijiButton = new TextButton(
      this,
      shape.width - 24,
      shape.buttonsY,
      TEXTS.toggle,
      () => this.toggleKimariji(),
      {
        origin: 1,
        size: 20,
      },
    );
    depth(this.kimarijiButton);
  }

  private bindInput(): void {
    this.input.on('wheel', (_p: unknown, _o: unknown, _dx: number, dy: number) => {
      this.scrollTo(remembered.scroll + dy);
    });
    this.input.on('pointerdown', (pointer: Phaser.Input.Pointer) => {
      if (pointer.y < this.area.y) return;
      this.drag = { startY: pointer.y, startScroll: remembered.scroll, moved: false };
    });
    this.input.on('pointermove', (pointer: Phaser.Input.Pointer) => {
      if (!pointer.isDown && !pointer.wasTouch) this.hoverAt(pointer.x, pointer.y);
      if (!this.drag || !pointer.isDown) return;
      const dy = pointer.y - this.drag.startY;
      if (Math.abs(dy) > DRAG_THRESHOLD) this.drag.moved = true;
      if (this.drag.moved) this.scrollTo(this.drag.startScroll - dy);
    });
    this.input.on('pointerup', (pointer: Phaser.Input.Pointer) => {
      const drag = this.drag;
      this.drag = undefined;
      if (!drag || drag.moved) return;
      const index = cardAt(this.grid, pointer.x, pointer.y, remembered.scroll);
      if (index !== undefined) this.open(index);
    });
    onKeyDown(this, (event) => {
      const move = KEY_MOVES[event.key];
      if (move) {
        event.preventDefault();
        this.showFocus = true;
        this.setFocus(moveFocus(this.grid, remembered.focus, move));
      } else if (event.key === 'Enter' || event.key === ' ') {
        this.open(remembered.focus);
      } else if (event.key === 'k' || event.key === 'K') {
        this.toggleKimariji();
      } else if (event.key === 'Escape') {
        this.back();
      }
    });
  }

  private setSort(sort: GallerySort): void {
    const focused = this.order[remembered.focus];
    remembered.sort = sort;
    this.order = galleryOrder(sort);
    for (const [key, button] of this.sortButtons) button.setSelected(key === sort);
    // The focused card stays focused; the view starts from the top of the new order.
    remembered.focus = focused === undefined ? remembered.focus : this.order.indexOf(focused);
    this.applyKimariji();
    this.layout();
  }

  private toggleKimariji(): void {
    remembered.kimariji = !remembered.kimariji;
    this.applyKimariji();
  }

  private applyKimariji(): void {
    this.kimarijiButton.setSelected(remembered.kimariji);
    for (const [no, card] of this.cards) {
      card.setLabel(remembered.kimariji ? kimarijiText(no) : undefined);
    }
    this.publishHooks();
  }

  /** A soft ring and the hand cursor over the card under the mouse. */
  private hoverAt(x: number, y: number): void {
    const index = cardAt(this.grid, x, y, remembered.scroll);
    if (index === this.hover) return;
    this.hover = index;
    this.input.setDefaultCursor(index === undefined ? 'default' : 'pointer');
    this.layout();
  }

  private setFocus(index: number): void {
    remembered.focus = index;
    remembered.scroll = scrollToReveal(this.grid, index, remembered.scroll);
    this.layout();
  }

  private scrollTo(scroll: number): void {
    remembered.scroll = clampScroll(this.grid, scroll);
    this.layout();
  }

  private layout(): void {
    remembered.scroll = clampScroll(this.grid, remembered.scroll);
    this.order.forEach((no, index) => {
      const card = this.cards.get(no)!;
      const box = cellBox(this.grid, index, remembered.scroll);
      const visible =
        box.y + box.height + this.grid.spec.labelHeight > this.area.y && box.y < this.shape.height;
      card.setPosition(box.x + box.width / 2, box.y + box.height / 2).setVisible(visible);
      const focused = this.showFocus && index === remembered.focus;
      const hovered = index === this.hover;
      card.setHighlight(focused ? COLORS.focus : hovered ? COLORS.hover : undefined);
    });
    const max = maxScroll(this.grid);
    const area = this.area;
    const thumb = (area.height * area.height) / this.grid.contentHeight;
    this.scrollbar.setSize(5, thumb);
    this.scrollbar.y = area.y + (max === 0 ? 0 : (remembered.scroll / max) * (area.height - thumb));
    this.publishHooks();
  }

  private open(index: number): void {
    const no = this.order[index];
    if (no === undefined) return;
    remembered.focus = index;
    const data: CardDetailData = {
      no,
      order: this.order,
      onClose: (last) => {
        this.scene.resume();
        this.setFocus(Math.max(0, this.order.indexOf(last)));
      },
    };
    this.scene.pause();
    this.scene.launch('card', data);
  }

  private back(): void {
    this.scene.start('title');
  }

  private publishHooks(): void {
    const hooks = testHooks();
    hooks.screen = 'gallery';
    const visible = () =>
      this.order.flatMap((no, index) => {
        const box = cellBox(this.grid, index, remembered.scroll);
        const whole = box.y >= this.area.y && box.y + box.height <= this.shape.height;
        return whole ? [{ no, ...pageBox(this, box) }] : [];
      });
    publishCards(visible);
    hooks.gallery = {
      sort: remembered.sort,
      kimariji: remembered.kimariji,
      scroll: remembered.scroll,
      maxScroll: maxScroll(this.grid),
      focus: this.order[remembered.focus],
      order: [...this.order],
      buttons: () =>
        Object.fromEntries(
          [...this.sortButtons, ['toggle', this.kimarijiButton] as const].map(([key, b]) => [
            key,
            pageBox(this, b.text.getBounds()),
          ]),
        ),
    };
  }

  private unpublishHooks(): void {
    publishCards();
    delete testHooks().gallery;
  }
}
