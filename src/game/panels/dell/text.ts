// Every text of the lexical-access lab, in Japanese and English.
import type { Bilingual } from '../../i18n';
import type { Category } from '../../../speech/dell/classify';
import type { AphasiaType } from '../../../speech/dell/patients';
import type { Word } from '../../../speech/dell/lexicon';
import type { Phase } from '../../../speech/dell/model';
import { MAX_COUNT, type DataField, type UserDataError } from '../../../speech/dell/userData';

export const MENU_LABEL: Bilingual = { ja: '語彙アクセス実験室', en: 'Lexical-access lab' };

export const CATEGORY_NAMES: Readonly<Record<Category, Bilingual>> = {
  correct: { ja: '正答', en: 'Correct' },
  semantic: { ja: '意味性', en: 'Semantic' },
  formal: { ja: '形式性', en: 'Formal' },
  nonword: { ja: '非語', en: 'Nonword' },
  mixed: { ja: '混合', en: 'Mixed' },
  unrelated: { ja: '無関連', en: 'Unrelated' },
};

/** Each kind of response in plain words, with its example from this six-word lexicon. */
export const CATEGORY_GLOSS: Readonly<Record<Category, Bilingual>> = {
  correct: { ja: '目標の語 CAT を正しく言えた', en: 'the target, cat, said right' },
  semantic: { ja: '意味の似た語（CAT の代わりに DOG）', en: 'a word related in meaning (dog for cat)' },
  formal: { ja: '音の似た語（MAT など）', en: 'a word that sounds alike (mat for cat)' },
  nonword: { ja: '単語にならない音の並び（/kɒt/ など）', en: 'sounds that make no word (like /kɒt/ “kot”)' },
  mixed: {
    ja: '意味も音も似た語（混合試行の RAT）',
    en: 'a word alike in both meaning and sound (rat, on trials where it shares meaning with cat)',
  },
  unrelated: { ja: '意味も音も関係のない語（FOG・LOG）', en: 'a word related in neither (fog, log)' },
};

export const APHASIA_NAMES: Readonly<Record<AphasiaType, Bilingual>> = {
  wernicke: { ja: 'ウェルニッケ失語', en: 'Wernicke’s' },
  anomic: { ja: '失名詞失語', en: 'Anomic' },
  conduction: { ja: '伝導失語', en: 'Conduction' },
  'transcortical-sensory': { ja: '超皮質性感覚失語', en: 'Transcortical sensory' },
};

export const PHASE_TEXT: Readonly<Record<Phase, Bilingual>> = {
  'semantic-jolt': {
    ja: '絵を見る：CAT の意味特徴 10 個に 10 ずつ活性化を与える',
    en: 'Seeing the picture: CAT’s 10 semantic features get 10 units each',
  },
  'spread-to-words': {
    ja: '意味から単語へ活性化が広がる（{step}/8）。DOG は CAT と 3 特徴を共有する',
    en: 'Activation spreads from meaning to words ({step}/8). DOG shares 3 features with CAT',
  },
  'word-jolt': {
    ja: '最も活性の高い単語 {word} を選び（レンマ: 音より前に選ばれる語）、100 を与える',
    en: 'The most active word, {word}, is selected — the lemma, the word chosen before its sounds — and jolted with 100',
  },
  'spread-to-phonemes': {
    ja: '単語から音素へ（{step}/8）。音素から単語へも戻り、MAT・RAT が活性化する',
    en: 'Activation spreads to phonemes ({step}/8), and back: MAT and RAT light up through /æ/ /t/',
  },
};

export const T = {
  title: {
    ja: '語彙アクセス実験室 ― Dell の相互活性化モデル',
    en: 'Lexical-access lab — Dell’s interactive two-step model',
  },
  intro: {
    ja: '絵を見て「CAT」と言うまで：意味 → 単語 → 音素。結合の重み s（意味↔単語）と p（単語↔音素）を弱めると、失語症の患者さんに似た言い誤りが出ます。',
    en: 'From a picture to saying “cat”: meaning → word → sounds. Weaken the weights s (meaning↔word) and p (word↔sounds) and the model errs the way aphasic speakers do.',
  },
  back: { ja: '戻る', en: 'Back' },
  parameters: { ja: 'パラメータ', en: 'Parameters' },
  sLabel: { ja: 's 意味↔単語の重み', en: 's  meaning↔word weight' },
  pLabel: { ja: 'p 単語↔音素の重み', en: 'p  word↔phoneme weight' },
  qLabel: { ja: 'q 減衰率（活性が消える速さ）', en: 'q  decay (how fast activation fades)' },
  noiseLabel: { ja: '雑音 SD2（ゆらぎ）', en: 'Noise SD2 (random jitter)' },
  noiseForm: { ja: '雑音の形', en: 'Noise form' },
  sdForm: { ja: 'SD = √(SD1² + (SD2·A)²)', en: 'SD = √(SD1² + (SD2·A)²)' },
  varForm: { ja: '分散 = SD1² + SD2²·A', en: 'variance = SD1² + SD2²·A' },
  nonwordAdjust: {
    ja: '非語の機会の補正（英語なら音の誤りの 80 % が非語）',
    en: 'Nonword-opportunity adjustment (80 % of slips make nonwords in English)',
  },
  normalWeights: { ja: '健常の値に戻す', en: 'Normal values' },
  name1000: { ja: '絵を 1,000 回呼称する', en: 'Name the picture 1,000 times' },
  speedTest: { ja: '速度を測る', en: 'Speed test' },
  speedTestTitle: {
    ja: '10,000 回の呼称をこのページで計り、1 秒あたりの回数を出します',
    en: 'Times 10,000 namings on this page and reports the trials per second',
  },
  ranTrials: { ja: '{n} 回を {ms} ms で（毎秒 {rate} 回）', en: '{n} trials in {ms} ms ({rate} trials/s)' },
  chartParams: {
    ja: 's = {s}、p = {p}、q = {q}、雑音 SD2 = {sd2}（{form}）、非語補正 {adjust} ・ {n} 回（シード {seed}）',
    en: 's = {s}, p = {p}, q = {q}, noise SD2 = {sd2} ({form}), nonword adjustment {adjust} · {n} trials (seed {seed})',
  },
  chartRunning: { ja: '計算中…', en: 'Running…' },
  sdFormShort: { ja: 'SD 比例', en: 'SD ∝ A' },
  varFormShort: { ja: '分散比例', en: 'variance ∝ A' },
  on: { ja: 'あり', en: 'on' },
  off: { ja: 'なし', en: 'off' },
  autoRun: {
    ja: 'つまみを動かすたびに 1,000 回呼称し直します（同じシードで、違いは設定だけによる）。ボタンは新しいシードで引き直します。',
    en: 'Every change re-runs 1,000 namings with the same seed, so differences come from the settings alone. The button draws a fresh sample.',
  },
  distribution: { ja: '応答の分布', en: 'Response distribution' },
  model: { ja: 'モデル', en: 'Model' },
  controls: { ja: '健常者 60 名', en: '60 controls' },
  correctPanel: { ja: '正答', en: 'Correct' },
  errorsPanel: { ja: '誤り（拡大）', en: 'Errors (zoomed)' },
  networkTitle: { ja: '1 回の呼称を見る', en: 'Watch one naming trial' },
  playTrial: { ja: '1 回呼称する', en: 'Name it once' },
  trialInvite: {
    ja: '「1 回呼称する」で、絵から発話までの活性化の広がりを一歩ずつ再生します。',
    en: 'Press “Name it once” to watch activation spread from the picture to the spoken word, step by step.',
  },
  findError: { ja: 'この誤りを探して再生', en: 'Find and replay this error' },
  pause: { ja: '一時停止', en: 'Pause' },
  resume: { ja: '再生', en: 'Play' },
  notFound: {
    ja: '{n} 回の中に「{category}」は起きませんでした。s や p を下げてみてください。',
    en: 'No “{category}” in {n} trials. Try lowering s or p.',
  },
  foundAt: { ja: '{n} 回目の試行で見つけました', en: 'Found on trial {n}' },
  said: { ja: '発話：{said} → {category}', en: 'Said {said} → {category}' },
  rescored: {
    ja: '{word} を選んだのに音が /{said}/（{spoken}）になった「音の言い誤り」です。この単語だけの小さな語彙では偶然 {spoken} という単語になりますが、英語では音の誤りの 80 % が非語になるので、非語の機会の補正がこの誤りを {chance} の確率で非語に数え直しました（補正を外せば「{plain}」）。',
    en: '{word} was selected but the sounds came out /{said}/ ({spoken}): a sound slip. In this six-word lexicon it happens to spell the word {spoken}; in English 80 % of such slips make nonwords, so the nonword-opportunity adjustment rescored it as a nonword (a {chance} chance; untick it to score it as “{plain}”).',
  },
  slipToTarget: {
    ja: '{word} が選ばれましたが、音は目標の /kæt/ に戻りました。発話は目標どおりなので正答です。',
    en: '{word} was selected, but the sounds came back to the target /kæt/. What was said is the target, so it is scored correct.',
  },
  semanticLayer: {
    ja: '意味特徴（語の意味のかけら。CAT と DOG は 3 つを共有）',
    en: 'Semantic features (pieces of meaning; cat and dog share 3)',
  },
  wordLayer: {
    ja: '単語（レンマ: 音より前に選ばれる語）',
    en: 'Words (lemmas: a word as chosen, before its sounds)',
  },
  phonemeLayer: {
    ja: '音素（頭子音・母音・尾子音）　æ は cat の a、ɒ は dog の o',
    en: 'Sounds: onset (first), vowel, coda (last); æ is the a of “cat”, ɒ the o of “dog”',
  },
  glossTitle: { ja: '応答の種類', en: 'Kinds of response' },
  mixedTrial: { ja: '混合試行：RAT も CAT と意味を共有', en: 'Mixed trial: RAT shares meaning with CAT' },
  patients: { ja: '患者 23 名へのあてはめ', en: 'Fits to 23 patients' },
  patientsIntro: {
    ja: 'Dell ら (1997) の流暢性失語 23 名の呼称データ。(s, p) の地図の中で RMSD（6 分類の割合の差の二乗平均平方根。0 なら完全に一致）が最小の点を選びます。「その他」の応答は除き、6 分類を合計 1 に直して比べます。',
    en: 'Naming data of 23 fluent aphasic patients (Dell et al. 1997). The fit is the (s, p) map point with the smallest RMSD (root-mean-square difference between the six proportions: 0 is a perfect match). “All other” responses are set aside and the six proportions renormalised to sum to 1.',
  },
  patient: { ja: '患者', en: 'Patient' },
  type: { ja: 'タイプ', en: 'Type' },
  data: { ja: 'データ', en: 'Data' },
  fit: { ja: 'モデル', en: 'Model fit' },
  useWeights: { ja: 'この s と p を試す', en: 'Try these s and p' },
  landscape: {
    ja: '地図上の RMSD（濃いほどよく合う、赤丸が最良点）',
    en: 'RMSD over the map (darker fits better; the red ring is the best point)',
  },
  mapShipped: {
    ja: '地図：{points} 点 × {trials} 回（q = {q}, SD2 = {sd2}）',
    en: 'Map: {points} points × {trials} trials (q = {q}, SD2 = {sd2})',
  },
  mapMismatch: {
    ja: 'あてはめは上の地図の設定で計算しています。いまの q・雑音の設定で地図を作れます（数十秒）。',
    en: 'Fits use the map’s settings above. You can make a map for your current q and noise (tens of seconds).',
  },
  makeMap: { ja: 'この設定で地図を作る', en: 'Make a map for these settings' },
  cancel: { ja: '中止', en: 'Cancel' },
  mapProgress: { ja: '地図を作成中… {done}/{total} 点', en: 'Making the map… {done}/{total} points' },
  mapMade: { ja: '地図ができました（{s} 秒、保存済み）', en: 'Map made in {s} s and saved in this browser' },
  mapLoading: { ja: '地図を読み込み中…', en: 'Loading the map…' },
  mapError: { ja: '地図を読み込めませんでした：{message}', en: 'Could not load the map: {message}' },
  fitMine: { ja: '自分のデータをあてはめる', en: 'Fit my data' },
  fitMineIntro: {
    ja: '6 分類の個数か割合を入れてください（空欄は 0、全角数字や 1,000 のような区切りも可）。「その他」（無答・説明など）は除いて、6 分類を合計 1 に直してあてはめます。',
    en: 'Enter six counts or six proportions (an empty field is 0; 1,000 and full-width digits are fine). “Other” responses (omissions, descriptions…) are set aside and the six renormalised to sum to 1.',
  },
  otherField: { ja: 'その他', en: 'Other' },
  othersSetAside: {
    ja: '「その他」{share} を除き、6 分類を合計 1 に直しました。',
    en: '“Other” ({share}) set aside; the six renormalised to sum to 1.',
  },
  poorFit: {
    ja: '注意：どの s・p の設定もこのプロファイルを作れません。最も近い点でも RMSD {rmsd}（患者 23 名の平均は約 0.02）。いちばん合わないのは「{category}」：あなたのデータ {data}、モデル {model}。',
    en: 'Warning: no setting of s and p produces this profile. Even the nearest point is RMSD {rmsd} away (the 23 patients average about 0.02). The worst mismatch is “{category}”: your data {data}, the model {model}.',
  },
  mapDamaged: {
    ja: 'このブラウザに保存されていたこの設定の地図が壊れていたので削除しました（{reason}）。もう一度作れます。',
    en: 'The map saved in this browser for these settings was damaged and has been removed ({reason}). You can make it again.',
  },
  mapNotSaved: {
    ja: '地図ができました（{s} 秒）。このブラウザには保存できませんでした：{message}',
    en: 'Map made in {s} s, but it could not be saved in this browser: {message}',
  },
  counts: { ja: '個数', en: 'Counts' },
  proportions: { ja: '割合', en: 'Proportions' },
  fitButton: { ja: 'あてはめる', en: 'Fit' },
  yourData: { ja: 'あなたのデータ', en: 'Your data' },
  fittedAt: { ja: 's = {s}、p = {p}、RMSD = {rmsd}', en: 's = {s}, p = {p}, RMSD = {rmsd}' },
  meanRmsd: { ja: '平均 RMSD {rmsd}', en: 'Mean RMSD {rmsd}' },
} as const satisfies Record<string, Bilingual>;

export const FIELD_NAMES: Readonly<Record<DataField, Bilingual>> = { ...CATEGORY_NAMES, other: T.otherField };

/**
 * How a word or a spoken string reads to each visitor: the six words as English words (with a
 * Japanese gloss), phonemes in IPA with a respelling an English reader can sound out.
 */
export const WORD_GLOSS: Readonly<Record<Word, Bilingual>> = {
  CAT: { ja: 'CAT（ねこ）', en: 'cat' },
  DOG: { ja: 'DOG（いぬ）', en: 'dog' },
  MAT: { ja: 'MAT（マット）', en: 'mat' },
  RAT: { ja: 'RAT（ねずみ）', en: 'rat' },
  FOG: { ja: 'FOG（きり）', en: 'fog' },
  LOG: { ja: 'LOG（丸太）', en: 'log' },
};

/** Plain-letter spellings of the ten phonemes: /æ/ as in cat, /ɒ/ as in dog. */
const RESPELL: Readonly<Record<string, string>> = { æ: 'a', ɒ: 'o' };

export function respell(ipa: string): string {
  return [...ipa].map((ch) => RESPELL[ch] ?? ch).join('');
}

const percentText = (x: number): string => `${(x * 100).toFixed(1)} %`;

/** "Said" as a visitor reads it: a word in its own name, a nonword respelled. */
export function saidText(ipa: string, word: Word | undefined): Bilingual {
  if (word) return { ja: `/${ipa}/（${WORD_GLOSS[word].ja}）`, en: `/${ipa}/ (“${WORD_GLOSS[word].en}”)` };
  const plain = respell(ipa);
  return { ja: `/${ipa}/（「${plain}」、単語ではない）`, en: `/${ipa}/ (“${plain}”, not a word)` };
}

export function poorFitMessage(
  rmsd: number,
  mismatch: { category: Category; target: number; model: number },
): Bilingual {
  const values = {
    rmsd: rmsd.toFixed(3),
    data: percentText(mismatch.target),
    model: percentText(mismatch.model),
  };
  return {
    ja: fill(T.poorFit.ja, { ...values, category: CATEGORY_NAMES[mismatch.category].ja }),
    en: fill(T.poorFit.en, { ...values, category: CATEGORY_NAMES[mismatch.category].en }),
  };
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

export function userDataMessage(error: UserDataError): Bilingual {
  switch (error.code) {
    case 'not-a-number': {
      const { ja, en } = FIELD_NAMES[error.field];
      return {
        ja: `「${ja}」の「${error.text}」は数として読めません。120、0.12、1,000 のように入れてください。`,
        en: `“${error.text}” in “${en}” is not a number. Write it like 120, 0.12 or 1,000.`,
      };
    }
    case 'negative': {
      const { ja, en } = FIELD_NAMES[error.field];
      return {
        ja: `「${ja}」の「${error.text}」は負の値です。0 以上を入れてください。`,
        en: `“${error.text}” in “${en}” is negative. Enter 0 or more.`,
      };
    }
    case 'not-whole': {
      const { ja, en } = FIELD_NAMES[error.field];
      return {
        ja: `「${ja}」の「${error.text}」は整数ではありません。個数は整数で（割合なら「割合」を選んでください）。`,
        en: `“${error.text}” in “${en}” is not a whole count (choose “Proportions” for fractions).`,
      };
    }
    case 'above-one': {
      const { ja, en } = FIELD_NAMES[error.field];
      return {
        ja: `「${ja}」の「${error.text}」は 1 を超えています。割合は 0〜1 で（個数なら「個数」を選んでください）。`,
        en: `“${error.text}” in “${en}” is above 1. Proportions run from 0 to 1 (choose “Counts” for counts).`,
      };
    }
    case 'too-large': {
      const { ja, en } = FIELD_NAMES[error.field];
      return {
        ja: `「${ja}」の「${error.text}」は大きすぎます。1 項目 ${MAX_COUNT.toLocaleString('ja-JP')} 回までにしてください。`,
        en: `“${error.text}” in “${en}” is too large for naming data. Enter at most ${MAX_COUNT.toLocaleString('en-US')} per field.`,
      };
    }
    case 'all-zero':
      return {
        ja: 'すべて 0 です。少なくとも 1 つは 0 より大きくしてください。',
        en: 'All fields are zero. Enter at least one value above 0.',
      };
    case 'only-other':
      return {
        ja: '「その他」しかありません。モデルが比べられるのは 6 分類の応答です。',
        en: 'Only “Other” responses: the model can only be compared on the six kinds.',
      };
    case 'sum-not-one': {
      const rest = 1 - error.sum;
      const hint =
        rest > 0
          ? {
              ja: `残りの ${rest.toFixed(3)} が無答などなら「その他」に入れてください。`,
              en: `If the remaining ${rest.toFixed(3)} are omissions or other responses, enter it under “Other”.`,
            }
          : { ja: '', en: '' };
      return {
        ja: `割合の合計が ${error.sum.toFixed(3)} です。合計がほぼ 1 になるようにしてください（または個数で入力）。${hint.ja}`,
        en: `The proportions sum to ${error.sum.toFixed(3)}, not about 1. Make them sum to 1 (or enter counts). ${hint.en}`.trim(),
      };
    }
    default: {
      const never: never = error;
      throw new Error(`unknown error ${String(never)}`);
    }
  }
}
