// Prints a few teaching slips of each kind (a look at the fine-tuning data).
import { createRng } from '../src/data/random';
import { loadCorpus } from '../src/speech/corpus';
import { annotate, makeLexicon } from '../src/speech/annotate';
import { makeSlip } from '../src/speech/slips';

const corpus = loadCorpus();
const lexicon = makeLexicon(corpus.train.flatMap((s) => s.words));
const rng = createRng(3);
for (const kind of ['horizontal', 'vertical'] as const) {
  let made = 0;
  for (const s of corpus.train) if (makeSlip(s, kind, lexicon, rng)) made++;
  console.log(`${kind}: ${made}/${corpus.train.length} training sentences yield a slip`);
  for (const s of rng.shuffle(corpus.train).slice(0, 6)) {
    const slip = makeSlip(s, kind, lexicon, rng);
    if (!slip) continue;
    const e = annotate(s, slip, lexicon).map(
      (x) => `${x.type}/${x.unit}/${x.direction}/${x.relation} ${x.intendedText}→${x.spokenText}`,
    );
    console.log(`  ${s.morae.join('')} → ${slip.join('')}  [${e.join('; ')}]`);
  }
}
