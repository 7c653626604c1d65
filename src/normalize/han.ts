/**
 * @module
 * Han characters → tokens, one per character (习近平 → xi, jin, ping), since every character is a
 * syllable and Latin lists write Chinese given names joined or apart ("Xi Jinping", "Xi Jin Ping").
 * Each token's primary form is the Mandarin pinyin any-ascii gives, without tones. Korean names are
 * also written in Han characters (hanja: 金正恩 = 김정은 = Kim Jong Un), so each character's
 * Sino-Korean reading, from the `hanja` package's table (MIT), is added, romanised like Hangul
 * ({@link syllableForms}); the first character of a word is read as a surname, with
 * {@link HAN_SURNAMES} correcting readings that differ for surnames (金 is 금 geum in words but
 * 김 Kim as a surname).
 *
 * Out of scope: Japanese readings of kanji (山田 is Yamada, not shan tian), which need a name
 * dictionary; Cantonese and Wade–Giles spellings of Chinese names (Hong Kong and Taiwan).
 */
import { createRequire } from 'node:module';
import anyAscii from 'any-ascii';
import { syllableForms } from './hangul.ts';
import { HAN_SURNAMES } from './koreanSurnames.ts';
import { asciiKey, makeToken, type NameToken } from './nameToken.ts';

const require = createRequire(import.meta.url);

// Character → Hangul reading, 27,497 characters; loaded on the first Han name only (0.5 MB).
let readings: Readonly<Record<string, string>> | undefined;

/** The Sino-Korean reading of one Han character, as a Hangul syllable, if known. */
export function koreanReading(ch: string, surname = false): string | undefined {
  if (surname) {
    const override = HAN_SURNAMES.get(ch);
    if (override) return override;
  }
  readings ??= require('hanja/lib/data/hanjaeum.json') as Record<string, string>;
  return readings[ch];
}

/** Tokens of a run of Han characters, one per character: pinyin first, then Korean readings. */
export function hanTokens(run: string): NameToken[] {
  const tokens: NameToken[] = [];
  let first = true;
  for (const ch of run) {
    const pinyin = asciiKey(anyAscii(ch));
    const reading = koreanReading(ch, first);
    const korean = reading ? syllableForms(reading, { surname: first }) : [];
    first = false;
    const text = pinyin || korean[0];
    if (text) tokens.push(makeToken(text, [pinyin, ...korean], 'word', 'han'));
  }
  return tokens;
}
