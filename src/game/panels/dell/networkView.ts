// The network drawn as SVG: 57 semantic features, 6 words, 10 phonemes and their links. A frame
// of a recorded trial colours every unit by its activation relative to the most active unit of
// its layer (so the competition CAT vs DOG stays visible while everything decays) and shows the
// words' and phonemes' activations as numbers.
import {
  buildNetwork,
  CODA_BASE,
  CODAS,
  ONSET_BASE,
  ONSETS,
  SEMANTIC_UNITS,
  semanticFeatures,
  VOWEL_BASE,
  VOWELS,
  WORD_BASE,
  WORDS,
  type Syllable,
  type Word,
} from '../../../speech/dell/lexicon';
import type { Frame } from '../../../speech/dell/model';
import { svgEl } from './chart';

const WIDTH = 960;
const HEIGHT = 340;
const Y_SEMANTIC = 46;
const Y_WORD = 170;
const Y_PHONEME = 292;

interface Place {
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly label?: string;
}

function layout(): Place[] {
  const places: Place[] = [];
  for (let f = 0; f < SEMANTIC_UNITS; f++) places.push({ x: 40 + f * 15.5, y: Y_SEMANTIC, r: 6 });
  WORDS.forEach((word, i) => places.push({ x: 110 + i * 148, y: Y_WORD, r: 26, label: word }));
  ONSETS.forEach((o, i) => places.push({ x: 70 + i * 74, y: Y_PHONEME, r: 19, label: o }));
  VOWELS.forEach((v, i) => places.push({ x: 560 + i * 80, y: Y_PHONEME, r: 19, label: v }));
  CODAS.forEach((c, i) => places.push({ x: 790 + i * 80, y: Y_PHONEME, r: 19, label: c }));
  return places;
}

const PLACES = layout();
const LAYERS = [
  [0, SEMANTIC_UNITS],
  [WORD_BASE, WORD_BASE + WORDS.length],
  [ONSET_BASE, CODA_BASE + CODAS.length],
] as const;

/** Three significant digits or so: late in a trial the competing words sit near 0.04. */
function activationText(x: number): string {
  const size = Math.abs(x);
  return x.toFixed(size >= 10 ? 1 : size >= 1 ? 2 : 3);
}

export interface NetworkLabels {
  readonly semantic: string;
  readonly words: string;
  readonly phonemes: string;
}

export interface NetworkView {
  readonly svg: SVGSVGElement;
  /** Redraws the links for an ordinary or a mixed trial and clears all activation. */
  reset(mixedTrial: boolean, labels: NetworkLabels): void;
  show(frame: Frame, selected: Word | undefined, response: Syllable | undefined): void;
}

export function createNetworkView(): NetworkView {
  const svg = svgEl('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'dell-network', role: 'img' });
  let lines: { line: SVGLineElement; a: number; b: number }[] = [];
  let circles: SVGCircleElement[] = [];
  let values: SVGTextElement[] = [];

  const reset: NetworkView['reset'] = (mixedTrial, labels) => {
    svg.replaceChildren();
    svg.append(
      svgEl('text', { x: 8, y: 16, class: 'dell-layer' }, labels.semantic),
      svgEl('text', { x: 8, y: Y_WORD - 40, class: 'dell-layer' }, labels.words),
      svgEl('text', { x: 8, y: Y_PHONEME - 34, class: 'dell-layer' }, labels.phonemes),
    );
    // Feature groups: which word owns each feature, labelled under the row.
    WORDS.forEach((word) => {
      const own = semanticFeatures(word, false).filter((f) => word === 'CAT' || f >= 10);
      const first = PLACES[Math.min(...own)] as Place;
      svg.append(
        svgEl('text', { x: first.x - 4, y: Y_SEMANTIC + 20, class: 'dell-group' }, word.toLowerCase()),
      );
    });
    lines = buildNetwork(mixedTrial).links.map(({ a, b, kind }) => {
      const pa = PLACES[a] as Place;
      const pb = PLACES[b] as Place;
      const line = svgEl('line', {
        x1: pa.x,
        y1: pa.y,
        x2: pb.x,
        y2: pb.y,
        class: `dell-link dell-link-${kind}`,
      });
      svg.append(line);
      return { line, a, b };
    });
    circles = [];
    values = [];
    PLACES.forEach((place, unit) => {
      const circle = svgEl('circle', { cx: place.x, cy: place.y, r: place.r, class: 'dell-unit' });
      circle.dataset.unit = String(unit);
      circles.push(circle);
      svg.append(circle);
      if (place.label) {
        svg.append(
          svgEl(
            'text',
            { x: place.x, y: place.y + 5, class: 'dell-unit-label', 'text-anchor': 'middle' },
            place.label,
          ),
        );
      }
      const value = svgEl('text', {
        x: place.x,
        y: place.y + place.r + 14,
        class: 'dell-unit-value',
        'text-anchor': 'middle',
      });
      values.push(value);
      if (place.label) svg.append(value);
    });
  };

  const show: NetworkView['show'] = (frame, selected, response) => {
    const a = frame.activations;
    for (const [from, to] of LAYERS) {
      let max = 1e-9;
      for (let u = from; u < to; u++) max = Math.max(max, a[u] as number);
      for (let u = from; u < to; u++) {
        const level = Math.max(0, a[u] as number) / max;
        const circle = circles[u] as SVGCircleElement;
        circle.style.fill = `rgba(224, 184, 74, ${(0.08 + 0.92 * level).toFixed(3)})`;
        (values[u] as SVGTextElement).textContent = activationText(a[u] as number);
      }
    }
    let maxFlow = 1e-9;
    const flows = lines.map(({ a: x, b: y }) => Math.max(0, a[x] as number) * Math.max(0, a[y] as number));
    for (const f of flows) maxFlow = Math.max(maxFlow, f);
    lines.forEach(({ line }, i) => {
      line.style.strokeOpacity = (0.06 + 0.9 * Math.sqrt((flows[i] as number) / maxFlow)).toFixed(3);
    });
    circles.forEach((c) => c.classList.remove('dell-chosen'));
    if (selected) circles[WORD_BASE + WORDS.indexOf(selected)]?.classList.add('dell-chosen');
    if (response) {
      circles[ONSET_BASE + response.onset]?.classList.add('dell-chosen');
      circles[VOWEL_BASE + response.vowel]?.classList.add('dell-chosen');
      circles[CODA_BASE + response.coda]?.classList.add('dell-chosen');
    }
  };

  return { svg, reset, show };
}
