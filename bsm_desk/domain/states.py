"""The States a list may name, and the organizations conferences of the region see.

The 193 Member States of the United Nations (ISO 3166-1 codes) and the two observer
States; their names in English and Russian come from the Unicode CLDR (through babel,
services/registry/states.py), with the names lists use besides (delegation_names.py).
Organizations are named here in both languages, by the acronym lists use.
"""

from __future__ import annotations

MEMBER_STATES = tuple("""
AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV
KH CM CA CF TD CL CN CO KM CG CR CI HR CU CY CZ KP CD DK DJ DM DO EC EG SV GQ ER EE SZ
ET FJ FI FR GA GM GE DE GH GR GD GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO
KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY MV ML MT MH MR MU MX FM MC MN ME MA
MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA KR MD RO RU RW KN
LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO
TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW
""".split())
OBSERVER_STATES = ("VA", "PS")  # the Holy See, the State of Palestine

# The UN's own names where CLDR's short ones differ, as lists of participants print them.
UN_NAMES: dict[str, tuple[str, str]] = {
    "GB": ("United Kingdom of Great Britain and Northern Ireland",
           "Соединённое Королевство Великобритании и Северной Ирландии"),
    "US": ("United States of America", "Соединённые Штаты Америки"),
    "RU": ("Russian Federation", "Российская Федерация"),
    "IR": ("Iran (Islamic Republic of)", "Иран (Исламская Республика)"),
    "KR": ("Republic of Korea", "Республика Корея"),
    "KP": ("Democratic People's Republic of Korea", "Корейская Народно-Демократическая "
           "Республика"),
    "MD": ("Republic of Moldova", "Республика Молдова"),
    "SY": ("Syrian Arab Republic", "Сирийская Арабская Республика"),
    "TZ": ("United Republic of Tanzania", "Объединённая Республика Танзания"),
    "VE": ("Venezuela (Bolivarian Republic of)", "Венесуэла (Боливарианская Республика)"),
    "BO": ("Bolivia (Plurinational State of)", "Боливия (Многонациональное Государство)"),
    "LA": ("Lao People's Democratic Republic", "Лаосская Народно-Демократическая "
           "Республика"),
    "KG": ("Kyrgyzstan", "Кыргызстан"),
    "CD": ("Democratic Republic of the Congo", "Демократическая Республика Конго"),
    "FM": ("Micronesia (Federated States of)", "Микронезия (Федеративные Штаты)"),
    "VA": ("Holy See", "Святой Престол"),
    "PS": ("State of Palestine", "Государство Палестина"),
    "TR": ("Türkiye", "Турция"),
    "CZ": ("Czechia", "Чехия"),
}

# Organizations by the key delegation_names.ALIASES gives them: English, Russian.
ORGANIZATIONS: dict[str, tuple[str, str]] = {
    "UN": ("United Nations", "Организация Объединённых Наций"),
    "UNODC": ("United Nations Office on Drugs and Crime (UNODC)",
              "Управление ООН по наркотикам и преступности (УНП ООН)"),
    "UNOCT": ("United Nations Office of Counter-Terrorism (UNOCT)",
              "Контртеррористическое управление ООН (УКТ ООН)"),
    "UNHCR": ("Office of the UN High Commissioner for Refugees (UNHCR)",
              "Управление Верховного комиссара ООН по делам беженцев (УВКБ ООН)"),
    "UNDP": ("United Nations Development Programme (UNDP)",
             "Программа развития ООН (ПРООН)"),
    "UNRCCA": ("UN Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)",
               "Региональный центр ООН по превентивной дипломатии для Центральной Азии "
               "(РЦПДЦА)"),
    "IOM": ("International Organization for Migration (IOM)",
            "Международная организация по миграции (МОМ)"),
    "OSCE": ("Organization for Security and Co-operation in Europe (OSCE)",
             "Организация по безопасности и сотрудничеству в Европе (ОБСЕ)"),
    "EU": ("European Union", "Европейский союз"),
    "CIS": ("Commonwealth of Independent States (CIS)",
            "Содружество Независимых Государств (СНГ)"),
    "CSTO": ("Collective Security Treaty Organization (CSTO)",
             "Организация Договора о коллективной безопасности (ОДКБ)"),
    "SCO": ("Shanghai Cooperation Organisation (SCO)",
            "Шанхайская организация сотрудничества (ШОС)"),
    "CICA": ("Conference on Interaction and Confidence-Building Measures in Asia (CICA)",
             "Совещание по взаимодействию и мерам доверия в Азии (СВМДА)"),
    "INTERPOL": ("International Criminal Police Organization (INTERPOL)",
                 "Международная организация уголовной полиции (Интерпол)"),
    "NATO": ("North Atlantic Treaty Organization (NATO)",
             "Организация Североатлантического договора (НАТО)"),
    "WCO": ("World Customs Organization (WCO)", "Всемирная таможенная организация (ВТамО)"),
}
