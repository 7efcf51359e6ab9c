// What the tongue-twister tour says, in plain words, about what the speaker really said: the
// sentence it was given, whether it said it back whole, and each slip with where its intruder
// came from (「か → あ: the あ of あかまきがみ came in early」). Pure: it reads the annotator's
// labels and the intended sentence, and the English side spells every kana in romaji.
import type { Bilingual } from '../../i18n';
import { kanaWithRomaji } from '../../romaji';
import type { Intended, SpeechError, Span } from '../../../speech/annotate';
import { moraSound } from '../../../speech/phonology';
import type { SpeakMode } from '../../../speech/speaker';
import { CLASS_LABELS } from './text';

const en = kanaWithRomaji;
const ja = (kana: string): string => (kana === '' ? '∅' : kana);

/** The intended word that holds mora `at`, as kana. */
function wordAt(intended: Intended, at: number): string {
  let start = 0;
  for (const word of intended.words) {
    const end = start + word.morae.length;
    if (at >= start && at < end) return word.kana;
    start = end;
  }
  return intended.morae.join('');
}

const spanText = (intended: Intended, span: Span): string =>
  intended.morae.slice(span.start, span.end).join('');

export const SPEECH_TOUR_TEXT = {
  title: {
    ja: 'ツアー: 早口言葉を言い返し、言い誤る',
    en: 'Tour: a tongue twister said back, then slipping',
  },
  slipAgain: {
    ja: 'もう一度言わせます（誤りは毎回サンプリングで決まります）。',
    en: 'Saying it again (each slip is sampled afresh).',
  },
  horizontalIntro: {
    ja: '次はヨコ型の話し手: 誤りの中身を同じ文の中から持ち込むように学習したモデルです。',
    en: 'Now the horizontal speaker (ヨコ型 yokogata): trained to slip with material from the same sentence.',
  },
  verticalIntro: {
    ja: '次はタテ型の話し手: 文の外の似た音や語が割り込むように学習したモデルです。',
    en: 'Now the vertical speaker (タテ型 tategata): trained to let a competitor from outside the sentence win.',
  },
} as const satisfies Record<string, Bilingual>;

/** The tour's first words about the twister it picked. */
export function twisterIntro(text: string): Bilingual {
  return {
    ja: `早口言葉「${text}」。まずは話し手モデルにそのまま言い返させます（復唱）。`,
    en: `A tongue twister: ${en(text.replace(/ /g, ''))}. First the speaker just says it back (repetition).`,
  };
}

/** What the repeater made of it: word for word, or truthfully, not. */
export function repetitionResult(intended: Intended, spoken: readonly string[]): Bilingual {
  const meant = intended.morae.join('');
  const said = spoken.join('');
  if (said === meant)
    return {
      ja: `言い返した: 「${said}」— ${intended.morae.length} 拍すべて正確。誤りのない復唱です。`,
      en: `It said back ${en(said)}: all ${intended.morae.length} morae right, no slip.`,
    };
  return {
    ja: `言い返した: 「${said}」— 復唱でも「${meant}」とは違いました。`,
    en: `It said back ${en(said)}: even plain repetition slipped from ${en(meant)} this time.`,
  };
}

/** One slip in plain words: 「か → あ: …」. */
export function slipSentence(e: SpeechError, intended: Intended): Bilingual {
  const meant = e.intendedText;
  const said = e.spokenText;
  const head = { ja: `${ja(meant)} → ${ja(said)}`, en: `${en(meant)} → ${en(said)}` };
  const line = (ja: string, en: string): Bilingual => ({ ja: `${head.ja}: ${ja}`, en: `${head.en}: ${en}` });
  if (e.class === 'horizontal') {
    const earlier = e.direction === 'perseveration';
    const from = {
      ja: earlier
        ? '文の前のほうから入り込んだ（ヨコ型・保続）'
        : '文の後ろのほうから入り込んだ（ヨコ型・予測）',
      en: earlier
        ? 'an intruder from earlier in the sentence (horizontal, perseveration)'
        : 'an intruder from later in the sentence (horizontal, anticipation)',
    };
    if (e.type === 'exchange') {
      const [a = meant, b = said] = meant.split('…');
      return line(
        `「${a}」と「${b}」が入れ替わった — 文の中の音どうしの交換（ヨコ型）`,
        `${en(a)} and ${en(b)} swapped places — an exchange within the sentence (horizontal)`,
      );
    }
    if (e.type === 'omission')
      return line(
        `「${meant}」が抜けた — 同じ音が文の別の場所にあり、そちらに引っぱられた（ヨコ型）`,
        `${en(meant)} was left out — the same sounds come elsewhere in the sentence (horizontal)`,
      );
    if (e.type === 'shift')
      return line(
        `「${meant}」が文の中で場所を移った（ヨコ型）`,
        `${en(meant)} moved to another place in the sentence (horizontal)`,
      );
    if (!e.source)
      return line(
        `同じ文の中にある音が出た（ヨコ型）`,
        `a sound from the same sentence came out (horizontal)`,
      );
    const sourceText = spanText(intended, e.source);
    const word = wordAt(intended, e.source.start);
    const ofWord = {
      ja: word === sourceText ? `「${word}」` : `「${word}」の「${sourceText}」`,
      en: word === sourceText ? `the word ${en(word)}` : `the ${en(sourceText)} of ${en(word)}`,
    };
    if (e.unit === 'phoneme') {
      const consonant = moraSound(said).consonant;
      return line(
        `${ofWord.ja}の子音 ${consonant} が${earlier ? 'もう一度' : '先に'}出た — ${from.ja}`,
        `the consonant ${consonant} of ${word === sourceText ? en(word) : `the ${en(sourceText)} in ${en(word)}`} ${earlier ? 'came back' : 'came in early'} — ${from.en}`,
      );
    }
    return line(
      `${earlier ? '前に言った' : '後で言うはずの'}${ofWord.ja}が${earlier ? 'もう一度' : '先に'}出た — ${from.ja}`,
      `${ofWord.en}${earlier ? ', already said,' : ''} ${earlier ? 'came back' : 'came in early'} — ${from.en}`,
    );
  }
  if (e.type === 'omission')
    return line(
      `「${meant}」が抜けた（文の中に同じ音はなく、競合したものもない: 無関係）`,
      `${en(meant)} was left out (those sounds are nowhere else in the sentence, and nothing competed: unrelated)`,
    );
  switch (e.relation) {
    case 'same-category':
      return line(
        `同じ種類の語「${said}」が「${meant}」の代わりに出た — 文の外の競合語（タテ型）`,
        `${en(said)}, a word of the same kind, took the place of ${en(meant)} — a competitor from outside the sentence (vertical)`,
      );
    case 'similar-word':
      return line(
        `音の似た語「${said}」が「${meant}」の代わりに出た — 文の外の競合語（タテ型）`,
        `${en(said)}, a word that sounds like ${en(meant)}, took its place — a competitor from outside the sentence (vertical)`,
      );
    case 'similar-mora':
      return line(
        `「${said}」は文のどこにもない、「${meant}」に似た音 — 文の外から割り込んだ競合（タテ型）`,
        `${en(said)} is nowhere in the sentence; it sounds like ${en(meant)} — a competitor from outside it (vertical)`,
      );
    default:
      return line(
        `「${said}」は文のどこにもなく、同じ種類の語でも似た音でもない — 無関係（タテ型に数えない）`,
        `${en(said)} is nowhere in the sentence, and neither a word of the same kind nor a similar sound — unrelated (not counted as vertical)`,
      );
  }
}

/**
 * The caption after a slip speaker said the sentence: the first slip of the wanted class in
 * plain words, or truthfully that none came out (or only one of the other class).
 */
export function slipResult(
  mode: Exclude<SpeakMode, 'intact'>,
  intended: Intended,
  spoken: readonly string[],
  errors: readonly SpeechError[],
): { caption: Bilingual; found: boolean } {
  const wanted = errors.find((e) => e.class === mode);
  if (wanted) {
    const more = errors.length - 1;
    const base = slipSentence(wanted, intended);
    return {
      found: true,
      caption:
        more > 0
          ? {
              ja: `${base.ja}（ほかに誤り ${more} か所）`,
              en: `${base.en} (and ${more} more slip${more > 1 ? 's' : ''})`,
            }
          : base,
    };
  }
  const said = spoken.join('');
  if (errors.length === 0)
    return {
      found: false,
      caption: {
        ja: `今回は「${said}」と正しく言えました — 誤りなし。`,
        en: `This time it said ${en(said)} right — no slip.`,
      },
    };
  const first = errors[0] as SpeechError;
  const other = slipSentence(first, intended);
  return {
    found: false,
    caption: {
      ja: `今回の誤りは${CLASS_LABELS[first.class].ja}でした: ${other.ja}`,
      en: `This slip was ${CLASS_LABELS[first.class].en} instead: ${other.en}`,
    },
  };
}
