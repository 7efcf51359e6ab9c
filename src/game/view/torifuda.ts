// Drawing taking cards (取り札). A card face is painted once per poem and pixel width into a
// canvas texture (cream paper, green border, three vertical columns of card kana, right to left)
// and shown as an image, so a hundred cards cost a hundred sprites, not fifteen hundred texts.
//
//   const card = drawTorifuda(scene, poem, x, y, 96, { label: 'ちは', upsideDown: true });
//   card.setHighlight(COLORS.focus); card.setLabel(undefined);
import Phaser from 'phaser';
import type { Poem } from '../../data/types';
import { testHooks, type DrawnCard } from '../testHooks';
import { CARD_FACE, cardHeight, toPageBox, torifudaGlyphs, type Box } from './layout';
import { COLORS, cssFont, fontCovers, loadGlyphs, textStyle, WEIGHT } from './styles';

export interface TorifudaOptions {
  /** A ring around the card in this colour (selection, keyboard focus, the card just read). */
  readonly highlight?: number;
  /** Text under the card, in red: the kimariji. */
  readonly label?: string;
  /** Rotated half a turn, for cards on the opponent's side; the label turns with it. */
  readonly upsideDown?: boolean;
}

/** Draws the taking card of `poem` centred on (x, y), `width` game pixels wide. */
export function drawTorifuda(
  scene: Phaser.Scene,
  poem: Poem,
  x: number,
  y: number,
  width: number,
  options: TorifudaOptions = {},
): Torifuda {
  const card = new Torifuda(scene, poem, x, y, width, options);
  scene.add.existing(card);
  return card;
}

export class Torifuda extends Phaser.GameObjects.Container {
  readonly no: number;
  readonly cardWidth: number;
  readonly cardHeight: number;
  private readonly ring: Phaser.GameObjects.Graphics;
  private highlight: number | undefined;
  private ringInside = false;
  private readonly labelText: Phaser.GameObjects.Text;

  constructor(
    scene: Phaser.Scene,
    poem: Poem,
    x: number,
    y: number,
    width: number,
    options: TorifudaOptions = {},
  ) {
    super(scene, x, y);
    this.no = poem.no;
    this.cardWidth = Math.round(width);
    this.cardHeight = Math.round(cardHeight(this.cardWidth));
    const face = scene.add.image(0, 0, torifudaTexture(scene, poem, this.cardWidth));
    this.ring = scene.add.graphics();
    const labelSize = Math.max(12, Math.round(this.cardWidth * 0.17));
    this.labelText = scene.add
      .text(0, this.cardHeight / 2 + 2, '', textStyle(labelSize, COLORS.kimariji, WEIGHT.card))
      .setOrigin(0.5, 0);
    this.add([face, this.ring, this.labelText]);
    this.setSize(this.cardWidth, this.cardHeight);
    this.setHighlight(options.highlight);
    this.setLabel(options.label);
    if (options.upsideDown) this.setRotation(Math.PI);
  }

  /**
   * A ring in `color` around the card, or none. `inside` draws it within the card's edge, for
   * tightly packed cards whose neighbour an outer ring would cover.
   */
  setHighlight(color: number | undefined, inside = false): this {
    if (color === this.highlight && inside === this.ringInside) return this;
    this.highlight = color;
    this.ringInside = inside;
    this.ring.clear();
    if (color === undefined) return this;
    const thickness = Math.max(3, this.cardWidth * (inside ? 0.06 : 0.035));
    const pad = inside ? -thickness / 2 : Math.max(3, this.cardWidth * 0.04);
    this.ring.lineStyle(thickness, color, 1);
    this.ring.strokeRoundedRect(
      -this.cardWidth / 2 - pad,
      -this.cardHeight / 2 - pad,
      this.cardWidth + 2 * pad,
      this.cardHeight + 2 * pad,
      this.cardWidth * 0.08,
    );
    return this;
  }

  /** The red label under the card, or none. */
  setLabel(label: string | undefined): this {
    this.labelText.setText(label ?? '').setVisible(label !== undefined && label !== '');
    return this;
  }

  /** The card's own rectangle (label and ring excluded) in game coordinates. */
  cardBox(): Box {
    return {
      x: this.x - this.cardWidth / 2,
      y: this.y - this.cardHeight / 2,
      width: this.cardWidth,
      height: this.cardHeight,
    };
  }
}

/**
 * The key of the texture holding the face of `poem`'s card at `width` pixels, painted on first
 * use. If the bundled font has not loaded yet the face is painted with a fallback and repainted
 * once it arrives, so a caller that forgot to wait still ends with the right glyphs.
 */
export function torifudaTexture(scene: Phaser.Scene, poem: Poem, width: number): string {
  const key = `torifuda-${poem.no}-${width}`;
  if (scene.textures.exists(key)) return key;
  const height = Math.round(cardHeight(width));
  const texture = scene.textures.createCanvas(key, width, height);
  if (!texture) throw new Error(`could not create the canvas texture ${key}`);
  const paint = () => {
    paintCardFace(texture.getContext(), poem.torifuda, width, height);
    texture.refresh();
  };
  paint();
  const kana = poem.torifuda.join('');
  if (!fontCovers(kana, WEIGHT.card)) {
    void loadGlyphs(kana).then(() => {
      if (scene.textures.exists(key)) paint();
    });
  }
  return key;
}

/** Paints a card face: green border band, cream paper, card kana in three columns. */
export function paintCardFace(
  ctx: CanvasRenderingContext2D,
  lines: readonly string[],
  width: number,
  height: number,
): void {
  ctx.clearRect(0, 0, width, height);
  const radius = width * 0.05;
  ctx.fillStyle = COLORS.cardGreen;
  roundedRect(ctx, 0, 0, width, height, radius);
  ctx.fill();
  ctx.strokeStyle = COLORS.cardGreenDark;
  ctx.lineWidth = Math.max(1, width * 0.01);
  ctx.stroke();

  const border = width * CARD_FACE.border;
  const paper = ctx.createLinearGradient(0, border, 0, height - border);
  paper.addColorStop(0, COLORS.cardCream);
  paper.addColorStop(1, COLORS.cardCreamEdge);
  ctx.fillStyle = paper;
  roundedRect(ctx, border, border, width - 2 * border, height - 2 * border, radius * 0.4);
  ctx.fill();

  ctx.fillStyle = COLORS.ink;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const glyph of torifudaGlyphs(lines, width)) {
    ctx.font = cssFont(glyph.size, WEIGHT.card);
    ctx.fillText(glyph.char, glyph.cx, glyph.cy);
  }
}

/** A box in game coordinates as page (CSS) pixels, where a test or a DOM panel can find it. */
export function pageBox(scene: Phaser.Scene, box: Box): Box {
  const rect = scene.game.canvas.getBoundingClientRect();
  const canvas = { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
  return toPageBox(box, canvas, scene.scale.width, scene.scale.height);
}

/**
 * Tells the browser tests which cards are drawn where: `source` is read each time a test looks,
 * so the boxes follow scrolling and window resizes. `undefined` leaves an empty list.
 */
export function publishCards(source?: () => DrawnCard[]): void {
  const hooks = testHooks();
  if (source) {
    Object.defineProperty(hooks, 'cards', { get: source, configurable: true, enumerable: true });
  } else {
    Object.defineProperty(hooks, 'cards', { value: [], writable: true, configurable: true });
  }
}

function roundedRect(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}
