// `npm run icons`: draws the home-screen icons (public/icons/*.png) the web manifest lists: a
// torifuda with 歌 in the bundled font, in the game's colours (src/game/view/styles.ts COLORS),
// painted on a canvas in Chromium so the glyph is the game's own. Run again after a colour change.
//   icon-192.png, icon-512.png   the card on the table's green, rounded corners left to the OS
//   maskable-512.png             the card inside the 80 % safe circle, background to the edges
//   apple-touch-icon-180.png     iPad and iPhone home screens (no transparency)
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const COLORS = {
  background: '#1d2a24',
  cardCream: '#f7f0dc',
  cardCreamEdge: '#e9dfc2',
  cardGreen: '#2f6b43',
  cardGreenDark: '#23513a',
  ink: '#1b1a17',
  kimariji: '#d8412f',
} as const;
/** The Shippori Mincho 800 subset that holds 歌 (its unicode-range lists U+6B4C). */
const FONT = 'node_modules/@fontsource/shippori-mincho/files/shippori-mincho-107-800-normal.woff2';

const ICONS = [
  { file: 'icon-192.png', size: 192, cardShare: 0.86 },
  { file: 'icon-512.png', size: 512, cardShare: 0.86 },
  { file: 'maskable-512.png', size: 512, cardShare: 0.62 },
  { file: 'apple-touch-icon-180.png', size: 180, cardShare: 0.8 },
] as const;

async function main(): Promise<void> {
  const font = readFileSync(FONT).toString('base64');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox'],
  });
  try {
    const page = await browser.newPage();
    for (const icon of ICONS) {
      const dataUrl = await page.evaluate(
        async ({ font, colors, size, cardShare }) => {
          const face = new FontFace('Shippori Mincho', `url(data:font/woff2;base64,${font})`, {
            weight: '800',
          });
          document.fonts.add(await face.load());
          const canvas = document.createElement('canvas');
          canvas.width = canvas.height = size;
          const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
          ctx.fillStyle = colors.background;
          ctx.fillRect(0, 0, size, size);
          // A torifuda is 52 × 73 mm; tilted a little, as on the title's fan.
          const h = size * cardShare;
          const w = (h * 52) / 73;
          ctx.translate(size / 2, size / 2);
          ctx.rotate((-6 * Math.PI) / 180);
          const radius = w * 0.06;
          ctx.fillStyle = colors.cardGreen;
          ctx.beginPath();
          ctx.roundRect(-w / 2, -h / 2, w, h, radius);
          ctx.fill();
          ctx.strokeStyle = colors.cardGreenDark;
          ctx.lineWidth = Math.max(1, w * 0.015);
          ctx.stroke();
          const border = w * 0.07;
          const paper = ctx.createLinearGradient(0, -h / 2, 0, h / 2);
          paper.addColorStop(0, colors.cardCream);
          paper.addColorStop(1, colors.cardCreamEdge);
          ctx.fillStyle = paper;
          ctx.beginPath();
          ctx.roundRect(-w / 2 + border, -h / 2 + border, w - 2 * border, h - 2 * border, radius * 0.5);
          ctx.fill();
          ctx.fillStyle = colors.ink;
          ctx.textAlign = 'center';
          ctx.textBaseline = 'middle';
          ctx.font = `800 ${Math.round(w * 0.72)}px 'Shippori Mincho'`;
          ctx.fillText('歌', 0, -h * 0.04);
          // The kimariji red: the mark the game draws under the sounds that decide a card.
          ctx.fillStyle = colors.kimariji;
          ctx.fillRect(-w * 0.22, h * 0.3, w * 0.44, Math.max(2, h * 0.035));
          return canvas.toDataURL('image/png');
        },
        { font, colors: COLORS, size: icon.size, cardShare: icon.cardShare },
      );
      const path = `public/icons/${icon.file}`;
      writeFileSync(path, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
      console.log(`${path} ${icon.size}×${icon.size}`);
    }
  } finally {
    await browser.close();
  }
}

await main();
