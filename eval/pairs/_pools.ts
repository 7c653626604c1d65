/**
 * @module
 * Name material for the labelled pairs of eval/pairs/, written for this project: made-up
 * persons, companies and vessels in the naming customs of many cultures, the short forms and
 * romanisations people use for them, and the dressing trade and payment documents put around
 * them. Nothing here is copied from a sanctions list or from another project's labelled set.
 */

/** A list written as one string, items separated by `|`: keeps long name lists compact. */
const list = (s: string): string[] => s.split('|');

/** A culture's given names (each with its short forms and spelling variants) and surnames. */
export interface Culture {
  id: string;
  /** Korean and Chinese names are written surname first. */
  surnameFirst: boolean;
  /** Given names: canonical spelling → short forms / diminutives (may be empty). */
  given: Record<string, string[]>;
  /** Given names: canonical spelling → other romanisations of the same name. */
  givenSpellings: Record<string, string[]>;
  surnames: string[];
  /** Surnames: canonical spelling → other romanisations of the same name. */
  surnameSpellings: Record<string, string[]>;
  /** Korean and Chinese given names are two syllables from this pool. */
  syllables?: string[];
}

/** Korean names, McCune–Reischauer spellings, given names of two syllables written apart. */
export const KOREAN: Culture = {
  id: 'korean',
  surnameFirst: true,
  given: {},
  givenSpellings: {},
  surnames: list(
    'Kim|Ri|Pak|Choe|Jang|Kang|Jon|Han|Ju|Yun|Hwang|Ko|Paek|Sin|Jo|Mun|Ryu|Chae|Hyon|' +
      'Kye|Son|Rim|Kwak|Ra|Tong',
  ),
  surnameSpellings: {
    Ri: ['Lee', 'Yi', 'Rhee'],
    Pak: ['Park', 'Bak'],
    Choe: ['Choi', 'Chwe'],
    Jang: ['Chang'],
    Jon: ['Jeon', 'Chon'],
    Yun: ['Yoon'],
    Hyon: ['Hyun', 'Hyeon'],
    Sin: ['Shin'],
    Mun: ['Moon'],
    Ryu: ['Yu', 'Yoo'],
    Kang: ['Gang'],
  },
  syllables: list(
    'Yong|Chol|Nam|Hae|Ryong|Pyong|Myong|Jong|Il|Su|Hyok|Chun|Sok|Ho|Kwang|Chang|Hui|' +
      'Hak|Sun|Ok|Min|Jin|Guk|Hun|Thae|Ung|Man|Sam|Rok|Hyang|Gyong|Dok|Bom|Chan|Ran|Sil',
  ),
};

/** Korean syllables as McCune–Reischauer (above) and Revised Romanization write them. */
export const KOREAN_SYLLABLE_SPELLINGS: Record<string, string[]> = {
  Yong: ['Young', 'Yeong'],
  Chol: ['Cheol', 'Chul'],
  Jong: ['Chong', 'Jeong'],
  Myong: ['Myung', 'Myeong'],
  Pyong: ['Pyung', 'Byeong'],
  Kwang: ['Gwang'],
  Hyok: ['Hyuk', 'Hyeok'],
  Sok: ['Seok', 'Suk'],
  Gyong: ['Kyong', 'Kyung', 'Gyeong'],
  Guk: ['Kuk', 'Gook'],
  Thae: ['Tae'],
  Ryong: ['Ryeong', 'Ryung'],
  Chun: ['Choon'],
};

/** Chinese names in pinyin, given names of two syllables written together. */
export const CHINESE: Culture = {
  id: 'chinese',
  surnameFirst: true,
  given: {},
  givenSpellings: {},
  surnames: list(
    'Wang|Zhang|Liu|Chen|Yang|Huang|Zhao|Zhou|Xu|Sun|Ma|Zhu|Hu|Guo|He|Gao|Lin|Luo|' +
      'Zheng|Liang|Xie|Tang|Feng|Deng|Cao|Peng|Zeng|Xiao',
  ),
  surnameSpellings: {
    Zhang: ['Chang', 'Cheung'],
    Chen: ['Chan', 'Chin'],
    Huang: ['Wong', 'Hwang'],
    Zhao: ['Chao', 'Chiu'],
    Zhou: ['Chou', 'Chow'],
    Xu: ['Hsu', 'Tsui'],
    Guo: ['Kuo', 'Kwok'],
    Gao: ['Kao', 'Ko'],
    Zheng: ['Cheng', 'Tsang'],
    Liang: ['Leung'],
    Xie: ['Hsieh', 'Tse'],
    Deng: ['Teng', 'Tang'],
    Cao: ['Tsao', 'Tso'],
    Zeng: ['Tseng', 'Tsang'],
    Xiao: ['Hsiao', 'Siu'],
  },
  syllables: list(
    'Wei|Jun|Hong|Ming|Hua|Jian|Guo|Xin|Lei|Ping|Yan|Tao|Feng|Qiang|Hui|Ling|Jie|Yong|' +
      'Dong|Hai|Xiang|Zhi|Kai|Rui|Hao|Chao|Xiu|Fang|Mei|Qing',
  ),
};

/** Pinyin syllables as Wade–Giles and Cantonese spellings write them. */
export const CHINESE_SYLLABLE_SPELLINGS: Record<string, string[]> = {
  Jian: ['Chien', 'Kin'],
  Guo: ['Kuo', 'Kwok'],
  Xin: ['Hsin', 'Sun'],
  Qiang: ['Chiang', 'Keung'],
  Jie: ['Chieh', 'Kit'],
  Zhi: ['Chih', 'Chi'],
  Xiang: ['Hsiang', 'Heung'],
  Qing: ['Ching', 'Hing'],
  Xiu: ['Hsiu', 'Sau'],
  Dong: ['Tung'],
  Jun: ['Chun', 'Chun'],
  Rui: ['Jui', 'Yui'],
};

/** Russian names with their diminutives and romanisations. */
export const RUSSIAN: Culture = {
  id: 'russian',
  surnameFirst: false,
  given: {
    Aleksandr: ['Sasha', 'Shura', 'Sanya'],
    Mikhail: ['Misha'],
    Dmitry: ['Dima', 'Mitya'],
    Vladimir: ['Volodya', 'Vova'],
    Ivan: ['Vanya'],
    Nikolai: ['Kolya'],
    Sergei: ['Seryozha'],
    Aleksei: ['Alyosha', 'Lyosha'],
    Yevgeny: ['Zhenya'],
    Pavel: ['Pasha'],
    Pyotr: ['Petya'],
    Boris: ['Borya'],
    Anatoly: ['Tolya'],
    Viktor: ['Vitya'],
    Konstantin: ['Kostya'],
    Grigory: ['Grisha'],
    Yakov: ['Yasha'],
    Leonid: ['Lyonya'],
    Vyacheslav: ['Slava'],
    Stanislav: ['Stas'],
    Yekaterina: ['Katya'],
    Yelena: ['Lena'],
    Tatyana: ['Tanya'],
    Natalya: ['Natasha'],
    Maria: ['Masha'],
    Anastasia: ['Nastya'],
    Svetlana: ['Sveta'],
    Lyudmila: ['Lyuda', 'Mila'],
    Irina: ['Ira'],
    Galina: ['Galya'],
  },
  givenSpellings: {
    Aleksandr: ['Alexander', 'Alexandr', 'Aleksander'],
    Mikhail: ['Mihail', 'Michail'],
    Dmitry: ['Dmitri', 'Dmitriy', 'Dmitrii'],
    Yevgeny: ['Evgeny', 'Evgenii', 'Yevgeniy', 'Evgeniy'],
    Sergei: ['Sergey', 'Sergej', 'Serguei'],
    Aleksei: ['Alexei', 'Alexey', 'Aleksey'],
    Nikolai: ['Nikolay', 'Nicolai'],
    Pyotr: ['Petr', 'Piotr'],
    Anatoly: ['Anatoliy', 'Anatolii'],
    Grigory: ['Grigoriy', 'Grigorii'],
    Vyacheslav: ['Viacheslav', 'Vjaceslav'],
    Yekaterina: ['Ekaterina', 'Jekaterina'],
    Yelena: ['Elena', 'Jelena'],
    Tatyana: ['Tatiana', 'Tatjana'],
    Natalya: ['Natalia', 'Natalija'],
    Yakov: ['Iakov', 'Jakov'],
    Lyudmila: ['Ludmila', 'Liudmila'],
  },
  surnames: list(
    'Volkov|Sokolov|Lebedev|Morozov|Kozlov|Novikov|Orlov|Zaitsev|Belov|Gusev|Titov|' +
      'Kuzmin|Frolov|Sorokin|Zhukov|Komarov|Bykov|Gromov|Karpov|Tarasov|Rybakov|Mironov|' +
      'Danilov|Yershov|Nikitin|Savin|Lapin|Khrustalev|Shcherbakov|Vorobyov',
  ),
  surnameSpellings: {
    Zaitsev: ['Zaytsev', 'Zajcev'],
    Zhukov: ['Zhoukov', 'Schukow'],
    Yershov: ['Ershov', 'Jerschow'],
    Khrustalev: ['Khrustalyov', 'Chrustaljow'],
    Shcherbakov: ['Shherbakov', 'Scherbakow'],
    Vorobyov: ['Vorobiev', 'Vorobev'],
    Komarov: ['Komarow'],
    Volkov: ['Volkow', 'Wolkow'],
    Sokolov: ['Sokolow'],
    Lebedev: ['Lebedew'],
  },
};

/** Russian given names of women: their patronymic ends in -ovna and their surname in -a. */
export const RUSSIAN_WOMEN = new Set(
  list('Yekaterina|Yelena|Tatyana|Natalya|Maria|Anastasia|Svetlana|Lyudmila|Irina|Galina'),
);

/** Russian patronymics from the father's given name (masculine forms). */
export const PATRONYMICS = list(
  'Aleksandrovich|Mikhailovich|Vladimirovich|Ivanovich|Nikolayevich|Sergeyevich|' +
    'Alekseyevich|Pavlovich|Petrovich|Borisovich|Anatolyevich|Viktorovich|' +
    'Konstantinovich|Grigoryevich|Leonidovich|Yuryevich|Olegovich|Igorevich',
);

/** Arabic names with their romanisations. */
export const ARABIC: Culture = {
  id: 'arabic',
  surnameFirst: false,
  given: {},
  givenSpellings: {
    Ahmed: ['Ahmad'],
    Mohammed: ['Muhammad', 'Mohamed', 'Mohammad'],
    Hussein: ['Husayn', 'Hussain', 'Husein'],
    Khalid: ['Khaled', 'Chaled'],
    Mahmoud: ['Mahmud', 'Mahmood'],
    Yusuf: ['Yousef', 'Youssef', 'Yousif'],
    Omar: ['Umar', 'Omer'],
    Ibrahim: ['Ebrahim', 'Ibraheem'],
    Abdullah: ['Abdallah', 'Abdulla'],
    Saeed: ['Said', 'Sayid'],
    Tariq: ['Tarek', 'Tareq'],
    Karim: ['Kareem', 'Kerim'],
    Jamal: ['Gamal', 'Jamaal'],
    Faisal: ['Faysal', 'Feisal'],
    Nasser: ['Nasir', 'Naser'],
    Walid: ['Waleed'],
    Osama: ['Usama', 'Oussama'],
    Qasim: ['Kassem', 'Qassim', 'Kasim'],
    Jafar: ['Jaafar', "Ja'far"],
    Mustafa: ['Mostafa', 'Moustafa'],
    Hamza: ['Hamzah', 'Hamzeh'],
    Zayd: ['Zaid', 'Zeid'],
    Salim: ['Saleem', 'Selim'],
    Fatima: ['Fatma', 'Fatimah'],
    Aisha: ['Aicha', 'Ayesha'],
    Maryam: ['Mariam', 'Meryem'],
    Khadija: ['Khadijah', 'Khadidja'],
    Bilal: ['Belal'],
    Rashid: ['Rachid', 'Rasheed'],
    Hisham: ['Hesham'],
  },
  surnames: list(
    'Al-Masri|Haddad|Al-Tamimi|Al-Rashidi|Mansour|Nasrallah|Al-Zahrani|Saleh|Hamdan|' +
      'Qureshi|Al-Amin|Darwish|Shaheen|Barakat|Jaber|Al-Hashimi|Abbas|Othman|Al-Khatib|' +
      'Bakri|Al-Obeidi|Al-Shammari|Zubaidi|Halabi',
  ),
  surnameSpellings: {
    'Al-Tamimi': ['Al Tamimi', 'Altamimi', 'El-Tamimi'],
    Mansour: ['Mansur', 'Mansoor'],
    Saleh: ['Salih', 'Salah'],
    Qureshi: ['Kureishi', 'Qurashi'],
    Darwish: ['Darweesh', 'Derwich'],
    Shaheen: ['Shahin', 'Chahine'],
    Jaber: ['Jabir', 'Gaber'],
    'Al-Hashimi': ['Al Hashemi', 'El-Hachemi'],
    Othman: ['Uthman', 'Osman'],
    'Al-Khatib': ['El-Khatib', 'Al Khateeb'],
    'Al-Obeidi': ['Al Ubaydi', 'El-Obeidi'],
    Zubaidi: ['Zubaydi', 'Zobaidi'],
  },
};
for (const g of Object.keys(ARABIC.givenSpellings)) ARABIC.given[g] = [];

/** Persian names with their romanisations. */
export const PERSIAN: Culture = {
  id: 'persian',
  surnameFirst: false,
  given: {},
  givenSpellings: {
    Hossein: ['Hosein', 'Husain', 'Hussein'],
    Mahmoud: ['Mahmud'],
    Reza: ['Riza', 'Rezaa'],
    Mehdi: ['Mahdi', 'Mehdy'],
    Javad: ['Jawad', 'Djavad'],
    Qasem: ['Ghasem', 'Qassem'],
    Majid: ['Madjid', 'Mojid'],
    Mostafa: ['Mustafa'],
    Dariush: ['Daryoush', 'Dariusz'],
    Kourosh: ['Kurosh', 'Koorosh'],
    Parviz: ['Parvis', 'Parwiz'],
    Fereydoun: ['Fereidoun', 'Freydun'],
    Fatemeh: ['Fatemah', 'Fatima'],
    Leila: ['Layla', 'Leyla'],
    Hamid: ['Hameed'],
    Saeed: ['Said', 'Saied'],
    Abbas: ['Abas'],
    Farhad: ['Farhaad'],
    Shirin: ['Shireen'],
    Nasrin: ['Nasreen'],
    Zahra: ['Zahrah'],
    Amir: ['Ameer'],
  },
  surnames: list(
    'Rezaei|Hosseini|Ahmadi|Mousavi|Karimi|Tehrani|Rahimi|Sadeghi|Ghorbani|Jafari|' +
      'Kazemi|Hashemi|Shirazi|Mohammadi|Heidari|Salehi|Esfahani|Bagheri|Najafi|Amini|' +
      'Farahani|Zarei|Abedini|Soltani',
  ),
  surnameSpellings: {
    Rezaei: ['Rezaee', 'Rezai'],
    Hosseini: ['Husseini', 'Hoseini'],
    Mousavi: ['Musavi', 'Moussavi'],
    Sadeghi: ['Sadeqi', 'Sadegi'],
    Ghorbani: ['Qorbani', 'Gorbani'],
    Jafari: ['Jaafari', 'Djafari'],
    Heidari: ['Haidari', 'Heydari'],
    Esfahani: ['Isfahani', 'Esfehani'],
    Bagheri: ['Baqeri', 'Bageri'],
    Zarei: ['Zaree', 'Zarie'],
  },
};
for (const g of Object.keys(PERSIAN.givenSpellings)) PERSIAN.given[g] = [];

/** Latin American names with their short forms. */
export const LATAM: Culture = {
  id: 'latin-american',
  surnameFirst: false,
  given: {
    Francisco: ['Paco', 'Pancho'],
    Ignacio: ['Nacho'],
    Manuel: ['Manolo'],
    Enrique: ['Quique'],
    Jesús: ['Chucho', 'Chuy'],
    Fernando: ['Nando'],
    Guillermo: ['Memo'],
    Roberto: ['Beto'],
    Eduardo: ['Lalo'],
    Rafael: ['Rafa'],
    Alberto: ['Beto'],
    Dolores: ['Lola'],
    Guadalupe: ['Lupe'],
    Concepción: ['Concha'],
    Rosario: ['Charo'],
    Mercedes: ['Meche'],
    Isabel: ['Chabela'],
    Carlos: [],
    Jorge: [],
    Miguel: [],
    Luis: [],
    Lucía: [],
    Carmen: [],
  },
  givenSpellings: {},
  surnames: list(
    'García|Rodríguez|Hernández|López|Martínez|González|Pérez|Sánchez|Ramírez|Torres|' +
      'Flores|Rivera|Gómez|Díaz|Morales|Ortiz|Castillo|Jiménez|Vargas|Romero|Herrera|' +
      'Medina|Aguilar|Guzmán|Salazar|Mendoza|Cárdenas|Zambrano|Villalobos|Escobar',
  ),
  surnameSpellings: {},
};

/** Western European names with their short forms. */
export const WESTERN: Culture = {
  id: 'western-european',
  surnameFirst: false,
  given: {
    William: ['Bill', 'Will', 'Billy'],
    Robert: ['Bob', 'Rob', 'Bobby'],
    Richard: ['Rick', 'Dick', 'Rich'],
    James: ['Jim', 'Jimmy'],
    Michael: ['Mike'],
    Thomas: ['Tom', 'Tommy'],
    Joseph: ['Joe'],
    Charles: ['Charlie', 'Chuck'],
    Anthony: ['Tony'],
    Edward: ['Ted', 'Ed', 'Eddie'],
    Christopher: ['Chris'],
    Benjamin: ['Ben'],
    Samuel: ['Sam'],
    Daniel: ['Dan', 'Danny'],
    Nicholas: ['Nick'],
    Matthew: ['Matt'],
    Andrew: ['Andy', 'Drew'],
    Elizabeth: ['Liz', 'Beth', 'Betty'],
    Margaret: ['Peggy', 'Maggie', 'Meg'],
    Katherine: ['Kate', 'Kathy'],
    Patricia: ['Patty', 'Trish'],
    Jennifer: ['Jen', 'Jenny'],
    Rebecca: ['Becky'],
    Susan: ['Sue'],
    Johannes: ['Hans'],
    Giuseppe: ['Beppe', 'Peppe'],
    Giovanni: ['Gianni'],
    Hendrik: ['Henk'],
  },
  givenSpellings: {},
  surnames: list(
    'Smith|Johnson|Taylor|Brown|Walker|Wright|Thompson|Robinson|Clarke|Hughes|Müller|' +
      'Schmidt|Schneider|Fischer|Weber|Wagner|Becker|Dubois|Moreau|Rossi|Bianchi|Romano|' +
      "Ferrari|De Vries|Jansen|Bakker|O'Brien|MacDonald|Fitzgerald|Lindqvist",
  ),
  surnameSpellings: {
    Müller: ['Mueller', 'Muller'],
    MacDonald: ['McDonald', 'Macdonald'],
    "O'Brien": ['OBrien', 'O Brien'],
    Lindqvist: ['Lindquist'],
    'De Vries': ['DeVries', 'de Vries'],
  },
};

/** West, East and Southern African names with their short forms and French/English spellings. */
export const AFRICAN: Culture = {
  id: 'african',
  surnameFirst: false,
  given: {
    Chukwuemeka: ['Emeka'],
    Babatunde: ['Tunde'],
    Abimbola: ['Bimbo'],
    Oluwaseun: ['Seun'],
    Olumide: ['Mide'],
    Chinedu: [],
    Adebayo: [],
    Ngozi: [],
    Kwame: [],
    Kofi: [],
    Abena: [],
    Tendai: [],
    Farai: [],
    Sipho: [],
    Thabo: [],
    Lerato: [],
    Amara: [],
    Tesfaye: [],
    Mulugeta: [],
    Wanjiru: [],
    Kamau: [],
    Otieno: [],
  },
  givenSpellings: {
    Mamadou: ['Mamadu', 'Mohamadou'],
    Ousmane: ['Usman', 'Ousman'],
    Fatoumata: ['Fatumata', 'Fatimata'],
    Ibrahima: ['Ebrahima'],
    Aminata: ['Aminatou'],
    Abdoulaye: ['Abdulai', 'Abdoulai'],
    Moussa: ['Musa', 'Mousa'],
  },
  surnames: list(
    'Okafor|Adeyemi|Okonkwo|Balogun|Nwosu|Mensah|Asante|Boateng|Owusu|Moyo|Ncube|' +
      'Dlamini|Nkosi|Khumalo|Diallo|Traoré|Keita|Coulibaly|Touré|Bekele|Tadesse|Mwangi|' +
      'Odhiambo|Kariuki|Banda|Phiri|Mutasa',
  ),
  surnameSpellings: {
    Traoré: ['Traore', 'Trawore'],
    Keita: ['Keyta', 'Kéita'],
    Coulibaly: ['Kulibali', 'Kouliabaly'],
    Touré: ['Toure', 'Turay'],
    Diallo: ['Jallow', 'Diallow'],
  },
};
for (const g of Object.keys(AFRICAN.givenSpellings)) AFRICAN.given[g] = [];

/** Every culture of the pools. */
export const CULTURES: Culture[] = [
  KOREAN,
  CHINESE,
  RUSSIAN,
  ARABIC,
  PERSIAN,
  LATAM,
  WESTERN,
  AFRICAN,
];

/** Titles and honorifics people are addressed with, placed before the name. */
export const HONORIFICS = list(
  'Mr|Mr.|Mrs|Ms.|Dr|Dr.|Prof.|Professor|Sheikh|Shaikh|Haji|Hajji|Mullah|Maulvi|' +
    'Sayyid|Gen.|General|Col.|Colonel|Lt. Gen.|Capt.|Eng.|H.E.|Sir|Herr|Señor|Sr.|Mme|' +
    'Madame|Comrade',
);

/** Company names' distinctive parts, made up. */
export const COMPANY_CORES = list(
  'Golden Crane|Tonghae Star|Sunrise Pacific|Amur River|Al Noor|Zenith Star|' +
    'Hanseatic Bay|Blue Lotus|Northern Cedar|Jade Dragon|Silk Road|Crescent Moon|' +
    'Red Maple|Iron Gate|Orient Pearl|Baltic Amber|Desert Rose|Kunlun Ridge|Tamarind|' +
    'Volga Stream|Taedong Bridge|Myohyang Peak|Kangso Valley|Pearl Delta|' +
    'Yangtze Harbor|Caspian Gate|Zagros|Dar Al Salam|Nile Delta|Atlas Peak|Sahara Sun|' +
    'Andes Condor|Caribe Azul|Rio Verde|Sierra Madre|Zambezi|Savanna Gold|' +
    'Lagos Harbour|Accra Coast|Edelweiss|Rhine Valley|Danube Bridge|Thames Gate|' +
    'Nordic Fjord|Aurora Borealis|Stroyinvest|Promtekh|Neftegaz Resurs|Sibirsky Les|' +
    'Dalny Vostok|Emerald Isle|Phoenix Rising|Black Sea Grain|Hormuz Gate|' +
    'Mekong Delta|Kowloon Bay|Lotus Blossom|Cedar Mountain',
);

/** The business a company is in: the word after its distinctive part. */
export const BUSINESS_WORDS = list(
  'Shipping|Trading|Mining|Development|Manufacturing|Industrial|Investment|' +
    'Petroleum|Logistics|Construction|Technology|Electronics|Textile|Fisheries|Marine|' +
    'Energy|Chemical|Machinery|Engineering|Steel|Agricultural|Pharmaceutical|' +
    'Insurance|Import Export',
);

/**
 * Business and legal words as registers, invoices and bank messages abbreviate them
 * (full form → abbreviations).
 */
export const ABBREVIATIONS: Record<string, string[]> = {
  Corporation: ['Corp', 'Corp.'],
  Company: ['Co', 'Co.'],
  International: ['Intl', "Int'l", 'Intl.'],
  Manufacturing: ['Mfg', 'Mfg.'],
  Trading: ['Trdg', 'Trdg.'],
  Brothers: ['Bros', 'Bros.'],
  Limited: ['Ltd', 'Ltd.'],
  Incorporated: ['Inc', 'Inc.'],
  Industries: ['Inds', 'Ind.'],
  Development: ['Dev', 'Devt'],
  'Import Export': ['Imp Exp', 'Imp-Exp', 'Imp & Exp'],
  Enterprise: ['Ent', 'Ent.'],
  Engineering: ['Eng', 'Engg'],
  Technology: ['Tech'],
  Services: ['Svcs', 'Servs'],
  Group: ['Grp'],
  Holdings: ['Hldgs'],
  Investment: ['Invt', 'Invest'],
  Shipping: ['Shpg'],
  Association: ['Assn', 'Assoc'],
  Management: ['Mgmt', 'Mgt'],
  Chemical: ['Chem'],
  Agricultural: ['Agri', 'Agric'],
  Pharmaceutical: ['Pharma'],
  Construction: ['Constr'],
  Insurance: ['Ins'],
  Textile: ['Tex'],
};

/** Legal forms: the long form → its abbreviations. */
export const LEGAL_FORMS: Record<string, string[]> = {
  'Limited Liability Company': ['LLC', 'L.L.C.'],
  'Joint Stock Company': ['JSC'],
  'Public Joint Stock Company': ['PJSC'],
  'Obshchestvo s Ogranichennoy Otvetstvennostyu': ['OOO', 'ООО'],
  'Aktsionernoye Obshchestvo': ['AO', 'АО'],
  'Gesellschaft mit beschränkter Haftung': ['GmbH'],
  Aktiengesellschaft: ['AG'],
  'Sociedad Anónima': ['S.A.', 'SA'],
  'Sendirian Berhad': ['Sdn Bhd', 'Sdn. Bhd.'],
  'Private Limited': ['Pte Ltd', 'Pte. Ltd.'],
  'Public Limited Company': ['PLC'],
  'Free Zone Establishment': ['FZE'],
  'Limited Liability Partnership': ['LLP'],
  'Société à responsabilité limitée': ['SARL', 'S.à r.l.'],
  'Besloten Vennootschap': ['BV', 'B.V.'],
};

/** Vessel names, made up: Korean-, Chinese-, Russian-, Arabic-, Spanish- and English-style. */
export const VESSEL_NAMES = list(
  'HAE BIT|SONG RIM|MYONG RYU|CHIL BO|PAEK RO|RYONG HUNG|ORANG|SIN PHO|CHON JIN|' +
    'UN PHA|HWA SONG|NAM PHO|SO HAE|KUM BIT|YU JONG|RA SON|HONG DA|AN FU|XIN HAI|' +
    'JIN HAI|HUA XIN|MING ZHU|RUI FENG|DONG SHENG|OCEAN STAR|GOLDEN LION|SEA PRINCESS|' +
    'NORTHERN LIGHT|BLUE MARLIN|PACIFIC DAWN|JADE RIVER|SILVER WAVE|NAVIGATOR|' +
    'LUCKY FORTUNE|HARMONY SEA|NEPTUNE GLORY|CAPE HORN|STELLA MARIS|KAPITAN ORLOV|' +
    'AKADEMIK BELOV|VOLGA TRADER|ARKTIKA|SAHAR|AL SALAM|NOOR AL BAHR|DENIZ YILDIZI|' +
    'SAMUDRA|PERLA DEL MAR|SANTA ROSA|RIO BRAVO|RED STAR|EASTERN GRACE|WINDWARD|' +
    'CORAL QUEEN|IRON DUKE',
);

/** Vessel-type prefixes written before a ship's name (motor/steam/tanker/fishing/yacht). */
export const VESSEL_PREFIXES = list('MT|M/T|MV|M/V|M.V.|SS|S.S.|MS|M/S|FV|F/V|MY|M.T.');

/** Flags, ports and registries clerks annotate a vessel or company with. */
export const FLAGS = list(
  'Sierra Leone|Panama|Togo|Comoros|Mongolia|Cameroon|Palau|Tanzania|Belize|Liberia|' +
    'Marshall Islands|St Kitts and Nevis|Moldova|Gabon',
);
/** Ports a vessel is annotated with. */
export const PORTS = list(
  'Nampho|Chongjin|Dalian|Nakhodka|Vladivostok|Bandar Abbas|Fujairah|Kaohsiung|' +
    'Busan|Singapore|Port Said|Latakia|Rotterdam|Piraeus',
);
/** Cities of branches and representative offices. */
export const CITIES = list(
  'Dubai|Shanghai|Hong Kong|Moscow|Minsk|Singapore|Beijing|Tehran|Istanbul|' +
    'Kuala Lumpur|Bangkok|Vladivostok|Shenyang|Dandong|Caracas',
);

/** Labels payment messages put before a party's name (SWIFT MT103 fields 50/59, ISO 20022). */
export const PAYMENT_LABELS = list(
  '/BNF/|/BEN/|/ORD/|1/|:59:|:50K:|:59F:1/|BENEFICIARY:|BENEFICIARY CUSTOMER:|' +
    'ORDERING CUSTOMER:|Cdtr/Nm:|Dbtr/Nm:|CREDITOR:|DEBTOR:|PAYEE:|A/C NAME:|BENEF:|' +
    'Beneficiary Name:',
);

/** Former-name and alias markers, with a function writing "new (marker old)". */
export const FORMER_NAME_FORMS: ((current: string, former: string) => string)[] = [
  (c, f) => `${c} (ex ${f})`,
  (c, f) => `${c} (ex-${f})`,
  (c, f) => `${c} ex ${f}`,
  (c, f) => `${c} (EX. ${f})`,
  (c, f) => `${c} f/k/a ${f}`,
  (c, f) => `${c} (f/k/a ${f})`,
  (c, f) => `${c} a.k.a. ${f}`,
  (c, f) => `${c} aka ${f}`,
  (c, f) => `${c} (formerly ${f})`,
  (c, f) => `${c}, formerly known as ${f}`,
  (c, f) => `${c} (previously ${f})`,
];

/** Branch and office suffixes, with a function writing "name + suffix". */
export const BRANCH_FORMS: ((name: string, city: string) => string)[] = [
  (n, c) => `${n}, ${c} Branch`,
  (n, c) => `${n} - ${c} Branch`,
  (n, c) => `${n} ${c.toUpperCase()} BRANCH`,
  (n, c) => `${n} (${c} Branch)`,
  (n, c) => `${n}, ${c} Br.`,
  (n, c) => `${n} ${c} Representative Office`,
  (n, c) => `${n}, branch office in ${c}`,
  (n, c) => `${n} (${c} Rep. Office)`,
];

/** Roman numerals by value (index 0 unused). */
export const ROMAN = list(
  '|I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX',
);
/** Numbers in English words by value. */
export const NUMBER_WORDS = list(
  'Zero|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|' +
    'Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|Twenty',
);

/**
 * Names that sound alike (they share a phonetic key) but are different names: an analyst would
 * not confuse them. [query, listed, schema].
 */
export const PHONETIC_LOOKALIKES: [string, string, string][] = [
  ['Acme Ltd', 'AQIM', 'Organization'],
  ['Homes Inc', 'HAMAS', 'Organization'],
  ['Sina Trading', 'SENA', 'Company'],
  ['Nour Co', 'NORA', 'Company'],
  ['Ruby Ltd', 'RUBA', 'Company'],
  ['Lima Ltd', 'LEMA', 'Company'],
  ['Mayo Corp', 'MAYA', 'Company'],
  ['Kano Co', 'KINO', 'Company'],
  ['Tamar Ltd', 'TIMOR', 'Company'],
  ['Akme Co', 'AQIM', 'Organization'],
  ['Omni Ltd', 'UMMAH', 'Organization'],
  ['Kite Ltd', 'KATA', 'Company'],
  ['Daisy Ltd', 'DAESH', 'Organization'],
  ['Hazel Corp', 'HIZBUL', 'Organization'],
  ['Zeta Inc', 'ZAHIDI', 'Company'],
  ['Mira Ltd', 'MERO', 'Company'],
  ['Dana Ross', 'Dina Rose', 'Person'],
  ['Leon Hart', 'Lena Hurt', 'Person'],
  ['Omar Kane', 'Amir Khan', 'Person'],
  ['Mark Reid', 'Mirko Rada', 'Person'],
  ['Karen Tate', 'Korina Toth', 'Person'],
  ['Noel Barr', 'Nail Bari', 'Person'],
  ['Tim Cook', 'Tamika Cake', 'Person'],
  ['Rosa Mann', 'Reza Mina', 'Person'],
  ['Basil Ford', 'Bassel Fardi', 'Person'],
  ['Sami Nour', 'Semion Nair', 'Person'],
  ['Nadia Kerr', 'Nadim Kuri', 'Person'],
  ['Ocean Ltd', 'OSMAN', 'Company'],
  ['Hana Co', 'HUNAN', 'Company'],
  ['Bora Ltd', 'BURAQ', 'Company'],
  ['MARLIN', 'MERLIN 7', 'Vessel'],
  ['SEA KING', 'SIKANG', 'Vessel'],
  ['NOVA', 'NIVA', 'Vessel'],
  ['ROSE', 'RUSA', 'Vessel'],
  ['TIGER', 'TAIGA', 'Vessel'],
  ['MAYA', 'MIYAO', 'Vessel'],
];

/**
 * Names spelled differently by sound that are the same name (English spelling variants of one
 * given name or surname). [query, listed, schema].
 */
export const SPELLING_VARIANTS: [string, string, string][] = [
  ['Steven Jones', 'Stephen Jones', 'Person'],
  ['Kathryn Walsh', 'Catherine Walsh', 'Person'],
  ['Phillip Greene', 'Philip Greene', 'Person'],
  ['Shaun Murphy', 'Sean Murphy', 'Person'],
  ['Clare Hughes', 'Claire Hughes', 'Person'],
  ['Jeffrey Reid', 'Geoffrey Reid', 'Person'],
  ['Brian Kelly', 'Bryan Kelly', 'Person'],
  ['Alan Parker', 'Allan Parker', 'Person'],
  ['Jon Harris', 'John Harris', 'Person'],
  ['Sara Collins', 'Sarah Collins', 'Person'],
  ['Ann Lewis', 'Anne Lewis', 'Person'],
  ['Carl Meyer', 'Karl Meyer', 'Person'],
  ['Frederik Jansen', 'Frederick Jansen', 'Person'],
  ['Micheal Byrne', 'Michael Byrne', 'Person'],
  ['Lindsey Moore', 'Lindsay Moore', 'Person'],
  ['Teresa Costa', 'Theresa Costa', 'Person'],
  ['Isabelle Martin', 'Isabel Martin', 'Person'],
  ['Nicolas Petit', 'Nicholas Petit', 'Person'],
  ['Erik Larsen', 'Eric Larsen', 'Person'],
  ['Johan Berg', 'Johann Berg', 'Person'],
  ['Markus Schulz', 'Marcus Schulz', 'Person'],
  ['Mathew Gray', 'Matthew Gray', 'Person'],
  ['Rebekah Cole', 'Rebecca Cole', 'Person'],
  ['Vivienne Ross', 'Vivian Ross', 'Person'],
  ['Kristina Novak', 'Christina Novak', 'Person'],
  ['Stefan Horvat', 'Stephan Horvat', 'Person'],
  ['Jakob Weiss', 'Jacob Weiss', 'Person'],
  ['Sofia Russo', 'Sophia Russo', 'Person'],
  ['Philippa Stone', 'Filippa Stone', 'Person'],
  ['Kathleen Doyle', 'Cathleen Doyle', 'Person'],
];
