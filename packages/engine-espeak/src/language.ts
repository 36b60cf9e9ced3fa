/** The espeak-ng languages this package speaks. */
export type EspeakLanguage = 'cmn' | 'en-us';

const HAN = /\p{Script=Han}/gu;
const LATIN_WORD = /\p{Script=Latin}+(?:['’]\p{Script=Latin}+)*/gu;

/**
 * The language to speak one sentence in, by the majority of its spoken units:
 * each Han character counts as one (it is one syllable) and each run of Latin
 * letters as one (a word). Mandarin (`cmn`) wins ties, because espeak-ng's
 * Mandarin voice reads embedded English words with its English rules while
 * its English voice can only name a Han character ("Chinese letter").
 * Text with neither (digits, other scripts) is spoken as `en-us`.
 */
export function pickLanguage(sentence: string): EspeakLanguage {
  const han = sentence.match(HAN)?.length ?? 0;
  if (han === 0) return 'en-us';
  const latinWords = sentence.match(LATIN_WORD)?.length ?? 0;
  return han >= latinWords ? 'cmn' : 'en-us';
}

/** Whether a character is a CJK ideograph (spoken as one syllable each). */
export function isHan(char: string): boolean {
  return /^\p{Script=Han}$/u.test(char);
}
