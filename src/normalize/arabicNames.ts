/**
 * @module
 * The most frequent Arabic given names, name elements, particles and titles, with their usual
 * Latin spellings. Arabic script leaves short vowels unwritten, so a transliteration alone gives
 * "mhmd" for محمد; lists write Muhammad, Mohammed, Mohamed… The list is drawn from common usage:
 * the names and spellings that recur among the persons on the UN, OFAC, EU and UK sanctions lists
 * and in Arabic, Persian and South Asian naming generally. Spellings: the scholarly (Muhammad)
 * first, then the usual Levantine/Gulf, Egyptian/Maghreb (Mohamed, Abdel) and Persian/South Asian
 * (Mohammad, Hossein) ones; at most six. Keys are in Arabic script as written; the tokenizer folds
 * them like its input (hamza seats, ta marbuta, alef maqsura, Persian yeh and kaf). Words with the
 * article (الرحمن, الدين) are not listed: the tokenizer splits the article off (al + rahman).
 */
import type { TokenKind } from './nameToken.ts';

/** One entry: Latin spellings, primary first, and the token kind when not a plain word. */
export type ArabicName = readonly [forms: readonly string[], kind?: TokenKind];

export const ARABIC_NAMES: Readonly<Record<string, ArabicName>> = {
  // Given names and name elements.
  محمد: [['muhammad', 'mohammed', 'mohamed', 'mohammad', 'mohamad', 'muhammed']],
  أحمد: [['ahmad', 'ahmed']],
  محمود: [['mahmud', 'mahmoud', 'mahmood']],
  علي: [['ali']],
  حسن: [['hasan', 'hassan']],
  حسين: [['husayn', 'hussein', 'hussain', 'hossein', 'husain', 'hosein']],
  عبد: [['abd', 'abdul', 'abdel', 'abdal', 'abdol']],
  الله: [['allah', 'ullah', 'ellah', 'illah']],
  عبدالله: [['abdullah', 'abdallah', 'abdellah', 'abdulla']],
  خالد: [['khalid', 'khaled']],
  عمر: [['umar', 'omar', 'omer']],
  عثمان: [['uthman', 'othman', 'osman', 'usman']],
  يوسف: [['yusuf', 'yousef', 'youssef', 'yousif', 'yusef', 'yousuf']],
  إبراهيم: [['ibrahim', 'ebrahim', 'brahim']],
  إسماعيل: [['ismail', 'ismael', 'esmail']],
  مصطفى: [['mustafa', 'moustafa', 'mostafa', 'mustapha']],
  عيسى: [['isa', 'issa', 'eisa']],
  موسى: [['musa', 'moussa', 'mousa']],
  سليمان: [['sulayman', 'suleiman', 'sulaiman', 'soliman', 'soleiman']],
  سعيد: [['saeed', 'said', 'saied', 'saeid']],
  صالح: [['salih', 'saleh']],
  سعد: [['saad', 'sad', 'saud']],
  فهد: [['fahd', 'fahad']],
  ناصر: [['nasir', 'nasser', 'naser']],
  منصور: [['mansur', 'mansour', 'mansoor']],
  جمال: [['jamal', 'gamal']],
  كمال: [['kamal', 'kemal']],
  رحمن: [['rahman', 'rehman']],
  عزيز: [['aziz']],
  رشيد: [['rashid', 'rasheed', 'rachid']],
  حمد: [['hamad']],
  حامد: [['hamid', 'hamed']],
  حميد: [['hamid', 'hameed']],
  طارق: [['tariq', 'tarek', 'tareq']],
  زياد: [['ziyad', 'ziad']],
  زيد: [['zayd', 'zaid', 'zeid']],
  وليد: [['walid', 'waleed']],
  ياسر: [['yasir', 'yasser', 'yaser']],
  يحيى: [['yahya', 'yehia', 'yahia']],
  جعفر: [['jafar', 'jaafar']],
  عباس: [['abbas']],
  جواد: [['jawad', 'javad']],
  مهدي: [['mahdi', 'mehdi']],
  رضا: [['rida', 'reza', 'redha', 'ridha']],
  قاسم: [['qasim', 'qassem', 'kassem', 'qasem', 'ghasem']],
  هاشم: [['hashim', 'hashem']],
  بكر: [['bakr', 'bakir', 'bakar']],
  أسامة: [['usama', 'osama', 'usamah', 'oussama']],
  نور: [['nur', 'nour', 'noor']],
  دين: [['din', 'deen']],
  فاطمة: [['fatima', 'fatma', 'fatemeh', 'fatimah']],
  عائشة: [['aisha', 'aysha', 'aicha']],
  مريم: [['maryam', 'mariam']],
  زينب: [['zaynab', 'zainab', 'zeinab']],
  أمين: [['amin', 'ameen']],
  أنور: [['anwar', 'anouar']],
  عبيد: [['ubayd', 'obaid', 'ubaid']],
  سلطان: [['sultan']],
  أمير: [['amir', 'ameer']],
  نصر: [['nasr', 'nasser']],
  بشار: [['bashar']],
  صدام: [['saddam']],
  معمر: [['muammar', 'moammar']],
  خليل: [['khalil']],
  إسحاق: [['ishaq', 'ishak']],
  يعقوب: [['yaqub', 'yacoub', 'yakub']],
  داود: [['dawud', 'daoud', 'dawood']],
  // Particles: "son of", "daughter of", "father of", "mother of", "and".
  بن: [['bin', 'ben', 'ibn'], 'stop'],
  ابن: [['ibn', 'bin', 'ben'], 'stop'],
  بنت: [['bint'], 'stop'],
  أبو: [['abu', 'abou'], 'stop'],
  أم: [['umm', 'um'], 'stop'],
  و: [['wa', 'w'], 'stop'],
  // Titles.
  شيخ: [['shaykh', 'sheikh', 'shaikh', 'sheik'], 'title'],
  حاج: [['hajj', 'haji', 'hajji', 'haj'], 'title'],
  ملا: [['mulla', 'mullah', 'molla'], 'title'],
  مولوي: [['mawlawi', 'maulavi', 'maulvi', 'mawlavi'], 'title'],
  سيد: [['sayyid', 'sayed', 'syed', 'seyed'], 'title'],
  إمام: [['imam'], 'title'],
  قاري: [['qari'], 'title'],
  مهندس: [['muhandis', 'engineer'], 'title'],
  دكتور: [['doktor', 'doctor', 'dr'], 'title'],
};
