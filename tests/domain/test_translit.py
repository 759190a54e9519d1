import pytest

from bsm_desk.domain.translit import to_latin


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Юлия", "Iuliia"),             # ICAO 9303: ю -> iu, я -> ia
    ("Дмитрий", "Dmitrii"),         # й -> i
    ("Щукин", "Shchukin"),
    ("Хабаров", "Khabarov"),
    ("Соловьёв", "Solovev"),        # ь dropped, ё -> e
    ("Подъячев", "Podieiachev"),    # ъ -> ie, я -> ia
    ("ЦОЙ", "TSOI"),
])
def test_icao_9303_russian(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic, "icao") == latin


@pytest.mark.parametrize(("cyrillic", "latin"), [
    ("Раҳмонов", "Rahmonov"),
    ("Қурбонзода", "Qurbonzoda"),
    ("Ғафуров", "Ghafurov"),
    ("Ҷамшед", "Jamshed"),
    ("Ӯктам", "Uktam"),
    ("Шарифӣ", "Sharifi"),
])
def test_tajik_passport_spelling(cyrillic: str, latin: str) -> None:
    assert to_latin(cyrillic, "tg") == latin


def test_kazakh_kyrgyz_and_uzbek_letters() -> None:
    assert to_latin("Әйгерім Нұрғалиева", "kk") == "Aygerim Nurgalieva"
    assert to_latin("Чыңгыз Өмүрбеков", "ky") == "Chyngyz Omurbekov"
    assert to_latin("Ўткир Ҳамидов", "uz") == "Otkir Hamidov"


def test_non_cyrillic_text_is_kept() -> None:
    assert to_latin("O'Neil-Smith 2", "icao") == "O'Neil-Smith 2"


@pytest.mark.parametrize(("cyrillic", "country", "latin"), [
    ("Ҷӯраев Ҳакимҷон", "", "Juraev Hakimjon"),  # Tajik letters: the Tajik table
    ("Ғулбаҳор", "", "Ghulbahor"),
    ("Раҳимова Қодира", "", "Rahimova Qodira"),
    ("Юсупов Ёдгор", "TJ", "Yusupov Yodgor"),  # a Tajik delegation's Russian spelling
    ("Юсупов Ёдгор", "RU", "Iusupov Edgor"),  # Russian passports: ICAO 9303
    ("Юсупов Ёдгор", "", "Iusupov Edgor"),
    ("Әбішев Нұрлан", "", "Abishev Nurlan"),  # Kazakh letters
    ("Өмүрбеков", "", "Omurbekov"),  # Kyrgyz letters
    ("Ўктамов", "", "Oktamov"),  # Uzbek ў
])
def test_the_passport_table_follows_the_country_or_the_letters(cyrillic: str, country: str,
                                                              latin: str) -> None:
    from bsm_desk.domain.translit import scheme_for

    assert to_latin(cyrillic, scheme_for(cyrillic, country)) == latin
