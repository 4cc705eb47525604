// General word lists the people recogniser needs to tell a person's name from the
// capitalised words around it. Only general vocabulary lives here (offices, ranks,
// organisation head-words, countries, months, function words): never the names of
// particular people, so the recogniser works the same on articles it has never seen.
import { GIVEN_NAMES } from './givenNameData';
import { WordTable, wordHash } from './wordTable';

/** How a capitalised word behaves next to a name. */
export const enum WordClass {
  /** Not in any list: may be part of a person's name. */
  Name = 0,
  /** An office or rank (`Minister`, `Colonel`, `envoy`): makes its holder an official. */
  Office = 1,
  /** `Mr`, `Mrs`, `Dr`: says a name follows, but is no office. */
  Honorific = 2,
  /** Words that make a capitalised run an organisation, event or document (`Council`, `Summit`). */
  Organisation = 3,
  /** A country, region, city or demonym (`Azerbaijan`, `Azerbaijani`, `Asia`). */
  Place = 4,
  /** A modifier of offices and organisations (`Defence`, `Foreign`, `National`, `Special`). */
  Modifier = 5,
  /** Months and weekdays. */
  Calendar = 6,
  /** Function words and sentence adverbs that are capitalised only at the start of a sentence. */
  Function = 7,
}

function add(map: Map<string, WordClass>, cls: WordClass, words: string): void {
  for (const w of words.split(/\s+/)) {
    if (!w) continue;
    // The first class a word is given wins: Office before Modifier, so `General` stays a rank.
    if (!map.has(w)) map.set(w, cls);
  }
}

// Offices, ranks and representative roles. Lower-case forms are recognised too (`head of
// Azerbaijan's Mission`, `chairman of the committee`), see `classifyWord`.
const OFFICES = `
  President Vice-President Vice Premier Prime Minister Ministers Secretary Secretary-General Undersecretary
  Under-Secretary General Deputy Chairman Chairwoman Chairperson Chair Director Director-General Ambassador
  Envoy Representative Commander Commander-in-Chief Chief Head Governor Mayor Senator Congressman
  Congresswoman Speaker Chancellor King Queen Prince Princess Emperor Empress Sultan Emir Sheikh Shah Pope
  Cardinal Bishop Archbishop Patriarch Rabbi Imam Ayatollah Judge Justice Attorney Attorney-General
  Prosecutor Spokesman Spokeswoman Spokesperson Adviser Advisor Counsellor Counselor Councillor Councilman
  Consul Consul-General Attache Attaché Commissioner Administrator Coordinator Officer Official Inspector
  Sheriff Lieutenant Lieutenant-General Lieutenant-Colonel Colonel Major Major-General Captain Sergeant
  Corporal Admiral Vice-Admiral Rear-Admiral Marshal Field-Marshal Brigadier Brigadier-General Commodore
  Lt Col Gen Maj Capt Sgt Adm Cmdr Cdr Gov Sen Rep Pres Amb Supt Insp Superintendent Leader Executive
  Manager Treasurer Comptroller Auditor Ombudsman Legislator Lawmaker Deputies Delegate Emissary Diplomat
  Minister-Counsellor Chargé Charge Premier Rector Chaplain Magistrate
  President-elect Mayor-elect Prefect Viceroy Regent Monarch Dictator Generalissimo Chieftain Headman
  Commandant Chiefs Secretaries Presidents Directors Ambassadors Representatives Commanders
  Spokesmen Officials Envoys Generals Agent Agents CEO CFO COO CTO Co-Chair Co-Chairman Founder-Chairman
`;

const HONORIFICS = `Mr Mrs Ms Miss Mme Madame Mlle Dr Sir Dame Lord Lady Prof Professor Messrs Herr Frau Señor Senor Señora
  Doña Monsieur Mister Madam Hon Honourable Honorable Rev Reverend Father Sister Brother Doctor Pastor
  Correspondent Reporter Anchor Anchorman Anchorwoman`;

const ORGANISATIONS = `
  Council Councils Alliance Ministry Ministries Programme Programmes Program Programs Force Forces Mission
  Missions Army Armies Navy Summit Summits Assembly Centre Center Bank  Fund Funds Union Unions
  University Universities Party Parties Company Companies Corporation Corp Inc Incorporated Ltd Limited
  Plc Group Groups Committee Committees Commission Agency Agencies Department Departments Office Offices
  Court Courts Parliament Congress Senate House Houses Organization Organisation Organizations
  Organisations Association Associations Institute Institutes Institution School Schools College Academy
  Plan Plans Process Partnership Partnerships Cooperation Co-operation Treaty Agreement Accord Accords
  Conference Conferences Forum Board Authority Authorities Service Services Network Networks News Times
  Post Journal Gazette Tribune Herald Telegraph Press Television TV Radio Airlines Airways Air Motors
  Electric Electronics Dynamics  Foods Systems Technologies Technology Industries Industry Holdings
  Exchange Market Markets Street Avenue Road Boulevard Square Airport Station Hospital Church Cathedral
  Mosque Temple Palace  Museum Stadium Bridge River Lake Mount Mountain Mountains Sea Ocean Island
  Islands Valley Gulf Bay Canal Desert Province Provinces State States City County District Region Regions
  Republic Republics Kingdom Empire Federation Confederation Coalition Front Movement Brigade Brigades
  Division Corps Regiment Battalion Command Staff Guard Guards Police Administration Cabinet Government
  Secretariat Directorate Bureau Embassy Consulate Delegation Tribunal Charter Declaration Resolution
  Resolutions Act Law Report Award Prize Cup Games Olympics Championship League Club Team Festival
  Trust Foundation Society Initiative Project Operation Operations Strategy War Wars Crisis Conflict
  Revolution Index Reserve Treasury Capital Partners Associates Brothers Bros Group Co Inc. Ltd. Council.
  Agreement Pact Convention Protocol Framework Talks Declaration Communique Conference Meeting Session
  Action Programme Community Communities Commonwealth Nations Allies Allied Axis Bloc Network Headquarters
  HQ Base Fleet Squadron Wing Unit Units Section Sector Zone Zones Area Areas Territory Territories
  Oblast Rayon Prefecture Municipality Borough Township Village Town Capital Embassy Hotel Center Mall
  Studio Studios Records Pictures Entertainment Media Communications Telecom Energy Oil Gas Petroleum
  Mining Steel Chemical Chemicals Pharmaceuticals Pharmaceutical Insurance Securities Investments
  Investment Capital Finance Financial Bancorp Trust Savings Loan Credit Fund Stock Stocks Bonds Dow 
  Nasdaq Index Average Composite Journal Magazine Weekly Daily Agency Affairs Relations Studies Research
  Sciences Science Medicine Health Welfare Development Reconstruction Education Training Enhancement
  Assistance Support Peace Security Defence Defense Integration Partnership Dialogue Declaration Doctrine
  Policy Party Caucus Faction Wing Lobby Club Circle Council Panel Jury Fellowship Scholarship Airbase
  Cup Trophy Olympiad Grand Prix Open Tour Race Marathon Fair Expo Show Week Day Days Year Years Era Age
  Century Decade Anniversary Holiday Christmas Easter Ramadan Eid Thanksgiving Hanukkah Passover Budget
  Fiscal Quarter Census Election Elections Referendum Campaign Summit Olympic Data Marine Brewing Brewery
  Projects Textiles Medical Truck Trucks Shuttle Countries Surgery Reform Reforms List System Ave Blvd Rd
  Creek Grove Heights Springs Falls Beach Harbor Harbour Point Hurricane Storm Typhoon Cyclone Brands
  Stores Products Laboratories Labs Instruments Software Computer Computers Power Enterprises Properties
  Realty Equities Ventures Resorts Hotels Restaurants Railway Railroad Railways Lines Shipping Shipyard
  Logistics Express Mail Online Digital Solutions Consulting Manufacturing Construction Engineering
  Machines Aviation Aircraft Aerospace Defence Tobacco Beverages Foods Dairy Farms Motors Auto Autos
  Library Libraries Theater Theatre Theaters Theatres Hall Arena Park Gardens Memorial Monument Tower
  Building Plaza Terminal Flight Prison Jail Camp Cemetery Highway Expressway Tunnel Dam Zoo Gallery
  Observatory Laboratory Clinic Sanitarium Generale Generali Bancorporation Brokerage Partnership
  Centers Centres Fed Institutes
`;

// Countries, regions, big cities and demonyms: capitalised words that are never a person's
// name in news text. One word each; multi-word places are in MULTI_WORD_PLACES.
const PLACES = `
  Afghanistan Afghan Afghans Albania Albanian Algeria Algerian Andorra Angola Angolan Argentina Argentine
  Argentinian Armenia Armenian Armenians Australia Australian Austria Austrian Azerbaijan Azerbaijani
  Azerbaijanis Azeri Azeris Bahamas Bahrain Bangladesh Bangladeshi Barbados Belarus Belarusian Belgium
  Belgian Belize Benin Bhutan Bolivia Bolivian Bosnia Bosnian Herzegovina Botswana Brazil Brazilian Brunei
  Bulgaria Bulgarian Burkina Burundi Cambodia Cambodian Cameroon Canada Canadian Chile Chilean China
  Chinese Colombia Colombian Comoros Congo Congolese Croatia Croatian Cuba Cuban Cyprus Cypriot Czech
  Czechia Czechoslovakia Denmark Danish Dane Djibouti Dominica Ecuador Egypt Egyptian Eritrea Estonia
  Estonian Eswatini Ethiopia Ethiopian Fiji Finland Finnish France French Gabon Gambia Georgia Georgian
  Georgians Germany German Germans Ghana Ghanaian Greece Greek Grenada Guatemala Guinea Guyana Haiti
  Haitian Honduras Hungary Hungarian Iceland Icelandic India Indian Indians Indonesia Indonesian Iran
  Iranian Iraq Iraqi Iraqis Ireland Irish Israel Israeli Israelis Italy Italian Jamaica Jamaican Japan
  Japanese Jordan Jordanian Kazakhstan Kazakh Kenya Kenyan Kiribati Korea Korean Koreans Kosovo Kosovar
  Kuwait Kuwaiti Kyrgyzstan Kyrgyz Laos Lao Latvia Latvian Lebanon Lebanese Lesotho Liberia Liberian Libya
  Libyan Liechtenstein Lithuania Lithuanian Luxembourg Madagascar Malawi Malaysia Malaysian Maldives Mali
  Malta Maltese Mauritania Mauritius Mexico Mexican Micronesia Moldova Moldovan Monaco Mongolia Mongolian
  Montenegro Morocco Moroccan Mozambique Myanmar Burma Burmese Namibia Nauru Nepal Nepalese Netherlands
  Dutch Holland Nicaragua Niger Nigeria Nigerian Norway Norwegian Oman Pakistan Pakistani Palau Palestine
  Palestinian Palestinians Panama Paraguay Peru Peruvian Philippines Philippine Filipino Poland Polish
  Pole Portugal Portuguese Qatar Romania Romanian Russia Russian Russians Rwanda Samoa Senegal Serbia
  Serbian Serb Serbs Seychelles Singapore Slovakia Slovak Slovenia Slovenian Somalia Somali Spain Spanish
  Sudan Sudanese Suriname Sweden Swedish Swede Switzerland Swiss Syria Syrian Tajikistan Tajik Tanzania
  Thailand Thai Togo Tonga Trinidad Tobago Tunisia Tunisian Turkey Turkish Turk Turks Turkmenistan
  Turkmen Tuvalu Uganda Ukraine Ukrainian Uruguay Uzbekistan Uzbek Vanuatu Vatican Venezuela Venezuelan
  Vietnam Vietnamese Yemen Yemeni Yugoslavia Yugoslav Zambia Zimbabwe Britain British Briton England
  English Scotland Scottish Scot Wales Welsh America American Americans Europe European Europeans Asia
  Asian Africa African Africans Arabia Arab Arabs Saudi Saudis Emirates Caucasus Caucasian Balkans Balkan
  Baltic Baltics Scandinavia Scandinavian Siberia Siberian Crimea Chechnya Chechen Abkhazia Ossetia Karabakh
  Nagorno Nagorno-Karabakh Nakhchivan Kurdistan Kurd Kurds Kurdish Tibet Tibetan Taiwan Taiwanese Kashmir
  Eurasia Eurasian Oceania Antarctica Arctic Mediterranean Atlantic Pacific Baltic Caribbean Latin Nordic
  Slavic Anglo Soviet Soviets Persian Ottoman Byzantine Hispanic Khmer Columbia San Santa Los Las Rio Fort Port Porto Puerto Latino Muslim Muslims Christian
  Christians Jewish Jew Jews Catholic Catholics Protestant Orthodox Islamic Islam Sunni Shia Shiite Hindu
  Buddhist Sikh Western Eastern Northern Southern Westerners Baku Ganja Sumgait Tbilisi Yerevan Moscow
  Kyiv Kiev Minsk Ankara Istanbul Tehran Baghdad Damascus Beirut Amman Jerusalem Cairo Riyadh Kabul
  Islamabad Delhi Mumbai Beijing Shanghai Tokyo Seoul Pyongyang Bangkok Hanoi Manila Jakarta Singapore
  Sydney Canberra Ottawa Toronto Montreal Washington Chicago Boston Houston Dallas Atlanta Miami Detroit
  Seattle Philadelphia Denver London Paris Berlin Bonn Rome Madrid Lisbon Brussels Amsterdam Vienna Prague
  Warsaw Budapest Bucharest Sofia Belgrade Zagreb Sarajevo Athens Stockholm Oslo Copenhagen Helsinki Dublin
  Geneva Zurich Bern Luxembourg Strasbourg Munich Frankfurt Hamburg Milan Naples Barcelona Kosovo Pristina
  Skopje Tirana Chisinau Riga Vilnius Tallinn Astana Almaty Tashkent Bishkek Dushanbe Ashgabat Mexico
  Havana Caracas Bogota Lima Santiago Brasilia Nairobi Lagos Johannesburg Pretoria Khartoum Tripoli Tunis
  Algiers Rabat Baghdad Gaza Ramallah Kuwait Doha Dubai Muscat Sanaa Karachi Lahore Dhaka Colombo Kathmandu
  Yangon Phnom Penh Vientiane Taipei Osaka Brasil Quebec Ontario California Texas Florida Virginia Maryland
  Massachusetts Ohio Michigan Illinois Pennsylvania Arizona Nevada Oregon Colorado Alaska Hawaii Kansas
  Missouri Kentucky Tennessee Alabama Louisiana Mississippi Oklahoma Iowa Nebraska Minnesota Wisconsin
  Indiana Connecticut Vermont Maine Delaware Utah Idaho Montana Wyoming Dakota Carolina Manhattan Brooklyn
  Bronx Queens Hollywood Silicon Kremlin Pentagon Whitehall Downing Capitol Westminster Elysee
  Transcaucasia Transcaucasian Anatolia Levant Maghreb Sahara Sahel Himalaya Himalayas Alps Urals Volga
  Danube Nile Amazon Euphrates Tigris Jordan Caspian Adriatic Aegean Ionian Iberian Scandinavian
  Commonwealth Hong Kong Macau Macao
`;

// Places written as two or more capitalised words, matched against a whole candidate name.
export const MULTI_WORD_PLACES = new Set(
  [
    'Hong Kong',
    'Sri Lanka',
    'Costa Rica',
    'Puerto Rico',
    'El Salvador',
    'San Marino',
    'Sierra Leone',
    'Burkina Faso',
    'Cape Verde',
    'Los Angeles',
    'Las Vegas',
    'San Francisco',
    'San Diego',
    'San Jose',
    'San Antonio',
    'Santa Fe',
    'Santa Monica',
    'Buenos Aires',
    'Rio Janeiro',
    'Sao Paulo',
    'São Paulo',
    'Tel Aviv',
    'Kuala Lumpur',
    'Abu Dhabi',
    'Addis Ababa',
    'Dar Salaam',
    'Port Louis',
    'Port Moresby',
    'Phnom Penh',
    'Ho Chi Minh',
    'Chi Minh',
    'Rhode Island',
    'Wall Street',
    'Fleet Street',
    'Tiananmen Square',
    'Saint Petersburg',
    'St Petersburg',
    'Nizhny Novgorod',
    'Nagorno Karabakh',
    'Sharm Sheikh',
    'Baton Rouge',
    'Des Moines',
    'Salt Lake',
    'Beverly Hills',
    'Palm Beach',
    'Pearl Harbor',
  ].map((s) => s.toLowerCase()),
);

const MODIFIERS = `
  Defence Defense Foreign Interior Internal External Home Finance Economy Economic Economics Justice
  Health Education Trade Energy Agriculture Labour Labor Culture Cultural Transport Transportation
  Communications Information Affairs National International Federal Central Regional Local Municipal
  Special Senior Permanent Supreme High Higher Executive Military Political Public Joint Armed Naval Air
  Cooperative Co-operative Acting Former First Second Third Fourth Fifth New Old Great Grand Greater United
  North South East West Northern Southern Eastern Western Upper Lower Middle Near Far Euro Euro-Atlantic
  Democratic Republican Socialist Communist Liberal Conservative Labour Royal Imperial Presidential
  Parliamentary Ministerial Constitutional Diplomatic Strategic Tactical Technical Scientific Social
  Humanitarian Human Rights Environment Environmental Emergency Emergencies Situations Veterans Youth
  Sports Sport Tourism Industry Commerce Communications Science Technology Housing Urban Rural Water
  Resources Natural Mineral Fisheries Forestry Territorial Administrative General Legal Judicial
  Legislative Civil Civilian Criminal Investigation Intelligence Counter-Terrorism Anti-Terrorism
  Anti-Corruption Nuclear Atomic Space Aerospace Maritime Border Customs Tax Taxation Revenue Statistics
  Planning Review Operational Operations Logistics Personnel Staff Readiness Training Readiness Interim
  Provisional Transitional Standing Select Ad Hoc Advisory Consultative Coordinating Executive
  Independent Free Popular People's People Peoples Workers Islamic Christian Holy Blessed Saint Sacred
  Individual Mutual Collective Common Multinational Multilateral Bilateral Trilateral Global World
  Worldwide Universal Continental Intercontinental Transatlantic Atlantic Pacific Arctic Oriental
  Headquarters Allied Coalition Peacekeeping Peace-keeping Peace Support Rapid Reaction Response
  Stabilization Stabilisation Reconstruction Relief Aid Development Monetary Fiscal Financial Budget
  Audit Ethics Oversight Appropriations Intelligence Armed Resolute Enduring Lasting Active Reserve
  Strategic Partnership Cooperation Co-operation Euro-Atlantic Trans-Atlantic Transcaucasian Caspian
  Real Estate Stock Property Securities Commodity Commodities Industrial Commercial Retail Wholesale
  Investment Capital Private Corporate Business Consumer Consumers Chamber Chambers Deputy Vice Acting
  Climate Digital Migration Immigration Competition Antitrust Privacy Disarmament Refugee Refugees Arms
  Vaccine Vaccines Drug Drugs Weather Trade Budget Economy Pensions Police Prisons Fisheries Cyber
`;

const CALENDAR = `January February March April May June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
  Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun Spring Summer Autumn Fall Winter`;

// Capitalised only because they start a sentence, a heading or a quotation.
const FUNCTION_WORDS = `
  The A An In On At By For From To With Without Of And But Or Nor So Yet If When Whenever While Whilst
  After Before Since Until Till As Although Though Because This That These Those It Its It's He She They
  We You I His Her Hers Their Theirs Our Ours My Your There Here Then Now Also However Furthermore Moreover
  Meanwhile Thus Hence Therefore Earlier Later Last Next Yesterday Today Tonight Tomorrow Thanks According
  During Unlike Like Despite Among Amongst Between Under Over Through Throughout Into Onto Upon About Above
  Below Beyond Both Each Every All Some Many Most Several Such Other Others Another Any No Not Only Even
  Still Just Why What Who Whom Whose Which Where How Yes Instead Indeed Besides Whether Once Twice One Two
  Three Four Five Six Seven Eight Nine Ten Hundreds Thousands Millions Dozens Almost Nearly About Around
  Across Against Along Alongside Amid Amidst Behind Beside Beneath Inside Outside Within Toward Towards
  Via Per Except Including Following Regarding Concerning Considering Given Due Overall Finally Firstly
  Secondly Lastly Initially Eventually Currently Recently Previously Subsequently Accordingly Consequently
  Nevertheless Nonetheless Otherwise Additionally Similarly Likewise Namely Especially Particularly
  Notably Clearly Obviously Apparently Perhaps Maybe Certainly Surely Actually Really Already Again Always
  Never Often Sometimes Usually Soon Ago Much More Less Least Few Fewer Very Too Well Whatever Whoever
  Whichever Wherever However Unless Except Hereby Herein Thereby Therein Why Please Dear Hello Hi Oh Ah
  Let Let's Do Does Did Don't Doesn't Didn't Is Are Was Were Be Been Being Have Has Had Will Would Shall
  Should Can Could May Might Must Ought Said Says Say Asked Told Meanwhile Elsewhere Nowhere Everyone
  Everybody Everything Someone Somebody Something Anyone Anything Nobody Nothing None Neither Either
  Mrs. Mr. Ms. Dr. Brief Background Summary Introduction Conclusion Note Notes Update Updated Source Sources
  Photo Video Read See Also Related Editor Editorial Opinion Analysis Interview Exclusive Breaking Report
  Reported Reports Reporting Total Overall Tuesday's Today's Unlike
`;

const CLASSES = new Map<string, WordClass>();
add(CLASSES, WordClass.Office, OFFICES);
add(CLASSES, WordClass.Honorific, HONORIFICS);
add(CLASSES, WordClass.Calendar, CALENDAR);
add(CLASSES, WordClass.Place, PLACES);
// Plural demonyms (`Albanians`, `Azerbaijanis`) behave like the singular.
for (const [w, cls] of [...CLASSES]) {
  if (cls === WordClass.Place && /(?:an|i|ch|sh)$/.test(w))
    add(CLASSES, WordClass.Place, /(?:ch|sh)$/.test(w) ? w + 'es' : w + 's');
}
add(CLASSES, WordClass.Organisation, ORGANISATIONS);
add(CLASSES, WordClass.Modifier, MODIFIERS);
add(CLASSES, WordClass.Function, FUNCTION_WORDS);

// Lower-case words that may stand inside a title (`head of state`, `minister of foreign
// affairs`, `chairman of the verification committee`): the lower-cased offices, modifiers
// and organisation words, plus a few nouns news uses for roles.
const LOWER_TITLE_WORDS = new Map<string, WordClass>();
for (const [w, cls] of CLASSES) {
  if (cls === WordClass.Office || cls === WordClass.Modifier || cls === WordClass.Organisation) {
    const lower = w.toLowerCase();
    if (!LOWER_TITLE_WORDS.has(lower)) LOWER_TITLE_WORDS.set(lower, cls);
  }
}
add(
  LOWER_TITLE_WORDS,
  WordClass.Office,
  `envoy spokesman spokeswoman spokesperson head chief minister secretary chairman chairwoman director
   ambassador representative commander president governor mayor leader official officer adviser advisor
   aide negotiator mediator delegate emissary attache attaché consul chancellor premier deputy agent
   agents co-chair co-chairman co-chairwoman presidents ministers directors ambassadors leaders chairmen
   officers executives managers governors senators secretaries envoys spokesmen commanders`,
);
add(
  LOWER_TITLE_WORDS,
  WordClass.Modifier,
  `special deputy vice acting former first senior chief foreign defence defense interior state permanent
   new then top senior-most late incoming outgoing interim assistant associate executive general`,
);

// The same lists for the tokenizer, which looks up every word where it stands in the text.
const CLASS_TABLE = new WordTable(CLASSES);
const LOWER_TITLE_TABLE = new WordTable(LOWER_TITLE_WORDS);

/**
 * Class of one word as written. Hyphenated words take the class of their most telling
 * part (`Secretary-General` is an office, `Azerbaijan-NATO` a place), so compounds need
 * no entries of their own.
 */
export function classifyWord(word: string): WordClass {
  const direct = CLASSES.get(word);
  if (direct !== undefined) return direct;
  if (word.includes('-')) {
    let best: WordClass = WordClass.Name;
    for (const part of word.split('-')) {
      const cls = CLASSES.get(part) ?? LOWER_TITLE_WORDS.get(part);
      if (cls !== undefined && (best === WordClass.Name || cls < best)) best = cls;
    }
    return best;
  }
  return WordClass.Name;
}

/**
 * `classifyWord(text.slice(start, end))`, making no string unless the word is hyphenated and
 * in no list. The tokenizer has read the word, so it passes what it learnt: the word's
 * `wordHash` and whether it holds a hyphen.
 */
export function classifyWordAt(
  text: string,
  start: number,
  end: number,
  hash: number,
  hyphenated: boolean,
): WordClass {
  const direct = CLASS_TABLE.get(text, start, end, hash);
  if (direct !== undefined) return direct;
  return hyphenated ? classifyWord(text.slice(start, end)) : WordClass.Name;
}

/** Class of a lower-case word inside a title (`head`, `envoy`, `affairs`), or undefined. */
export function classifyLowerTitleWord(word: string): WordClass | undefined {
  return LOWER_TITLE_WORDS.get(word);
}

/** `classifyLowerTitleWord(text.slice(start, end))`, without making the string; `hash` is its `wordHash`. */
export function classifyLowerTitleWordAt(
  text: string,
  start: number,
  end: number,
  hash: number,
): WordClass | undefined {
  return LOWER_TITLE_TABLE.get(text, start, end, hash);
}

/** Country and city abbreviations written as tight initials (`U.S.`), which are no person's initials (`J.C.`). */
export const ABBREVIATED_INITIALS = new Set([
  'US',
  'UK',
  'UN',
  'EU',
  'DC',
  'LA',
  'NY',
  'NJ',
  'SA',
  'AG',
  'NV',
  'BV',
]);

/** Written after a name but not part of it: `John C. Maxwell Jr`. */
export const NAME_SUFFIXES = new Set(['Jr', 'Sr', 'Jnr', 'Snr', 'II', 'III', 'IV']);

/** Name particles: lower-case words that stand inside a name (`Jaap de Hoop Scheffer`). */
export const NAME_PARTICLES = new Set([
  'de',
  'da',
  'das',
  'do',
  'dos',
  'du',
  'del',
  'della',
  'der',
  'den',
  'di',
  'van',
  'von',
  'ter',
  'te',
  'la',
  'le',
  'bin',
  'ibn',
  'bint',
  'al',
  'el',
  'ben',
  'abu',
  'zu',
  'af',
  'av',
  'ap',
  'y',
  'e',
  'op',
]);

/** `al-Assad`, `el-Sisi`, `bin-Laden`: a particle fused to the name by a hyphen. */
export const FUSED_PARTICLE = /^(?:al|el|bin|ibn|abu|ul|ad|as|ash|at|az)-\p{Lu}/u;

/** Words that may join a title's parts: `Secretary-General of NATO`, `envoy on South Caucasus`. */
export const TITLE_CONNECTORS = new Set(['of', 'for', 'on', 'to', 'in', 'at', 'and', 'the', '&']);

/** Determiners that may open a title but are not part of it (`its Secretary-General`). */
export const TITLE_DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our', 'whose']);

/** Lower-case words after which an appositive title has ended (`..., the new X of NATO visited Baku`). */
export const CLAUSE_WORDS = new Set([
  'said',
  'says',
  'say',
  'told',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'has',
  'have',
  'had',
  'will',
  'would',
  'shall',
  'should',
  'can',
  'could',
  'may',
  'might',
  'must',
  'who',
  'whom',
  'which',
  'that',
  'met',
  'made',
  'went',
  'came',
  'gave',
  'took',
  'left',
  'held',
  'led',
  'sent',
  'spoke',
  'wrote',
  'got',
  'became',
  'began',
  'brought',
  'thought',
  'saw',
  'knew',
  'did',
  'does',
  'do',
  'also',
  'then',
  'when',
  'while',
  'as',
  'after',
  'before',
  'because',
  'but',
  'since',
  'not',
  'and',
  'visits',
  'arrives',
  'meets',
  'announced',
  'stated',
  'noted',
  'added',
  'stressed',
  'emphasized',
  'welcomed',
  'expressed',
  'signed',
]);

// ---------------------------------------------------------------- evidence of a person

/** A set of words that is also looked up in place (`hasAt(text, start, end)`), making no string. */
export interface WordSet extends ReadonlySet<string> {
  hasAt(text: string, start: number, end: number): boolean;
  /** `hasAt` for a word whose `wordHash` is known (the tokens' `hash` column). */
  hashedAt(text: string, start: number, end: number, hash: number): boolean;
}

// A class, so that every set shares one `hasAt`: the lookups stay one call target, which the
// optimising compiler inlines (a closure per set made the call sites megamorphic).
class LexiconSet extends Set<string> implements WordSet {
  private readonly table: WordTable<true>;

  constructor(words: readonly string[]) {
    super(words.filter(Boolean));
    this.table = new WordTable(new Map([...this].map((w) => [w, true] as const)));
  }

  hasAt(text: string, start: number, end: number): boolean {
    return this.table.get(text, start, end, wordHash(text, start, end)) === true;
  }

  hashedAt(text: string, start: number, end: number, hash: number): boolean {
    return this.table.get(text, start, end, hash) === true;
  }
}

export function wordSet(words: readonly string[]): WordSet {
  return new LexiconSet(words);
}

const GIVEN_TABLE = new WordTable(
  new Map(
    GIVEN_NAMES.split(/\s+/)
      .filter(Boolean)
      .map((w) => [w, true] as const),
  ),
);

/**
 * Whether `text.slice(start, end)` is a common given name (see givenNameData.ts), written
 * capitalised (`John`) or in capitals (`JOHN`, a transcript's speaker label); `hash`, its
 * `wordHash` when the caller knows it.
 */
export function isGivenNameAt(text: string, start: number, end: number, hash?: number): boolean {
  if (end - start < 2) return false;
  const second = text.charCodeAt(start + 1);
  if (second >= 65 && second <= 90) {
    const word = text.charAt(start) + text.slice(start + 1, end).toLowerCase();
    return GIVEN_TABLE.get(word, 0, word.length, wordHash(word, 0, word.length)) === true;
  }
  return GIVEN_TABLE.get(text, start, end, hash ?? wordHash(text, start, end)) === true;
}

/** Verbs of saying: `Ivan Petrov said`, `said Ivan Petrov`. Organisations say things too, but rarely by name alone. */
export const SAYING_VERBS = wordSet(
  `said says say told tells asked asks added adds stated states noted notes declared declares announced
   announces explained explains insisted insists argued argues wrote writes replied replies warned warns
   urged urges claimed claims acknowledged acknowledges recalled recalls testified testifies admitted
   admits complained complains suggested suggests predicted predicts conceded concedes cautioned
   remarked observed commented continued recounted quipped shouted whispered answered responded`.split(/\s+/),
);

/**
 * Nouns that name a thing by a title-case phrase right after them: ships (`the aircraft carrier
 * John F. Kennedy`), exercises and programmes (`exercise Sea Breeze`), firms (`the bank Societe
 * Generale`). A name right after one of these is the thing's name, not a person.
 */
export const THING_NOUNS = wordSet(
  `carrier ship vessel frigate destroyer cruiser submarine tanker freighter liner warship battleship boat
   yacht ferry schooner exercise exercises drill drills manoeuvres maneuvers operation programme program
   project codenamed code-named dubbed hurricane storm typhoon cyclone brand label company firm bank
   carmaker automaker airline insurer retailer conglomerate group band album film movie novel song
   newspaper magazine channel network station party movement USS HMS MV RMS HMCS INS`.split(/\s+/),
);

/** Royal and religious offices whose holder is named by one given (regnal) name: `King Hussein`, `Pope Francis`. */
export const REGNAL_OFFICES = new Set(
  'king queen prince princess emperor empress sultan emir sheikh pope shah tsar czar duke duchess'.split(' '),
);

/** Offices that are also surnames, read as the surname after a given name: `Prakash Shah`, `Martin Luther King`. */
export const SURNAME_OFFICES = new Set(['Shah', 'King', 'Bishop', 'Judge', 'Major', 'Marshal', 'Chancellor']);

/**
 * Nouns for what a person is that are no office: `economist Jan Hatzius`, `the lawyer Anna
 * Berg`. Right before a name they say it is a person's (and no official's).
 */
export const PERSON_ROLES = wordSet(
  `economist economists analyst analysts professor researcher scientist lawyer doctor physician nurse
   reporter correspondent journalist author writer novelist poet historian activist student teacher
   singer actor actress artist player coach striker champion investor billionaire entrepreneur founder
   widow resident farmer worker victim suspect survivor witness expert strategist epidemiologist
   virologist owner priest monk nun explorer mountaineer climber athlete`.split(/\s+/),
);

/** What a possessive name is followed by when it is a person's: `Petrov's wife`, `Berg's lawyer`. */
export const KIN_NOUNS = wordSet(
  `wife husband son sons daughter daughters father mother brother brothers sister sisters family parents
   children child widow uncle aunt cousin nephew niece grandson granddaughter grandfather grandmother
   lawyer lawyers attorney attorneys aide aides spokesman spokeswoman death funeral birthday
   home house office successor predecessor mother-in-law father-in-law palace palaces regime troops forces
   army supporters followers opponents critics rivals allies memoirs biography`.split(/\s+/),
);

/** Lower-case patronymic markers inside a name: `Mammad Ali oglu Huseynov`. Part of the given names. */
export const PATRONYMIC_MARKERS = new Set([
  'oglu',
  'ogly',
  'oğlu',
  'qizi',
  'gizi',
  'kyzy',
  'kizi',
  'uulu',
  'uly',
]);

/** Particles that may open a surname written without its given names: `de Hoop Scheffer`, `van der Berg`. */
export const LEADING_PARTICLES = new Set(
  'de van von der den du da di del della dos das ter al el bin ibn ben abu'.split(' '),
);

/** What a lower-case word is inside a name, as bits (see `particleKindAt`). */
export const enum Particle {
  /** `de`, `van`, `bin`: stands inside a name. */
  Inner = 1,
  /** `de`, `van der`: may open a surname written alone. */
  Leading = 2,
  /** `oglu`: a patronymic marker, part of the given names. */
  Patronymic = 4,
}

const PARTICLE_KINDS = new Map<string, number>();
for (const w of NAME_PARTICLES) PARTICLE_KINDS.set(w, (PARTICLE_KINDS.get(w) ?? 0) | Particle.Inner);
for (const w of LEADING_PARTICLES) PARTICLE_KINDS.set(w, (PARTICLE_KINDS.get(w) ?? 0) | Particle.Leading);
for (const w of PATRONYMIC_MARKERS)
  PARTICLE_KINDS.set(w, (PARTICLE_KINDS.get(w) ?? 0) | Particle.Inner | Particle.Patronymic);
const PARTICLE_TABLE = new WordTable(PARTICLE_KINDS);

/**
 * The `Particle` bits of the lower-case word `text.slice(start, end)`, 0 for none, without
 * making the string; `hash`, its `wordHash` when the caller knows it (the tokenizer does).
 */
export function particleKindAt(text: string, start: number, end: number, hash?: number): number {
  if (end - start > 5 || text.charCodeAt(start + 2) === 45 || text.charCodeAt(start + 3) === 45) {
    // `al-Assad`: a particle fused by a hyphen after two or three letters
    if (text.charCodeAt(start + 2) !== 45 && text.charCodeAt(start + 3) !== 45) return 0;
    return FUSED_PARTICLE.test(text.slice(start, Math.min(end, start + 8))) ? Particle.Inner : 0;
  }
  return PARTICLE_TABLE.get(text, start, end, hash ?? wordHash(text, start, end)) ?? 0;
}
