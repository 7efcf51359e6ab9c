// Every text of the tongue-twister panel, in Japanese and English.
import type { Bilingual } from '../../i18n';
import type { Direction, ErrorClass, ErrorType, ErrorUnit } from '../../../speech/annotate';
import type { InputProblem } from '../../../speech/input';
import type { SpeakMode } from '../../../speech/speaker';

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
    ja: '文を入力（ひらがな・カタカナ・ローマ字）',
    en: 'Type a sentence (hiragana, katakana or romaji)',
  },
  typePlaceholder: { ja: '例: namamugi namagome / なまむぎ', en: 'e.g. namamugi namagome / なまむぎ' },
  sayTyped: { ja: 'これを言わせる', en: 'Say this' },
  mode: { ja: '話し方', en: 'Speaker' },
  pressure: { ja: 'プレッシャー', en: 'Pressure' },
  sayAgain: { ja: 'もう一度言う', en: 'Say it again' },
  say100: { ja: '100回言う', en: 'Say it 100 times' },
  intended: { ja: '言おうとした文', en: 'Intended' },
  spoken: { ja: '実際に言った文', en: 'Spoken' },
  noError: { ja: '誤りなし', en: 'No error' },
  attention: {
    ja: '注意の重み（縦: 言った拍, 横: 入力の拍）',
    en: 'Attention (rows: spoken morae, columns: intended morae)',
  },
  distribution: { ja: '100回言ったときの誤りの種類', en: 'Error types over 100 sayings' },
  errorRate: { ja: '誤りのある文: {n} / 100', en: 'Sentences with an error: {n} / 100' },
  timing: { ja: '1文 {ms} ms', en: '{ms} ms per sentence' },
  explainHorizontal: {
    ja: 'ヨコ型: 復唱モデルを「同じ文の中から要素を持ち込む」誤り（予測・保続・交換）で追加学習したモデル。話すときの出力の競合には入力文にある拍だけが参加します（文を終えるのは復唱モデルが終えるところだけ）。プレッシャーは、各拍でこのモデルが健常な復唱モデルに勝つ割合で、既定の 0.3 で約 4 割の文に誤りが出るようモデルごとに較正してあります（高くするとサンプリング温度も上がります）。',
    en: 'Horizontal: the repeater fine-tuned on slips whose intruder comes from the same sentence (anticipation, perseveration, exchange); only morae heard in the input take part in its output competition, and it may end the sentence only where the repeater would. Pressure is how often, at each mora, it wins over the healthy repeater, calibrated per model so that the default 0.3 makes about 4 in 10 sayings slip (higher up, it also samples hotter).',
  },
  explainVertical: {
    ja: 'タテ型: 復唱モデルを「文の外の競合語・似た拍が勝つ」誤りで追加学習したモデル。出力の競合には入力文にない拍（と復唱モデルの選ぶ拍）が参加し、似た音の拍や同じ意味カテゴリの語が勝ちます。プレッシャーの意味はヨコ型と同じです。',
    en: 'Vertical: the repeater fine-tuned on slips where a competitor from outside the sentence wins; only morae absent from the input (and the repeater’s own choice) take part in its output competition, so a similar-sounding mora or a same-category word wins. Pressure works as for the horizontal model.',
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
  mora: { ja: '拍', en: 'mora' },
  word: { ja: '語', en: 'word' },
};

export const DIRECTION_LABELS: Record<Direction, Bilingual> = {
  anticipation: { ja: '予測', en: 'anticipation' },
  perseveration: { ja: '保続', en: 'perseveration' },
  none: { ja: '', en: '' },
};

export const CLASS_LABELS: Record<ErrorClass, Bilingual> = {
  horizontal: { ja: 'ヨコ型', en: 'horizontal' },
  vertical: { ja: 'タテ型', en: 'vertical' },
};

export function problemText(problem: InputProblem): Bilingual {
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
        ja: '漢字は読めません。かなかローマ字で入力してください。',
        en: 'Kanji cannot be read here: type kana or romaji.',
      };
    case 'not-romaji':
      return {
        ja: `「${problem.text}」はローマ字として読めません。`,
        en: `"${problem.text}" is not romaji.`,
      };
    case 'unknown-characters':
      return {
        ja: `モデルの語彙にない文字です: ${problem.characters}`,
        en: `Characters outside the model's vocabulary: ${problem.characters}`,
      };
    default: {
      const never: never = problem;
      return never;
    }
  }
}
