// Every text of the tongue-twister panel, in Japanese and English.
import type { Bilingual } from '../../i18n';
import { kanaWithRomaji as rj } from '../../romaji';
import type { Direction, ErrorClass, ErrorType, ErrorUnit, SpeechError } from '../../../speech/annotate';
import type { InputProblem } from '../../../speech/input';
import type { KanjiProblem } from '../../../speech/kanji';
import type { SpeakMode, Stage } from '../../../speech/speaker';

export const T = {
  menu: { ja: '早口言葉と言い誤り', en: 'Tongue twisters & slips' },
  title: { ja: '早口言葉 ― 言い誤りの実験室', en: 'Tongue twisters — a speech-error lab' },
  close: { ja: '閉じる', en: 'Close' },
  dellLab: { ja: 'Dell モデル（語彙アクセス）へ', en: 'Dell model (lexical access)' },
  loading: { ja: '話し手モデルを読み込み中…', en: 'Loading the speaker models…' },
  loadFailed: { ja: 'モデルを読み込めませんでした: {message}', en: 'Could not load the models: {message}' },
  twisters: { ja: '早口言葉', en: 'Tongue twisters' },
  everyday: { ja: '日常の文', en: 'Everyday sentences' },
  poems: { ja: '百人一首', en: 'Poems' },
  typeLabel: {
    ja: '文を入力（漢字・かな・ローマ字）',
    en: 'Type a sentence (kanji, kana or romaji)',
  },
  typePlaceholder: {
    ja: '例: 生麦生米 / namamugi namagome / なまむぎ',
    en: 'e.g. 生麦生米 / namamugi namagome / なまむぎ',
  },
  kanjiLoading: { ja: '漢字の辞書を読み込み中…', en: 'Loading the kanji dictionary…' },
  sayTyped: { ja: 'これを言わせる', en: 'Say this' },
  mode: { ja: '話し方', en: 'Speaker' },
  pressure: { ja: 'プレッシャー', en: 'Pressure' },
  sayAgain: { ja: 'もう一度言う', en: 'Say it again' },
  say100: { ja: '100回言う', en: 'Say it 100 times' },
  intended: { ja: '言おうとした文', en: 'Intended' },
  spoken: { ja: '実際に言った文', en: 'Spoken' },
  planned: { ja: '語の段階で選ばれた語', en: 'Words chosen at the word stage' },
  noError: { ja: '誤りなし', en: 'No error' },
  attention: {
    ja: '注意の重み（縦: 言った拍, 横: 入力の拍）',
    en: 'Attention (rows: spoken morae, columns: intended morae)',
  },
  distribution: { ja: '100回言ったときの誤りの種類', en: 'Error types over 100 sayings' },
  errorRate: { ja: '誤りのある文: {n} / 100', en: 'Sentences with an error: {n} / 100' },
  timing: { ja: '1文 {ms} ms', en: '{ms} ms per sentence' },
  explainHorizontal: {
    ja: 'ヨコ型: 話し手は二段階で話します。まず語の段階: 小さな Transformer が語の単位で文を読み、各語の位置で、追加学習した「ヨコ型の語の誤り」モデルが健常な語の選択に勝つと、文の中の別の語が入り込みます（予測・保続・交換）。次に拍の段階: 選ばれた語を、復唱モデルを「同じ文の中から要素を持ち込む」誤りで追加学習したモデルと復唱モデルの競合が拍ごとに言います。追加学習の目的関数（語・拍の両方）に制約項があります: 正解以外に配る確率のうち、文にない語・拍（タテ型になる候補）への分を罰し、その重み（ラグランジュ乗数）は制約が破れている間だけ学習中に大きくなります。話すときはこのモデル自身の分布から、確率の高い候補（確率の 9 割を占める上位。nucleus サンプリング）をサンプリングするので、誤りの型は重みが決めています。プレッシャーは、各拍でこのモデルが健常な復唱モデルに勝つ割合で、既定の 0.3 で約 4 割の文に誤りが出るようモデルごとに較正してあります（高くするとサンプリング温度も上がります）。',
    en: 'Horizontal: the speaker works in two stages. First the word stage: a small Transformer reads the sentence as words, and where its fine-tuned horizontal word-slip model wins over healthy word selection, another word of the sentence takes the slot (anticipation, perseveration, exchange). Then the mora stage says the chosen words: the repeater competes at every mora with its copy fine-tuned on slips whose intruder comes from the same sentence. Both fine-tunings carry a constraint in the objective: of the probability given to anything but the right word or mora, the share on words or morae absent from the sentence (vertical candidates) is penalised, with a Lagrange multiplier that grows during training only while the constraint is broken. When it speaks it is sampled from its own distribution, among its most likely continuations holding 90 % of the mass (nucleus sampling), so the kind of slip comes from its weights. Pressure is how often, at each mora, it wins over the healthy repeater, calibrated per model so that the default 0.3 makes about 4 in 10 sayings slip (higher up, it also samples hotter).',
  },
  explainVertical: {
    ja: 'タテ型: 語の段階では、同じ意味カテゴリの語（こーひー → じゅーす）が文の外から位置を取る誤りで追加学習した語のモデルが競合語を選びます。語にはカテゴリが特徴として付いていますが、どの語が同じカテゴリかは重みが覚えたものです。拍の段階では、復唱モデルを「文の外の似た拍が勝つ」誤りで追加学習したモデルが言います。目的関数の制約項は、正解以外の確率のうち、文の中の別の語・拍（ヨコ型になる候補）への分と、競合する理由のない文の外の語・拍（別カテゴリの語、意図した拍と子音も母音も違う拍: 無関係になる候補）への分を罰します。話すときは同じくその分布の上位（確率の 9 割）からサンプリングします。プレッシャーの意味はヨコ型と同じです。文の外から入った誤りをタテ型と呼ぶのは、競合した理由があるときだけです: 同じ意味カテゴリの語、意図した語と音の似た語（最初か最後の拍が同じで、長さの差が1拍以内）、または各拍が意図した拍と子音か母音の一方だけ違う音（な/ま、か/こ、た/だ）。理由のないものは「無関係」として別に数えます。',
    en: 'Vertical: at the word stage, a word model fine-tuned on slips where a word of the same category from outside the sentence takes the slot (こーひー → じゅーす, coffee → juice) picks the competitor: each word comes with its category as a feature, but which words share it is learnt in the weights. At the mora stage, the repeater fine-tuned on similar-sounding outside morae speaks. The constraint in both objectives penalises the share of the deviation on other words or morae of the same sentence (horizontal candidates) and on outside ones with no reason to compete (words of another category, morae that differ from the intended one in both consonant and vowel: unrelated candidates). It is sampled the same way when it speaks (its nucleus, 90 % of the mass). Pressure works as for the horizontal model. A slip from outside the sentence counts as vertical only with a reason it competed: a word of the same category, a word that sounds like the intended one (same first or last mora, length within one mora), or sounds that each differ from the intended mora in one segment only, consonant or vowel (な/ま, か/こ, た/だ). The rest are counted apart, as unrelated.',
  },
  teachingMask: {
    ja: '教材用: 出力マスク（型を生成時に強制）',
    en: 'Teaching view: output mask (forces the class)',
  },
  teachingMaskNote: {
    ja: '教材用の表示です。マスクは型を作り方で決めてしまう（学習していない重みでも同じ結果になる）ので、数値には使いません。',
    en: 'A teaching view: a mask decides the class by construction (untrained weights score as well), so no figure uses it.',
  },
  explainIntact: {
    ja: '正確: 復唱モデルだけが話します（毎拍もっとも確からしい拍）。',
    en: 'Intact: only the repeater speaks (the most likely mora at each step).',
  },
} as const satisfies Record<string, Bilingual>;

export const MODE_LABELS: Record<SpeakMode, Bilingual> = {
  intact: { ja: '正確', en: 'Intact' },
  horizontal: { ja: 'ヨコ型（文の中から）', en: 'Horizontal (from the sentence)' },
  vertical: { ja: 'タテ型（文の外から）', en: 'Vertical (from outside)' },
};

export const TYPE_LABELS: Record<ErrorType, Bilingual> = {
  substitution: { ja: '代用', en: 'substitution' },
  exchange: { ja: '交換', en: 'exchange' },
  addition: { ja: '付加', en: 'addition' },
  omission: { ja: '欠落', en: 'omission' },
  shift: { ja: '移動', en: 'shift' },
  blend: { ja: '混成', en: 'blend' },
};

export const UNIT_LABELS: Record<ErrorUnit, Bilingual> = {
  phoneme: { ja: '音素', en: 'phoneme' },
  mora: { ja: '拍', en: 'mora' },
  word: { ja: '語', en: 'word' },
};

/** Which stage of the speaker slipped (speaker.ts): word selection, or saying the morae. */
export const STAGE_LABELS: Record<Stage, Bilingual> = {
  word: { ja: '語の選択で', en: 'word stage' },
  mora: { ja: '拍の段階で', en: 'mora stage' },
};

export const DIRECTION_LABELS: Record<Direction, Bilingual> = {
  anticipation: { ja: '予測', en: 'anticipation' },
  perseveration: { ja: '保続', en: 'perseveration' },
  none: { ja: '', en: '' },
};

export const CLASS_LABELS: Record<ErrorClass, Bilingual> = {
  horizontal: { ja: 'ヨコ型', en: 'horizontal' },
  vertical: { ja: 'タテ型', en: 'vertical' },
  unrelated: { ja: '無関係', en: 'unrelated' },
};

/** How the dictionary read the typed kanji: shown under the input, since it gives one reading. */
export function kanjiReadText(read: readonly { typed: string; kana: string }[]): Bilingual {
  const list = read.map((r) => `${r.typed} → ${r.kana}`).join('、');
  return {
    ja: `辞書の読み: ${list}（違うときはかなで入力）`,
    en: `Read by the dictionary: ${list} (type kana if it is not what you meant)`,
  };
}

export function problemText(problem: InputProblem | KanjiProblem): Bilingual {
  switch (problem.code) {
    case 'empty':
      return { ja: '文が空です。', en: 'The sentence is empty.' };
    case 'too-long':
      return {
        ja: `長すぎます（${problem.morae} 拍。最大 ${problem.max} 拍）。`,
        en: `Too long (${problem.morae} morae; at most ${problem.max}).`,
      };
    case 'emoji':
      return { ja: '絵文字は言えません。', en: 'The speaker cannot say emoji.' };
    case 'kanji':
      return {
        ja: '漢字が残っています。かなかローマ字で入力してください。',
        en: 'Kanji are left in the sentence: type kana or romaji.',
      };
    case 'kanji-unreadable':
      return {
        ja: `「${problem.word}」は辞書で読めません。かなで入力してください。`,
        en: `The dictionary cannot read "${problem.word}": type it in kana.`,
      };
    case 'kanji-dictionary':
      return {
        ja: '漢字の辞書を読み込めませんでした。かなかローマ字で入力してください。',
        en: 'The kanji dictionary did not load: type kana or romaji.',
      };
    case 'not-romaji':
      return {
        ja: `「${problem.text}」はローマ字として読めません。`,
        en: `"${problem.text}" is not romaji.`,
      };
    case 'unknown-characters':
      return {
        ja: `「${problem.word}」には、モデルの語彙にない文字があります: ${problem.characters}`,
        en: `"${problem.word}" has characters outside the model's vocabulary: ${problem.characters}`,
      };
    default: {
      const never: never = problem;
      return never;
    }
  }
}

/** One error in plain words, for visitors: what happened and, for one from outside the sentence,
 *  why it won (vertical) or that nothing says why (unrelated). */
export function explainError(e: SpeechError): Bilingual {
  const meant = e.intendedText || '∅';
  const said = e.spokenText || '∅';
  if (e.type === 'exchange') {
    const [a = meant, b = said] = e.intendedText.split('…');
    return {
      ja: `「${a}」と「${b}」が入れ替わった（文の中の要素どうしの交換）。`,
      en: `${rj(a)} and ${rj(b)} swapped places (an exchange within the sentence).`,
    };
  }
  if (e.type === 'omission')
    return e.class === 'horizontal'
      ? {
          ja: `「${meant}」が抜けた。同じ音が文の別の場所にある。`,
          en: `${rj(meant)} was left out; the same sounds occur elsewhere in the sentence.`,
        }
      : {
          ja: `「${meant}」が抜けた。同じ音は文の別の場所になく、競合したものもない（無関係）。`,
          en: `${rj(meant)} was left out; those sounds are nowhere else in the sentence and nothing competed (unrelated).`,
        };
  if (e.class === 'horizontal') {
    if (e.unit === 'phoneme')
      return {
        ja: `「${meant}」が「${said}」に: 子音が文の別の場所から持ち込まれた。`,
        en: `${rj(meant)} became ${rj(said)}: its consonant was carried over from elsewhere in the sentence.`,
      };
    if (e.type === 'shift')
      return {
        ja: `「${meant}」が文の中で場所を移った。`,
        en: `${rj(meant)} moved to another place in the sentence.`,
      };
    return e.direction === 'perseveration'
      ? {
          ja: `前に言った「${said}」がもう一度出た（保続）。`,
          en: `${rj(said)}, said earlier in the sentence, came back (perseveration).`,
        }
      : {
          ja: `後で言うはずの「${said}」が先に出た（予測）。`,
          en: `${rj(said)}, which comes later in the sentence, was said too early (anticipation).`,
        };
  }
  switch (e.relation) {
    case 'same-category':
      return {
        ja: `同じ意味カテゴリの語「${said}」が「${meant}」の位置を取った（文の外の競合語）。`,
        en: `${rj(said)}, a word of the same kind as ${rj(meant)}, took its slot (a competitor from outside the sentence: same category).`,
      };
    case 'similar-word':
      return {
        ja: `「${meant}」に音の似た語「${said}」がその位置を取った（文の外の競合語: 似た音）。`,
        en: `${rj(said)}, a word that sounds like ${rj(meant)}, took its slot (a competitor from outside the sentence: similar sound).`,
      };
    case 'similar-mora':
      return {
        ja: `「${meant}」に似た音の「${said}」が勝った（文の外から: 似た音）。`,
        en: `${rj(said)} sounds like ${rj(meant)} and won instead (from outside the sentence: similar sound).`,
      };
    default:
      return {
        ja: `文にない「${said}」が「${meant}」の代わりに出た。同じカテゴリの語でも似た音でもない（無関係: 競合した理由が見当たらない）。`,
        en: `${rj(said)}, which is not in the sentence, came out instead of ${rj(meant)}; it is neither a word of the same kind nor a similar sound (unrelated: no reason it competed).`,
      };
  }
}
