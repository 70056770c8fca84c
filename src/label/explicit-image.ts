import { xmlEscape } from './formats/xmp.js';

/**
 * Visible image label (GB 45438 §5; the ≥ 5% height is from secondary sources, ◐): text whose
 * glyph height is at least `minRatio` of the shortest side, on a translucent box so it stays
 * legible on any background. Pure layout; the app renders the SVG with sharp.
 */
export type ImagePosition = 'top-left' | 'top' | 'top-right' | 'bottom-left' | 'bottom' | 'bottom-right';
export const IMAGE_POSITIONS: readonly ImagePosition[] = [
  'top-left',
  'top',
  'top-right',
  'bottom-left',
  'bottom',
  'bottom-right',
];

export interface ImageLabelLayout {
  fontSize: number;
  lines: string[];
  width: number;
  height: number;
  left: number;
  top: number;
  svg: string;
}

/** CJK glyphs of Noto Sans CJK fill about 88% of the em box; the font size is chosen from that. */
const GLYPH = 0.88;

export function imageLabelLayout(input: {
  width: number;
  height: number;
  text: string;
  position?: ImagePosition;
  minRatio?: number;
  font?: string;
}): ImageLabelLayout {
  const {
    width,
    height,
    text,
    position = 'bottom-right',
    minRatio = 0.05,
    font = 'Noto Sans CJK SC',
  } = input;
  const short = Math.min(width, height);
  const fontSize = Math.max(8, Math.ceil((short * minRatio) / GLYPH) + 1);
  const pad = Math.ceil(fontSize * 0.3);
  const chars = [...text];
  // A wide character is one em; wrap when the line would not fit the image.
  const perLine = Math.max(1, Math.floor((width - 2 * pad) / fontSize));
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += perLine) lines.push(chars.slice(i, i + perLine).join(''));
  const lineH = Math.ceil(fontSize * 1.2);
  const boxW = Math.min(width, Math.max(...lines.map((l) => [...l].length)) * fontSize + 2 * pad);
  const boxH = Math.min(height, lines.length * lineH + 2 * pad);
  const left = position.endsWith('left')
    ? 0
    : position.endsWith('right')
      ? width - boxW
      : Math.floor((width - boxW) / 2);
  const top = position.startsWith('top') ? 0 : height - boxH;
  const tspans = lines
    .map(
      (l, i) =>
        `<text x="${pad}" y="${pad + i * lineH + fontSize}" font-family="${xmlEscape(font)}" font-size="${fontSize}" fill="#ffffff">${xmlEscape(l)}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${boxW}" height="${boxH}"><rect width="100%" height="100%" fill="#000000" fill-opacity="0.55"/>${tspans}</svg>`;
  return { fontSize, lines, width: boxW, height: boxH, left, top, svg };
}
