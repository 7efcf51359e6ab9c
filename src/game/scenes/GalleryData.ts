// What the gallery and the card detail need from the poem data, in the shape they show it:
// the three sort orders, the kimariji as a label, and the tomofuda.
import { learningOrder, staticKimariji, tomofuda } from '../../data/kimariji';
import { POEMS } from '../../data/poems';

export const GALLERY_SORTS = ['number', 'kimariji', 'learning'] as const;
export type GallerySort = (typeof GALLERY_SORTS)[number];

/** Poem numbers in the order the gallery shows them. */
export function galleryOrder(sort: GallerySort): number[] {
  const numbers = POEMS.map((p) => p.no);
  switch (sort) {
    case 'number':
      return numbers;
    case 'kimariji':
      // One-sound cards first, the six-sound 大山札 last; ties by number.
      return numbers.sort((a, b) => staticKimariji(a).length - staticKimariji(b).length || a - b);
    case 'learning':
      return learningOrder();
    default: {
      const unknown: never = sort;
      throw new Error(`unknown sort ${String(unknown)}`);
    }
  }
}

/** The kimariji as written in the modern reading (44: おうこ), for the red label. */
export function kimarijiText(no: number): string {
  return staticKimariji(no).morae.join('');
}

export function kimarijiLength(no: number): number {
  return staticKimariji(no).length;
}

export function tomofudaOf(no: number): number[] {
  return tomofuda(no);
}
