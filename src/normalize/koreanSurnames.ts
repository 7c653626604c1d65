/**
 * @module
 * Korean surnames whose customary Latin spellings no romanisation rule produces (Kim, Lee, Park,
 * Rhee, Choi, Oh, Ahn…), and the Han characters of surnames whose generic Sino-Korean reading is
 * not the surname reading. Spellings are those of Korean passports and sanctions lists (North
 * Korean names in McCune–Reischauer or DPRK style: Ri, Pak, Choe, Jong, Ryu), Revised
 * Romanisation first; at most six each.
 */

/** Hangul surname syllable → its spellings, Revised Romanisation first. */
export const KOREAN_SURNAMES: ReadonlyMap<string, readonly string[]> = new Map([
  ['김', ['gim', 'kim']],
  ['이', ['i', 'yi', 'lee', 'ri', 'rhee', 'li']],
  ['리', ['ri', 'lee', 'yi', 'i', 'rhee', 'li']],
  ['박', ['bak', 'park', 'pak', 'bahk']],
  ['최', ['choe', 'choi', 'chwe']],
  ['정', ['jeong', 'jung', 'jong', 'chung', 'chong', 'cheong']],
  ['강', ['gang', 'kang']],
  ['조', ['jo', 'cho', 'joh']],
  ['윤', ['yun', 'yoon', 'youn']],
  ['장', ['jang', 'chang']],
  ['임', ['im', 'lim', 'rim', 'yim']],
  ['림', ['rim', 'lim', 'im', 'yim']],
  ['한', ['han']],
  ['오', ['o', 'oh']],
  ['서', ['seo', 'so', 'suh', 'seoh']],
  ['신', ['sin', 'shin']],
  ['권', ['gwon', 'kwon']],
  ['황', ['hwang']],
  ['안', ['an', 'ahn']],
  ['송', ['song']],
  ['류', ['ryu', 'yu', 'yoo', 'lyu', 'ryoo']],
  ['유', ['yu', 'yoo', 'ryu', 'you']],
  ['홍', ['hong']],
  ['전', ['jeon', 'jon', 'chon', 'chun', 'jun', 'cheon']],
  ['고', ['go', 'ko', 'koh']],
  ['문', ['mun', 'moon']],
  ['양', ['yang', 'ryang']],
  ['량', ['ryang', 'yang']],
  ['손', ['son', 'sohn']],
  ['배', ['bae', 'pae']],
  ['백', ['baek', 'paek', 'paik', 'baik']],
  ['허', ['heo', 'ho', 'hur', 'huh']],
  ['남', ['nam']],
  ['심', ['sim', 'shim']],
  ['노', ['no', 'noh', 'roh', 'ro']],
  ['로', ['ro', 'roh', 'no', 'noh']],
  ['하', ['ha']],
  ['곽', ['gwak', 'kwak']],
  ['성', ['seong', 'sung', 'song']],
  ['차', ['cha']],
  ['주', ['ju', 'joo', 'chu', 'choo']],
  ['우', ['u', 'woo']],
  ['구', ['gu', 'koo', 'ku']],
  ['민', ['min']],
  ['나', ['na', 'ra', 'la']],
  ['라', ['ra', 'na', 'la']],
  ['명', ['myeong', 'myung', 'myong']],
  ['여', ['yeo', 'yo', 'ryeo', 'ryo']],
  ['려', ['ryeo', 'ryo', 'yeo', 'yo']],
  ['현', ['hyeon', 'hyun', 'hyon']],
  ['엄', ['eom', 'um', 'om']],
  ['채', ['chae']],
  ['원', ['won', 'weon']],
  ['천', ['cheon', 'chun', 'chon']],
  ['방', ['bang', 'pang']],
  ['태', ['tae', 'thae']],
  ['편', ['pyeon', 'pyon', 'phyon']],
  ['용', ['yong', 'ryong']],
  ['룡', ['ryong', 'yong']],
]);

/**
 * Han surname characters whose reading as a surname differs from their reading elsewhere (金 is
 * 금 geum in words, 김 Kim as a surname) or carries the initial-ㄹ rule (李 리/이). Simplified and
 * traditional forms both.
 */
export const HAN_SURNAMES: ReadonlyMap<string, string> = new Map([
  ['金', '김'],
  ['李', '이'],
  ['林', '임'],
  ['柳', '류'],
  ['劉', '유'],
  ['刘', '유'],
  ['盧', '노'],
  ['卢', '노'],
  ['羅', '나'],
  ['罗', '나'],
  ['呂', '여'],
  ['吕', '여'],
  ['梁', '양'],
  ['龍', '용'],
  ['龙', '용'],
  ['鄭', '정'],
  ['郑', '정'],
  ['朴', '박'],
  ['崔', '최'],
]);
