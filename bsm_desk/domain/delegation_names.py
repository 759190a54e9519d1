"""What lists call a delegation: "Россия", "РФ", "ОБСЕ", "США", "UK"…

Each common short name, in English or Russian, points to a key: the ISO 3166 code of a
state, or the usual acronym of an organization. The importer finds a registered
delegation by its names, its ISO code or the acronym in brackets in its name
("Organization for Security and Co-operation in Europe (OSCE)"), and, failing that,
by the key of an alias here. The table is the place to add a name a list used.
"""

from __future__ import annotations

import re

# key -> the names lists use for it (compared after normalize_header: case, punctuation
# and ё/е do not matter).
ALIASES: dict[str, tuple[str, ...]] = {
    # States
    "RU": ("russia", "russian federation", "rf", "the russian federation", "россия",
           "рф", "российская федерация"),
    "US": ("usa", "us", "u s a", "united states", "united states of america", "america",
           "сша", "соединенные штаты", "соединенные штаты америки", "америка"),
    "GB": ("uk", "united kingdom", "great britain", "britain",
           "united kingdom of great britain and northern ireland", "великобритания",
           "соединенное королевство", "англия"),
    "TJ": ("tajikistan", "republic of tajikistan", "таджикистан", "республика таджикистан",
           "рт", "тоҷикистон", "ҷумҳурии тоҷикистон"),
    "KZ": ("kazakhstan", "republic of kazakhstan", "казахстан", "республика казахстан",
           "рк", "қазақстан"),
    "KG": ("kyrgyzstan", "kyrgyz republic", "kirgizia", "kyrgyzia", "кыргызстан",
           "киргизия", "кыргызская республика"),
    "UZ": ("uzbekistan", "republic of uzbekistan", "узбекистан", "республика узбекистан",
           "o zbekiston"),
    "TM": ("turkmenistan", "туркменистан", "туркмения"),
    "AF": ("afghanistan", "islamic republic of afghanistan", "афганистан"),
    "CN": ("china", "prc", "people s republic of china", "китай", "кнр",
           "китайская народная республика"),
    "IR": ("iran", "islamic republic of iran", "iran islamic republic of", "иран",
           "исламская республика иран"),
    "TR": ("turkey", "türkiye", "turkiye", "republic of türkiye", "турция",
           "турецкая республика"),
    "DE": ("germany", "federal republic of germany", "германия", "фрг"),
    "FR": ("france", "french republic", "франция"),
    "IT": ("italy", "италия"),
    "ES": ("spain", "испания"),
    "NL": ("netherlands", "the netherlands", "holland", "нидерланды", "голландия"),
    "CH": ("switzerland", "швейцария"),
    "AT": ("austria", "австрия"),
    "NO": ("norway", "норвегия"),
    "SE": ("sweden", "швеция"),
    "FI": ("finland", "финляндия"),
    "PL": ("poland", "польша"),
    "HU": ("hungary", "венгрия"),
    "BY": ("belarus", "republic of belarus", "беларусь", "белоруссия",
           "республика беларусь"),
    "AZ": ("azerbaijan", "азербайджан"),
    "AM": ("armenia", "армения"),
    "GE": ("georgia", "грузия"),
    "MN": ("mongolia", "монголия"),
    "IN": ("india", "индия"),
    "PK": ("pakistan", "пакистан"),
    "JP": ("japan", "япония"),
    "KR": ("korea", "south korea", "republic of korea", "южная корея", "республика корея",
           "корея"),
    "SA": ("saudi arabia", "ksa", "kingdom of saudi arabia", "саудовская аравия"),
    "AE": ("uae", "united arab emirates", "оаэ", "объединенные арабские эмираты",
           "эмираты"),
    "QA": ("qatar", "state of qatar", "катар"),
    "EG": ("egypt", "египет"),
    "JO": ("jordan", "иордания"),
    "ID": ("indonesia", "индонезия"),
    "MY": ("malaysia", "малайзия"),
    "CA": ("canada", "канада"),
    "AU": ("australia", "австралия"),
    "UA": ("ukraine", "украина"),
    # Organizations
    "OSCE": ("osce", "обсе", "organization for security and co operation in europe",
             "организация по безопасности и сотрудничеству в европе"),
    "UN": ("un", "united nations", "оон", "организация объединенных наций"),
    "UNOCT": ("unoct", "укт оон", "контртеррористическое управление оон",
              "united nations office of counter terrorism"),
    "UNODC": ("unodc", "унп оон", "управление оон по наркотикам и преступности"),
    "UNHCR": ("unhcr", "увкб оон"),
    "UNDP": ("undp", "проон"),
    "UNRCCA": ("unrcca", "рцпд оон"),
    "IOM": ("iom", "мом", "международная организация по миграции"),
    "EU": ("eu", "european union", "ес", "евросоюз", "европейский союз"),
    "CIS": ("cis", "снг", "содружество независимых государств"),
    "CSTO": ("csto", "одкб", "организация договора о коллективной безопасности"),
    "SCO": ("sco", "шос", "шанхайская организация сотрудничества"),
    "CICA": ("cica", "свмда"),
    "INTERPOL": ("interpol", "интерпол"),
    "NATO": ("nato", "нато"),
    "WCO": ("wco", "всемирная таможенная организация", "world customs organization"),
}

_ACRONYM = re.compile(r"\(([^()]{2,12})\)")


def acronyms(name: str) -> list[str]:
    """The acronyms a delegation's name gives in brackets: "... Europe (OSCE)" -> OSCE."""
    return [m.strip() for m in _ACRONYM.findall(name) if m.strip().isupper()]


# Words that make a new delegation's name an organization's rather than a state's.
_ORGANIZATION_WORDS = re.compile(
    r"\b(office|centre|center|organi[sz]ation|agency|programme|program|commission|council|"
    r"bureau|institute|union|association|foundation|network|secretariat|mission|fund|bank|"
    r"united nations|committee|structure|initiative|forum|"
    r"организация|управление|центр|программа|комиссия|совет|бюро|институт|союз|"
    r"ассоциация|фонд|сеть|секретариат|миссия|агентство|комитет|структура|оон)\b",
    re.IGNORECASE)


def looks_like_organization(name: str) -> bool:
    """"ОБСЕ", "UN Women", "Regional Office…": an acronym alone, or an organization's word.

    A state's short name (РФ, США, UK) is found through the aliases before this is asked.
    """
    bare = name.strip()
    words = bare.split()
    if len(words) == 1 and len(bare) >= 2 and bare.isupper():
        return True
    return bool(_ORGANIZATION_WORDS.search(bare)) or bare.upper().startswith("UN ")
