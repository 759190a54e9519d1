"""Facts of the Dushanbe conference (18-19 October 2022) and pools of real-looking names.

Everything here is data. The event, venue, programme and side event come from the
concept notes in shared/seeds; session times are plausible UN-style blocks, since
the documents do not give them. People are synthetic.
"""

from __future__ import annotations

from bsm_desk.domain.model import DelegationType

MS = DelegationType.MEMBER_STATE
IO = DelegationType.INTERNATIONAL_ORGANIZATION
CS = DelegationType.CIVIL_SOCIETY
OT = DelegationType.OTHER

EVENT = {
    "code": "BSM22",
    "title_en": (
        "High-Level Conference \u201cInternational and Regional Border Security and Management"
        " Cooperation to Counter Terrorism and Prevent the Movement of Terrorists\u201d"
    ),
    "title_ru": (
        "Конференция высокого уровня \u00abМеждународное и региональное сотрудничество"
        " в области безопасности и управления границами в целях противодействия терроризму"
        " и предотвращения передвижения террористов\u00bb"
    ),
    "venue_en": "Dushanbe State Complex \u201cKokhi Somon\u201d, 122 Rudaki Ave., Dushanbe, Tajikistan",
    "venue_ru": "Государственный комплекс \u00abКохи Сомон\u00bb, пр. Рудаки, 122, Душанбе, Таджикистан",
    "time_zone": "Asia/Dushanbe",
    "start_date": "2022-10-18",
    "end_date": "2022-10-19",
}

# English, Russian, floor, capacity, interpretation booths, equipment
ROOMS = [
    ("Plenary Hall", "Пленарный зал", "1", 800, 2,
     ("projector", "microphones", "streaming")),
    ("Conference room, 2nd floor", "Конференц-зал, 2-й этаж", "2", 120, 2,
     ("projector", "microphones")),
    ("Meeting Room A", "Переговорная A", "2", 40, 0, ("projector", "microphones")),
    ("Meeting Room B", "Переговорная B", "3", 30, 0, ("projector",)),
    ("Press Centre", "Пресс-центр", "1", 60, 0, ("microphones", "streaming")),
    ("Bilateral Room 1", "Зал двусторонних встреч 1", "3", 12, 0, ()),
    ("Bilateral Room 2", "Зал двусторонних встреч 2", "3", 12, 0, ()),
]

# day (1 or 2), local start, local end, kind, English, Russian, room index, organizer,
# closed to (category codes)
PROGRAMME = [
    (1, "10:00", "11:30", "plenary", "High-Level Opening Session",
     "Открытие конференции высокого уровня", 0, "", ()),
    (1, "11:30", "13:00", "closed", "Heads of Delegation Session",
     "Заседание глав делегаций", 0, "", ("media", "observer", "cso")),
    (1, "13:30", "14:30", "side_event",
     "The Role of the National Border Management Strategies in CT context",
     "Роль национальных стратегий управления границами в контексте противодействия терроризму",
     1, "UNOCT/UNCCT Border Security and Management Programme", ()),
    (1, "13:30", "14:30", "side_event",
     "Behavioural Insights for Border Security",
     "Поведенческие подходы в обеспечении безопасности границ",
     2, "UNOCT/UNCCT", ()),
    (1, "15:00", "16:30", "thematic",
     "Thematic Session I: Regional Border Security Challenges: Identifying Threats, Risks"
     " and Avenues for Improvement",
     "Тематическая сессия I. Региональные вызовы безопасности границ: выявление угроз,"
     " рисков и путей совершенствования", 0, "", ()),
    (1, "16:45", "18:15", "thematic",
     "Thematic Session II: The Phenomenon of FTFs and Its Implications for the Central Asian"
     " Region and Beyond and Addressing Related Border Security Needs through the Support of"
     " the International Community",
     "Тематическая сессия II. Феномен иностранных боевиков-террористов и его последствия для"
     " Центральноазиатского региона и за его пределами; удовлетворение связанных с этим"
     " потребностей в безопасности границ при поддержке международного сообщества",
     0, "", ()),
    (2, "10:00", "11:30", "thematic",
     "Thematic Session III: Towards Effective Rule of Law Based Border Security Management"
     " Strategies and Whole-of-Society Solutions",
     "Тематическая сессия III. К эффективным стратегиям управления безопасностью границ на"
     " основе верховенства права и решениям с участием всего общества", 0, "", ()),
    (2, "11:45", "13:15", "thematic",
     "Thematic Session IV: Strengthening Regional and International Cooperation on Border"
     " Security and Management in the Counter-Terrorism Context: The Way Forward",
     "Тематическая сессия IV. Укрепление регионального и международного сотрудничества в"
     " области безопасности и управления границами в контексте противодействия терроризму:"
     " дальнейшие шаги", 0, "", ()),
    (2, "13:30", "14:30", "side_event",
     "Resource Mobilization for Border Security and Management in Central Asia",
     "Мобилизация ресурсов для безопасности и управления границами в Центральной Азии",
     1, "UNOCT, European Union", ()),
    (2, "13:30", "14:30", "side_event",
     "Women in Border Security: Gender-Responsive Border Management",
     "Женщины в сфере безопасности границ: управление границами с учётом гендерных аспектов",
     2, "OSCE", ()),
    (2, "15:00", "16:30", "plenary",
     "Closing Session: Adoption of the Dushanbe Declaration and the Co-Chairs' Summary",
     "Заключительное заседание: принятие Душанбинской декларации и резюме сопредседателей",
     0, "", ()),
]

# English, Russian, type, ISO code, name pool, weight (share of participants),
# e-mail domain. Order is only for reading; protocol order is computed.
DELEGATIONS: list[tuple[str, str, DelegationType, str | None, str, int, str]] = [
    ("Tajikistan", "Таджикистан", MS, "TJ", "tg", 60, "mfa.tj"),
    ("Kazakhstan", "Казахстан", MS, "KZ", "kk", 22, "mfa.kz"),
    ("Kyrgyzstan", "Кыргызстан", MS, "KG", "ky", 20, "mfa.kg"),
    ("Turkmenistan", "Туркменистан", MS, "TM", "tk", 14, "mfa.tm"),
    ("Uzbekistan", "Узбекистан", MS, "UZ", "uz", 22, "mfa.uz"),
    ("Afghanistan", "Афганистан", MS, "AF", "fa", 4, "mfa.af"),
    ("Russian Federation", "Российская Федерация", MS, "RU", "ru", 16, "mid.ru"),
    ("Belarus", "Беларусь", MS, "BY", "ru", 8, "mfa.by"),
    ("Azerbaijan", "Азербайджан", MS, "AZ", "tr", 8, "mfa.az"),
    ("Armenia", "Армения", MS, "AM", "ru", 5, "mfa.am"),
    ("Georgia", "Грузия", MS, "GE", "ru", 5, "mfa.ge"),
    ("Mongolia", "Монголия", MS, "MN", "ru", 6, "mfa.mn"),
    ("China", "Китай", MS, "CN", "zh", 12, "mfa.cn"),
    ("India", "Индия", MS, "IN", "hi", 10, "mea.in"),
    ("Pakistan", "Пакистан", MS, "PK", "hi", 10, "mofa.pk"),
    ("Iran (Islamic Republic of)", "Иран (Исламская Республика)", MS, "IR", "fa", 8, "mfa.ir"),
    ("T\u00fcrkiye", "Турция", MS, "TR", "tr", 10, "mfa.tr"),
    ("Saudi Arabia", "Саудовская Аравия", MS, "SA", "ar", 14, "mofa.sa"),
    ("Qatar", "Катар", MS, "QA", "ar", 12, "mofa.qa"),
    ("United Arab Emirates", "Объединённые Арабские Эмираты", MS, "AE", "ar", 6, "mofa.ae"),
    ("Egypt", "Египет", MS, "EG", "ar", 5, "mfa.eg"),
    ("Jordan", "Иордания", MS, "JO", "ar", 4, "mfa.jo"),
    ("Indonesia", "Индонезия", MS, "ID", "en", 5, "kemlu.id"),
    ("Malaysia", "Малайзия", MS, "MY", "en", 4, "kln.my"),
    ("Japan", "Япония", MS, "JP", "ja", 6, "mofa.jp"),
    ("Republic of Korea", "Республика Корея", MS, "KR", "ko", 6, "mofa.kr"),
    ("United States of America", "Соединённые Штаты Америки", MS, "US", "en", 10, "state.gov"),
    ("United Kingdom", "Соединённое Королевство", MS, "GB", "en", 8, "fcdo.gov.uk"),
    ("France", "Франция", MS, "FR", "fr", 7, "diplomatie.fr"),
    ("Germany", "Германия", MS, "DE", "de", 8, "auswaertiges-amt.de"),
    ("Italy", "Италия", MS, "IT", "it", 5, "esteri.it"),
    ("Spain", "Испания", MS, "ES", "it", 4, "exteriores.es"),
    ("Netherlands", "Нидерланды", MS, "NL", "de", 4, "minbuza.nl"),
    ("Norway", "Норвегия", MS, "NO", "de", 5, "mfa.no"),
    ("Sweden", "Швеция", MS, "SE", "de", 4, "gov.se"),
    ("Finland", "Финляндия", MS, "FI", "de", 4, "formin.fi"),
    ("Switzerland", "Швейцария", MS, "CH", "fr", 5, "eda.admin.ch"),
    ("Austria", "Австрия", MS, "AT", "de", 4, "bmeia.gv.at"),
    ("Poland", "Польша", MS, "PL", "ru", 4, "msz.gov.pl"),
    ("Hungary", "Венгрия", MS, "HU", "de", 4, "mfa.hu"),
    ("Canada", "Канада", MS, "CA", "en", 5, "international.gc.ca"),
    ("Australia", "Австралия", MS, "AU", "en", 4, "dfat.gov.au"),
    ("United Nations Office of Counter-Terrorism (UNOCT)",
     "Контртеррористическое управление ООН (КТУ ООН)", IO, None, "mix", 30, "un.org"),
    ("United Nations Regional Centre for Preventive Diplomacy for Central Asia (UNRCCA)",
     "Региональный центр ООН по превентивной дипломатии для Центральной Азии (РЦПДЦА)",
     IO, None, "mix", 10, "un.org"),
    ("European Union", "Европейский союз", IO, None, "mix", 14, "eeas.europa.eu"),
    ("Organization for Security and Co-operation in Europe (OSCE)",
     "Организация по безопасности и сотрудничеству в Европе (ОБСЕ)", IO, None, "mix", 14,
     "osce.org"),
    ("United Nations Office on Drugs and Crime (UNODC)",
     "Управление ООН по наркотикам и преступности (УНП ООН)", IO, None, "mix", 8, "un.org"),
    ("International Organization for Migration (IOM)",
     "Международная организация по миграции (МОМ)", IO, None, "mix", 6, "iom.int"),
    ("Office of the UN High Commissioner for Refugees (UNHCR)",
     "Управление Верховного комиссара ООН по делам беженцев (УВКБ ООН)", IO, None, "mix", 5,
     "unhcr.org"),
    ("INTERPOL", "Интерпол", IO, None, "mix", 5, "interpol.int"),
    ("World Customs Organization", "Всемирная таможенная организация", IO, None, "mix", 4,
     "wcoomd.org"),
    ("Collective Security Treaty Organization", "Организация Договора о коллективной безопасности",
     IO, None, "ru", 5, "odkb-csto.org"),
    ("CIS Anti-Terrorism Center", "Антитеррористический центр СНГ", IO, None, "ru", 4,
     "cisatc.org"),
    ("SCO Regional Anti-Terrorist Structure", "Региональная антитеррористическая структура ШОС",
     IO, None, "mix", 4, "ecrats.org"),
    ("Conference on Interaction and Confidence-Building Measures in Asia (CICA)",
     "Совещание по взаимодействию и мерам доверия в Азии (СВМДА)", IO, None, "kk", 3,
     "s-cica.org"),
    ("Central Asian Border Research Network", "Центральноазиатская сеть исследований границ",
     CS, None, "mix", 4, "cabrn.org"),
    ("Women in Security Network \u2014 Tajikistan", "Сеть \u00abЖенщины в сфере безопасности\u00bb \u2014 Таджикистан",
     CS, None, "tg", 4, "wisn.tj"),
    ("Institute for Peace and Border Studies", "Институт исследований мира и границ",
     CS, None, "mix", 3, "ipbs.org"),
    ("Conference Secretariat", "Секретариат конференции", OT, None, "secretariat", 45,
     "bsm-conference.org"),
    ("Media", "Средства массовой информации", OT, None, "mix", 25, "press.example"),
    ("Venue Security Service", "Служба безопасности площадки", OT, None, "tg", 14, "kokhisomon.tj"),
]

# Cyrillic name pools: family names in the masculine form, given names by gender.
CYRILLIC = {
    "ru": (
        "Иванов Петров Смирнов Кузнецов Соколов Попов Лебедев Козлов Новиков Морозов Волков"
        " Соловьёв Васильев Зайцев Павлов Семёнов Голубев Виноградов Богданов Воробьёв Фёдоров"
        " Михайлов Беляев Тарасов Белов Комаров Орлов Киселёв Макаров Андреев Ковалёв Ильин"
        " Гусев Титов Кузьмин Кудрявцев Баранов Куликов Алексеев Степанов Яковлев Сорокин",
        "Александр Сергей Дмитрий Андрей Алексей Максим Евгений Иван Михаил Николай Владимир"
        " Игорь Олег Павел Роман Юрий Артём Константин Виктор Геннадий",
        "Елена Ольга Татьяна Наталья Ирина Светлана Анна Мария Екатерина Юлия Анастасия"
        " Галина Людмила Марина Ксения Дарья Вера Надежда",
    ),
    "tg": (
        "Раҳмонов Қодиров Шарипов Назаров Саидов Каримов Холов Ҷӯраев Давлатов Ғафуров Раҳимов"
        " Мирзоев Сафаров Бобоев Исмоилов Ҳайдаров Қурбонов Султонов Абдуллоев Шоев Раҳимзода"
        " Қурбонзода Ҳамидзода Назарзода Шарифзода Ҷалолзода Ғуломзода Одиназода Ҳакимов Ёров"
        " Шарифӣ Сафарӣ Раҳимӣ Саъдӣ",
        "Фаррух Далер Ҷамшед Рустам Баҳром Шаҳбоз Фирдавс Искандар Меҳрубон Зафар Аҳмад Шерали"
        " Қобил Ӯктам Ҳусейн Сорбон Парвиз Ҷаҳонгир Муҳаммад Ғайрат",
        "Малика Нигина Зарина Мадина Ҷамила Гулнора Ситора Шаҳло Таҳмина Нилуфар Ҳилола Фарзона"
        " Моҳира Дилором Манижа Ширин Ӯғилой Ҳабиба",
    ),
    "kk": (
        "Жақсыбеков Тоқаев Әбенов Сүлейменов Ахметов Оспанов Байжанов Мұхамедов Серікбаев Омаров"
        " Исабеков Жұмабаев Қасымов Нұрғалиев Бекмағамбетов Әлиев Ермеков Сәрсенбаев Тәжиев",
        "Нұрлан Ерлан Асқар Дәурен Ержан Серік Бауыржан Айдос Арман Қайрат Мұрат Талғат Ғалымжан"
        " Әділет Жандос",
        "Әйгерім Гүлнар Айгүл Дана Жанар Сәуле Меруерт Ақмарал Балжан Динара Інжу Гүлжан Ұлжан"
        " Айнұр",
    ),
    "ky": (
        "Асанов Жээнбеков Токтогулов Садыров Абдылдаев Иманалиев Мамытов Кадыров Осмонов"
        " Сатыбалдиев Турдукулов Өмүрбеков Үсөнов Бакыт\u00a0уулу Мирлан\u00a0уулу",
        "Азамат Бакыт Эрлан Нурбек Талант Улан Мирлан Айбек Чыңгыз Эрмек Нурлан Өмүр",
        "Айпери Жылдыз Гүлзат Нургүл Айжан Бегимай Чолпон Мээрим Айнура Гүлмира Сезим",
    ),
    "uz": (
        "Юсупов Рашидов Алимов Турсунов Усмонов Эргашев Ҳамидов Каримов Мирзаев Абдуллаев"
        " Тошматов Қодиров Ғуломов Султонов Норматов Азимов Хўжаев",
        "Шавкат Азиз Ботир Жасур Отабек Шерзод Ғайрат Улуғбек Ўткир Фаррух Бахтиёр Дилшод",
        "Дилноза Гулчеҳра Нодира Мафтуна Шаҳноза Ўғилой Феруза Зулфия Лола Камола",
    ),
}

# Latin-only pools: family names, male given names, female given names.
LATIN = {
    "tk": ("Annayev Orazov Myradov Gurbanov Atayev Hojayev Nurmuhammedov Berdiyev Amanov"
           " Charyyev", "Serdar Merdan Batyr Dovlet Rahym Yhlas Maksat Meret",
           "Ogulnabat Jemal Aynur Maral Gulshat Bahar Ogulgerek"),
    "en": ("Smith Johnson Williams Brown Jones Miller Davis Wilson Taylor Anderson Thomas"
           " Moore Martin Jackson Thompson White Harris Clark Lewis Walker Hall Young",
           "James John Robert Michael David William Richard Thomas Daniel Mark Paul Andrew",
           "Mary Patricia Jennifer Linda Elizabeth Susan Jessica Sarah Karen Emily Rachel Laura"),
    "fr": ("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon"
           " Laurent Lef\u00e8vre Fran\u00e7ois", "Jean Pierre Michel Philippe Alain Nicolas Fran\u00e7ois"
           " Olivier Luc", "Marie Nathalie Isabelle Sylvie Catherine Val\u00e9rie Claire St\u00e9phanie"
           " H\u00e9l\u00e8ne"),
    "de": ("M\u00fcller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch"
           " Richter Klein Wolf Schr\u00f6der Neumann Jansen Lindqvist Nieminen Nagy",
           "Peter Michael Thomas Andreas Stefan Lars Jan Matthias Johan Erik",
           "Sabine Anna Julia Katrin Petra Ingrid Astrid Elisabeth Maria Heidi"),
    "it": ("Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Garc\u00eda Fern\u00e1ndez"
           " L\u00f3pez Mart\u00ednez", "Marco Giuseppe Luca Alessandro Antonio Jos\u00e9 Carlos Javier",
           "Giulia Francesca Chiara Laura Carmen Luc\u00eda Elena Sara"),
    "ar": ("Al-Saud Al-Thani Al-Harbi Al-Otaibi Al-Qahtani Al-Ghamdi Al-Zahrani Al-Mansouri"
           " Al-Kuwari Al-Nuaimi Hassan Ibrahim Mahmoud Abdelrahman El-Sayed",
           "Mohammed Abdullah Khalid Faisal Saud Omar Ahmed Youssef Tariq Nasser Hamad",
           "Fatima Noura Aisha Mariam Sara Huda Layla Reem Amal Hessa"),
    "fa": ("Ahmadi Hosseini Mohammadi Rezaei Karimi Moradi Hashemi Rahimi Sadeghi Nazari"
           " Popal Sultani", "Ali Reza Hamid Mehdi Hossein Javad Mohammad Farid Ahmad",
           "Maryam Zahra Fatemeh Leila Shirin Parisa Nazanin Roya"),
    "tr": ("Y\u0131lmaz Kaya Demir \u015eahin \u00c7elik Y\u0131ld\u0131z \u00d6zt\u00fcrk Aydin Aliyev Mammadov Huseynov"
           " Guliyev", "Mehmet Mustafa Ahmet Emre Murat Elchin Rashad Orkhan",
           "Ay\u015fe Fatma Elif Zeynep Aysel G\u00fcnay Leyla Nigar"),
    "zh": ("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu",
           "Wei Jun Lei Qiang Tao Ming Jian Hao Bin", "Fang Li Na Min Jing Yan Hui Xiu Ying"),
    "hi": ("Sharma Verma Gupta Singh Kumar Patel Reddy Iyer Khan Ahmed Qureshi Malik Chaudhry"
           " Hussain", "Rahul Amit Vikram Arjun Imran Bilal Usman Rajesh Sanjay",
           "Priya Anjali Sunita Ayesha Sana Hina Meera Kavita"),
    "ja": ("Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato",
           "Hiroshi Takeshi Kenji Daisuke Kazuki Satoshi", "Yuko Keiko Akiko Yumi Naoko Aiko"),
    "ko": ("Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim", "Min-jun Ji-hoon Seung-woo Dong-hyun"
           " Hyun-woo", "Ji-yeon Soo-jin Eun-ji Hye-jin Min-ji Seo-yeon"),
}

# English, Russian function titles by who holds them.
FUNCTIONS = {
    "hod_ms": [
        ("Minister of Internal Affairs", "Министр внутренних дел"),
        ("Deputy Minister of Foreign Affairs", "Заместитель министра иностранных дел"),
        ("Commander of the Border Troops", "Командующий пограничными войсками"),
        ("Ambassador Extraordinary and Plenipotentiary",
         "Чрезвычайный и Полномочный Посол"),
        ("Head of the State Border Service", "Руководитель Государственной пограничной службы"),
    ],
    "delegate": [
        ("Counsellor", "Советник"), ("First Secretary", "Первый секретарь"),
        ("Second Secretary", "Второй секретарь"),
        ("Head of Division, Border Service", "Начальник отдела пограничной службы"),
        ("Senior Border Guard Officer", "Старший офицер пограничной службы"),
        ("Customs Officer", "Сотрудник таможенной службы"),
        ("Senior Officer, Counter-Terrorism Department",
         "Старший сотрудник департамента по борьбе с терроризмом"),
        ("Deputy Head of Migration Service", "Заместитель руководителя миграционной службы"),
        ("Attaché", "Атташе"), ("Police Colonel", "Полковник полиции"),
    ],
    "hod_io": [
        ("Under-Secretary-General", "Заместитель Генерального секретаря"),
        ("Special Representative", "Специальный представитель"),
        ("Head of Office", "Руководитель представительства"),
        ("Director", "Директор"),
    ],
    "io": [
        ("Programme Management Officer", "Сотрудник по управлению программами"),
        ("Senior Adviser", "Старший советник"), ("Political Affairs Officer",
                                                 "Сотрудник по политическим вопросам"),
        ("Border Management Expert", "Эксперт по управлению границами"),
        ("Programme Coordinator", "Координатор программы"),
    ],
    "cso": [
        ("Executive Director", "Исполнительный директор"), ("Researcher", "Исследователь"),
        ("Programme Manager", "Руководитель программ"),
    ],
    "expert": [("Independent Expert", "Независимый эксперт"),
               ("Professor", "Профессор")],
    "speaker": [("Keynote Speaker", "Основной докладчик"), ("Panellist", "Участник панели")],
    "media": [("Journalist", "Журналист"), ("Photographer", "Фотограф"),
              ("Camera Operator", "Оператор")],
    "organizer": [("Conference Officer", "Сотрудник конференции"),
                  ("Protocol Officer", "Сотрудник протокола"),
                  ("Registration Assistant", "Ассистент по регистрации")],
    "interpreter": [("Conference Interpreter (EN/RU)", "Синхронный переводчик (англ./рус.)")],
    "security": [("Security Officer", "Сотрудник службы безопасности")],
    "technical": [("Sound Engineer", "Звукорежиссёр"), ("IT Technician", "ИТ-специалист")],
}

# The interpreters' pool: name, in Cyrillic, languages, staff, available days (empty:
# both), daily fee (freelance, USD), e-mail. English A / Russian B and Russian A /
# English B, staff and freelance, one working from Tajik.
INTERPRETERS = [
    ("Elena Sokolova", "Елена Соколова", "ru:A; en:B", True, "", 0, "e.sokolova@interpreters.example"),
    ("Dmitry Volkov", "Дмитрий Волков", "ru:A; en:B", True, "", 0, "d.volkov@interpreters.example"),
    ("Olga Ivanova", "Ольга Иванова", "ru:A; en:B; fr:C", True, "", 0, "o.ivanova@interpreters.example"),
    ("Sarah Mitchell", "Сара Митчелл", "en:A; ru:B", True, "", 0, "s.mitchell@interpreters.example"),
    ("James O'Connor", "Джеймс О'Коннор", "en:A; ru:B", True, "", 0, "j.oconnor@interpreters.example"),
    ("Catherine Dubois", "Катрин Дюбуа", "en:A; fr:B; ru:C", True, "", 0, "c.dubois@interpreters.example"),
    ("Farhod Rahimov", "Фарход Рахимов", "ru:A; tg:A; en:B", False, "", 450, "f.rahimov@interpreters.example"),
    ("Natalia Kim", "Наталья Ким", "ru:A; en:B", False, "2022-10-18", 400, "n.kim@interpreters.example"),
    ("Michael Brown", "Майкл Браун", "en:A; ru:B", False, "", 400, "m.brown@interpreters.example"),
    ("Anna Lebedeva", "Анна Лебедева", "ru:A; en:B", False, "", 380, "a.lebedeva@interpreters.example"),
    ("Thomas Wright", "Томас Райт", "en:A; ru:C", False, "", 350, "t.wright@interpreters.example"),
    ("Gulnora Saidova", "Гульнора Саидова", "ru:A; en:B; tg:C", False, "2022-10-19", 420, "g.saidova@interpreters.example"),
]
