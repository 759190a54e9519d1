"""Cyrillic to Latin, the way passports of the region spell names.

``icao`` is ICAO Doc 9303 (Russian passports since 2013: Юлия -> IULIIA). The
Central Asian schemes follow each country's passport practice closely enough for
the demo conference and for generating a Latin name that staff then check
against the passport.
"""

from __future__ import annotations

_ICAO = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "і": "i", "ї": "i", "є": "ie", "ґ": "g", "ў": "u",
    # Letters of Central Asian alphabets, read the nearest ICAO way.
    "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h", "ә": "a",
    "ҳ": "kh", "ҷ": "dzh", "ӯ": "u", "ӣ": "i",
}

_COMMON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya",
}

SCHEMES: dict[str, dict[str, str]] = {
    "icao": _ICAO,
    "tg": {**_COMMON, "ғ": "gh", "ӣ": "i", "қ": "q", "ӯ": "u", "ҳ": "h", "ҷ": "j",
           "х": "kh", "ъ": ""},
    "kk": {**_COMMON, "ә": "a", "ғ": "g", "қ": "k", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
           "һ": "h", "і": "i"},
    "ky": {**_COMMON, "ң": "ng", "ңг": "ng", "ө": "o", "ү": "u"},
    "uz": {**_COMMON, "ў": "o", "ғ": "g", "қ": "q", "ҳ": "h", "х": "kh", "ж": "j"},
}


# The scheme of each country whose passports write names by their own table.
COUNTRY_SCHEMES = {"TJ": "tg", "KZ": "kk", "KG": "ky", "UZ": "uz"}
_ONLY_TAJIK = set("ҷӯӣ")
_ONLY_KAZAKH = set("әұһі")
_KYRGYZ_OR_KAZAKH = set("ңөү")
_ONLY_UZBEK = set("ў")
_TAJIK_OR_UZBEK = set("ҳқғ")


def scheme_for(text: str, country: str = "") -> str:
    """The passport table for a Cyrillic name: the delegation's country's (ISO code),
    else the one its letters belong to (Ҷ, Ӯ, Ӣ: Tajik; Ә, Ұ, Һ, І: Kazakh; Ң, Ө, Ү:
    Kyrgyz; Ў: Uzbek; Ҳ, Қ, Ғ alone: Tajik), else ICAO 9303 as Russian passports."""
    found = COUNTRY_SCHEMES.get(str(country or "").upper())
    if found:
        return found
    letters = set(str(text or "").casefold())
    if letters & _ONLY_TAJIK:
        return "tg"
    if letters & _ONLY_KAZAKH:
        return "kk"
    if letters & _ONLY_UZBEK:
        return "uz"
    if letters & _KYRGYZ_OR_KAZAKH:
        return "ky"
    if letters & _TAJIK_OR_UZBEK:
        return "tg"
    return "icao"


def to_latin(text: str, scheme: str = "icao") -> str:
    """Transliterate ``text``, keeping capitals: Щукин -> Shchukin, ЩУКИН -> SHCHUKIN.

    A scheme may map two letters at once (Kyrgyz ңг -> ng); those are tried first.
    """
    table = SCHEMES[scheme]
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2].lower()
        size = 2 if len(pair) == 2 and pair in table else 1
        chunk = text[i:i + size]
        latin = table.get(chunk.lower())
        if latin is None:
            out.append(chunk)
        elif chunk[0].isupper() and latin:
            neighbours = text[max(i - 1, 0):i] + text[i + size:i + size + 1]
            all_caps = any(c.isupper() for c in neighbours)
            out.append(latin.upper() if all_caps else latin[0].upper() + latin[1:])
        else:
            out.append(latin)
        i += size
    return "".join(out)
