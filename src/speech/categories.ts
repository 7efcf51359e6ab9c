// Semantic categories of the corpus words. Each category belongs to one part of speech, so a
// tag in the corpus says both: こーひー:drink is a noun, のみます:eat a verb, あつい:temperature
// an adjective. Vertical (タテ型) competitors are words of the same category.
import type { Bilingual } from '../data/bilingual';

export type PartOfSpeech = 'noun' | 'verb' | 'adjective' | 'function';

export const CATEGORIES = {
  // nouns
  drink: 'noun',
  food: 'noun',
  fruit: 'noun',
  vegetable: 'noun',
  sweets: 'noun',
  animal: 'noun',
  bird: 'noun',
  insect: 'noun',
  fish: 'noun', // fish and other sea creatures
  plant: 'noun',
  nature: 'noun',
  weather: 'noun',
  season: 'noun',
  time: 'noun',
  day: 'noun',
  colour: 'noun',
  body: 'noun',
  illness: 'noun',
  family: 'noun',
  person: 'noun',
  job: 'noun',
  place: 'noun',
  building: 'noun',
  room: 'noun',
  furniture: 'noun',
  vehicle: 'noun',
  clothing: 'noun',
  tool: 'noun',
  stationery: 'noun',
  sport: 'noun',
  music: 'noun',
  event: 'noun',
  number: 'noun',
  thing: 'noun',
  // verbs
  eat: 'verb', // eating and drinking
  move: 'verb',
  make: 'verb', // making, cooking, writing, washing
  give: 'verb', // giving, buying, selling
  take: 'verb',
  put: 'verb',
  see: 'verb',
  hear: 'verb',
  say: 'verb',
  rest: 'verb', // sleeping, sitting, waiting
  exist: 'verb',
  break: 'verb',
  hit: 'verb',
  wear: 'verb',
  handle: 'verb', // opening, closing, switching on
  forget: 'verb',
  fall: 'verb',
  grow: 'verb',
  study: 'verb',
  meet: 'verb',
  play: 'verb',
  need: 'verb',
  become: 'verb',
  win: 'verb',
  laugh: 'verb',
  // adjectives (い and な)
  temperature: 'adjective',
  size: 'adjective',
  taste: 'adjective',
  feeling: 'adjective',
  quality: 'adjective',
  speed: 'adjective',
  quantity: 'adjective',
  hue: 'adjective',
} as const satisfies Record<string, Exclude<PartOfSpeech, 'function'>>;

export type Category = keyof typeof CATEGORIES;

export function isCategory(name: string): name is Category {
  return Object.hasOwn(CATEGORIES, name);
}

/** Labels for the few categories the panel names; others show their English key. */
export const CATEGORY_LABELS: Partial<Record<Category, Bilingual>> = {
  drink: { ja: '飲み物', en: 'drinks' },
  food: { ja: '食べ物', en: 'food' },
  fruit: { ja: '果物', en: 'fruit' },
  vegetable: { ja: '野菜', en: 'vegetables' },
  sweets: { ja: 'お菓子', en: 'sweets' },
  animal: { ja: '動物', en: 'animals' },
  bird: { ja: '鳥', en: 'birds' },
  insect: { ja: '虫', en: 'insects' },
  fish: { ja: '魚・海の生き物', en: 'sea creatures' },
  weather: { ja: '天気', en: 'weather' },
  family: { ja: '家族', en: 'family' },
  place: { ja: '場所', en: 'places' },
  vehicle: { ja: '乗り物', en: 'vehicles' },
  eat: { ja: '食べる・飲む', en: 'eating' },
  move: { ja: '移動', en: 'motion' },
};
