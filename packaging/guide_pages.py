"""The user guide's pages (English and Russian), written to resources/guide as plain
HTML that Qt's text browser shows offline, with the screenshots from docs/screenshots.

    python packaging/guide_pages.py

Edit the texts here, run it, commit what it writes (tests/ui/shell/test_guide.py checks
every page, link and picture, in both languages)."""

from __future__ import annotations

import html
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "resources" / "guide"
SHOTS = ROOT / "docs" / "screenshots"
WIDTH = 900  # pictures scaled to this width

TITLES = {
    "en": {"index": "BSM Desk — user guide", "setup": "Setting up an event",
           "import": "Importing lists", "badges": "Badges and printers",
           "checkin": "The check-in desk and the doors", "attendance": "Attendance reports",
           "programme": "The programme and side events",
           "speakers": "The list of speakers and the projector",
           "roster": "The interpreters' roster", "seating": "Seating and nameplates",
           "hub": "Several desks with a hub",
           "operators": "Operators, roles and the history",
           "backups": "Backups and restoring", "trouble": "When something fails"},
    "ru": {"index": "BSM Desk — руководство пользователя", "setup": "Подготовка мероприятия",
           "import": "Импорт списков", "badges": "Бейджи и принтеры",
           "checkin": "Стойка регистрации и двери залов", "attendance": "Отчёты о посещаемости",
           "programme": "Программа и параллельные мероприятия",
           "speakers": "Список выступающих и проектор",
           "roster": "График переводчиков", "seating": "Рассадка и таблички",
           "hub": "Несколько стоек и хаб",
           "operators": "Операторы, роли и журнал",
           "backups": "Резервные копии и восстановление", "trouble": "Если что-то пошло не так"},
}
ORDER = ["setup", "import", "badges", "checkin", "attendance", "programme", "seating",
         "speakers", "roster", "hub", "operators", "backups", "trouble"]
PICTURES = {"setup": "overview", "import": "delegates", "badges": "badges",
            "checkin": "checkin", "attendance": "attendance", "programme": "programme",
            "speakers": "speakers", "roster": "roster", "operators": "history",
            "seating": "seating"}

TEXT = {
"en": {
"setup": """
<p>An event is one file. <b class="ui">File → New event…</b> asks for the titles in English and Russian,
the venue, the time zone and the days; save the file where the desk keeps its work (a USB
stick is fine: the file is complete in itself). <b class="ui">File → Open the demo conference</b> builds
the Dushanbe 2022 conference with 700 made-up delegates to try everything on.</p>
<p>The <b class="ui">Event overview</b> shows who is registered, accredited and here today, by
category. <b class="ui">File → Desk settings…</b> names this desk (it is stamped on everything it
records), chooses the sound, the camera and where automatic backups go.</p>
<p>Shortcuts: Ctrl+1 … Ctrl+9 and Ctrl+0 move between the screens; F1 opens the page of this guide
for the screen you are on.</p>""",
"import": """
<p><b class="ui">Delegates → Import a list</b> takes an Excel workbook or a CSV file (UTF-8 or Windows
Cyrillic). The first row names the columns, in English or Russian: family name, given name,
delegation, category, e-mail, passport… A list is checked before anything is written: every
problem is named by row and column, and nothing is imported until you say so.</p>
<p>Names: the name as in the passport (Latin) and, where given, in Cyrillic. Search finds
“Рахмонов”, “Rakhmonov” and “rahmonov” alike. <b class="ui">Find duplicates</b> lists people registered
twice (same e-mail or passport, or near names in one delegation) to merge or to mark as two
people. Every change is kept in the person's history; Ctrl+Z undoes the last one.</p>
<p>Everyone imported is <i>registered</i>. When a person's credentials arrive (the letter of
accreditation from their mission), select them and choose <b class="ui">Mark credentials received</b>:
they are <i>accredited</i> from that day, and the Event overview counts them. Whoever is
expected and never comes is a no-show on the Attendance screen either way.</p>
<p>A list names a delegation in one language, and a “Delegation” column does not say
whether it is a Member State or an organization: <b class="ui">Delegations…</b> sets each one's type
(it decides where the delegation stands in the List of Participants and on the list of
speakers) and its name in English and in Russian.</p>""",
"badges": """
<p>Each badge carries a signed QR code: a desk checks it offline, and a copied or made-up
code is refused. Choose the layout for the printer you have:</p>
<ul><li><b>Card printers</b> (CR80, 85.6 × 54 mm): one card per badge.</li>
<li><b>A6</b> (105 × 148 mm) for lanyard pockets, printed on any office printer.</li>
<li><b>A4 sheets</b>, four A6 badges with cut marks.</li></ul>
<p>Print one badge (Ctrl+P), the whole list, or save a PDF. <b class="ui">Reprint…</b> gives a new badge
for a lost, damaged or misspelt one: the old badge stops opening doors at once. Check the
first page before printing hundreds: the preview shows the badge as it will come out.</p>""",
"checkin": """
<p>Choose the <b>checkpoint</b>: the entrance of a day, or the door of a session. Scan the
badge (a USB scanner types the code and Enter) or use the camera; the verdict fills the
screen in colour, with a sound: <b>OK</b>, <b>Already</b> (with where and when), <b>Not
allowed</b> here, <b>Revoked</b> (an old badge), <b>Forged</b>, <b>Unknown</b>.</p>
<p>No badge? Find the person by name and check them in by hand, or print their badge on the
spot. Ctrl+Z takes back this desk's last check-in, with a reason. The figures beside the
verdict count who is in, by category.</p>""",
"attendance": """
<p>The <b class="ui">Attendance</b> screen shows, live, who came each day and to each session, by
gender and category, and the arrivals per quarter of an hour. <b class="ui">Export</b> writes the
workbook organizers hand in: a summary, the participants, one sheet per session, by
delegation. The List of Participants (PDF or workbook) follows protocol order. Personal
data (passports, phones, dates of birth) stay out of every export unless a supervisor asks
for them, and the file says so.</p>
<p>Its <b class="ui">Report</b> tab is the conference report: registered, present, heads of delegation
and speakers, women and men in each, speaking time per session, and a chart of who was
present each day and at each session. <b class="ui">Conference report (PDF)…</b> and
<b class="ui">(Excel)…</b> save it with its charts, by kind of delegation and United Nations
regional group, arrivals per quarter hour, interpretation and the rapporteur's list. Where
fewer than 5 women or men would be shown, it says “–”, so that nobody is identified.</p>""",
"programme": """
<p>The <b class="ui">Programme</b> screen shows the rooms and sessions day by day; drag a session to
move it, double-click to edit. Conflicts (a room used twice, a speaker in two places, a
session outside the opening hours) are listed below in words.</p>
<p>Side events: import the requests (organizer, expected audience, languages, wished
times), then <b class="ui">Allocate side events…</b> finds rooms and times for all of them at
once; you review the proposal before it is applied. Export the programme as a
bilingual PDF for the doors, a workbook, or calendar files per room.</p>""",
"seating": """
<p>The <b class="ui">Seating</b> screen draws the room of a session to scale, each delegation at its
places, as UN meeting services seat a room: Member States in the alphabetical order of
their names (the order: English or Russian) from one drawn by lot, the host and the
co-organizers at the podium, then observer States, the United Nations system, other
organizations and civil society. <b class="ui">Seat again</b> (Ctrl+R) keeps the draw (its seed is
printed, so anyone can check it); <b class="ui">New draw by lot</b> draws again; <b class="ui">Start from…</b>
names the first Member State; <b class="ui">Same as…</b> seats it as another session is seated.
A Member State takes two places (the head at the table, an adviser behind), the others one:
<b class="ui">Podium and places…</b> ticks the delegations at the podium (dragged into their order)
and sets the places of each kind of delegation.</p>
<p>Drag a delegation onto another place to move it: whoever sat there takes its places,
and the moved one is locked, so seating again keeps it (<b class="ui">Lock / free</b>, Ctrl+L;
<b class="ui">Undo</b>, Ctrl+Z). <b class="ui">Needs an accessible place</b> puts the delegation at a place a
wheelchair reaches, changing with its nearest neighbour. A green dot: someone of the
delegation came in through the room's door.</p>
<p><b class="ui">Room layout…</b> chooses the shape (theatre, classroom, U-shape, hollow square,
boardroom), the rows and places and the podium; click a place to mark it accessible,
Shift+click to take it out. <b class="ui">Chart (PDF)…</b> prints the room with a numbered legend,
<b class="ui">Plan (Excel)…</b> the plan, <b class="ui">Nameplates…</b> one folded table tent per delegation, the
name as large as the plate takes, in English, Russian or both — or only the plates that
changed since the last printing.</p>""",
"speakers": """
<p>Choose the session; delegations ask for the floor and are <b>inscribed</b> in order (the
rules of the session say who may speak and how often). <b class="ui">Next</b> gives the floor; the
clock counts down the time allowed. Move an entry with a reason, withdraw one, take a
point of order or a right of reply.</p>
<p><b class="ui">View → Projector</b> (Ctrl+Shift+J) opens the room's window: who speaks, who is next,
the time left. <b class="ui">View → Booths</b> shows the interpreters the language of each speaker and
the texts handed in.</p>""",
"roster": """
<p>The <b class="ui">Roster</b> screen puts interpreters in the booths of every session that needs
them, following AIIC's rules (team size by meeting length, working periods, hours a day).
<b class="ui">Solve</b> (Ctrl+R) proposes a roster; you see it before it replaces anything. Drag a
name to a seat to place someone by hand: that seat is then locked and kept by the next
Solve. A red seat breaks a rule, said in words below. When someone falls ill,
<b class="ui">Withdraw</b> finds stand-ins for their seats only. Export the roster per day and per
booth, and one calendar per interpreter.</p>""",
"hub": """
<p>Several desks share one event through a <b>hub</b>: a PostgreSQL database on the venue
network. <b class="ui">File → Hub on the LAN…</b> tests the address, connects the first desk, and makes
the file of every other desk from the hub in one step. Each desk keeps its own file and goes
on scanning when the network drops; the status bar says “offline since 10:42, 37 waiting”,
and the queue goes out by itself when the hub is back.</p>
<p>Each desk has its own hub login: at the first desk, an administrator presses <b class="ui">Enrol a
desk…</b>, names the desk and hands it the one-time code (shown as text and as a QR); at the new
desk, the code goes into <b class="ui">Enrolment code</b> before <b class="ui">New event file from the hub…</b>.
A lost laptop is cut off with <b class="ui">Remove a desk…</b>: whatever it still sends is refused.
Operators and the event's settings travel signed by an administrator, so no desk's login can
make itself one.</p>
<p>A person scanned at two desks while they could not see each other is counted once, and
listed for review. The password is kept by the operating system, never in the file.</p>""",
"operators": """
<p>Give each person at the desks their own name and password or PIN: <b class="ui">File →
Operators…</b> (the first one is an administrator; from then on everyone signs in). Roles:
<b>desk</b> (check in, search, print a badge on arrival), <b>registrar</b> (also edit and
import delegates, print and reprint, speakers' lists), <b>supervisor</b> (also revoke,
merge, the programme, the roster, personal exports, the history), <b>administrator</b> (also
operators). What a role may not do is greyed out; its tooltip says why.</p>
<p>The screen locks after five idle minutes (a door desk keeps scanning). <b class="ui">File → Sign in
or switch operator…</b> (Ctrl+Shift+O). The <b class="ui">History</b> screen lists every change, who
made it and when; <b class="ui">Verify the chain</b> proves nobody edited the record.</p>
<p>The first administrator also sets the event's passphrase (ten characters or more). From
then on passport numbers, phones and dates of birth are sealed, and every password is
checked with the event's key, which this computer keeps outside the event file: a copy of
the file confirms no guessed PIN. Another computer asks for the passphrase once (“Unlock
this desk…” in the sign-in, or <code>bsm-desk unlock</code>) — or is enrolled with a code
from the hub. PINs have six digits or more, passwords ten characters or more. Backups taken
before sealing are removed then; after the event, <code>bsm-desk purge</code> removes
personal data and every backup and keeps the attendance figures.</p>""",
"backups": """
<p>The desk takes a backup copy by itself every ten minutes when something changed, when
it closes, and before any upgrade, beside the event file (or in the folder chosen in the
settings). <b class="ui">File → Save a backup
copy…</b> (Ctrl+Shift+S) makes one now — on a USB stick at the end of each day, for
instance. <b class="ui">File → Restore a backup…</b> lists the copies with their time and how many
people and check-ins each holds; the file you replace is kept aside, never deleted.</p>""",
"trouble": """
<ul><li><b>The scanner does nothing</b>: click in the scan field; check that the scanner
sends Enter after the code.</li>
<li><b>No printer</b>: save the badges as PDF and print them from another computer.</li>
<li><b>“The event database is busy”</b>: another program holds the file; the desk waits and
tries again, and loses no scan.</li>
<li><b>“The event file is damaged”</b>: stop, and restore the latest backup as the message
says.</li>
<li><b>The disk is full</b>: nothing half-written is kept; free space, then try again.</li>
<li><b>The hub is offline</b>: go on working; the desk sends everything when it is back.</li>
<li><b>“Wrong name or password”</b> five times: that name is locked for a minute.</li></ul>""",
},
"ru": {
"setup": """
<p>Мероприятие — это один файл. <b class="ui">Файл → Новое мероприятие…</b> спрашивает названия на
английском и русском, место, часовой пояс и дни; сохраните файл там, где стойка хранит
работу (подойдёт и флешка: файл самодостаточен). <b class="ui">Файл → Открыть демонстрационную
конференцию</b> создаёт конференцию «Душанбе-2022» с 700 вымышленными участниками, чтобы
всё попробовать.</p>
<p><b class="ui">Обзор мероприятия</b> показывает, сколько участников зарегистрировано,
аккредитовано и пришло сегодня, по категориям. <b class="ui">Файл → Настройки стойки…</b> — имя
стойки (оно записывается во всё, что она отмечает), звук, камера и папка резервных
копий.</p>
<p>Клавиши: Ctrl+1 … Ctrl+9 и Ctrl+0 — переход между экранами; F1 открывает страницу этого
руководства для текущего экрана.</p>""",
"import": """
<p><b class="ui">Участники → Импорт списка</b> принимает книгу Excel или файл CSV (UTF-8 или кириллица
Windows). Первая строка называет столбцы, по-английски или по-русски: фамилия, имя,
делегация, категория, e-mail, паспорт… Список проверяется до записи: каждая ошибка названа
по строке и столбцу, и ничего не импортируется, пока вы не подтвердите.</p>
<p>Имена: как в паспорте (латиницей) и, если есть, кириллицей. Поиск находит «Рахмонов»,
«Rakhmonov» и «rahmonov» одинаково. <b class="ui">Найти дубликаты</b> показывает зарегистрированных дважды
(тот же e-mail или паспорт, похожие имена в одной делегации), чтобы объединить или
отметить как разных людей. Каждое изменение хранится в истории участника; Ctrl+Z отменяет
последнее.</p>
<p>Все импортированные — <i>зарегистрированы</i>. Когда поступают полномочия участника
(письмо об аккредитации от его представительства), выделите его и выберите <b class="ui">Отметить
получение полномочий</b>: с этого дня он <i>аккредитован</i>, и обзор мероприятия его
учитывает. Кто ожидался и не пришёл, в любом случае попадает в неявки на экране
«Посещаемость».</p>
<p>В списке делегация названа на одном языке, а столбец «Делегация» не говорит, государство
это или организация: <b class="ui">Делегации…</b> задаёт тип каждой (от него зависит её место в списке
участников и в списке ораторов) и её названия на английском и русском.</p>""",
"badges": """
<p>На каждом бейдже подписанный QR-код: стойка проверяет его без сети, а скопированный или
выдуманный код отклоняется. Выберите формат под ваш принтер:</p>
<ul><li><b>Карточные принтеры</b> (CR80, 85,6 × 54 мм): одна карта на бейдж.</li>
<li><b>A6</b> (105 × 148 мм) для карманов на шнурке, печать на любом офисном принтере.</li>
<li><b>Листы A4</b>: четыре бейджа A6 с метками реза.</li></ul>
<p>Печать одного бейджа (Ctrl+P), всего списка или сохранение в PDF. <b class="ui">Перепечатать…</b>
выдаёт новый бейдж вместо утерянного, испорченного или с ошибкой в имени: старый сразу
перестаёт открывать двери. Проверьте первую страницу, прежде чем печатать сотни.</p>""",
"checkin": """
<p>Выберите <b>пункт прохода</b>: вход в день мероприятия или дверь заседания.
Отсканируйте бейдж (USB-сканер вводит код и Enter) или используйте камеру; результат
заполняет экран цветом и звуком: <b>OK</b>, <b>Уже прошёл</b> (где и когда), <b>Не
допущен</b> сюда, <b>Аннулирован</b> (старый бейдж), <b>Поддельный</b>,
<b>Неизвестный</b>.</p>
<p>Нет бейджа? Найдите участника по имени и отметьте вручную или напечатайте бейдж на
месте. Ctrl+Z отменяет последнюю отметку этой стойки с указанием причины. Счётчики рядом
показывают, сколько прошло, по категориям.</p>""",
"attendance": """
<p>Экран <b class="ui">Посещаемость</b> показывает в реальном времени, кто пришёл в каждый день и на
каждое заседание, по полу и категориям, и поток прибытия по четвертям часа. <b class="ui">Экспорт…</b>
создаёт книгу для организаторов: сводка, участники, лист на каждое заседание, по
делегациям. Список участников (PDF или книга) — в протокольном порядке. Персональные данные
(паспорта, телефоны, даты рождения) не попадают ни в одну выгрузку, если их не запросил
старший смены, и файл об этом говорит.</p>
<p>Вкладка <b class="ui">Отчёт</b> — отчёт о конференции: зарегистрированные, присутствовавшие, главы
делегаций и ораторы, женщины и мужчины среди них, время выступлений по заседаниям и
диаграмма присутствия по дням и заседаниям. <b class="ui">Отчёт о конференции (PDF)…</b> и
<b class="ui">(Excel)…</b> сохраняют его с диаграммами, по типам делегаций и региональным группам
ООН, с потоком прибытия по четвертям часа, устным переводом и списком выступивших. Там,
где было бы показано менее 5 женщин или мужчин, стоит «–», чтобы никого нельзя было
узнать.</p>""",
"programme": """
<p>Экран <b class="ui">Программа</b> показывает залы и заседания по дням; перетащите заседание, чтобы
перенести, двойной щелчок — изменить. Конфликты (зал занят дважды, выступающий в двух
местах, заседание вне часов работы) перечислены внизу словами.</p>
<p>Параллельные мероприятия: импортируйте заявки (организатор, ожидаемое число, языки,
желаемое время), затем <b class="ui">Распределить параллельные мероприятия…</b> подбирает залы и
время сразу для всех; вы проверяете предложение, прежде чем его применить. Программа
выгружается в двуязычный PDF для дверей, в книгу Excel или в календари по залам.</p>""",
"seating": """
<p>Экран <b class="ui">Рассадка</b> рисует зал заседания в масштабе, каждую делегацию на её местах — так,
как рассаживают залы службы конференционного обслуживания ООН: государства-члены в
алфавитном порядке названий (порядок: английский или русский), начиная с определённого
жребием, принимающая сторона и соорганизаторы в президиуме, затем государства-наблюдатели,
система ООН, другие организации и гражданское общество. <b class="ui">Рассадить заново</b> (Ctrl+R)
сохраняет жребий (его зерно печатается, и каждый может его проверить);
<b class="ui">Новый жребий</b> тянет заново; <b class="ui">Начать с…</b> называет первое государство-член;
<b class="ui">Как на…</b> рассаживает так же, как другое заседание. Государство-член занимает два
места (глава за столом, советник позади), остальные — одно: <b class="ui">Президиум и места…</b>
отмечает делегации в президиуме (в нужном порядке) и задаёт число мест для каждой группы.</p>
<p>Перетащите делегацию на другое место, чтобы пересадить её: сидевшие там займут её места,
а пересаженная закрепляется, и новая рассадка её не тронет (<b class="ui">Закрепить / освободить</b>,
Ctrl+L; <b class="ui">Отменить</b>, Ctrl+Z). <b class="ui">Нужно место для кресла-коляски</b> сажает делегацию на
доступное место, меняя её с ближайшей соседней. Зелёная точка: кто-то из делегации прошёл
в зал через дверь.</p>
<p><b class="ui">Схема зала…</b> задаёт форму (театр, класс, П-образная, квадрат, переговорная), ряды,
места и президиум; щелчок по месту отмечает его доступным, Shift+щелчок убирает его.
<b class="ui">Схема (PDF)…</b> печатает зал с нумерованной легендой, <b class="ui">План (Excel)…</b> — план,
<b class="ui">Таблички…</b> — по складной табличке на делегацию, название как можно крупнее, на
английском, русском или обоих — или только изменившиеся после прошлой печати.</p>""",
"speakers": """
<p>Выберите заседание; делегации просят слова и <b>записываются</b> по порядку (правила
заседания определяют, кто и сколько раз может выступать). <b class="ui">Следующий</b> даёт слово;
часы отсчитывают регламент. Перемещение записи — с указанием причины; можно снять запись,
дать слово по порядку ведения или для ответа.</p>
<p><b class="ui">Вид → Проектор</b> (Ctrl+Shift+J) открывает окно для зала: кто выступает, кто
следующий, сколько осталось. <b class="ui">Вид → Кабины</b> показывает переводчикам язык каждого
выступающего и сданные тексты.</p>""",
"roster": """
<p>Экран <b class="ui">График</b> расставляет переводчиков по кабинам всех заседаний, где нужен
перевод, по правилам AIIC (состав бригады по длительности, рабочие периоды, часы в день).
<b class="ui">Составить</b> (Ctrl+R) предлагает график; вы видите его, прежде чем он что-либо заменит.
Перетащите имя на место, чтобы поставить человека вручную: место закрепляется и сохраняется
при следующем решении. Красное место нарушает правило — оно названо внизу. Если кто-то
заболел, <b class="ui">Снять</b> подбирает замену только на его места. График выгружается по дням и
кабинам и календарём на каждого переводчика.</p>""",
"hub": """
<p>Несколько стоек работают с одним мероприятием через <b>хаб</b> — базу данных PostgreSQL
в сети площадки. <b class="ui">Файл → Хаб в локальной сети…</b> проверяет адрес, подключает первую
стойку и одним шагом создаёт файл каждой следующей из хаба. Каждая стойка хранит свой файл
и продолжает сканировать, когда сеть пропадает; строка состояния пишет «нет связи с 10:42,
ожидают 37», и очередь уходит сама, когда хаб снова доступен.</p>
<p>У каждой стойки своя учётная запись в хабе: на первой стойке администратор нажимает
<b class="ui">Подключить стойку…</b>, называет стойку и передаёт ей одноразовый код (текстом и QR); на
новой стойке код вводится в поле <b class="ui">Код подключения</b> перед
<b class="ui">Новый файл мероприятия из хаба…</b>. Потерянный ноутбук отключают кнопкой
<b class="ui">Отключить стойку…</b>: всё, что он ещё пришлёт, отклоняется. Операторы и настройки
мероприятия передаются с подписью администратора, поэтому учётная запись стойки не может
сделать себя администратором.</p>
<p>Участник, отсканированный на двух стойках без связи, учитывается один раз и выносится на
проверку. Пароль хранит операционная система, не файл.</p>""",
"operators": """
<p>Дайте каждому за стойками своё имя и пароль или PIN: <b class="ui">Файл → Операторы…</b> (первый —
администратор; после этого все входят под своим именем). Роли: <b>стойка</b> (отметка
прохода, поиск, печать бейджа при прибытии), <b>регистратор</b> (также правка и импорт
участников, печать и перепечатка, списки выступающих), <b>старший смены</b> (также
аннулирование, объединение, программа, график, выгрузка персональных данных, журнал),
<b>администратор</b> (также операторы). Недоступное роли затенено; подсказка объясняет
почему.</p>
<p>Экран блокируется после пяти минут бездействия (стойка у двери продолжает сканировать).
<b class="ui">Файл → Войти или сменить оператора…</b> (Ctrl+Shift+O). Экран <b class="ui">Журнал</b> показывает
каждое изменение, кто и когда его внёс; <b class="ui">Проверить цепочку</b> доказывает, что запись
никто не правил.</p>
<p>Первый администратор задаёт и парольную фразу мероприятия (не короче десяти символов).
С этого момента номера паспортов, телефоны и даты рождения запечатаны, а каждый пароль
проверяется ключом мероприятия, который этот компьютер хранит вне файла мероприятия: по
копии файла нельзя проверить угаданный PIN. Другой компьютер один раз спрашивает фразу
(«Открыть эту стойку…» при входе или <code>bsm-desk unlock</code>) — или подключается
кодом с хаба. PIN — не меньше шести цифр, пароль — не меньше десяти символов. Резервные
копии, сделанные до этого, удаляются; после мероприятия <code>bsm-desk purge</code> удаляет
персональные данные и все резервные копии и сохраняет данные о посещаемости.</p>""",
"backups": """
<p>Стойка сама делает резервную копию каждые десять минут, если что-то изменилось, при
закрытии и перед каждым обновлением — рядом с файлом мероприятия (или в папке из
настроек). <b class="ui">Файл → Сохранить резервную копию…</b>
(Ctrl+Shift+S) делает её сейчас — например, на флешку в конце дня. <b class="ui">Файл → Восстановить
из резервной копии…</b> показывает копии со временем и числом участников и отметок;
заменяемый файл откладывается в сторону, а не удаляется.</p>""",
"trouble": """
<ul><li><b>Сканер ничего не делает</b>: щёлкните в поле сканирования; проверьте, что сканер
посылает Enter после кода.</li>
<li><b>Нет принтера</b>: сохраните бейджи в PDF и напечатайте с другого компьютера.</li>
<li><b>«База данных занята»</b>: файл держит другая программа; стойка ждёт и повторяет, ни
одна отметка не теряется.</li>
<li><b>«Файл мероприятия повреждён»</b>: остановитесь и восстановите последнюю копию, как
сказано в сообщении.</li>
<li><b>Диск заполнен</b>: недописанное не сохраняется; освободите место и повторите.</li>
<li><b>Нет связи с хабом</b>: продолжайте работу; стойка всё отправит, когда связь
вернётся.</li>
<li><b>«Неверное имя или пароль»</b> пять раз: это имя заблокировано на минуту.</li></ul>""",
},
}
NAV = {"en": ("Contents", "Next"), "ru": ("Содержание", "Далее")}


def page(lang: str, name: str) -> str:
    title = TITLES[lang][name]
    contents, following = NAV[lang]
    body = TEXT[lang][name] if name != "index" else "<ol>" + "".join(
        f'<li><a href="{p}.html">{html.escape(TITLES[lang][p])}</a></li>' for p in ORDER
    ) + "</ol>"
    picture = PICTURES.get(name)
    if picture:
        body += f'<p><img src="../img/{picture}-{lang}.jpg" width="{WIDTH}"></p>'
    links = [f'<a href="index.html">{contents}</a>']
    if name in ORDER and ORDER.index(name) + 1 < len(ORDER):
        after = ORDER[ORDER.index(name) + 1]
        links.append(f'<a href="{after}.html">{following}: {html.escape(TITLES[lang][after])}</a>')
    return (f'<!DOCTYPE html>\n<html lang="{lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head><body>\n<h1>{html.escape(title)}</h1>"
            f"\n{body.strip()}\n<p>{' · '.join(links)}</p>\n</body></html>\n")


def main() -> int:
    from PIL import Image

    (OUT / "img").mkdir(parents=True, exist_ok=True)
    for lang in ("en", "ru"):
        (OUT / lang).mkdir(parents=True, exist_ok=True)
        for name in ["index", *ORDER]:
            (OUT / lang / f"{name}.html").write_text(page(lang, name), encoding="utf-8")
        for picture in PICTURES.values():
            with Image.open(SHOTS / f"{picture}-{lang}.png") as shot:
                small = shot.convert("RGB")
                small.thumbnail((WIDTH, WIDTH))
                small.save(OUT / "img" / f"{picture}-{lang}.jpg", quality=82, optimize=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
