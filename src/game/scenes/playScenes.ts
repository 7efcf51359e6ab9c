// Every scene but the title, loaded together the first time the player starts one (menu.ts):
// the matches, the gallery and the results, with the reader, the recorded timings and the rules
// engine they use, stay out of the first load. They start each other by key, so they arrive as
// one group.
import { CardDetailScene } from './CardDetailScene';
import { GalleryScene } from './GalleryScene';
import { MatchScene } from './MatchScene';
import { MatchSetupScene } from './MatchSetupScene';
import { ResultsScene } from './ResultsScene';

export const PLAY_SCENES = [
  GalleryScene,
  CardDetailScene,
  MatchScene,
  MatchSetupScene,
  ResultsScene,
] as const;
