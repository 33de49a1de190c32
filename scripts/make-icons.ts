/**
 * Renders the app icons from public/icon.svg with the system Chromium (no image libraries,
 * nothing downloaded): 192 and 512 px "any" icons, a 512 px maskable icon (full-bleed
 * background, the glyph inside the 80 % safe zone) and a 180 px Apple touch icon.
 * Run after changing the SVG: `npx tsx scripts/make-icons.ts`; the PNGs are committed.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const publicDir = join(root, 'public');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The same glyph on a square, full-bleed background, scaled into the maskable safe zone. */
function maskableSvg(svg: string): string {
  const background = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? '#0f766e';
  const glyph = /<g[\s\S]*<\/g>/.exec(svg)?.[0] ?? '';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" fill="${background}"/><g transform="translate(256 256) scale(0.72) translate(-256 -256)">${glyph}</g></svg>`;
}

/** Apple adds its own rounded corners and shows transparency as black: square and opaque. */
function appleSvg(svg: string): string {
  return svg.replace(/rx="96"/, 'rx="0"');
}

const icons: Array<{ file: string; size: number; svg: (s: string) => string }> = [
  { file: 'pwa-192x192.png', size: 192, svg: (s) => s },
  { file: 'pwa-512x512.png', size: 512, svg: (s) => s },
  { file: 'maskable-512x512.png', size: 512, svg: maskableSvg },
  { file: 'apple-touch-icon.png', size: 180, svg: appleSvg },
];

const source = await readFile(join(publicDir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size }, deviceScaleFactor: 1 });
    const svg = icon.svg(source).replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: join(publicDir, icon.file), omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } });
    await page.close();
    console.log(`public/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
