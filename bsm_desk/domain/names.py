"""One search key for a name, whatever script or spelling it was typed in.

Staff type what they hear or what the passport says: "Рахмонов", "Раҳмонов",
"Rakhmonov", "Rahmonov" and "rahmonov" are the same man. :func:`fold` brings each to
one key: Cyrillic (Russian, Tajik, Kazakh, Kyrgyz, Uzbek letters) is read into Latin,
diacritics and case are dropped, and the spelling variants of romanization are
merged (kh/h, zh/j, y/i, ya/ia, yu/iu, yo/e, gh/g, q/k, w/v, double letters). The key
is for matching only; it is never shown.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Cyrillic read for matching (not for passports): one Latin spelling per letter.
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "sh", "ъ": "", "ы": "i", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "є": "e", "і": "i", "ї": "i", "ґ": "g", "ў": "o",
    # Tajik
    "ғ": "g", "ӣ": "i", "қ": "k", "ӯ": "u", "ҳ": "h", "ҷ": "j",
    # Kazakh, Kyrgyz
    "ә": "a", "ң": "n", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
}
# Letters that Unicode does not decompose into a base letter and a mark.
_LATIN_EXTRA = {"ı": "i", "ø": "o", "æ": "ae", "œ": "oe", "ð": "d", "þ": "th", "ł": "l",
                "đ": "d", "ß": "ss", "ʼ": "", "’": "", "'": "", "`": ""}
_TABLE = str.maketrans({**_CYRILLIC, **_LATIN_EXTRA})

# Romanization variants, applied in this order to the Latin text; each with the strings
# one of which a text must hold for it to match (None: tried always), so that the
# usual name skips most of them (a fold of an unseen name took 10 µs, with every
# pattern tried on it; an import of 10,000 people folds some 40,000).
_REWRITES: list[tuple[re.Pattern[str], str, tuple[str] | tuple[str, str] | None]] = [
    (re.compile(r"y"), "i", ("y",)),
    (re.compile(r"shch|sch"), "sh", ("sch", "shch")),
    (re.compile(r"dzh|dj|zh"), "j", ("zh", "dj")),
    (re.compile(r"kh"), "h", ("kh",)),
    (re.compile(r"gh"), "g", ("gh",)),
    (re.compile(r"q"), "k", ("q",)),
    (re.compile(r"w"), "v", ("w",)),
    (re.compile(r"([a-z])\1+"), r"\1", None),  # Abdullaev / Abdulaev, Nurgaliyev -> nurgaliiev
    (re.compile(r"ie"), "e", ("ie",)),  # Yevgeny / Evgenii, Abdullayev / Abdullaev, Grigoryev
    (re.compile(r"io"), "e", ("io",)),  # Solovyov / Solovev / Соловьёв, Yorov / Ёров
    (re.compile(r"([a-z])\1+"), r"\1", None),
]
_SEPARATORS = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """The matching key of ``text``: lower-case Latin words separated by single spaces."""
    lowered = text.casefold().translate(_TABLE)
    if lowered.isascii():  # nothing to decompose, nor any Cyrillic left to read
        plain = lowered
    else:
        decomposed = unicodedata.normalize("NFKD", lowered)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
        # Decomposition can split й into и + breve: read the Cyrillic again.
        plain = plain.translate(_TABLE)
    # The rewrites, on all the words at once: none matches across the space between
    # two words, nor empties one, so this is each word rewritten (in half the calls for
    # a name of two words: an import of 10,000 folds some 40,000 names).
    folded = " ".join(_SEPARATORS.sub(" ", plain).split())
    for pattern, replacement, needs in _REWRITES:
        if needs is None or needs[0] in folded or needs[-1] in folded:  # one or two
            folded = pattern.sub(replacement, folded)
    return folded


def fold_pair(first: str, second: str) -> str:
    """``fold(f"{first} {second}")``, from the two parts' folds (each word is folded on
    its own, so the whole is its parts': and the parts, a family and a given name, are
    folded already, and cached, where a name is matched)."""
    a, b = fold(first), fold(second)
    return f"{a} {b}" if a and b else a or b


def fold_words(*parts: str) -> list[str]:
    """The distinct folded words of several name parts, in order."""
    seen: dict[str, None] = {}
    for part in parts:
        for word in fold(part).split():
            seen.setdefault(word, None)
    return list(seen)


_CYRILLIC_CHARS = re.compile(r"[\u0400-\u04ff]")
_LATIN_CHARS = re.compile(r"[A-Za-z\u00c0-\u024f]")


def script(text: str) -> str:
    """'cyrillic', 'latin', 'mixed' or '' (no letters): which field a name belongs in."""
    if text.isascii():  # no Cyrillic letter, nor any Latin one outside A-Z
        return "latin" if _LATIN_CHARS.search(text) else ""
    cyrillic = bool(_CYRILLIC_CHARS.search(text))
    latin = bool(_LATIN_CHARS.search(text))
    if cyrillic and latin:
        return "mixed"
    return "cyrillic" if cyrillic else "latin" if latin else ""


def mostly_cyrillic(text: str) -> bool:
    """More Cyrillic letters than Latin ones: “Роль стратегий UNOCT в борьбе с
    терроризмом” is Russian, acronyms and all."""
    return len(_CYRILLIC_CHARS.findall(text)) > len(_LATIN_CHARS.findall(text))


def slug(*parts: str) -> str:
    """A file-name part from names in any script: 'Таджикистан', 'A6' -> 'tadzhikistan-a6'
    (folded to Latin like the search key, so the same everywhere)."""
    words = [re.sub(r"[^a-z0-9]+", "-", fold(part).casefold()).strip("-") for part in parts]
    return "-".join(w for w in words if w)


# The Cyrillic alphabets of the region in one order: Russian, with the Tajik, Kazakh,
# Kyrgyz and Uzbek letters each right after the letter they build on (Ғ after Г, Қ
# after К, Ҷ after Ч, Ӯ after У...), as those languages' own alphabets place them.
CYRILLIC_ORDER = ("а ә б в г ғ д е ё ж з и ӣ і й к қ л м н ң о ө п р с т у ӯ ү ұ ў ф х ҳ "
                  "һ ц ч ҷ ш щ ъ ы ь э ю я").split()
_CYRILLIC_RANK = {letter: chr(0xE000 + index) for index, letter in enumerate(CYRILLIC_ORDER)}


def sort_key(text: str) -> str:
    """A name's place in an alphabetical list, as text that sorts by code point: case
    ignored, Latin by its letters, Cyrillic in :data:`CYRILLIC_ORDER` after Latin (a
    plain code-point sort would put Қодирова and Ҷӯраев after Шарипов, and ё after я).
    The event file sorts with it too (``bsm_sort_key``)."""
    folded = unicodedata.normalize("NFC", str(text or "")).casefold()
    return "".join(_CYRILLIC_RANK.get(c, c) for c in folded)
