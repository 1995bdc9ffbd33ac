/** Exports a chart as the user sees it: its SVG layers with computed styles inlined, plus its title and legend. */

/** Presentation properties copied from the computed style, so the file looks the same outside the page's CSS. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linejoin',
  'opacity',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'visibility'
];

const SVG_NS = 'http://www.w3.org/2000/svg';
const TITLE_H = 26;
const LEGEND_ROW_H = 20;
const PAD = 12;

export interface ExportedSvg {
  svg: string;
  width: number;
  height: number;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Copies computed presentation styles from each original element onto its clone. */
function inlineStyles(original: Element, clone: Element): void {
  const style = getComputedStyle(original);
  const decl = STYLE_PROPS.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
  clone.setAttribute('style', decl);
  clone.removeAttribute('class');
  const a = original.children;
  const b = clone.children;
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i]!, b[i]!);
}

/** A legend swatch's colour and shape, read from the page. */
function swatchOf(li: Element): { color: string; shape: string } {
  const swatch = li.querySelector('.swatch');
  if (!swatch) return { color: 'currentColor', shape: 'line' };
  const s = getComputedStyle(swatch);
  const shape = ['dashed', 'dot', 'rect'].find((c) => swatch.classList.contains(c)) ?? 'line';
  const color = shape === 'dot' || shape === 'rect' ? s.backgroundColor : s.borderTopColor;
  return { color, shape };
}

/** figureSvg(figure) → a standalone SVG of a <figure class="chart-figure">: title, legend, then its plot layers. */
export function figureSvg(figure: Element): ExportedSvg {
  const box = figure.getBoundingClientRect();
  const fs = getComputedStyle(figure);
  const background =
    fs.backgroundColor && fs.backgroundColor !== 'rgba(0, 0, 0, 0)'
      ? fs.backgroundColor
      : '#ffffff';
  const fg = fs.color || '#000000';
  const font = fs.fontFamily || 'sans-serif';
  const title = figure.querySelector('h3')?.textContent?.trim() ?? '';
  const layers = [...figure.querySelectorAll('svg.layer')] as SVGSVGElement[];
  const width = Math.round(box.width);

  // Legend: swatch + label, wrapped into rows that fit the width (about 7 px per character at 12 px).
  const legendParts: string[] = [];
  let x = PAD;
  let row = 0;
  for (const li of figure.querySelectorAll('.legend li')) {
    const label = li.textContent?.trim() ?? '';
    const { color, shape } = swatchOf(li);
    const w = 22 + label.length * 6.6 + 16;
    if (x + w > width - PAD && x > PAD) {
      x = PAD;
      row++;
    }
    const y = TITLE_H + PAD + row * LEGEND_ROW_H + 10;
    const mark =
      shape === 'rect'
        ? `<rect x="${x}" y="${y - 6}" width="12" height="12" fill="${color}" opacity="0.8"/>`
        : shape === 'dot'
          ? `<circle cx="${x + 5}" cy="${y}" r="4.5" fill="${color}"/>`
          : `<line x1="${x}" x2="${x + 16}" y1="${y}" y2="${y}" stroke="${color}" stroke-width="3"${shape === 'dashed' ? ' stroke-dasharray="5 3"' : ''}/>`;
    legendParts.push(
      `${mark}<text x="${x + 22}" y="${y}" dy="0.32em" font-size="12" fill="${fg}">${escapeXml(label)}</text>`
    );
    x += w;
  }
  const legendH = legendParts.length > 0 ? (row + 1) * LEGEND_ROW_H : 0;
  const top = TITLE_H + PAD + legendH + 4;

  const plots: string[] = [];
  let bottom = top;
  const first = layers[0]?.getBoundingClientRect();
  for (const layer of layers) {
    const r = layer.getBoundingClientRect();
    const clone = layer.cloneNode(true) as SVGSVGElement;
    inlineStyles(layer, clone);
    clone.removeAttribute('style');
    const dy = top + (first ? r.top - first.top : 0);
    const dx = r.left - box.left;
    plots.push(
      `<g transform="translate(${dx.toFixed(1)},${dy.toFixed(1)})">${clone.innerHTML}</g>`
    );
    bottom = Math.max(bottom, dy + r.height);
  }
  const height = Math.round(bottom + PAD);
  const svg =
    `<svg xmlns="${SVG_NS}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(font)}">` +
    `<rect width="100%" height="100%" fill="${background}"/>` +
    `<text x="${PAD}" y="${PAD + 14}" font-size="16" font-weight="600" fill="${fg}">${escapeXml(title)}</text>` +
    legendParts.join('') +
    plots.join('') +
    `</svg>`;
  return { svg, width, height };
}

/** Renders SVG text to a PNG at `scale` × its size (2 = sharp on high-DPI screens). */
export async function svgToPng(exported: ExportedSvg, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([exported.svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart SVG could not be drawn as an image'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(exported.width * scale);
    canvas.height = Math.round(exported.height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas in this browser');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, exported.width, exported.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png')
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves `data` as a file through a temporary link (no server involved). */
export function download(filename: string, data: Blob | string, type = 'text/plain'): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
