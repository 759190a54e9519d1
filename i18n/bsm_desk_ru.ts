<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>Allocation</name>
    <message>
        <source>The venue has no rooms yet: add them in Rooms and hours.</source>
        <translation>На площадке ещё нет залов: добавьте их в разделе «Залы и часы».</translation>
    </message>
    <message>
        <source>Too many participants for any room ({expected} expected).</source>
        <translation>Слишком много участников для любого зала (ожидается {expected}).</translation>
    </message>
    <message>
        <source>Interpretation is needed, and no room large enough has interpretation booths.</source>
        <translation>Нужен синхронный перевод, а ни в одном достаточно большом зале нет кабин.</translation>
    </message>
    <message>
        <source>No room large enough has the equipment asked for.</source>
        <translation>Ни в одном достаточно большом зале нет нужного оборудования.</translation>
    </message>
    <message>
        <source>Longer than the venue is open on any day.</source>
        <translation>Дольше, чем площадка открыта в любой из дней.</translation>
    </message>
    <message>
        <source>A panellist is busy whenever a suitable room is free.</source>
        <translation>Докладчик занят всякий раз, когда подходящий зал свободен.</translation>
    </message>
    <message>
        <source>No suitable room is free at any possible time.</source>
        <translation>Ни один подходящий зал не свободен ни в одно возможное время.</translation>
    </message>
</context>
<context>
    <name>AllocationDialog</name>
    <message>
        <source>Side events: proposed rooms and times</source>
        <translation>Параллельные мероприятия: предлагаемые залы и время</translation>
    </message>
    <message>
        <source>{placed} of {total} requests placed, {firsts} at their first choice ({proof}), with {buffer} minutes free between events in a room. The dashed blocks on the timetable show where they would go: choose a line to see its day. Untick what you do not want, then accept.</source>
        <translation>Размещено заявок: {placed} из {total}, по первому выбору: {firsts} ({proof}), между мероприятиями в зале свободно {buffer} мин. Пунктирные блоки в расписании показывают, куда они встанут: выберите строку, чтобы увидеть её день. Снимите отметку с ненужных и примите.</translation>
    </message>
    <message>
        <source>optimal</source>
        <translation>оптимально</translation>
    </message>
    <message>
        <source>best found within the time limit</source>
        <translation>лучшее за отведённое время</translation>
    </message>
    <message>
        <source>Not placed: {title} — {reason}</source>
        <translation>Не размещено: {title} — {reason}</translation>
    </message>
    <message>
        <source>Accept the ticked ones</source>
        <translation>Принять отмеченные</translation>
    </message>
</context>
<context>
    <name>Attendance</name>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Family name (Cyrillic)</source>
        <translation>Фамилия (кириллицей)</translation>
    </message>
    <message>
        <source>Given name (Cyrillic)</source>
        <translation>Имя (кириллицей)</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Day {day}: first check-in</source>
        <translation>День {day}: первый проход</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Day or session</source>
        <translation>День или заседание</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Присутствовали</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Сформировано</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Name in Cyrillic</source>
        <translation>Имя кириллицей</translation>
    </message>
    <message>
        <source>Checked in at</source>
        <translation>Время прохода</translation>
    </message>
    <message>
        <source>Present on {day}</source>
        <translation>Присутствовали {day}</translation>
    </message>
    <message>
        <source>By delegation</source>
        <translation>По делегациям</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Женщины</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Мужчины</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <source>F</source>
        <translation>Ж</translation>
    </message>
    <message>
        <source>M</source>
        <translation>М</translation>
    </message>
</context>
<context>
    <name>AttendanceScreen</name>
    <message>
        <source>Updated at {time} (venue time); refreshed every {seconds} s.</source>
        <translation>Обновлено в {time} (время площадки); обновляется каждые {seconds} с.</translation>
    </message>
    <message>
        <source>{day}: {present} of {expected} registered ({share} %), women {women}, men {men}</source>
        <translation>{day}: {present} из {expected} зарегистрированных ({share} %), женщин {women}, мужчин {men}</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Женщины</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Мужчины</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <source>Day or session</source>
        <translation>День или заседание</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Присутствовали</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Present on {day}</source>
        <translation>Присутствовали {day}</translation>
    </message>
    <message>
        <source>Arrivals at the entrance per 15 minutes</source>
        <translation>Приход на входе за каждые 15 минут</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Name in Cyrillic</source>
        <translation>Имя кириллицей</translation>
    </message>
    <message>
        <source>No-shows ({count})</source>
        <translation>Неявки ({count})</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Посещаемость</translation>
    </message>
    <message>
        <source>Save the attendance workbook</source>
        <translation>Сохранить книгу посещаемости</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV, participants (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV, участники (*.csv)</translation>
    </message>
    <message>
        <source>Writing the attendance workbook…</source>
        <translation>Запись книги посещаемости…</translation>
    </message>
    <message>
        <source>Save the List of Participants</source>
        <translation>Сохранить список участников</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel workbook (*.xlsx)</source>
        <translation>PDF (*.pdf);;Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the List of Participants…</source>
        <translation>Запись списка участников…</translation>
    </message>
    <message>
        <source>Save the no-shows</source>
        <translation>Сохранить неявки</translation>
    </message>
    <message>
        <source>Attendance workbook…</source>
        <translation>Книга посещаемости…</translation>
    </message>
    <message>
        <source>List of Participants…</source>
        <translation>Список участников…</translation>
    </message>
    <message>
        <source>Days and sessions</source>
        <translation>Дни и заседания</translation>
    </message>
    <message>
        <source>By category</source>
        <translation>По категориям</translation>
    </message>
    <message>
        <source>By delegation</source>
        <translation>По делегациям</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Приход</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Неявки</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Filter by name or delegation</source>
        <translation>Фильтр по имени или делегации</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Экспорт…</translation>
    </message>
</context>
<context>
    <name>Audit</name>
    <message>
        <source>entry {id} does not follow the one before it (an entry was removed or moved)</source>
        <translation>запись {id} не следует за предыдущей (запись удалена или перемещена)</translation>
    </message>
    <message>
        <source>entry {id} was changed after it was written</source>
        <translation>запись {id} изменена после того, как была сделана</translation>
    </message>
    <message>
        <source>{table} {key} is not as the log says: changed outside BSM Desk</source>
        <translation>{table} {key} не совпадает с журналом: изменено не через BSM Desk</translation>
    </message>
    <message>
        <source>{table} {key} is in the log but not in the table: removed outside BSM Desk</source>
        <translation>{table} {key} есть в журнале, но нет в таблице: удалено не через BSM Desk</translation>
    </message>
    <message>
        <source>{table} {key} is in the table but not in the log: added outside BSM Desk</source>
        <translation>{table} {key} есть в таблице, но нет в журнале: добавлено не через BSM Desk</translation>
    </message>
    <message>
        <source>the table {table} is not audited</source>
        <translation>таблица {table} не записывается в журнал аудита</translation>
    </message>
    <message>
        <source>the audit trigger {trigger} is missing: changes since it was dropped went unlogged</source>
        <translation>триггер аудита {trigger} отсутствует: изменения после его удаления не записаны</translation>
    </message>
    <message>
        <source>the hub holds entry {id} of this desk&apos;s log ({at}), which is no longer here as it was: entries were removed or rewritten</source>
        <translation>хаб хранит запись {id} журнала этой стойки ({at}), которой здесь больше нет в прежнем виде: записи удалены или переписаны</translation>
    </message>
    <message>
        <source>the log no longer holds entry {id} as the backup of {at} has it: entries were removed or rewritten after it</source>
        <translation>в журнале больше нет записи {id} в том виде, в каком она есть в резервной копии от {at}: записи после неё удалены или переписаны</translation>
    </message>
    <message>
        <source>entry {id} carries a mark that is not the event key&apos;s: the log was rewritten without the key</source>
        <translation>запись {id} несёт отметку, сделанную не ключом мероприятия: журнал переписан без ключа</translation>
    </message>
    <message>
        <source>entries {first} to {last} carry no mark of the event&apos;s key: written where the key was not held (an older BSM Desk, a desk without it) or outside BSM Desk</source>
        <translation>записи с {first} по {last} не несут отметки ключа мероприятия: сделаны там, где ключа не было (старая версия BSM Desk, стойка без ключа), или в обход BSM Desk</translation>
    </message>
    <message>
        <source>entry {id} begins the marks of the event&apos;s key but carries none: the log was rewritten without the key</source>
        <translation>с записи {id} начинаются отметки ключа мероприятия, но у неё самой отметки нет: журнал переписан без ключа</translation>
    </message>
</context>
<context>
    <name>BadgeActions</name>
    <message>
        <source>&amp;Print badge</source>
        <translation>&amp;Печать бейджа</translation>
    </message>
    <message>
        <source>Print the selected delegate&apos;s badge (Ctrl+P)</source>
        <translation>Напечатать бейдж выбранного участника (Ctrl+P)</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>Пе&amp;репечатать…</translation>
    </message>
    <message>
        <source>A new badge for a lost, damaged or misspelt one; the old badge stops opening doors (Ctrl+R)</source>
        <translation>Новый бейдж вместо потерянного, испорченного или с ошибкой в имени; старый бейдж перестаёт открывать двери (Ctrl+R)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Сохранить в PDF…</translation>
    </message>
    <message>
        <source>Print the whole list…</source>
        <translation>Напечатать весь список…</translation>
    </message>
    <message>
        <source>Print a badge for everyone in the list below (Ctrl+Shift+P)</source>
        <translation>Напечатать бейджи всем из списка ниже (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Save the whole list as PDF…</source>
        <translation>Сохранить весь список в PDF…</translation>
    </message>
    <message>
        <source>P&amp;hoto…</source>
        <translation>&amp;Фото…</translation>
    </message>
    <message>
        <source>Put a photo (JPEG or PNG) on the selected badge</source>
        <translation>Поместить фотографию (JPEG или PNG) на выбранный бейдж</translation>
    </message>
    <message>
        <source>Remove the photo</source>
        <translation>Убрать фото</translation>
    </message>
    <message>
        <source>Reprint the badge</source>
        <translation>Перепечатка бейджа</translation>
    </message>
    <message>
        <source>Why is a new badge needed? The old badge will scan as REVOKED.</source>
        <translation>Почему нужен новый бейдж? Старый бейдж при сканировании будет показан как АННУЛИРОВАННЫЙ.</translation>
    </message>
    <message>
        <source>Badge version {version} issued; the old badge is revoked.</source>
        <translation>Выдана версия бейджа {version}; старый бейдж аннулирован.</translation>
    </message>
    <message>
        <source>Choose a photo for the badge</source>
        <translation>Выберите фотографию для бейджа</translation>
    </message>
    <message>
        <source>Photos (*.jpg *.jpeg *.png)</source>
        <translation>Фотографии (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Потерян</translation>
    </message>
    <message>
        <source>Damaged</source>
        <translation>Испорчен</translation>
    </message>
    <message>
        <source>Name corrected</source>
        <translation>Исправлено имя</translation>
    </message>
    <message>
        <source>Print badges</source>
        <translation>Печать бейджей</translation>
    </message>
    <message>
        <source>Print badges for everyone in the list ({count})?</source>
        <translation>Напечатать бейджи всем из списка ({count})?</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Нет принтера</translation>
    </message>
    <message>
        <source>No printer is installed on this computer. The badges will be saved as a PDF file, to print from any computer.</source>
        <translation>На этом компьютере не установлен принтер. Бейджи будут сохранены в файл PDF, чтобы напечатать их с любого компьютера.</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
    <message>
        <source>Printing badges…</source>
        <translation>Печать бейджей…</translation>
    </message>
    <message>
        <source>Badges printed: {count}.</source>
        <translation>Напечатано бейджей: {count}.</translation>
    </message>
    <message>
        <source>Save badges as PDF</source>
        <translation>Сохранить бейджи в PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing badges…</source>
        <translation>Запись бейджей…</translation>
    </message>
    <message>
        <source>Badges saved to {path}: {count}.</source>
        <translation>Бейджи сохранены в {path}: {count}.</translation>
    </message>
</context>
<context>
    <name>BadgePreview</name>
    <message>
        <source>Select a delegate to see the badge.</source>
        <translation>Выберите участника, чтобы увидеть его бейдж.</translation>
    </message>
    <message>
        <source>Badge version {version}.</source>
        <translation>Версия бейджа: {version}.</translation>
    </message>
    <message>
        <source>Reissued ({reason}) {when}; earlier badges are revoked.</source>
        <translation>Перевыпущен ({reason}) {when}; прежние бейджи аннулированы.</translation>
    </message>
    <message>
        <source>Prints of this version: {count}, the last {when} at {desk}.</source>
        <translation>Печатей этой версии: {count}, последняя {when}, {desk}.</translation>
    </message>
    <message>
        <source>Not printed yet.</source>
        <translation>Ещё не напечатан.</translation>
    </message>
    <message>
        <source>&amp;Layout:</source>
        <translation>&amp;Макет:</translation>
    </message>
    <message>
        <source>CR80 card, 85.6 × 54 mm</source>
        <translation>Карта CR80, 85,6 × 54 мм</translation>
    </message>
    <message>
        <source>A6 badge, 105 × 148 mm</source>
        <translation>Бейдж A6, 105 × 148 мм</translation>
    </message>
    <message>
        <source>A4 sheet, four A6 with cut marks</source>
        <translation>Лист A4, четыре A6 с метками реза</translation>
    </message>
</context>
<context>
    <name>BadgesModel</name>
    <message>
        <source>v{version} · not printed</source>
        <translation>в.{version} · не напечатан</translation>
    </message>
    <message>
        <source>v{version} · printed {when}</source>
        <translation>в.{version} · напечатан {when}</translation>
    </message>
</context>
<context>
    <name>BadgesScreen</name>
    <message>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
    <message>
        <source>All delegations</source>
        <translation>Все делегации</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>In the list: {shown} · badges not printed yet: {waiting}</source>
        <translation>В списке: {shown} · ещё не напечатано бейджей: {waiting}</translation>
    </message>
    <message>
        <source>Find a name (Ctrl+F), Enter to pick</source>
        <translation>Найти имя (Ctrl+F), Enter — выбрать</translation>
    </message>
    <message>
        <source>&amp;Not printed yet</source>
        <translation>&amp;Не напечатанные</translation>
    </message>
    <message>
        <source>Print on arrival: only delegates whose current badge has not been printed</source>
        <translation>Печать по прибытии: только участники, чей текущий бейдж ещё не напечатан</translation>
    </message>
</context>
<context>
    <name>CheckinActions</name>
    <message>
        <source>Undo the last check-in</source>
        <translation>Отменить последнюю отметку</translation>
    </message>
    <message>
        <source>Why is this desk&apos;s last check-in here taken back?</source>
        <translation>Почему отменяется последняя отметка этой стойки в этом пункте?</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Проход</translation>
    </message>
    <message>
        <source>Check-in of {name} undone.</source>
        <translation>Отметка прохода {name} отменена.</translation>
    </message>
    <message>
        <source>The camera could not be opened.</source>
        <translation>Не удалось включить камеру.</translation>
    </message>
</context>
<context>
    <name>CheckinScreen</name>
    <message>
        <source>Entrance, {day}</source>
        <translation>Вход, {day}</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Проход</translation>
    </message>
    <message>
        <source>This checkpoint is for {day}; today at the venue is {today}. Scans are recorded here all the same: choose today&apos;s if that is where you are.</source>
        <translation>Этот пункт прохода — на {day}, а сегодня на месте проведения {today}. Проходы всё равно записываются сюда: выберите сегодняшний, если вы там.</translation>
    </message>
    <message>
        <source>Nobody found for “{text}”.</source>
        <translation>По запросу «{text}» никого не найдено.</translation>
    </message>
    <message>
        <source>Scan a badge, or type a name and press Enter</source>
        <translation>Отсканируйте бейдж или введите имя и нажмите Enter</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Правила…</translation>
    </message>
    <message>
        <source>Re-entry and who may enter this checkpoint</source>
        <translation>Повторный вход и кто может пройти в этом пункте</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Звук выкл.</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Звук вкл.</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Print the badge now</source>
        <translation>Напечатать бейдж сейчас</translation>
    </message>
</context>
<context>
    <name>CheckinSide</name>
    <message>
        <source>Checked in: {done} of {expected}</source>
        <translation>Прошли: {done} из {expected}</translation>
    </message>
    <message>
        <source>{at}  undone: {name} ({reason})</source>
        <translation>{at}  отменено: {name} ({reason})</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>In / expected</source>
        <translation>Прошли / ожидается</translation>
    </message>
    <message>
        <source>Last scans here</source>
        <translation>Последние сканирования здесь</translation>
    </message>
    <message>
        <source>Undo the last check-in (Ctrl+Z)</source>
        <translation>Отменить последнюю отметку (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>CheckpointDialog</name>
    <message>
        <source>Checkpoint rules</source>
        <translation>Правила пункта прохода</translation>
    </message>
    <message>
        <source>Allow re-entry: a second scan here lets the person in again (shown as “Already checked in”)</source>
        <translation>Разрешить повторный вход: повторное сканирование здесь снова пропускает человека (показывается «Уже отмечен»)</translation>
    </message>
    <message>
        <source>Who may enter this session</source>
        <translation>Кто может войти на это заседание</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Not enough memory for this. Nothing was written.</source>
        <translation>Недостаточно памяти для этой операции. Ничего не записано.</translation>
    </message>
    <message>
        <source>Interrupted.</source>
        <translation>Прервано.</translation>
    </message>
    <message>
        <source>Demo conference built: {path} ({delegates} delegates, {delegations} delegations, {sessions} sessions).</source>
        <translation>Демонстрационная конференция создана: {path} (участников: {delegates}, делегаций: {delegations}, заседаний: {sessions}).</translation>
    </message>
    <message>
        <source>{file}, row {row}{column}: {message}</source>
        <translation>{file}, строка {row}{column}: {message}</translation>
    </message>
    <message>
        <source>Nothing was imported: correct the rows above and import again.</source>
        <translation>Ничего не импортировано: исправьте указанные строки и повторите импорт.</translation>
    </message>
    <message>
        <source>{file}: and {count} more.</source>
        <translation>{file}: и ещё {count}.</translation>
    </message>
    <message>
        <source>{file}, row {row}: {message}</source>
        <translation>{file}, строка {row}: {message}</translation>
    </message>
    <message>
        <source>{file}: columns not imported: {columns}</source>
        <translation>{file}: не импортированы столбцы: {columns}</translation>
    </message>
    <message>
        <source>{file}: {rows} rows — {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>{file}: строк — {rows}; добавлено: {added}, обновлено: {updated}, без изменений: {unchanged}.</translation>
    </message>
    <message>
        <source>Dry run: nothing was written.</source>
        <translation>Пробный запуск: ничего не записано.</translation>
    </message>
    <message>
        <source>New delegations: {names}</source>
        <translation>Новые делегации: {names}</translation>
    </message>
    <message>
        <source>Likely duplicates to review: {count} (bsm-desk duplicates)</source>
        <translation>Вероятные дубликаты для проверки: {count} (bsm-desk duplicates)</translation>
    </message>
    <message>
        <source>Merged: {drop} is now part of {keep} ({name}).</source>
        <translation>Объединено: {drop} теперь входит в {keep} ({name}).</translation>
    </message>
    <message>
        <source>{first} and {second} are not proposed as duplicates again.</source>
        <translation>{first} и {second} больше не будут предлагаться как дубликаты.</translation>
    </message>
    <message>
        <source>No likely duplicates.</source>
        <translation>Вероятных дубликатов нет.</translation>
    </message>
    <message>
        <source>Template written: {path}</source>
        <translation>Шаблон записан: {path}</translation>
    </message>
    <message>
        <source>Badges written: {count}; pages: {pages}; file: {path}</source>
        <translation>Бейджей записано: {count}; страниц: {pages}; файл: {path}</translation>
    </message>
    <message>
        <source>Note: {checkpoint} is the checkpoint of {day}; today at the venue is {today}.</source>
        <translation>Внимание: {checkpoint} — пункт прохода на {day}; сегодня на месте проведения {today}.</translation>
    </message>
    <message>
        <source>Undone: the check-in of #{id} at {checkpoint}, {at}.</source>
        <translation>Отменён проход № {id}: {checkpoint}, {at}.</translation>
    </message>
    <message>
        <source>Waiting for the database…</source>
        <translation>Ожидание базы данных…</translation>
    </message>
    <message>
        <source>Entrance, {day}</source>
        <translation>Вход, {day}</translation>
    </message>
    <message>
        <source>Request #{id} removed: {title}</source>
        <translation>Заявка № {id} удалена: {title}</translation>
    </message>
    <message>
        <source>{file}: {count} side-event requests imported.</source>
        <translation>{file}: импортировано заявок на параллельные мероприятия: {count}.</translation>
    </message>
    <message>
        <source>No side-event requests are waiting.</source>
        <translation>Заявок на параллельные мероприятия нет.</translation>
    </message>
    <message>
        <source>not placed: {reason}</source>
        <translation>не размещено: {reason}</translation>
    </message>
    <message>
        <source>The roster previewed before was applied.</source>
        <translation>Применён график, показанный ранее.</translation>
    </message>
    <message>
        <source>Optimal.</source>
        <translation>Оптимально.</translation>
    </message>
    <message>
        <source>The best roster found in the time limit.</source>
        <translation>Лучший график, найденный за отведённое время.</translation>
    </message>
    <message>
        <source>No roster: the seats locked by hand break the rules.</source>
        <translation>Графика нет: места, закреплённые вручную, нарушают правила.</translation>
    </message>
    <message>
        <source>Withdrawn; seats given up: {count}. Run the roster again to fill them.</source>
        <translation>Снят(а) с работы; освобождено мест: {count}. Составьте график заново, чтобы их заполнить.</translation>
    </message>
    <message>
        <source>No one more is needed: the pool can staff every booth.</source>
        <translation>Больше никого не нужно: пул может укомплектовать все кабины.</translation>
    </message>
    <message>
        <source>The {booth} booth of session #{session}: {count} seated.</source>
        <translation>Кабина {booth} заседания № {session}: назначено {count}.</translation>
    </message>
    <message>
        <source>Best found within the time limit.</source>
        <translation>Лучшее найденное за отведённое время.</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>Записано: {path}</translation>
    </message>
    <message>
        <source>Nobody found.</source>
        <translation>Никого не найдено.</translation>
    </message>
    <message>
        <source>No exact match; the nearest names:</source>
        <translation>Точных совпадений нет; ближайшие имена:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Даты</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Место проведения</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Часовой пояс</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Залы</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Заседания</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Делегации</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Restored {path} from {backup} ({delegates} delegates, {checkins} check-ins).</source>
        <translation>Файл {path} восстановлен из {backup} (участников: {delegates}, отметок прохода: {checkins}).</translation>
    </message>
    <message>
        <source>The file it replaced is kept at {aside}.</source>
        <translation>Заменённый файл сохранён как {aside}.</translation>
    </message>
    <message>
        <source>Hub: {url}</source>
        <translation>Хаб: {url}</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>На связи</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>Нет связи</translation>
    </message>
    <message>
        <source>Waiting to be sent: {count}</source>
        <translation>Ожидает отправки: {count}</translation>
    </message>
    <message>
        <source>Check-ins of this desk: {here} here, {held} on the hub</source>
        <translation>Отметки этой стойки: здесь {here}, в хабе {held}</translation>
    </message>
    <message>
        <source>Last exchange: {when}</source>
        <translation>Последний обмен: {when}</translation>
    </message>
    <message>
        <source>Made the hub&apos;s certificate authority and its server&apos;s certificate in {folder}. On the hub&apos;s server, in postgresql.conf:</source>
        <translation>Удостоверяющий центр хаба и сертификат его сервера созданы в {folder}. На сервере хаба, в postgresql.conf:</translation>
    </message>
    <message>
        <source>and in pg_hba.conf, hostssl lines only for the desks. Then, at this desk: bsm-desk hub init --db FILE --url URL --ca {ca}. Keep hub-ca.key away from the hub&apos;s server.</source>
        <translation>и в pg_hba.conf — для стоек только строки hostssl. Затем на этой стойке: bsm-desk hub init --db ФАЙЛ --url АДРЕС --ca {ca}. Не храните hub-ca.key на сервере хаба.</translation>
    </message>
    <message>
        <source>Desk {name} may now join, once, with this code (keep it secret, like a password):</source>
        <translation>Стойка {name} может подключиться один раз с этим кодом (храните его в тайне, как пароль):</translation>
    </message>
    <message>
        <source>At that desk: bsm-desk hub join --db FILE --code CODE</source>
        <translation>На той стойке: bsm-desk hub join --db ФАЙЛ --code КОД</translation>
    </message>
    <message>
        <source>Desk {name} can no longer reach the hub; whatever it sends is refused.</source>
        <translation>Стойка {name} больше не может обращаться к хабу; всё, что она пришлёт, будет отклонено.</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>отключена</translation>
    </message>
    <message>
        <source>enrolled</source>
        <translation>подключена</translation>
    </message>
    <message>
        <source>Sent {pushed}, received {pulled}, waiting {pending}.</source>
        <translation>Отправлено {pushed}, получено {pulled}, ожидает {pending}.</translation>
    </message>
    <message>
        <source>The hub cannot be reached: this desk works on and sends what waits when it is back.</source>
        <translation>Хаб недоступен: стойка продолжает работу и отправит накопленное, когда связь вернётся.</translation>
    </message>
    <message>
        <source>{count} could not be taken in: see the review list.</source>
        <translation>Не удалось принять: {count}; см. список на проверку.</translation>
    </message>
    <message>
        <source>New password or PIN: </source>
        <translation>Новый пароль или PIN: </translation>
    </message>
    <message>
        <source>Once more: </source>
        <translation>Ещё раз: </translation>
    </message>
    <message>
        <source> (disabled)</source>
        <translation> (отключён)</translation>
    </message>
    <message>
        <source>The audit trail holds: {count} entries, unbroken, and every table agrees with it.</source>
        <translation>Журнал аудита цел: записей {count}, цепочка не нарушена, все таблицы с ним совпадают.</translation>
    </message>
    <message>
        <source>The event&apos;s passphrase: </source>
        <translation>Кодовая фраза мероприятия: </translation>
    </message>
    <message>
        <source>The hub could not be reached: its copy of the event file still holds the personal data in clear until this desk&apos;s next exchange with it replaces it.</source>
        <translation>Хаб недоступен: его копия файла мероприятия содержит персональные данные в открытом виде, пока следующий обмен этой стойки с хабом не заменит её.</translation>
    </message>
    <message>
        <source>Personal data sealed for {count} delegates. Keep the passphrase safe: without it nobody can read them.</source>
        <translation>Персональные данные зашифрованы у участников: {count}. Храните кодовую фразу: без неё их никто не прочтёт.</translation>
    </message>
    <message>
        <source>{count} backups still held that personal data and were removed; a new backup was taken in their place.</source>
        <translation>Резервных копий с этими персональными данными удалено: {count}; вместо них сделана новая копия.</translation>
    </message>
    <message>
        <source>This copy saved elsewhere still holds that personal data; remove it or keep it safe: {path}</source>
        <translation>Эта копия, сохранённая в другом месте, всё ещё содержит эти персональные данные; удалите её или храните надёжно: {path}</translation>
    </message>
    <message>
        <source>This desk no longer keeps the event&apos;s key.</source>
        <translation>Эта стойка больше не хранит ключ мероприятия.</translation>
    </message>
    <message>
        <source>This desk now keeps the event&apos;s key (outside the event file): operators can sign in here and personal data opens.</source>
        <translation>Теперь эта стойка хранит ключ мероприятия (вне файла мероприятия): операторы могут здесь входить, и персональные данные открыты.</translation>
    </message>
    <message>
        <source>Unlocked for this run only: this computer has no keyring and its configuration folder could not be written.</source>
        <translation>Открыто только на этот запуск: на этом компьютере нет хранилища ключей ОС, а папку настроек записать не удалось.</translation>
    </message>
    <message>
        <source>Personal data removed ({delegates} delegates, {photos} photos); the attendance figures are as they were.</source>
        <translation>Персональные данные удалены (участников: {delegates}, фотографий: {photos}); данные о посещаемости не изменились.</translation>
    </message>
    <message>
        <source>{count} accredited on {day} ({unchanged} already were).</source>
        <translation>Аккредитовано: {count} на {day} (уже были аккредитованы: {unchanged}).</translation>
    </message>
    <message>
        <source>Nobody is waiting for accreditation.</source>
        <translation>Никто не ожидает аккредитации.</translation>
    </message>
    <message>
        <source>Event created: {path} ({code}, {start} to {end}).</source>
        <translation>Мероприятие создано: {path} ({code}, с {start} по {end}).</translation>
    </message>
    <message>
        <source>Room #{id} removed.</source>
        <translation>Зал № {id} удалён.</translation>
    </message>
    <message>
        <source>Session #{id} removed.</source>
        <translation>Заседание № {id} удалено.</translation>
    </message>
    <message>
        <source>Registrations cancelled: {count}.</source>
        <translation>Регистраций отменено: {count}.</translation>
    </message>
    <message>
        <source>Category changed: {count}.</source>
        <translation>Категория изменена: {count}.</translation>
    </message>
    <message>
        <source>Photo saved.</source>
        <translation>Фотография сохранена.</translation>
    </message>
    <message>
        <source>Photo removed.</source>
        <translation>Фотография удалена.</translation>
    </message>
    <message>
        <source>a name of 1 to 80 characters</source>
        <translation>название длиной от 1 до 80 символов</translation>
    </message>
    <message>
        <source>en or ru</source>
        <translation>en или ru</translation>
    </message>
    <message>
        <source>a checkpoint id (see bsm-desk checkpoints), or nothing</source>
        <translation>код пункта прохода (см. bsm-desk checkpoints) или ничего</translation>
    </message>
    <message>
        <source>on or off</source>
        <translation>on или off</translation>
    </message>
    <message>
        <source>a camera&apos;s id, or nothing</source>
        <translation>код камеры или ничего</translation>
    </message>
    <message>
        <source>an existing folder, or nothing (beside the event file)</source>
        <translation>существующую папку или ничего (рядом с файлом мероприятия)</translation>
    </message>
    <message>
        <source>whole minutes from 1 to 240</source>
        <translation>целое число минут от 1 до 240</translation>
    </message>
    <message>
        <source>Seated: {seated} delegations in {places} places; not seated: {unseated}.</source>
        <translation>Рассажено делегаций: {seated}, мест: {places}; без мест: {unseated}.</translation>
    </message>
    <message>
        <source>Written: {path} ({plates} nameplates)</source>
        <translation>Записано: {path} (табличек: {plates})</translation>
    </message>
    <message>
        <source>Written: {path} ({plates} place cards)</source>
        <translation>Записано: {path} (именных карточек: {plates})</translation>
    </message>
    <message>
        <source>Room #{room}: {places} places.</source>
        <translation>Зал №{room}: мест — {places}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Сохранено.</translation>
    </message>
</context>
<context>
    <name>DelegateActions</name>
    <message numerus="yes">
        <source>{what}: %n delegate(s) changed. Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>{what}: изменён %n участник. Ctrl+Z отменит.</numerusform>
            <numerusform>{what}: изменены %n участника. Ctrl+Z отменит.</numerusform>
            <numerusform>{what}: изменено %n участников. Ctrl+Z отменит.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Reprint the badge?</source>
        <translation>Перепечатать бейдж?</translation>
    </message>
    <message>
        <source>{name} already has a printed badge with the old name. Print a new badge now? The old one will scan as REVOKED.</source>
        <translation>У участника {name} уже напечатан бейдж со старым именем. Напечатать новый бейдж сейчас? Старый будет сканироваться как АННУЛИРОВАННЫЙ.</translation>
    </message>
    <message>
        <source>Change category</source>
        <translation>Изменение категории</translation>
    </message>
    <message numerus="yes">
        <source>New category for %n delegate(s):</source>
        <translation>
            <numerusform>Новая категория для %n участника:</numerusform>
            <numerusform>Новая категория для %n участников:</numerusform>
            <numerusform>Новая категория для %n участников:</numerusform>
        </translation>
    </message>
    <message>
        <source>Category changed</source>
        <translation>Категория изменена</translation>
    </message>
    <message>
        <source>Credentials received</source>
        <translation>Полномочия получены</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Отмена регистрации</translation>
    </message>
    <message numerus="yes">
        <source>Cancel the registration of %n delegate(s)? Ctrl+Z undoes it.</source>
        <translation>
            <numerusform>Отменить регистрацию %n участника? Ctrl+Z вернёт её.</numerusform>
            <numerusform>Отменить регистрацию %n участников? Ctrl+Z вернёт её.</numerusform>
            <numerusform>Отменить регистрацию %n участников? Ctrl+Z вернёт её.</numerusform>
        </translation>
    </message>
    <message>
        <source>Registration cancelled</source>
        <translation>Регистрация отменена</translation>
    </message>
    <message numerus="yes">
        <source>Undone: {what} (%n delegate(s)).</source>
        <translation>
            <numerusform>Отменено: {what} (%n участник).</numerusform>
            <numerusform>Отменено: {what} (%n участника).</numerusform>
            <numerusform>Отменено: {what} (%n участников).</numerusform>
        </translation>
    </message>
    <message>
        <source>Delegations saved: {count}.</source>
        <translation>Делегаций сохранено: {count}.</translation>
    </message>
    <message>
        <source>&amp;Add delegate…</source>
        <translation>&amp;Добавить участника…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Import a list…</source>
        <translation>&amp;Импорт списка…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>Найти &amp;дубликаты…</translation>
    </message>
    <message>
        <source>De&amp;legations…</source>
        <translation>Де&amp;легации…</translation>
    </message>
    <message>
        <source>Each delegation&apos;s type (a Member State, an organization…) and its names in both languages</source>
        <translation>Тип каждой делегации (государство-член, организация…) и её названия на обоих языках</translation>
    </message>
    <message>
        <source>Change &amp;category…</source>
        <translation>Изменить &amp;категорию…</translation>
    </message>
    <message>
        <source>Mark credentials &amp;received</source>
        <translation>Отметить получение &amp;полномочий</translation>
    </message>
    <message>
        <source>Ca&amp;ncel registration…</source>
        <translation>Отменить &amp;регистрацию…</translation>
    </message>
    <message>
        <source>&amp;Undo {what}</source>
        <translation>&amp;Отменить: {what}</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
</context>
<context>
    <name>DelegateDialog</name>
    <message>
        <source>set by hand</source>
        <translation>задан вручную</translation>
    </message>
    <message>
        <source>locked: this desk does not hold the event&apos;s key</source>
        <translation>закрыто: на этой стойке нет ключа мероприятия</translation>
    </message>
    <message>
        <source>from “{words}”</source>
        <translation>по словам «{words}»</translation>
    </message>
    <message>
        <source>New delegate</source>
        <translation>Новый участник</translation>
    </message>
    <message>
        <source>Edit delegate</source>
        <translation>Изменение участника</translation>
    </message>
    <message>
        <source>&amp;Family name (passport):</source>
        <translation>&amp;Фамилия (паспорт):</translation>
    </message>
    <message>
        <source>&amp;Given name (passport):</source>
        <translation>&amp;Имя (паспорт):</translation>
    </message>
    <message>
        <source>Family name (C&amp;yrillic):</source>
        <translation>Фамилия (&amp;кириллица):</translation>
    </message>
    <message>
        <source>Given name (Cyr&amp;illic):</source>
        <translation>Имя (кири&amp;ллица):</translation>
    </message>
    <message>
        <source>Gen&amp;der:</source>
        <translation>По&amp;л:</translation>
    </message>
    <message>
        <source>&amp;Honorific:</source>
        <translation>&amp;Обращение:</translation>
    </message>
    <message>
        <source>&amp;Delegation:</source>
        <translation>&amp;Делегация:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ка&amp;тегория:</translation>
    </message>
    <message>
        <source>Function (English):</source>
        <translation>Должность (английский):</translation>
    </message>
    <message>
        <source>Function (Russian):</source>
        <translation>Должность (русский):</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>Pa&amp;ssport:</source>
        <translation>Па&amp;спорт:</translation>
    </message>
    <message>
        <source>&amp;Nationality:</source>
        <translation>&amp;Гражданство:</translation>
    </message>
    <message>
        <source>E&amp;xternal id:</source>
        <translation>&amp;Внешний номер:</translation>
    </message>
    <message>
        <source>St&amp;atus:</source>
        <translation>С&amp;татус:</translation>
    </message>
    <message>
        <source>Protocol &amp;rank:</source>
        <translation>&amp;Ранг по протоколу:</translation>
    </message>
    <message>
        <source>Credentials received:</source>
        <translation>Полномочия получены:</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Show the passport number</source>
        <translation>Показать номер паспорта</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>The Latin name was made from the Cyrillic one: check it against the passport.</source>
        <translation>Имя латиницей получено из кириллицы: сверьте его с паспортом.</translation>
    </message>
</context>
<context>
    <name>DelegatesModel</name>
    <message>
        <source>Name</source>
        <translation>Имя (латиница)</translation>
    </message>
    <message>
        <source>Name in Cyrillic</source>
        <translation>Имя кириллицей</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Бейдж</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Woman</source>
        <translation>Женщина</translation>
    </message>
    <message>
        <source>Man</source>
        <translation>Мужчина</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Не указан</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <source>Accredited</source>
        <translation>Аккредитован</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
</context>
<context>
    <name>DelegatesScreen</name>
    <message numerus="yes">
        <source>{name}: %n member(s), {women} women.</source>
        <translation>
            <numerusform>{name}: %n участник, женщин: {women}.</numerusform>
            <numerusform>{name}: %n участника, женщин: {women}.</numerusform>
            <numerusform>{name}: %n участников, женщин: {women}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Head of delegation: {head}.</source>
        <translation>Глава делегации: {head}.</translation>
    </message>
    <message>
        <source>No head of delegation yet.</source>
        <translation>Глава делегации ещё не указан.</translation>
    </message>
    <message>
        <source>Limit: {limit}.</source>
        <translation>Лимит: {limit}.</translation>
    </message>
    <message numerus="yes">
        <source>%n over the limit.</source>
        <translation>
            <numerusform>Превышение на %n человека.</numerusform>
            <numerusform>Превышение на %n человека.</numerusform>
            <numerusform>Превышение на %n человек.</numerusform>
        </translation>
    </message>
    <message>
        <source>All delegations</source>
        <translation>Все делегации</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Любой статус</translation>
    </message>
    <message>
        <source>No exact match for “{text}”; the nearest names:</source>
        <translation>Точных совпадений с «{text}» нет; ближайшие имена:</translation>
    </message>
    <message numerus="yes">
        <source>Showing %Ln of {total} delegates</source>
        <translation>
            <numerusform>Показан %Ln из {total} участников</numerusform>
            <numerusform>Показаны %Ln из {total} участников</numerusform>
            <numerusform>Показано %Ln из {total} участников</numerusform>
        </translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>&amp;Delegation:</source>
        <translation>&amp;Делегация:</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>&amp;Категория:</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <source>Find a name, in Latin or Cyrillic (Ctrl+F)</source>
        <translation>Поиск по имени латиницей или кириллицей (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>DelegationsDialog</name>
    <message>
        <source>Member State</source>
        <translation>Государство-член</translation>
    </message>
    <message>
        <source>International organization</source>
        <translation>Международная организация</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Гражданское общество</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Другие</translation>
    </message>
    <message>
        <source>The type decides where a delegation stands in the List of Participants and on the list of speakers; both names are printed on badges and lists.</source>
        <translation>Тип определяет место делегации в списке участников и в списке ораторов; оба названия печатаются на бейджах и в списках.</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Название на английском</translation>
    </message>
    <message>
        <source>Name in Russian</source>
        <translation>Название на русском</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>ISO code</source>
        <translation>Код ISO</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Делегации</translation>
    </message>
</context>
<context>
    <name>DeskActions</name>
    <message>
        <source>Enrol a desk</source>
        <translation>Подключить стойку</translation>
    </message>
    <message>
        <source>The new desk&apos;s name (such as Door B):</source>
        <translation>Имя новой стойки (например, Дверь Б):</translation>
    </message>
    <message>
        <source>Desk {name} enrolled: give it the code.</source>
        <translation>Стойка {name} подключена: передайте ей код.</translation>
    </message>
    <message>
        <source>Making the desk&apos;s login on the hub…</source>
        <translation>Создание учётной записи стойки в хабе…</translation>
    </message>
    <message>
        <source>The hub has no enrolled desk to remove.</source>
        <translation>В хабе нет подключённых стоек, которые можно отключить.</translation>
    </message>
    <message>
        <source>Remove a desk</source>
        <translation>Отключить стойку</translation>
    </message>
    <message>
        <source>The desk to remove from the hub:</source>
        <translation>Стойка, которую нужно отключить от хаба:</translation>
    </message>
    <message>
        <source>{name} will no longer reach the hub, and whatever it still sends will be refused. Its own event file keeps what it recorded. Remove it?</source>
        <translation>{name} больше не сможет обращаться к хабу, и всё, что она ещё пришлёт, будет отклонено. В её собственном файле мероприятия записанное сохранится. Отключить?</translation>
    </message>
    <message>
        <source>Removing the desk from the hub…</source>
        <translation>Отключение стойки от хаба…</translation>
    </message>
    <message>
        <source>{name} can no longer reach the hub.</source>
        <translation>{name} больше не может обращаться к хабу.</translation>
    </message>
</context>
<context>
    <name>Duplicates</name>
    <message>
        <source>same e-mail</source>
        <translation>одинаковый адрес эл. почты</translation>
    </message>
    <message>
        <source>same passport number</source>
        <translation>одинаковый номер паспорта</translation>
    </message>
    <message>
        <source>same name, same delegation</source>
        <translation>одинаковое имя, одна делегация</translation>
    </message>
    <message>
        <source>similar names, same delegation</source>
        <translation>похожие имена, одна делегация</translation>
    </message>
    <message>
        <source>similar names, same date of birth</source>
        <translation>похожие имена, одна дата рождения</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message numerus="yes">
        <source>%n likely duplicate pair(s).</source>
        <translation>
            <numerusform>%n вероятная пара дубликатов.</numerusform>
            <numerusform>%n вероятные пары дубликатов.</numerusform>
            <numerusform>%n вероятных пар дубликатов.</numerusform>
        </translation>
    </message>
    <message>
        <source>No likely duplicates.</source>
        <translation>Вероятных дубликатов нет.</translation>
    </message>
    <message>
        <source>Why: {reason} (names {score}% alike)</source>
        <translation>Причина: {reason} (сходство имён {score}%)</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>Вероятные дубликаты</translation>
    </message>
    <message>
        <source>Merge, keep the &amp;left record</source>
        <translation>Объединить, оставить &amp;левую запись</translation>
    </message>
    <message>
        <source>Merge, keep the &amp;right record</source>
        <translation>Объединить, оставить &amp;правую запись</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>&amp;Это разные люди</translation>
    </message>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Family name (Cyrillic)</source>
        <translation>Фамилия (кириллица)</translation>
    </message>
    <message>
        <source>Given name (Cyrillic)</source>
        <translation>Имя (кириллица)</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>EnrolmentCodeDialog</name>
    <message>
        <source>Enrolment code for {name}</source>
        <translation>Код подключения для {name}</translation>
    </message>
    <message>
        <source>At the desk {name}: File → Hub on the LAN…, paste or scan this code into Enrolment code, then New event file from the hub…. The code is shown once and works like a password: keep it to that desk.</source>
        <translation>На стойке {name}: Файл → Хаб в локальной сети…, вставьте или отсканируйте этот код в поле «Код подключения», затем «Новый файл мероприятия из хаба…». Код показывается один раз и действует как пароль: передайте его только этой стойке.</translation>
    </message>
    <message>
        <source>The code as a QR</source>
        <translation>Код в виде QR</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>Скопировать код</translation>
    </message>
</context>
<context>
    <name>ErrorReport</name>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
    <message>
        <source>Something went wrong that BSM Desk did not expect. What was saved before is kept. Please copy the report below and send it to whoever looks after BSM Desk; it is also kept in the log file:
{log}</source>
        <translation>Произошло то, чего BSM Desk не ожидал. Всё, что было сохранено раньше, на месте. Скопируйте, пожалуйста, отчёт ниже и отправьте его тому, кто обслуживает BSM Desk; он также сохранён в журнале:
{log}</translation>
    </message>
    <message>
        <source>Copy the report</source>
        <translation>Скопировать отчёт</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>The file could not be read or written: {reason}</source>
        <translation>Файл не удалось прочитать или записать: {reason}</translation>
    </message>
    <message>
        <source>The event file could not be used: {reason}</source>
        <translation>Файлом мероприятия не удалось воспользоваться: {reason}</translation>
    </message>
    <message>
        <source>Not enough memory for this. Nothing was written.</source>
        <translation>Недостаточно памяти для этой операции. Ничего не записано.</translation>
    </message>
    <message>
        <source>Unexpected error: {reason}. Its report is open, and kept in the log file.</source>
        <translation>Непредвиденная ошибка: {reason}. Отчёт о ней открыт и сохранён в журнале.</translation>
    </message>
</context>
<context>
    <name>EventFileActions</name>
    <message>
        <source>Event databases</source>
        <translation>Базы данных мероприятий</translation>
    </message>
    <message>
        <source>Building the demo conference…</source>
        <translation>Создание демонстрационной конференции…</translation>
    </message>
    <message>
        <source>Save the new event as</source>
        <translation>Сохранить новое мероприятие как</translation>
    </message>
    <message>
        <source>Open an event</source>
        <translation>Открыть мероприятие</translation>
    </message>
    <message>
        <source>Save a backup copy</source>
        <translation>Сохранить резервную копию</translation>
    </message>
    <message>
        <source>Backup saved to {path}</source>
        <translation>Резервная копия сохранена: {path}</translation>
    </message>
</context>
<context>
    <name>EventFileCare</name>
    <message>
        <source>Automatic backup: {path}</source>
        <translation>Автоматическая резервная копия: {path}</translation>
    </message>
    <message>
        <source>The automatic backup failed: {reason}</source>
        <translation>Автоматическое резервное копирование не удалось: {reason}</translation>
    </message>
    <message>
        <source>The event file is damaged</source>
        <translation>Файл мероприятия повреждён</translation>
    </message>
    <message>
        <source>{name} is damaged: desks must stop writing to it.</source>
        <translation>Файл {name} повреждён: стойки должны прекратить запись в него.</translation>
    </message>
    <message>
        <source>SQLite reports: {reason}</source>
        <translation>Сообщение SQLite: {reason}</translation>
    </message>
    <message>
        <source>The latest automatic backup is {name}.</source>
        <translation>Последняя автоматическая резервная копия: {name}.</translation>
    </message>
    <message>
        <source>No automatic backup of it was found.</source>
        <translation>Автоматических резервных копий этого файла не найдено.</translation>
    </message>
    <message>
        <source>Restore the latest backup</source>
        <translation>Восстановить последнюю копию</translation>
    </message>
    <message>
        <source>Choose a backup…</source>
        <translation>Выбрать копию…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Replace {name} with the backup {backup}? The current file is kept aside.</source>
        <translation>Заменить {name} резервной копией {backup}? Текущий файл будет сохранён отдельно.</translation>
    </message>
    <message>
        <source>Restored from {backup}; the replaced file is kept as {aside}.</source>
        <translation>Восстановлено из {backup}; заменённый файл сохранён как {aside}.</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to BSM Desk</source>
        <translation>Добро пожаловать в BSM Desk</translation>
    </message>
    <message>
        <source>There is no event on this computer yet. What would you like to do?</source>
        <translation>На этом компьютере ещё нет мероприятий. Что вы хотите сделать?</translation>
    </message>
    <message>
        <source>Open the demo conference
Dushanbe, 18–19 October 2022, with 700 participants</source>
        <translation>Открыть демонстрационную конференцию
Душанбе, 18–19 октября 2022 г., 700 участников</translation>
    </message>
    <message>
        <source>Create a new event
Title, dates, venue and languages</source>
        <translation>Создать новое мероприятие
Название, даты, место проведения и языки</translation>
    </message>
    <message>
        <source>Open an existing event file
A .sqlite file from another desk or a backup</source>
        <translation>Открыть существующий файл мероприятия
Файл .sqlite с другой стойки или резервная копия</translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <source>User guide</source>
        <translation>Руководство пользователя</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Содержание</translation>
    </message>
</context>
<context>
    <name>HistoryScreen</name>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>as first logged</source>
        <translation>исходное состояние</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>вход</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>выход</translation>
    </message>
    <message>
        <source>sign-in failed</source>
        <translation>неудачный вход</translation>
    </message>
    <message>
        <source>sign-in while locked</source>
        <translation>вход при блокировке</translation>
    </message>
    <message>
        <source>personal data shown</source>
        <translation>показ персональных данных</translation>
    </message>
    <message>
        <source>personal data sealed</source>
        <translation>персональные данные зашифрованы</translation>
    </message>
    <message>
        <source>personal data purged</source>
        <translation>персональные данные удалены</translation>
    </message>
    <message>
        <source>desk enrolled on the hub</source>
        <translation>стойка подключена к хабу</translation>
    </message>
    <message>
        <source>desk removed from the hub</source>
        <translation>стойка отключена от хаба</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Все</translation>
    </message>
    <message numerus="yes">
        <source>%Ln entries shown</source>
        <translation>
            <numerusform>Показана %Ln запись</numerusform>
            <numerusform>Показаны %Ln записи</numerusform>
            <numerusform>Показано %Ln записей</numerusform>
        </translation>
    </message>
    <message>
        <source>History</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>The audit trail holds: {count} entries, unbroken, and every table agrees with it.</source>
        <translation>Журнал аудита цел: записей {count}, цепочка не нарушена, все таблицы с ним совпадают.</translation>
    </message>
    <message>
        <source>History: every change, who made it and when</source>
        <translation>Журнал: каждое изменение, кто и когда его внёс</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>С даты:</translation>
    </message>
    <message>
        <source>Containing:</source>
        <translation>Содержит:</translation>
    </message>
    <message>
        <source>a name, a table, an action…</source>
        <translation>имя, таблица, действие…</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>Проверить цепочку</translation>
    </message>
    <message>
        <source>Older entries</source>
        <translation>Более ранние записи</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Действие</translation>
    </message>
    <message>
        <source>Desk</source>
        <translation>Стойка</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что</translation>
    </message>
</context>
<context>
    <name>HubDialog</name>
    <message>
        <source>Hub on the LAN</source>
        <translation>Хаб в локальной сети</translation>
    </message>
    <message>
        <source>kept by the system&apos;s keyring, or ~/.pgpass</source>
        <translation>хранится в связке ключей системы или в ~/.pgpass</translation>
    </message>
    <message>
        <source>BSMHUB1-… from the administrator (type, paste or scan it)</source>
        <translation>BSMHUB1-… от администратора (введите, вставьте или отсканируйте)</translation>
    </message>
    <message>
        <source>Test the connection</source>
        <translation>Проверить связь</translation>
    </message>
    <message>
        <source>Connect this event to the hub</source>
        <translation>Подключить это мероприятие к хабу</translation>
    </message>
    <message>
        <source>New event file from the hub…</source>
        <translation>Новый файл мероприятия из хаба…</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Адрес:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Пароль:</translation>
    </message>
    <message>
        <source>Enrolment code:</source>
        <translation>Код подключения:</translation>
    </message>
    <message>
        <source>hub-ca.crt from bsm-desk hub tls (a hub on the network)</source>
        <translation>hub-ca.crt из bsm-desk hub tls (для хаба в сети)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Certificate authority:</source>
        <translation>Удостоверяющий центр:</translation>
    </message>
    <message>
        <source>Enrol a desk…</source>
        <translation>Подключить стойку…</translation>
    </message>
    <message>
        <source>A hub login of its own for a new desk, and the one-time code it joins with</source>
        <translation>Собственная учётная запись в хабе для новой стойки и одноразовый код для подключения</translation>
    </message>
    <message>
        <source>Remove a desk…</source>
        <translation>Отключить стойку…</translation>
    </message>
    <message>
        <source>For a lost laptop: its login stops working and whatever it sends is refused</source>
        <translation>Для потерянного ноутбука: его учётная запись перестаёт работать, а всё, что он пришлёт, отклоняется</translation>
    </message>
    <message>
        <source>Adopt this hub…</source>
        <translation>Принять этот хаб…</translation>
    </message>
    <message>
        <source>The hub was made again: send it everything this desk holds (with a new enrolment code, if the administrator gave one)</source>
        <translation>Хаб создан заново: отправить ему всё, что есть на этой стойке (с новым кодом подключения, если администратор его выдал)</translation>
    </message>
    <message>
        <source>Every desk keeps its own event file and goes on working when the LAN drops; what it records reaches the others when the hub can be reached again. The first desk connects its event; the others make theirs from the hub.</source>
        <translation>Каждая стойка хранит свой файл мероприятия и продолжает работать, когда сеть пропадает; записанное попадёт к остальным, когда хаб снова станет доступен. Первая стойка подключает своё мероприятие; остальные создают свои файлы из хаба.</translation>
    </message>
    <message>
        <source>For review ({count}): what this desk could not take in, or took in twice</source>
        <translation>На проверку ({count}): что эта стойка не смогла принять или приняла дважды</translation>
    </message>
    <message>
        <source>Adopt this hub</source>
        <translation>Принять этот хаб</translation>
    </message>
    <message>
        <source>Take the hub now at this address as the event&apos;s hub? This desk sends it everything it holds and takes everything from it.</source>
        <translation>Принять хаб по этому адресу как хаб мероприятия? Стойка отправит ему всё, что у неё есть, и получит всё, что есть у него.</translation>
    </message>
    <message>
        <source>Sending everything to the hub…</source>
        <translation>Отправка всего в хаб…</translation>
    </message>
    <message>
        <source>Adopted: {pushed} sent, {pulled} received.</source>
        <translation>Принят: отправлено {pushed}, получено {pulled}.</translation>
    </message>
    <message>
        <source>The hub&apos;s certificate authority</source>
        <translation>Удостоверяющий центр хаба</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem)</source>
        <translation>Сертификаты (*.crt *.pem)</translation>
    </message>
    <message>
        <source>Reached; not a hub yet: connect an event to make it one.</source>
        <translation>Сервер доступен, но это ещё не хаб: подключите мероприятие, чтобы создать его.</translation>
    </message>
    <message>
        <source>Reached the hub of {code}.</source>
        <translation>Хаб мероприятия {code} доступен.</translation>
    </message>
    <message>
        <source>Reaching the hub…</source>
        <translation>Связь с хабом…</translation>
    </message>
    <message>
        <source>Publishing the event to the hub…</source>
        <translation>Публикация мероприятия в хабе…</translation>
    </message>
    <message>
        <source>Connected: {pushed} check-ins sent, {pulled} received.</source>
        <translation>Подключено: отправлено отметок {pushed}, получено {pulled}.</translation>
    </message>
    <message>
        <source>The new desk&apos;s event file</source>
        <translation>Файл мероприятия новой стойки</translation>
    </message>
    <message>
        <source>Event files (*.sqlite)</source>
        <translation>Файлы мероприятий (*.sqlite)</translation>
    </message>
    <message>
        <source>Made {path} from the hub.</source>
        <translation>Файл {path} создан из хаба.</translation>
    </message>
    <message>
        <source>Making the event file from the hub…</source>
        <translation>Создание файла мероприятия из хаба…</translation>
    </message>
</context>
<context>
    <name>HubLink</name>
    <message>
        <source>Hub: connecting…</source>
        <translation>Хаб: подключение…</translation>
    </message>
    <message>
        <source>Hub: online, up to date</source>
        <translation>Хаб: на связи, всё передано</translation>
    </message>
    <message>
        <source>Hub: online, sending {count}</source>
        <translation>Хаб: на связи, отправка {count}</translation>
    </message>
    <message>
        <source>Hub: offline since {time}, {count} waiting</source>
        <translation>Хаб: нет связи с {time}, ожидает {count}</translation>
    </message>
    <message>
        <source>{count} to review</source>
        <translation>на проверку: {count}</translation>
    </message>
    <message>
        <source>this computer&apos;s clock is {minutes} min ahead of the hub&apos;s</source>
        <translation>часы этого компьютера спешат на {minutes} мин относительно хаба</translation>
    </message>
    <message>
        <source>this computer&apos;s clock is {minutes} min behind the hub&apos;s</source>
        <translation>часы этого компьютера отстают на {minutes} мин от хаба</translation>
    </message>
</context>
<context>
    <name>ImportError</name>
    <message>
        <source>Missing family name.</source>
        <translation>Не указана фамилия.</translation>
    </message>
    <message>
        <source>Missing delegation or country.</source>
        <translation>Не указана делегация или страна.</translation>
    </message>
    <message>
        <source>This row has {cells} cells and the header row {headers}: a cell that holds the separator (such as ; or a comma) must be put in double quotes, or the cells after it move one column along.</source>
        <translation>В этой строке ячеек: {cells}, а в строке заголовков: {headers}. Ячейку, в которой есть разделитель (например, ; или запятая), нужно заключить в двойные кавычки, иначе следующие ячейки сдвигаются на один столбец.</translation>
    </message>
    <message>
        <source>Unknown gender “{value}”: use M or F (М or Ж), or leave it empty.</source>
        <translation>Неизвестное значение пола «{value}»: укажите М или Ж (M или F) либо оставьте пустым.</translation>
    </message>
    <message>
        <source>Invalid e-mail address “{value}”.</source>
        <translation>Неверный адрес эл. почты «{value}».</translation>
    </message>
    <message>
        <source>Invalid date “{value}”: use YYYY-MM-DD or DD.MM.YYYY.</source>
        <translation>Неверная дата «{value}»: используйте ГГГГ-ММ-ДД или ДД.ММ.ГГГГ.</translation>
    </message>
    <message>
        <source>Unknown category “{value}”. Known: {known}.</source>
        <translation>Неизвестная категория «{value}». Известные: {known}.</translation>
    </message>
    <message>
        <source>The name “{value}” mixes Latin and Cyrillic letters.</source>
        <translation>В имени «{value}» смешаны латинские и кириллические буквы.</translation>
    </message>
    <message>
        <source>Same person as row {other} (same {key}).</source>
        <translation>Тот же человек, что в строке {other} (совпадает: {key}).</translation>
    </message>
    <message>
        <source>This row matches {name} (#{id}, same {key}) but both names differ: “{family} {given}”. Nothing is imported; correct the {key} or the names.</source>
        <translation>Эта строка совпадает с записью {name} (№{id}, тот же признак: {key}), но и фамилия, и имя другие: «{family} {given}». Ничего не импортировано; исправьте {key} или имена.</translation>
    </message>
    <message>
        <source>{name} (#{id}) of this delegation is already registered with another {key}: the same person, or a namesake? Nothing is imported; give this row the registered {key} if it is the same person; a namesake is added by hand (Delegates → Add), then found by this {key}.</source>
        <translation>{name} (№{id}) из этой делегации уже зарегистрирован(а) с другим значением поля «{key}»: это тот же человек или однофамилец? Ничего не импортировано; если это тот же человек, укажите в строке зарегистрированное значение; однофамильца добавьте вручную (Участники → Добавить), и дальше его найдут по этому полю.</translation>
    </message>
    <message>
        <source>{count} people of this delegation are registered as “{family} {given}” (#{ids}): which one is this row? Nothing is imported; give it an e-mail, passport number or external id that tells them apart.</source>
        <translation>В этой делегации зарегистрировано несколько человек с именем «{family} {given}» ({count}; №{ids}): кто из них в этой строке? Ничего не импортировано; укажите эл. почту, номер паспорта или внешний номер, по которым их можно различить.</translation>
    </message>
    <message>
        <source>The name of #{id} changes from “{old}” to “{new}”.</source>
        <translation>Имя участника №{id} меняется с «{old}» на «{new}».</translation>
    </message>
    <message>
        <source>This cell has {length} characters; at most {limit} are allowed.</source>
        <translation>В этой ячейке {length} символов; допускается не более {limit}.</translation>
    </message>
    <message>
        <source>The name “{value}” is not in Latin or Cyrillic letters, which badges print and the search finds: give the name as written in Latin letters in the passport.</source>
        <translation>Имя «{value}» написано не латиницей и не кириллицей, а бейджи печатают и поиск находит только их: укажите имя латиницей, как в паспорте.</translation>
    </message>
    <message>
        <source>Invisible control characters were removed from this cell: “{value}”.</source>
        <translation>Из этой ячейки удалены невидимые управляющие символы: «{value}».</translation>
    </message>
    <message>
        <source>Emoji were removed from the name: “{value}”.</source>
        <translation>Из имени удалены эмодзи: «{value}».</translation>
    </message>
    <message>
        <source>Full name read as family name “{family}”, given name “{given}”. Check it.</source>
        <translation>Полное имя прочитано как фамилия «{family}», имя «{given}». Проверьте.</translation>
    </message>
    <message>
        <source>The column “{column}” numbers the rows 1, 2, 3…: it is not used to recognise people registered before.</source>
        <translation>Столбец «{column}» нумерует строки 1, 2, 3…: по нему не узнаются уже зарегистрированные участники.</translation>
    </message>
    <message>
        <source>Column not imported: “{column}”.</source>
        <translation>Столбец не импортирован: «{column}».</translation>
    </message>
    <message>
        <source>Latin name made from the Cyrillic: “{value}”. Check it against the passport.</source>
        <translation>Имя латиницей получено из кириллицы: «{value}». Сверьте его с паспортом.</translation>
    </message>
    <message>
        <source>external id</source>
        <translation>внешний номер</translation>
    </message>
    <message>
        <source>e-mail</source>
        <translation>эл. почта</translation>
    </message>
    <message>
        <source>passport number</source>
        <translation>номер паспорта</translation>
    </message>
    <message>
        <source>name and delegation</source>
        <translation>имя и делегация</translation>
    </message>
    <message>
        <source>The {column} is missing.</source>
        <translation>Не заполнено поле «{column}».</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number of minutes.</source>
        <translation>«{value}» — не целое число минут.</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number of people.</source>
        <translation>«{value}» — не целое число участников.</translation>
    </message>
    <message>
        <source>“{value}” is not a time like 2022-10-18 13:30.</source>
        <translation>«{value}» — не время вида 2022-10-18 13:30.</translation>
    </message>
    <message>
        <source>{value} is not a day of the event.</source>
        <translation>{value} — не день мероприятия.</translation>
    </message>
    <message>
        <source>“{value}”: write yes or no (да or нет).</source>
        <translation>«{value}»: укажите да или нет (yes или no).</translation>
    </message>
    <message>
        <source>No registered delegate is “{value}”.</source>
        <translation>Среди зарегистрированных нет «{value}».</translation>
    </message>
    <message>
        <source>“{value}” names more than one delegate: use the e-mail.</source>
        <translation>«{value}» подходит к нескольким участникам: укажите эл. почту.</translation>
    </message>
    <message>
        <source>The name is empty.</source>
        <translation>Имя не заполнено.</translation>
    </message>
    <message>
        <source>Longer than {limit} characters.</source>
        <translation>Длиннее {limit} символов.</translation>
    </message>
    <message>
        <source>“{value}” is not yes or no (да or нет).</source>
        <translation>«{value}» — не «да» и не «нет» (yes или no).</translation>
    </message>
    <message>
        <source>“{value}” is not a day written as YYYY-MM-DD.</source>
        <translation>«{value}» — не дата в виде ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>{day} is not a day of the event ({start} to {end}).</source>
        <translation>{day} — не день мероприятия (с {start} по {end}).</translation>
    </message>
    <message>
        <source>“{value}” is not a fee (a number, 0 or more).</source>
        <translation>«{value}» — не гонорар (число, 0 или больше).</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«{value}» — не адрес электронной почты.</translation>
    </message>
    <message>
        <source>“{value}” is not a span of hours, as in 09:00-13:00.</source>
        <translation>«{value}» — не часы работы вида 09:00-13:00.</translation>
    </message>
    <message>
        <source>The same interpreter as in row {row}.</source>
        <translation>Тот же переводчик, что в строке {row}.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Family name</source>
        <translation>Фамилия</translation>
    </message>
    <message>
        <source>Given name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Delegation or country</source>
        <translation>Делегация или страна</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>Отчество</translation>
    </message>
    <message>
        <source>Full name (split, to check)</source>
        <translation>Полное имя (разделяется, проверить)</translation>
    </message>
    <message>
        <source>Title (honorific or function)</source>
        <translation>Обращение или должность</translation>
    </message>
    <message>
        <source>Participant id</source>
        <translation>Код участника</translation>
    </message>
    <message>
        <source>Row number (not imported)</source>
        <translation>Номер строки (не импортируется)</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Гражданство</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Choose a delegation list</source>
        <translation>Выбор списка делегации</translation>
    </message>
    <message>
        <source>Lists</source>
        <translation>Списки</translation>
    </message>
    <message>
        <source>— not imported —</source>
        <translation>— не импортировать —</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Выполняется…</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <source>{count} problem(s) must be corrected in the file before anything is imported. Nothing has been written.</source>
        <translation>Проблем, которые нужно исправить в файле до импорта: {count}. Ничего не записано.</translation>
    </message>
    <message>
        <source>The first {listed} are listed.</source>
        <translation>Показаны первые {listed}.</translation>
    </message>
    <message>
        <source>Ready: {added} to add, {updated} to update, {unchanged} unchanged. New delegations: {new}.</source>
        <translation>Готово к импорту: добавить {added}, обновить {updated}, без изменений {unchanged}. Новые делегации: {new}.</translation>
    </message>
    <message>
        <source>Nothing was imported: since the check, {count} problem(s) came up (another desk may have changed the event); they are listed below.</source>
        <translation>Ничего не импортировано: после проверки обнаружено проблем: {count} (возможно, другой стол изменил мероприятие); они перечислены ниже.</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Импортировано: добавлено {added}, обновлено {updated}, без изменений {unchanged}.</translation>
    </message>
    <message>
        <source>{count} likely duplicate(s) to review: Find duplicates.</source>
        <translation>Вероятных дубликатов для проверки: {count} (Найти дубликаты).</translation>
    </message>
    <message>
        <source>Import a delegation list</source>
        <translation>Импорт списка делегации</translation>
    </message>
    <message>
        <source>Choose the file</source>
        <translation>Выбор файла</translation>
    </message>
    <message>
        <source>An Excel workbook (.xlsx) or a text export (.csv, .txt) in any common encoding.</source>
        <translation>Книга Excel (.xlsx) или текстовая выгрузка (.csv, .txt) в любой распространённой кодировке.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Обзор…</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>Лист:</translation>
    </message>
    <message>
        <source>Check the columns</source>
        <translation>Проверка столбцов</translation>
    </message>
    <message>
        <source>Columns were matched by their headers. Correct any that are wrong; a family name column is needed.</source>
        <translation>Столбцы сопоставлены по заголовкам. Исправьте неверные; нужен столбец с фамилией.</translation>
    </message>
    <message>
        <source>Check the rows</source>
        <translation>Проверка строк</translation>
    </message>
    <message>
        <source>Every row is checked before anything is written.</source>
        <translation>Каждая строка проверяется до того, как что-либо будет записано.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
</context>
<context>
    <name>InterpreterDialog</name>
    <message>
        <source>Interpreter</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>New interpreter</source>
        <translation>Новый переводчик</translation>
    </message>
    <message>
        <source>Staff (not paid by the day)</source>
        <translation>Штатный (без дневного гонорара)</translation>
    </message>
    <message>
        <source>Only between</source>
        <translation>Только с</translation>
    </message>
    <message>
        <source>not withdrawn</source>
        <translation>не выбыл(а)</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Name in Cyrillic:</source>
        <translation>Имя кириллицей:</translation>
    </message>
    <message>
        <source>Languages (A mother tongue, B active, C passive):</source>
        <translation>Языки (A — родной, B — активный, C — пассивный):</translation>
    </message>
    <message>
        <source>Daily fee:</source>
        <translation>Гонорар за день:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Эл. почта:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Телефон:</translation>
    </message>
    <message>
        <source>Available on:</source>
        <translation>Свободен(на):</translation>
    </message>
    <message>
        <source>Hours each day:</source>
        <translation>Часы каждый день:</translation>
    </message>
    <message>
        <source>Rather not work in:</source>
        <translation>Предпочитает не работать в:</translation>
    </message>
    <message>
        <source>Withdrawn (ill, left) from:</source>
        <translation>Выбыл(а) (болезнь, отъезд) с:</translation>
    </message>
    <message>
        <source>The hours must end after they begin.</source>
        <translation>Конец рабочих часов должен быть позже начала.</translation>
    </message>
</context>
<context>
    <name>LanguageChoice</name>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Interpretation needed</source>
        <translation>Нужен синхронный перевод</translation>
    </message>
</context>
<context>
    <name>LayoutDialog</name>
    <message>
        <source>This layout cannot be: check the numbers.</source>
        <translation>Такая схема невозможна: проверьте числа.</translation>
    </message>
    <message>
        <source>{places} places on the floor, {podium} at the podium</source>
        <translation>Мест в зале: {places}, в президиуме: {podium}</translation>
    </message>
    <message>
        <source>Seating layout: {room}</source>
        <translation>Схема рассадки: {room}</translation>
    </message>
    <message>
        <source>Theatre (rows of chairs)</source>
        <translation>Театр (ряды стульев)</translation>
    </message>
    <message>
        <source>Classroom (rows of tables)</source>
        <translation>Класс (ряды столов)</translation>
    </message>
    <message>
        <source>U-shape</source>
        <translation>П-образная рассадка</translation>
    </message>
    <message>
        <source>Hollow square</source>
        <translation>Квадрат</translation>
    </message>
    <message>
        <source>Boardroom (one long table)</source>
        <translation>Переговорная (один длинный стол)</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>Форма</translation>
    </message>
    <message>
        <source>Rows (around tables: chairs behind each place, 0–2)</source>
        <translation>Ряды (за столами: стульев за каждым местом, 0–2)</translation>
    </message>
    <message>
        <source>Places in a row (around tables: at the table)</source>
        <translation>Мест в ряду (за столами: у стола)</translation>
    </message>
    <message>
        <source>Places at the podium</source>
        <translation>Мест в президиуме</translation>
    </message>
    <message>
        <source>Click a place: a wheelchair reaches it (blue edge). Shift+click: take it out (a pillar, a door); again to bring it back. Ctrl+wheel zooms.</source>
        <translation>Щелчок по месту: к нему можно подъехать на кресле-коляске (синяя рамка). Shift+щелчок: убрать место (колонна, дверь); ещё раз — вернуть. Ctrl+колесо — масштаб.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>About BSM Desk</source>
        <translation>О программе BSM Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;BSM Desk {version}&lt;/h3&gt;&lt;p&gt;Registration, badges, check-in, attendance, rooms, speakers and interpreters for bilingual international conferences, working offline.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Event database:&lt;/b&gt; {path}&lt;br&gt;&lt;b&gt;Desk:&lt;/b&gt; {desk} ({desk_id})&lt;br&gt;&lt;b&gt;Qt:&lt;/b&gt; {qt}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;BSM Desk {version}&lt;/h3&gt;&lt;p&gt;Регистрация, бейджи, контроль прохода, учёт присутствия, залы, список выступающих и график переводчиков для двуязычных международных конференций — без интернета.&lt;/p&gt;&lt;p&gt;&lt;b&gt;База данных мероприятия:&lt;/b&gt; {path}&lt;br&gt;&lt;b&gt;Стойка:&lt;/b&gt; {desk} ({desk_id})&lt;br&gt;&lt;b&gt;Qt:&lt;/b&gt; {qt}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>BSM Desk</source>
        <translation>BSM Desk</translation>
    </message>
    <message>
        <source>Event overview</source>
        <translation>Обзор мероприятия</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Бейджи</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Проход</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Посещаемость</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Seating</source>
        <translation>Рассадка</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Ораторы</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>График</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;New event…</source>
        <translation>&amp;Новое мероприятие…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open the &amp;demo conference</source>
        <translation>Открыть &amp;демонстрационную конференцию</translation>
    </message>
    <message>
        <source>Save a &amp;backup copy…</source>
        <translation>Сохранить &amp;резервную копию…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>Desk &amp;settings…</source>
        <translation>&amp;Настройки стойки…</translation>
    </message>
    <message>
        <source>&amp;Hub on the LAN…</source>
        <translation>&amp;Хаб в локальной сети…</translation>
    </message>
    <message>
        <source>Sign &amp;in or switch operator…</source>
        <translation>&amp;Войти или сменить оператора…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen</source>
        <translation>&amp;Заблокировать экран</translation>
    </message>
    <message>
        <source>&amp;Operators…</source>
        <translation>&amp;Операторы…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;About BSM Desk</source>
        <translation>&amp;О программе BSM Desk</translation>
    </message>
    <message>
        <source>&amp;User guide</source>
        <translation>&amp;Руководство пользователя</translation>
    </message>
    <message>
        <source>&amp;Projector (speakers and countdown)</source>
        <translation>&amp;Проектор (оратор и отсчёт времени)</translation>
    </message>
    <message>
        <source>&amp;Booths (for the interpreters)</source>
        <translation>&amp;Кабины (для переводчиков)</translation>
    </message>
    <message>
        <source>No event open</source>
        <translation>Мероприятие не открыто</translation>
    </message>
    <message>
        <source>Desk: {name}</source>
        <translation>Стойка: {name}</translation>
    </message>
</context>
<context>
    <name>NewEventDialog</name>
    <message>
        <source>New event</source>
        <translation>Новое мероприятие</translation>
    </message>
    <message>
        <source>Title (&amp;English):</source>
        <translation>Название (&amp;английский):</translation>
    </message>
    <message>
        <source>Title (&amp;Russian):</source>
        <translation>Название (&amp;русский):</translation>
    </message>
    <message>
        <source>&amp;Starts on:</source>
        <translation>&amp;Начало:</translation>
    </message>
    <message>
        <source>&amp;Ends on:</source>
        <translation>&amp;Окончание:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <source>&amp;Venue (English):</source>
        <translation>&amp;Место (английский):</translation>
    </message>
    <message>
        <source>Venue (R&amp;ussian):</source>
        <translation>Место (р&amp;усский):</translation>
    </message>
    <message>
        <source>Working languages:</source>
        <translation>Рабочие языки:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>New password or PIN</source>
        <translation>Новый пароль или PIN</translation>
    </message>
    <message>
        <source>New operator</source>
        <translation>Новый оператор</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Имя:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Роль:</translation>
    </message>
    <message>
        <source>Password or PIN:</source>
        <translation>Пароль или PIN:</translation>
    </message>
    <message>
        <source>Once more:</source>
        <translation>Ещё раз:</translation>
    </message>
    <message>
        <source>Event&apos;s passphrase:</source>
        <translation>Парольная фраза мероприятия:</translation>
    </message>
    <message>
        <source>Passphrase once more:</source>
        <translation>Парольная фраза ещё раз:</translation>
    </message>
    <message>
        <source>The first operator is an administrator: once made, this event asks everyone to sign in.</source>
        <translation>Первый оператор — администратор: после его создания мероприятие будет требовать вход от всех.</translation>
    </message>
    <message>
        <source>The event&apos;s passphrase (at least 10 characters) seals passport numbers, phones and dates of birth from now on; this computer keeps its key. Another desk needs the passphrase once, or an enrolment code.</source>
        <translation>Парольная фраза мероприятия (не короче 10 символов) с этого момента запечатывает номера паспортов, телефоны и даты рождения; этот компьютер хранит её ключ. Другой стойке понадобится фраза один раз или код подключения.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>Две парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>OperatorGuard</name>
    <message>
        <source>Locked: scanning goes on. Click {name} below to sign in.</source>
        <translation>Заблокировано: сканирование продолжается. Нажмите {name} внизу, чтобы войти.</translation>
    </message>
    <message>
        <source>This event now has operators: sign in to go on (click below).</source>
        <translation>У этого мероприятия теперь есть операторы: войдите, чтобы продолжить (нажмите внизу).</translation>
    </message>
    <message>
        <source>Nobody signed in — sign in</source>
        <translation>Никто не вошёл — войти</translation>
    </message>
    <message>
        <source>Sign in as another operator (switch)</source>
        <translation>Войти как другой оператор (сменить)</translation>
    </message>
    <message>
        <source>Personal data locked — unlock…</source>
        <translation>Персональные данные закрыты — разблокировать…</translation>
    </message>
</context>
<context>
    <name>Operators</name>
    <message>
        <source>desk</source>
        <translation>стойка</translation>
    </message>
    <message>
        <source>registrar</source>
        <translation>регистратор</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>старший смены</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>check people in</source>
        <translation>отмечать проход участников</translation>
    </message>
    <message>
        <source>print a badge on arrival</source>
        <translation>печатать бейдж по прибытии</translation>
    </message>
    <message>
        <source>edit delegates</source>
        <translation>изменять данные участников</translation>
    </message>
    <message>
        <source>import lists</source>
        <translation>импортировать списки</translation>
    </message>
    <message>
        <source>print or reprint badges</source>
        <translation>печатать и перепечатывать бейджи</translation>
    </message>
    <message>
        <source>edit speakers&apos; lists</source>
        <translation>вести списки выступающих</translation>
    </message>
    <message>
        <source>see personal data</source>
        <translation>видеть персональные данные</translation>
    </message>
    <message>
        <source>revoke badges</source>
        <translation>аннулировать бейджи</translation>
    </message>
    <message>
        <source>merge registrations</source>
        <translation>объединять регистрации</translation>
    </message>
    <message>
        <source>undo others&apos; check-ins</source>
        <translation>отменять отметки других операторов</translation>
    </message>
    <message>
        <source>change the programme</source>
        <translation>изменять программу</translation>
    </message>
    <message>
        <source>change the interpreters&apos; roster</source>
        <translation>изменять график переводчиков</translation>
    </message>
    <message>
        <source>export personal data</source>
        <translation>выгружать персональные данные</translation>
    </message>
    <message>
        <source>read the history</source>
        <translation>просматривать журнал</translation>
    </message>
    <message>
        <source>change this desk&apos;s settings</source>
        <translation>изменять настройки этой стойки</translation>
    </message>
    <message>
        <source>manage operators</source>
        <translation>управлять операторами</translation>
    </message>
    <message>
        <source>change the event&apos;s settings</source>
        <translation>изменять настройки мероприятия</translation>
    </message>
    <message>
        <source>look people up</source>
        <translation>искать участников</translation>
    </message>
    <message>
        <source>export reports and lists</source>
        <translation>выгружать отчёты и списки</translation>
    </message>
    <message>
        <source>copy the event file</source>
        <translation>копировать файл мероприятия</translation>
    </message>
    <message>
        <source>replace the event file with another</source>
        <translation>заменять файл мероприятия другим</translation>
    </message>
</context>
<context>
    <name>OperatorsDialog</name>
    <message>
        <source>Operators</source>
        <translation>Операторы</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Изменить роль…</translation>
    </message>
    <message>
        <source>New password…</source>
        <translation>Новый пароль…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>Отключить / включить</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>No operators yet: anyone at this laptop may do anything. Add the first (an administrator) to make everyone sign in.</source>
        <translation>Операторов пока нет: любой за этим ноутбуком может делать всё. Добавьте первого (администратора), чтобы все входили под своим именем.</translation>
    </message>
    <message>
        <source>Roles: desk (check in, search, print on arrival) · registrar (also edit and import delegates, badges, speakers&apos; lists) · supervisor (also revoke, merge, programme, roster, personal exports, history) · administrator (also operators).</source>
        <translation>Роли: стойка (отметка прохода, поиск, печать при прибытии) · регистратор (также правка и импорт участников, бейджи, списки выступающих) · старший смены (также аннулирование, объединение, программа, график переводчиков, выгрузка персональных данных, журнал) · администратор (также операторы).</translation>
    </message>
</context>
<context>
    <name>OverviewScreen</name>
    <message>
        <source>{dates} · {venue} · time zone {zone} · working languages: {languages}</source>
        <translation>{dates} · {venue} · часовой пояс {zone} · рабочие языки: {languages}</translation>
    </message>
    <message>
        <source>{count} registered people wait for accreditation: on the Delegates screen, select them and choose “Mark credentials received” once their credentials have arrived (or run bsm-desk accredit).</source>
        <translation>Ожидают аккредитации: {count} зарегистрированных участников. Когда их полномочия получены, на экране «Участники» выделите их и выберите «Отметить получение полномочий» (или выполните bsm-desk accredit).</translation>
    </message>
    <message>
        <source>Organizer: {name}</source>
        <translation>Организатор: {name}</translation>
    </message>
    <message>
        <source>delegates</source>
        <translation>участников</translation>
    </message>
    <message>
        <source>accredited</source>
        <translation>аккредитовано</translation>
    </message>
    <message>
        <source>delegations</source>
        <translation>делегаций</translation>
    </message>
    <message>
        <source>women</source>
        <translation>женщин</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>заседаний</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>залов</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Залы</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>Кабины</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>projector</source>
        <translation>проектор</translation>
    </message>
    <message>
        <source>microphones</source>
        <translation>микрофоны</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>трансляция</translation>
    </message>
</context>
<context>
    <name>Participants</name>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>Обращение</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>ФИО</translation>
    </message>
    <message>
        <source>Name in Latin</source>
        <translation>Имя латиницей</translation>
    </message>
    <message>
        <source>Name in Cyrillic</source>
        <translation>Имя кириллицей</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>List of Participants</source>
        <translation>Список участников</translation>
    </message>
    <message>
        <source>Member States</source>
        <translation>Государства-члены</translation>
    </message>
    <message>
        <source>Observer States</source>
        <translation>Государства-наблюдатели</translation>
    </message>
    <message>
        <source>United Nations system</source>
        <translation>Система Организации Объединённых Наций</translation>
    </message>
    <message>
        <source>Intergovernmental and other organizations</source>
        <translation>Межправительственные и другие организации</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Гражданское общество</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Другие</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Personal data (passport numbers, phones, dates of birth) left out of this list.</source>
        <translation>Персональные данные (номера паспортов, телефоны, даты рождения) в этот список не включены.</translation>
    </message>
    <message>
        <source>Contains personal data: confidential. Passport numbers, phones and dates of birth included at a supervisor&apos;s request.</source>
        <translation>Содержит персональные данные: конфиденциально. Номера паспортов, телефоны и даты рождения включены по запросу старшего смены.</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>закрыто</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Unlock personal data</source>
        <translation>Разблокировать персональные данные</translation>
    </message>
    <message>
        <source>Passport numbers, phones and dates of birth are sealed, and operators&apos; passwords are keyed with the event&apos;s key. Enter the event&apos;s passphrase to open them on this desk.</source>
        <translation>Номера паспортов, телефоны и даты рождения запечатаны, а пароли операторов проверяются ключом мероприятия. Введите парольную фразу мероприятия, чтобы открыть их на этой стойке.</translation>
    </message>
    <message>
        <source>Keep the key on this computer (outside the event file)</source>
        <translation>Хранить ключ на этом компьютере (вне файла мероприятия)</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Кодовая фраза:</translation>
    </message>
    <message>
        <source>Sealing the hub&apos;s copy of the event…</source>
        <translation>Шифрование копии мероприятия в хабе…</translation>
    </message>
    <message>
        <source>Hub</source>
        <translation>Хаб</translation>
    </message>
</context>
<context>
    <name>PeoplePicker</name>
    <message>
        <source>Type a name and press Enter to add a panellist</source>
        <translation>Введите имя и нажмите Enter, чтобы добавить докладчика</translation>
    </message>
</context>
<context>
    <name>PlanView</name>
    <message>
        <source>locked</source>
        <translation>закреплено</translation>
    </message>
    <message>
        <source>in the room now</source>
        <translation>сейчас в зале</translation>
    </message>
    <message>
        <source>accessible</source>
        <translation>доступно для кресла-коляски</translation>
    </message>
</context>
<context>
    <name>PodiumDialog</name>
    <message>
        <source>Podium and places</source>
        <translation>Президиум и места</translation>
    </message>
    <message>
        <source>Tick the delegations at the podium and drag them into their order there (the host first).</source>
        <translation>Отметьте делегации в президиуме и перетащите их в нужном порядке (принимающая сторона первой).</translation>
    </message>
    <message>
        <source>Places a delegation takes:</source>
        <translation>Мест у делегации:</translation>
    </message>
</context>
<context>
    <name>ProgrammeScreen</name>
    <message>
        <source>Room {room} is booked twice.</source>
        <translation>Зал «{room}» занят дважды.</translation>
    </message>
    <message>
        <source>More people expected than {room} seats.</source>
        <translation>Ожидается больше людей, чем вмещает «{room}».</translation>
    </message>
    <message>
        <source>Interpretation needed, but {room} has no booths.</source>
        <translation>Нужен перевод, но в «{room}» нет кабин.</translation>
    </message>
    <message>
        <source>A panellist is in two sessions at once.</source>
        <translation>Докладчик участвует в двух заседаниях одновременно.</translation>
    </message>
    <message>
        <source>Outside the venue&apos;s opening hours.</source>
        <translation>Вне часов работы площадки.</translation>
    </message>
    <message>
        <source>Conflicts: {count}</source>
        <translation>Конфликтов: {count}</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Программа</translation>
    </message>
    <message>
        <source>Deleted “{title}”. Ctrl+Z puts it back.</source>
        <translation>Удалено: «{title}». Ctrl+Z вернёт.</translation>
    </message>
    <message>
        <source>Undone: {title}</source>
        <translation>Отменено: {title}</translation>
    </message>
    <message numerus="yes">
        <source>%n side event(s) placed</source>
        <translation>
            <numerusform>%n параллельное мероприятие размещено</numerusform>
            <numerusform>%n параллельных мероприятия размещены</numerusform>
            <numerusform>%n параллельных мероприятий размещено</numerusform>
        </translation>
    </message>
    <message>
        <source>Undo: {title} (Ctrl+Z)</source>
        <translation>Отменить: {title} (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Нечего отменять</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Finding rooms and times (at most 5 seconds)…</source>
        <translation>Подбор залов и времени (не больше 5 секунд)…</translation>
    </message>
    <message>
        <source>There are no side-event requests waiting.</source>
        <translation>Нет ожидающих заявок на параллельные мероприятия.</translation>
    </message>
    <message>
        <source>New session…</source>
        <translation>Новое заседание…</translation>
    </message>
    <message>
        <source>Or double-click free space in the timetable</source>
        <translation>Или дважды щёлкните по свободному месту в расписании</translation>
    </message>
    <message>
        <source>Rooms and hours…</source>
        <translation>Залы и часы…</translation>
    </message>
    <message>
        <source>Side-event requests…</source>
        <translation>Заявки на параллельные мероприятия…</translation>
    </message>
    <message>
        <source>Add, correct or import the requests that organizers sent</source>
        <translation>Добавить, исправить или импортировать заявки организаторов</translation>
    </message>
    <message>
        <source>Allocate side events…</source>
        <translation>Распределить параллельные мероприятия…</translation>
    </message>
    <message>
        <source>Rooms and times for the side-event requests waiting for a room</source>
        <translation>Залы и время для заявок на параллельные мероприятия, ожидающих зала</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Conference report</source>
        <translation>Отчёт о конференции</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Участие</translation>
    </message>
    <message>
        <source>Delegations</source>
        <translation>Делегации</translation>
    </message>
    <message>
        <source>Speaking time</source>
        <translation>Время выступлений</translation>
    </message>
    <message>
        <source>Statements</source>
        <translation>Выступления</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Показатель</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Женщины</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Мужчины</translation>
    </message>
    <message>
        <source>Women, %</source>
        <translation>Женщины, %</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зарегистрировано</translation>
    </message>
    <message>
        <source>Accredited</source>
        <translation>Аккредитовано</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Присутствовали</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Ожидалось</translation>
    </message>
    <message>
        <source>Heads of delegation</source>
        <translation>Главы делегаций</translation>
    </message>
    <message>
        <source>Heads of delegation present</source>
        <translation>Присутствовавшие главы делегаций</translation>
    </message>
    <message>
        <source>Day or session</source>
        <translation>День или заседание</translation>
    </message>
    <message>
        <source>Delegation type</source>
        <translation>Тип делегации</translation>
    </message>
    <message>
        <source>Member States by regional group</source>
        <translation>Государства-члены по региональным группам</translation>
    </message>
    <message>
        <source>Level of representation</source>
        <translation>Уровень представительства</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Заседание</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Ораторы</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минуты</translation>
    </message>
    <message>
        <source>Minutes, women</source>
        <translation>Минуты, женщины</translation>
    </message>
    <message>
        <source>Minutes, men</source>
        <translation>Минуты, мужчины</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Оратор</translation>
    </message>
    <message>
        <source>Function</source>
        <translation>Должность</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <source>“–”: fewer than {small} people, not split by gender so that nobody is identified.</source>
        <translation>«–»: менее {small} человек, без разбивки по полу, чтобы никого нельзя было узнать.</translation>
    </message>
    <message>
        <source>Day {day}</source>
        <translation>День {day}</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>Устный перевод</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Кабина</translation>
    </message>
    <message>
        <source>Interpreter-hours in the booth</source>
        <translation>Часы переводчиков в кабине</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Штатный</translation>
    </message>
    <message>
        <source>Hours in the booth</source>
        <translation>Часов в кабине</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дней</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Гонорар</translation>
    </message>
    <message>
        <source>Freelance days</source>
        <translation>Дней внештатных переводчиков</translation>
    </message>
    <message>
        <source>Fees</source>
        <translation>Гонорары</translation>
    </message>
    <message>
        <source>Meetings with relay</source>
        <translation>Заседаний с переводом через язык-посредник</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английская</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русская</translation>
    </message>
    <message>
        <source>French</source>
        <translation>французская</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>испанская</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайская</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>арабская</translation>
    </message>
    <message>
        <source>two-way (English–Russian)</source>
        <translation>двусторонняя (английский–русский)</translation>
    </message>
    <message>
        <source>Generated</source>
        <translation>Составлено</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>Неявки</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>Приход</translation>
    </message>
    <message>
        <source>Arrivals at the entrance per 15 minutes, {day}</source>
        <translation>Приход на входе за каждые 15 минут, {day}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Busiest quarter hour: {time}, {count} arrivals</source>
        <translation>Самые загруженные 15 минут: {time}, пришло {count}</translation>
    </message>
    <message>
        <source>Busiest quarter at the door</source>
        <translation>Самые людные 15 минут у дверей</translation>
    </message>
    <message>
        <source>Check-ins at each room&apos;s doors per 15 minutes, {day}</source>
        <translation>Отметки у дверей каждого зала за 15 минут, {day}</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Залы</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>(без зала)</translation>
    </message>
    <message>
        <source>Side events: present and seats</source>
        <translation>Параллельные мероприятия: присутствующие и места</translation>
    </message>
    <message>
        <source>Meetings with relay from {language}</source>
        <translation>Заседания с реле с языка: {language}</translation>
    </message>
    <message>
        <source>Member States</source>
        <translation>Государства-члены</translation>
    </message>
    <message>
        <source>Observer States</source>
        <translation>Государства-наблюдатели</translation>
    </message>
    <message>
        <source>United Nations system</source>
        <translation>Система Организации Объединённых Наций</translation>
    </message>
    <message>
        <source>Intergovernmental and other organizations</source>
        <translation>Межправительственные и другие организации</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Гражданское общество</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Другие</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Выступление</translation>
    </message>
    <message>
        <source>Point of order</source>
        <translation>По порядку ведения</translation>
    </message>
    <message>
        <source>Right of reply</source>
        <translation>Право на ответ</translation>
    </message>
    <message>
        <source>not split (fewer than {small})</source>
        <translation>без разбивки (менее {small})</translation>
    </message>
    <message>
        <source>Seats left empty</source>
        <translation>Свободные места</translation>
    </message>
    <message>
        <source>African States</source>
        <translation>Государства Африки</translation>
    </message>
    <message>
        <source>Asia-Pacific States</source>
        <translation>Государства Азиатско-Тихоокеанского региона</translation>
    </message>
    <message>
        <source>Eastern European States</source>
        <translation>Государства Восточной Европы</translation>
    </message>
    <message>
        <source>Latin American and Caribbean States</source>
        <translation>Государства Латинской Америки и Карибского бассейна</translation>
    </message>
    <message>
        <source>Western European and other States</source>
        <translation>Государства Западной Европы и другие государства</translation>
    </message>
    <message>
        <source>Region not known</source>
        <translation>Регион не известен</translation>
    </message>
</context>
<context>
    <name>ReportTab</name>
    <message>
        <source>Save the conference report</source>
        <translation>Сохранить отчёт о конференции</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the conference report…</source>
        <translation>Запись отчёта о конференции…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>Conference report (PDF)…</source>
        <translation>Отчёт о конференции (PDF)…</translation>
    </message>
    <message>
        <source>Conference report (Excel)…</source>
        <translation>Отчёт о конференции (Excel)…</translation>
    </message>
    <message>
        <source>Figures only: “–” where fewer than {small} women or men would be shown, so that nobody is identified.</source>
        <translation>Только цифры: «–» там, где было бы показано менее {small} женщин или мужчин, чтобы никого нельзя было узнать.</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore from a file</source>
        <translation>Восстановить из файла</translation>
    </message>
    <message>
        <source>Event databases</source>
        <translation>Базы данных мероприятий</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Taken at (venue time)</source>
        <translation>Создана (время площадки)</translation>
    </message>
    <message>
        <source>Delegates</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Check-ins</source>
        <translation>Отметки прохода</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>The backup you choose takes the place of {name}. The current file is kept aside, not overwritten. Close this event on the other desks first.</source>
        <translation>Выбранная копия заменит {name}. Текущий файл будет сохранён отдельно, а не перезаписан. Сначала закройте это мероприятие на других стойках.</translation>
    </message>
    <message>
        <source>There are no automatic backups of {name} yet. You can restore from a file you saved.</source>
        <translation>Автоматических резервных копий {name} пока нет. Можно восстановить из сохранённого вами файла.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>From another &amp;file…</source>
        <translation>Из другого &amp;файла…</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Roster: the solver&apos;s proposal</source>
        <translation>График: предложение решателя</translation>
    </message>
    <message>
        <source>proven optimal</source>
        <translation>доказанно оптимально</translation>
    </message>
    <message>
        <source>the best found in the time limit</source>
        <translation>лучшее найденное за отведённое время</translation>
    </message>
    <message>
        <source>no roster keeps the locked seats</source>
        <translation>ни один график не сохраняет закреплённые места</translation>
    </message>
    <message>
        <source>{staffed} of {total} booths staffed ({status}, {seconds:.1f} s). {changes} booths change; the others stay as they are. Accept to make it the roster (Ctrl+Z undoes it).</source>
        <translation>Укомплектовано кабин: {staffed} из {total} ({status}, {seconds:.1f} с). Меняется кабин: {changes}; остальные остаются как есть. Примите, чтобы сделать его графиком (Ctrl+Z отменит).</translation>
    </message>
    <message>
        <source>Accept the proposal</source>
        <translation>Принять предложение</translation>
    </message>
    <message>
        <source>Keep the roster as it stands</source>
        <translation>Оставить график как есть</translation>
    </message>
    <message>
        <source>Changes:</source>
        <translation>Изменения:</translation>
    </message>
    <message>
        <source>Not staffed:</source>
        <translation>Не укомплектовано:</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <source>Rooms and opening hours</source>
        <translation>Залы и часы работы</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>Название (англ.)</translation>
    </message>
    <message>
        <source>Name (Russian)</source>
        <translation>Название (рус.)</translation>
    </message>
    <message>
        <source>Floor</source>
        <translation>Этаж</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <source>Booths</source>
        <translation>Кабин</translation>
    </message>
    <message>
        <source>Equipment</source>
        <translation>Оборудование</translation>
    </message>
    <message>
        <source>Separated by commas: projector, microphones, streaming</source>
        <translation>Через запятую: projector, microphones, streaming</translation>
    </message>
    <message>
        <source>Add a room</source>
        <translation>Добавить зал</translation>
    </message>
    <message>
        <source>Opens</source>
        <translation>Открывается</translation>
    </message>
    <message>
        <source>Closes</source>
        <translation>Закрывается</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Kept free in a room between two side events when they are allocated</source>
        <translation>Время, которое остаётся свободным в зале между двумя параллельными мероприятиями при распределении</translation>
    </message>
    <message>
        <source>Change-over between events in a room:</source>
        <translation>Перерыв между мероприятиями в зале:</translation>
    </message>
    <message>
        <source>Opening hours of the venue</source>
        <translation>Часы работы площадки</translation>
    </message>
</context>
<context>
    <name>Roster</name>
    <message>
        <source>{h} h</source>
        <translation>{h} ч</translation>
    </message>
    <message>
        <source>{h} h {m}</source>
        <translation>{h} ч {m} мин</translation>
    </message>
    <message>
        <source>English booth</source>
        <translation>английская кабина</translation>
    </message>
    <message>
        <source>Russian booth</source>
        <translation>русская кабина</translation>
    </message>
    <message>
        <source>French booth</source>
        <translation>французская кабина</translation>
    </message>
    <message>
        <source>Spanish booth</source>
        <translation>испанская кабина</translation>
    </message>
    <message>
        <source>Chinese booth</source>
        <translation>китайская кабина</translation>
    </message>
    <message>
        <source>Arabic booth</source>
        <translation>арабская кабина</translation>
    </message>
    <message>
        <source>two-way booth (English–Russian)</source>
        <translation>двусторонняя кабина (английский–русский)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>French</source>
        <translation>французский</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>испанский</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>китайский</translation>
    </message>
    <message>
        <source>Arabic</source>
        <translation>арабский</translation>
    </message>
    <message>
        <source>{session}, {booth}, {when}: interpreters needed: {needed}, assigned: {assigned}</source>
        <translation>{session}, {booth}, {when}: нужно переводчиков: {needed}, назначено: {assigned}</translation>
    </message>
    <message>
        <source>only {count} in the pool can work in it ({who})</source>
        <translation>в пуле могут в ней работать только {count} ({who})</translation>
    </message>
    <message>
        <source>{target} as A or B, {source} at least as C</source>
        <translation>{target} как A или B, {source} хотя бы как C</translation>
    </message>
    <message>
        <source>English or Russian as A or B, the other at least as C</source>
        <translation>английский или русский как A или B, другой хотя бы как C</translation>
    </message>
    <message>
        <source>only {count} of them are available at that time</source>
        <translation>из них в это время свободны только {count}</translation>
    </message>
    <message>
        <source>of the {count} others who can work in it and are available that day, {details}</source>
        <translation>из остальных, кто может в ней работать и свободен в этот день ({count}): {details}</translation>
    </message>
    <message>
        <source>the meeting has {minutes} minutes of booth time, more than one working period allows ({limit})</source>
        <translation>в заседании {minutes} мин работы в кабине — больше, чем допускает один рабочий период ({limit})</translation>
    </message>
    <message>
        <source>nobody who could sit in it has {language} as A</source>
        <translation>ни у кого из тех, кто может в ней работать, {language} не язык A</translation>
    </message>
    <message>
        <source>English and Russian are not both covered as A or B</source>
        <translation>английский и русский не покрыты оба как A или B</translation>
    </message>
    <message>
        <source>{count} could still sit in it but were not found in the time limit: solve again with more time</source>
        <translation>ещё {count} могли бы в ней работать, но не были найдены за отведённое время: составьте график с бо́льшим временем</translation>
    </message>
    <message>
        <source>the seats locked by hand leave no room</source>
        <translation>места, закреплённые вручную, не оставляют места</translation>
    </message>
    <message>
        <source>{count} in another booth at the time</source>
        <translation>{count} в это время в другой кабине</translation>
    </message>
    <message>
        <source>{count} would pass {limit} of booth time in one working period</source>
        <translation>{count} превысили бы {limit} работы в кабине за один рабочий период</translation>
    </message>
    <message>
        <source>{count} would pass {limit} of booth time that day</source>
        <translation>{count} превысили бы {limit} работы в кабине за день</translation>
    </message>
    <message>
        <source>{count} would work more than {limit} periods that day</source>
        <translation>{count} работали бы в этот день больше {limit} периодов</translation>
    </message>
    <message>
        <source>{count} would work more than {limit} periods that week</source>
        <translation>{count} работали бы на этой неделе больше {limit} периодов</translation>
    </message>
    <message>
        <source>in two booths at once</source>
        <translation>в двух кабинах одновременно</translation>
    </message>
    <message>
        <source>more than {periods} working periods in a day</source>
        <translation>больше {periods} рабочих периодов в день</translation>
    </message>
    <message>
        <source>more than {period} of booth time in one working period</source>
        <translation>больше {period} работы в кабине за один рабочий период</translation>
    </message>
    <message>
        <source>more than {day} of booth time in a day</source>
        <translation>больше {day} работы в кабине за день</translation>
    </message>
    <message>
        <source>more than {week} working periods in a week</source>
        <translation>больше {week} рабочих периодов в неделю</translation>
    </message>
    <message>
        <source>not available then</source>
        <translation>в это время недоступен(на)</translation>
    </message>
    <message>
        <source>{session}, {when}: nobody in the booths understands {language} for relay</source>
        <translation>{session}, {when}: в кабинах никто не понимает язык {language} для работы через пилот (relay)</translation>
    </message>
    <message>
        <source>{name}: the seats locked by hand break a rule ({detail})</source>
        <translation>{name}: места, закреплённые вручную, нарушают правило ({detail})</translation>
    </message>
    <message>
        <source>no roster can keep the seats locked by hand</source>
        <translation>никакой график не сохраняет места, закреплённые вручную</translation>
    </message>
    <message>
        <source>{name} is locked into the {booth} of {session} but cannot sit in it (languages or availability)</source>
        <translation>{name}: закреплён(а) за кабиной «{booth}» на заседании «{session}», но не может в ней работать (языки или доступность)</translation>
    </message>
    <message>
        <source>{count} of {team} interpreters</source>
        <translation>переводчиков: {count} из {team}</translation>
    </message>
    <message>
        <source>nobody has the booth&apos;s language as A</source>
        <translation>ни у кого язык кабины не язык A</translation>
    </message>
    <message>
        <source>{name} cannot work in this booth (languages)</source>
        <translation>{name} не может работать в этой кабине (языки)</translation>
    </message>
    <message>
        <source>Team per booth by the meeting&apos;s length (up to minutes: interpreters)</source>
        <translation>Состав кабины по длительности заседания (до минут: переводчиков)</translation>
    </message>
    <message>
        <source>Team for a longer meeting</source>
        <translation>Состав для более длинного заседания</translation>
    </message>
    <message>
        <source>More in a two-way booth (over the first row&apos;s length)</source>
        <translation>Больше в двусторонней кабине (дольше первой строки)</translation>
    </message>
    <message>
        <source>A break shorter than this joins sessions into one meeting</source>
        <translation>Перерыв короче этого объединяет заседания в одно</translation>
    </message>
    <message>
        <source>Rest between working periods, at least</source>
        <translation>Отдых между рабочими периодами, не меньше</translation>
    </message>
    <message>
        <source>Working periods a day, at most</source>
        <translation>Рабочих периодов в день, не больше</translation>
    </message>
    <message>
        <source>Booth time in one working period, at most</source>
        <translation>Работа в кабине за один рабочий период, не больше</translation>
    </message>
    <message>
        <source>Booth time in a day, at most</source>
        <translation>Работа в кабине за день, не больше</translation>
    </message>
    <message>
        <source>Working periods a week, at most</source>
        <translation>Рабочих периодов в неделю, не больше</translation>
    </message>
    <message>
        <source>minutes: interpreters</source>
        <translation>минуты: переводчики</translation>
    </message>
    <message>
        <source>interpreters</source>
        <translation>переводчиков</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>минут</translation>
    </message>
    <message>
        <source>periods</source>
        <translation>периодов</translation>
    </message>
</context>
<context>
    <name>RosterActions</name>
    <message>
        <source>Rules saved: solve again to apply them.</source>
        <translation>Правила сохранены: составьте график заново, чтобы их применить.</translation>
    </message>
    <message>
        <source>Finding the roster (at most {seconds} s)…</source>
        <translation>Составление графика (не дольше {seconds} с)…</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>График</translation>
    </message>
    <message>
        <source>The roster as it stands is kept.</source>
        <translation>График оставлен как есть.</translation>
    </message>
    <message>
        <source>The solver&apos;s roster ({count} changes)</source>
        <translation>График решателя (изменений: {count})</translation>
    </message>
    <message>
        <source>Working out whom to recruit…</source>
        <translation>Расчёт, кого нанять…</translation>
    </message>
    <message>
        <source>No one more is needed: the pool can staff every booth.</source>
        <translation>Больше никого не нужно: пул может укомплектовать все кабины.</translation>
    </message>
    <message>
        <source>{day}, {booth}: {extra} to hire ({languages}){cost}</source>
        <translation>{day}, {booth}: нанять {extra} ({languages}){cost}</translation>
    </message>
    <message>
        <source>, about {cost:g}</source>
        <translation>, около {cost:g}</translation>
    </message>
    <message>
        <source>Not even with more people:</source>
        <translation>Не получится даже с дополнительными людьми:</translation>
    </message>
    <message>
        <source>Recruitment</source>
        <translation>Набор переводчиков</translation>
    </message>
    <message>
        <source>A folder for the calendars, one per interpreter</source>
        <translation>Папка для календарей, по одному на переводчика</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the roster</source>
        <translation>Сохранить график</translation>
    </message>
    <message>
        <source>Written: {count} file(s) in {folder}</source>
        <translation>Записано файлов: {count} в {folder}</translation>
    </message>
    <message>
        <source>Choose an interpreter in the pool first.</source>
        <translation>Сначала выберите переводчика в списке.</translation>
    </message>
    <message>
        <source>The whole event</source>
        <translation>Всё мероприятие</translation>
    </message>
    <message>
        <source>Withdraw an interpreter</source>
        <translation>Снять переводчика</translation>
    </message>
    <message>
        <source>{name} is unavailable from:</source>
        <translation>{name} недоступен(на) с:</translation>
    </message>
    <message>
        <source>{name} withdrawn; seats given up: {count}. Solve to fill them: the rest of the roster is kept.</source>
        <translation>{name} снят(а); освобождено мест: {count}. Составьте график, чтобы их заполнить: остальное сохранится.</translation>
    </message>
    <message>
        <source>Import interpreters</source>
        <translation>Импорт переводчиков</translation>
    </message>
    <message>
        <source>Lists (*.xlsx *.csv)</source>
        <translation>Списки (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Row {row}, {column}: {message}</source>
        <translation>Строка {row}, {column}: {message}</translation>
    </message>
    <message>
        <source>Nothing was imported: fix these rows and import again.</source>
        <translation>Ничего не импортировано: исправьте эти строки и импортируйте снова.</translation>
    </message>
    <message>
        <source>Interpreters imported: {added} added, {updated} updated, {unchanged} unchanged.</source>
        <translation>Переводчики импортированы: добавлено {added}, обновлено {updated}, без изменений {unchanged}.</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>Снять…</translation>
    </message>
    <message>
        <source>The chosen interpreter falls ill or leaves</source>
        <translation>Выбранный переводчик заболел или уехал</translation>
    </message>
    <message>
        <source>Recruit…</source>
        <translation>Набор…</translation>
    </message>
    <message>
        <source>The fewest interpreters to hire per day and booth</source>
        <translation>Наименьшее число переводчиков для найма по дням и кабинам</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Roster and schedules, PDF…</source>
        <translation>График и личные расписания, PDF…</translation>
    </message>
    <message>
        <source>Roster and schedules, Excel…</source>
        <translation>График и личные расписания, Excel…</translation>
    </message>
    <message>
        <source>Calendars, one per interpreter…</source>
        <translation>Календари, по одному на переводчика…</translation>
    </message>
    <message>
        <source>Add interpreter…</source>
        <translation>Добавить переводчика…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Правила…</translation>
    </message>
    <message>
        <source>Team sizes, rest and working-time limits</source>
        <translation>Составы кабин, отдых и пределы рабочего времени</translation>
    </message>
</context>
<context>
    <name>RosterScreen</name>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Зал</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Заседания</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>Кабина</translation>
    </message>
    <message>
        <source>Seat {n}</source>
        <translation>Место {n}</translation>
    </message>
    <message>
        <source>Locked: the solver keeps this seat</source>
        <translation>Закреплено: решатель сохранит это место</translation>
    </message>
    <message>
        <source>Empty: drag a name here from the pool</source>
        <translation>Свободно: перетащите сюда имя из списка</translation>
    </message>
    <message>
        <source>cannot work in this booth (languages)</source>
        <translation>не может работать в этой кабине (языки)</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Штатный</translation>
    </message>
    <message>
        <source>Booth time</source>
        <translation>В кабине</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Периодов</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дней</translation>
    </message>
    <message>
        <source>Fee</source>
        <translation>Гонорар</translation>
    </message>
    <message>
        <source>Not available this day</source>
        <translation>В этот день недоступен(на)</translation>
    </message>
    <message>
        <source>✓ Every booth is staffed and no rule is broken.</source>
        <translation>✓ Все кабины укомплектованы, правила не нарушены.</translation>
    </message>
    <message>
        <source>Booths staffed: {staffed} of {total}; rule breaches: {breaches}</source>
        <translation>Укомплектовано кабин: {staffed} из {total}; нарушений правил: {breaches}</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>График</translation>
    </message>
    <message>
        <source>{name} seated</source>
        <translation>{name}: место назначено</translation>
    </message>
    <message>
        <source>Choose a seat in the grid and a name in the pool.</source>
        <translation>Выберите место в таблице и имя в списке.</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Закреплено</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>Откреплено</translation>
    </message>
    <message>
        <source>Seats emptied</source>
        <translation>Места освобождены</translation>
    </message>
    <message>
        <source>Undone: {what}</source>
        <translation>Отменено: {what}</translation>
    </message>
    <message>
        <source>Solve</source>
        <translation>Составить</translation>
    </message>
    <message>
        <source>Staff every booth under the rules, keeping locked seats (Ctrl+R)</source>
        <translation>Укомплектовать все кабины по правилам, сохранив закреплённые места (Ctrl+R)</translation>
    </message>
    <message>
        <source>Seconds:</source>
        <translation>Секунд:</translation>
    </message>
    <message>
        <source>Lock / unlock</source>
        <translation>Закрепить / открепить</translation>
    </message>
    <message>
        <source>The solver keeps locked seats (Ctrl+L)</source>
        <translation>Решатель сохраняет закреплённые места (Ctrl+L)</translation>
    </message>
    <message>
        <source>Empty the seat</source>
        <translation>Освободить место</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>Seat the chosen interpreter (Enter)</source>
        <translation>Посадить выбранного переводчика (Enter)</translation>
    </message>
</context>
<context>
    <name>RulesDialog</name>
    <message>
        <source>Interpreters&apos; rules</source>
        <translation>Правила для переводчиков</translation>
    </message>
    <message>
        <source>AIIC&apos;s rules are the defaults; change a value for this event (double-click it). Solve again to apply them.</source>
        <translation>По умолчанию действуют правила AIIC; измените значение для этого мероприятия (двойной щелчок). Затем составьте график заново.</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Правило</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Единица</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>По умолчанию</translation>
    </message>
</context>
<context>
    <name>ScanQueue</name>
    <message>
        <source>Check-in</source>
        <translation>Проход</translation>
    </message>
    <message>
        <source>Waiting scans cancelled, not recorded: {count}.</source>
        <translation>Ожидавшие отметки отменены и не записаны: {count}.</translation>
    </message>
</context>
<context>
    <name>Seating</name>
    <message>
        <source>Seating plan</source>
        <translation>План рассадки</translation>
    </message>
    <message>
        <source>Podium</source>
        <translation>Президиум</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Block</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Закреплено</translation>
    </message>
    <message>
        <source>At the table</source>
        <translation>За столом</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Ряд</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>Member States in alphabetical order ({language}) from {name}, drawn by lot (seed {seed}).</source>
        <translation>Государства-члены в алфавитном порядке ({language}), начиная с: {name} — по жребию (зерно {seed}).</translation>
    </message>
    <message>
        <source>Member States in alphabetical order ({language}) from {name}, chosen by the organizers.</source>
        <translation>Государства-члены в алфавитном порядке ({language}), начиная с: {name} — по выбору организаторов.</translation>
    </message>
    <message>
        <source>Not seated for want of places: {names}.</source>
        <translation>Не хватило мест: {names}.</translation>
    </message>
    <message>
        <source>{places} places</source>
        <translation>мест: {places}</translation>
    </message>
    <message>
        <source>theatre</source>
        <translation>театр</translation>
    </message>
    <message>
        <source>classroom</source>
        <translation>класс</translation>
    </message>
    <message>
        <source>U-shape</source>
        <translation>П-образная рассадка</translation>
    </message>
    <message>
        <source>hollow square</source>
        <translation>квадрат</translation>
    </message>
    <message>
        <source>boardroom</source>
        <translation>переговорный стол</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>Member States</source>
        <translation>Государства-члены</translation>
    </message>
    <message>
        <source>Observer States</source>
        <translation>Государства-наблюдатели</translation>
    </message>
    <message>
        <source>United Nations system</source>
        <translation>Система Организации Объединённых Наций</translation>
    </message>
    <message>
        <source>Other organizations</source>
        <translation>Другие организации</translation>
    </message>
    <message>
        <source>Civil society</source>
        <translation>Гражданское общество</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Другие</translation>
    </message>
</context>
<context>
    <name>SeatingScreen</name>
    <message>
        <source>{room}: {seated} delegations seated in {places} places; {here} in the room now.</source>
        <translation>{room}: рассажено делегаций — {seated}, мест — {places}; сейчас в зале — {here}.</translation>
    </message>
    <message>
        <source>Not seated yet: Seat again (Ctrl+R) draws the first Member State by lot.</source>
        <translation>Ещё не рассажено: «Рассадить заново» (Ctrl+R) определит первое государство-член по жребию.</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Начать с</translation>
    </message>
    <message>
        <source>The first Member State in the order:</source>
        <translation>Первое государство-член в порядке:</translation>
    </message>
    <message>
        <source>No other session is seated yet.</source>
        <translation>Другие заседания ещё не рассажены.</translation>
    </message>
    <message>
        <source>Same as another session</source>
        <translation>Как другое заседание</translation>
    </message>
    <message>
        <source>Seat it as this session is seated:</source>
        <translation>Рассадить так же, как это заседание:</translation>
    </message>
    <message>
        <source>Move to a place</source>
        <translation>Пересадить на место</translation>
    </message>
    <message>
        <source>{name}: to place number</source>
        <translation>{name}: на место номер</translation>
    </message>
    <message>
        <source>Seat the session first (Ctrl+R).</source>
        <translation>Сначала рассадите заседание (Ctrl+R).</translation>
    </message>
    <message>
        <source>Save the seating plan</source>
        <translation>Сохранить план рассадки</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the seating plan…</source>
        <translation>Запись плана рассадки…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Seating</source>
        <translation>Рассадка</translation>
    </message>
    <message>
        <source>Save the nameplates</source>
        <translation>Сохранить таблички</translation>
    </message>
    <message>
        <source>Nameplates</source>
        <translation>Таблички</translation>
    </message>
    <message>
        <source>Saved: {path} ({plates} nameplates)</source>
        <translation>Сохранено: {path} (табличек: {plates})</translation>
    </message>
    <message>
        <source>Save the place cards</source>
        <translation>Сохранить именные карточки</translation>
    </message>
    <message>
        <source>Writing the place cards…</source>
        <translation>Запись именных карточек…</translation>
    </message>
    <message>
        <source>Saved: {path} ({cards} place cards)</source>
        <translation>Сохранено: {path} (именных карточек: {cards})</translation>
    </message>
    <message>
        <source>Place cards</source>
        <translation>Именные карточки</translation>
    </message>
    <message>
        <source>Both (English and Russian)</source>
        <translation>Оба (английский и русский)</translation>
    </message>
    <message>
        <source>Only the plates that changed since the last printing</source>
        <translation>Только таблички, изменившиеся после прошлой печати</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Порядок</translation>
    </message>
    <message>
        <source>Seat again</source>
        <translation>Рассадить заново</translation>
    </message>
    <message>
        <source>Seat the session by protocol, keeping the draw and the locked places (Ctrl+R)</source>
        <translation>Рассадить заседание по протоколу, сохранив жребий и закреплённые места (Ctrl+R)</translation>
    </message>
    <message>
        <source>New draw by lot</source>
        <translation>Новый жребий</translation>
    </message>
    <message>
        <source>Start from…</source>
        <translation>Начать с…</translation>
    </message>
    <message>
        <source>Same as…</source>
        <translation>Как на…</translation>
    </message>
    <message>
        <source>Seat this session as another one is seated: the same draw, podium and places</source>
        <translation>Рассадить это заседание так же, как другое: тот же жребий, президиум и места</translation>
    </message>
    <message>
        <source>Podium and places…</source>
        <translation>Президиум и места…</translation>
    </message>
    <message>
        <source>Room layout…</source>
        <translation>Схема зала…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Lock / free</source>
        <translation>Закрепить / освободить</translation>
    </message>
    <message>
        <source>A locked delegation keeps its places when the session is seated again (Ctrl+L)</source>
        <translation>Закреплённая делегация сохраняет свои места при новой рассадке (Ctrl+L)</translation>
    </message>
    <message>
        <source>Needs an accessible place</source>
        <translation>Нужно место для кресла-коляски</translation>
    </message>
    <message>
        <source>Chart (PDF)…</source>
        <translation>Схема (PDF)…</translation>
    </message>
    <message>
        <source>Plan (Excel)…</source>
        <translation>План (Excel)…</translation>
    </message>
    <message>
        <source>Nameplates…</source>
        <translation>Таблички…</translation>
    </message>
    <message>
        <source>Place cards…</source>
        <translation>Именные карточки…</translation>
    </message>
    <message>
        <source>A named card for each place: for a closed session, whose members sit by name</source>
        <translation>Именная карточка на каждое место: для закрытого заседания, где участники сидят по именам</translation>
    </message>
    <message>
        <source>Not seated for want of places:</source>
        <translation>Не хватило мест:</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Session</source>
        <translation>Заседание</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Новое заседание</translation>
    </message>
    <message>
        <source>Title (English):</source>
        <translation>Название (англ.):</translation>
    </message>
    <message>
        <source>Title (Russian):</source>
        <translation>Название (рус.):</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>Room:</source>
        <translation>Зал:</translation>
    </message>
    <message>
        <source>Starts:</source>
        <translation>Начало:</translation>
    </message>
    <message>
        <source>Ends:</source>
        <translation>Окончание:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Языки:</translation>
    </message>
    <message>
        <source>Expected attendance:</source>
        <translation>Ожидается участников:</translation>
    </message>
    <message>
        <source>Organizer:</source>
        <translation>Организатор:</translation>
    </message>
    <message>
        <source>Who may enter:</source>
        <translation>Кто может войти:</translation>
    </message>
    <message>
        <source>Panellists and speakers (double-click to remove):</source>
        <translation>Докладчики и выступающие (двойной щелчок — убрать):</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Folder for automatic backups</source>
        <translation>Папка для автоматических резервных копий</translation>
    </message>
    <message>
        <source>Desk settings</source>
        <translation>Настройки стойки</translation>
    </message>
    <message>
        <source>Desk &amp;name:</source>
        <translation>&amp;Название стойки:</translation>
    </message>
    <message>
        <source>Desk id:</source>
        <translation>Идентификатор стойки:</translation>
    </message>
    <message>
        <source>Play a &amp;sound for each check-in verdict</source>
        <translation>&amp;Звуковой сигнал для каждого решения о проходе</translation>
    </message>
    <message>
        <source>&amp;Camera for scanning:</source>
        <translation>&amp;Камера для сканирования:</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Automatic &amp;backups in:</source>
        <translation>Автоматические &amp;копии в:</translation>
    </message>
    <message>
        <source>a folder beside the event file</source>
        <translation>папке рядом с файлом мероприятия</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>&amp;Lock the screen after:</source>
        <translation>&amp;Блокировать экран через:</translation>
    </message>
    <message>
        <source> min idle (events with operators)</source>
        <translation> мин бездействия (при операторах)</translation>
    </message>
    <message>
        <source>The desk name and id are stored with everything this desk records, so that the work of several desks can be told apart and merged.</source>
        <translation>Название и идентификатор стойки сохраняются во всех записях, которые она делает, чтобы работу нескольких стоек можно было различать и объединять.</translation>
    </message>
</context>
<context>
    <name>SideEventDialog</name>
    <message>
        <source>projector</source>
        <translation>проектор</translation>
    </message>
    <message>
        <source>microphones</source>
        <translation>микрофоны</translation>
    </message>
    <message>
        <source>streaming</source>
        <translation>трансляция</translation>
    </message>
    <message>
        <source>Side-event request</source>
        <translation>Заявка на параллельное мероприятие</translation>
    </message>
    <message>
        <source>New side-event request</source>
        <translation>Новая заявка на параллельное мероприятие</translation>
    </message>
    <message>
        <source>e-mail or telephone</source>
        <translation>эл. почта или телефон</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>Not during a plenary</source>
        <translation>Не во время пленарного заседания</translation>
    </message>
    <message>
        <source>Add time</source>
        <translation>Добавить время</translation>
    </message>
    <message>
        <source>Earlier in the list</source>
        <translation>Выше в списке</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <source>Title (English):</source>
        <translation>Название (англ.):</translation>
    </message>
    <message>
        <source>Title (Russian):</source>
        <translation>Название (рус.):</translation>
    </message>
    <message>
        <source>Organizer:</source>
        <translation>Организатор:</translation>
    </message>
    <message>
        <source>Contact:</source>
        <translation>Контакт:</translation>
    </message>
    <message>
        <source>Expected participants:</source>
        <translation>Ожидается участников:</translation>
    </message>
    <message>
        <source>Duration:</source>
        <translation>Продолжительность:</translation>
    </message>
    <message>
        <source>Languages:</source>
        <translation>Языки:</translation>
    </message>
    <message>
        <source>Equipment:</source>
        <translation>Оборудование:</translation>
    </message>
    <message>
        <source>Preferred start times, best first:</source>
        <translation>Желаемое время начала, лучшее первым:</translation>
    </message>
    <message>
        <source>Panellists (double-click to remove):</source>
        <translation>Докладчики (двойной щелчок — убрать):</translation>
    </message>
    <message>
        <source>Give the side event a title in English or Russian.</source>
        <translation>Дайте параллельному мероприятию название на английском или русском.</translation>
    </message>
</context>
<context>
    <name>SideEventsDialog</name>
    <message>
        <source>Side-event requests</source>
        <translation>Заявки на параллельные мероприятия</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Organizer</source>
        <translation>Организатор</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Участников</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Минут</translation>
    </message>
    <message>
        <source>First choice</source>
        <translation>Первый выбор</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <source>A request typed in by hand (Ctrl+N)</source>
        <translation>Заявка, введённая вручную (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Undo delete</source>
        <translation>Отменить удаление</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>A spreadsheet (xlsx or csv) with English or Russian headers; all rows or none</source>
        <translation>Таблица (xlsx или csv) с заголовками на английском или русском; все строки или ни одной</translation>
    </message>
    <message>
        <source>Allocate…</source>
        <translation>Распределить…</translation>
    </message>
    <message>
        <source>Rooms and times for the waiting requests</source>
        <translation>Залы и время для ожидающих заявок</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Waiting for a room</source>
        <translation>Ждёт зала</translation>
    </message>
    <message>
        <source>In the programme: {when}, {room}</source>
        <translation>В программе: {when}, {room}</translation>
    </message>
    <message>
        <source>{waiting} waiting for a room, {placed} in the programme.</source>
        <translation>Ждут зала: {waiting}, в программе: {placed}.</translation>
    </message>
    <message>
        <source>Delete the request “{title}”? (Undo delete puts it back.)</source>
        <translation>Удалить заявку «{title}»? («Отменить удаление» вернёт её.)</translation>
    </message>
    <message>
        <source>Import side-event requests</source>
        <translation>Импорт заявок на параллельные мероприятия</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Таблицы (*.xlsx *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was imported: %n problem(s) in {file}. Correct the file and import it again.</source>
        <translation>
            <numerusform>Ничего не импортировано: %n ошибка в {file}. Исправьте файл и импортируйте снова.</numerusform>
            <numerusform>Ничего не импортировано: %n ошибки в {file}. Исправьте файл и импортируйте снова.</numerusform>
            <numerusform>Ничего не импортировано: %n ошибок в {file}. Исправьте файл и импортируйте снова.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) imported from {file}.</source>
        <translation>
            <numerusform>Импортирована %n заявка из {file}.</numerusform>
            <numerusform>Импортированы %n заявки из {file}.</numerusform>
            <numerusform>Импортировано %n заявок из {file}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Row {row}, {column}: {message}</source>
        <translation>Строка {row}, {column}: {message}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>The screen was locked ({name} was signed in). Sign in to go on, or as another operator to switch.</source>
        <translation>Экран был заблокирован (работал(а) {name}). Войдите, чтобы продолжить, или войдите как другой оператор.</translation>
    </message>
    <message>
        <source>This event has operators: sign in with your name and password or PIN.</source>
        <translation>У этого мероприятия есть операторы: войдите под своим именем с паролем или PIN.</translation>
    </message>
    <message>
        <source>Unlock this desk…</source>
        <translation>Открыть эту стойку…</translation>
    </message>
    <message>
        <source>This desk does not hold the event&apos;s key yet: an administrator unlocks it once with the event&apos;s passphrase (Unlock this desk…).</source>
        <translation>У этой стойки ещё нет ключа мероприятия: администратор один раз открывает её парольной фразой мероприятия («Открыть эту стойку…»).</translation>
    </message>
    <message>
        <source>Operator:</source>
        <translation>Оператор:</translation>
    </message>
    <message>
        <source>Password or PIN:</source>
        <translation>Пароль или PIN:</translation>
    </message>
    <message>
        <source>This desk now keeps the event&apos;s key: sign in.</source>
        <translation>Теперь эта стойка хранит ключ мероприятия: войдите.</translation>
    </message>
</context>
<context>
    <name>SpeakerActions</name>
    <message>
        <source>Refused</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>The chair may still accept it. Why? (recorded)</source>
        <translation>Председатель может всё же разрешить. Причина? (будет записана)</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Ораторы</translation>
    </message>
    <message>
        <source>Choose a waiting speaker in the list first.</source>
        <translation>Сначала выберите в списке ожидающего оратора.</translation>
    </message>
    <message>
        <source>Move {name}</source>
        <translation>Перенести: {name}</translation>
    </message>
    <message>
        <source>Why is the speaker moved to place {position}? (recorded)</source>
        <translation>Почему оратор переносится на место {position}? (будет записано)</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>Undone: {name}</source>
        <translation>Отменено: {name}</translation>
    </message>
    <message>
        <source>Choose the speaker in the list first.</source>
        <translation>Сначала выберите выступающего в списке.</translation>
    </message>
    <message>
        <source>The text of the statement</source>
        <translation>Текст выступления</translation>
    </message>
    <message>
        <source>Statements (*.pdf *.docx *.txt)</source>
        <translation>Выступления (*.pdf *.docx *.txt)</translation>
    </message>
    <message>
        <source>{file} is with the booths.</source>
        <translation>{file} передан в кабины переводчиков.</translation>
    </message>
</context>
<context>
    <name>Speakers</name>
    <message>
        <source>{name} has not been checked in today (at the entrance or at this session&apos;s door).</source>
        <translation>{name} сегодня не отмечен(а) на проходе (на входе или у дверей этого заседания).</translation>
    </message>
    <message>
        <source>{delegation} already has a statement on this list.</source>
        <translation>У делегации «{delegation}» уже есть выступление в этом списке.</translation>
    </message>
    <message>
        <source>The list of speakers was closed at {closed}: no new statements (points of order and rights of reply are still taken).</source>
        <translation>Список ораторов закрыт в {closed}: новые выступления не принимаются (выступления по порядку ведения заседания и право на ответ — принимаются).</translation>
    </message>
    <message>
        <source>{delegation} has used its two rights of reply in this session.</source>
        <translation>Делегация «{delegation}» уже воспользовалась двумя правами на ответ на этом заседании.</translation>
    </message>
</context>
<context>
    <name>SpeakersScreen</name>
    <message>
        <source>Undo: {name}</source>
        <translation>Отменить: {name}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <source>Nobody is speaking.</source>
        <translation>Сейчас никто не выступает.</translation>
    </message>
    <message>
        <source>Next: {names}</source>
        <translation>Далее: {names}</translation>
    </message>
    <message>
        <source>Reopen the list</source>
        <translation>Открыть список снова</translation>
    </message>
    <message>
        <source>Close the list</source>
        <translation>Закрыть список</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Ораторы</translation>
    </message>
    <message>
        <source>Only a waiting speaker can be moved.</source>
        <translation>Перенести можно только ожидающего оратора.</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Выступление</translation>
    </message>
    <message>
        <source>Point of order</source>
        <translation>По порядку ведения заседания</translation>
    </message>
    <message>
        <source>Right of reply</source>
        <translation>Право на ответ</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>Ожидает</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Выступает</translation>
    </message>
    <message>
        <source>Spoke</source>
        <translation>Выступил(а)</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Снят(а)</translation>
    </message>
    <message>
        <source>Inscribe: type a name, Latin or Cyrillic, Enter</source>
        <translation>Записать: введите имя латиницей или кириллицей, Enter</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <source>registration cancelled</source>
        <translation>регистрация отменена</translation>
    </message>
    <message>
        <source>places {places}</source>
        <translation>места {places}</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <source>Other (relay)</source>
        <translation>Другой (через релей)</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Оратор</translation>
    </message>
    <message>
        <source>Delegation</source>
        <translation>Делегация</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Next (F5)</source>
        <translation>Следующий (F5)</translation>
    </message>
    <message>
        <source>Pause/Resume (F6)</source>
        <translation>Пауза/продолжить (F6)</translation>
    </message>
    <message>
        <source>End (F8)</source>
        <translation>Завершить (F8)</translation>
    </message>
    <message>
        <source>Projector…</source>
        <translation>Проектор…</translation>
    </message>
    <message>
        <source>The current speaker and the countdown, full screen on the second screen</source>
        <translation>Текущий оратор и обратный отсчёт на весь второй экран</translation>
    </message>
    <message>
        <source>&amp;Limit for a statement:</source>
        <translation>&amp;Регламент выступления:</translation>
    </message>
    <message>
        <source>&amp;Order:</source>
        <translation>&amp;Порядок:</translation>
    </message>
    <message>
        <source>by level, then inscription</source>
        <translation>по уровню, затем по записи</translation>
    </message>
    <message>
        <source>by inscription</source>
        <translation>по времени записи</translation>
    </message>
    <message>
        <source> min</source>
        <translation> мин</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничения</translation>
    </message>
    <message>
        <source>Withdraw (Del)</source>
        <translation>Снять (Del)</translation>
    </message>
    <message>
        <source>Take the selected waiting speaker off the list; Ctrl+Z puts them back</source>
        <translation>Снять выбранного ожидающего оратора со списка; Ctrl+Z вернёт его</translation>
    </message>
    <message>
        <source>Undo the last inscription, withdrawal or move on this list (Ctrl+Z)</source>
        <translation>Отменить последнюю запись, снятие или перенос в этом списке (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Drag a waiting speaker to a new place; the reason is asked and recorded</source>
        <translation>Перетащите ожидающего оратора на новое место; причина будет запрошена и записана</translation>
    </message>
    <message>
        <source>Hand in the text…</source>
        <translation>Передать текст…</translation>
    </message>
    <message>
        <source>The written statement of the selected speaker (PDF, Word or text), for the interpreters</source>
        <translation>Письменный текст выступления выбранного оратора (PDF, Word или текст) для переводчиков</translation>
    </message>
    <message>
        <source>Booths…</source>
        <translation>Кабины…</translation>
    </message>
    <message>
        <source>Current and next speakers with their languages, for the interpreters</source>
        <translation>Текущий и следующие ораторы с языками выступлений — для переводчиков</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <source>A check-in from desk {desk} of a delegate this desk does not know (id {delegate}).</source>
        <translation>Отметка со стойки {desk} об участнике, которого эта стойка не знает (номер {delegate}).</translation>
    </message>
    <message>
        <source>ALREADY: let in at {first_desk} ({first_at}) and again at {second_desk} ({second_at}) while the two desks could not see each other; counted once.</source>
        <translation>УЖЕ ОТМЕЧЕН: пропущен на {first_desk} ({first_at}) и ещё раз на {second_desk} ({second_at}), пока стойки не видели друг друга; учтён один раз.</translation>
    </message>
    <message>
        <source>Desk {desk} also reissued badge version {version} of delegate {delegate} ({at}) while the desks could not see each other: the two badges carry the same code.</source>
        <translation>Стойка {desk} тоже перевыпустила бейдж версии {version} участника {delegate} ({at}), пока стойки не видели друг друга: у обоих бейджей один и тот же код.</translation>
    </message>
    <message>
        <source>An event of a kind this desk does not know ({kind}, from desk {desk}): update this desk.</source>
        <translation>Событие неизвестного этой стойке вида ({kind}, со стойки {desk}): обновите эту стойку.</translation>
    </message>
    <message>
        <source>Desk {desk} set {field} of delegate {delegate} to “{value}” ({at}), before this desk&apos;s own later change: this desk&apos;s stands.</source>
        <translation>Стойка {desk} изменила поле {field} участника {delegate} на «{value}» ({at}) раньше, чем эта стойка: действует изменение этой стойки.</translation>
    </message>
    <message>
        <source>Desk {desk} set {field} of delegate {delegate} to “{value}” ({at}), after this desk&apos;s change of {before}: the later one stands.</source>
        <translation>Стойка {desk} изменила поле {field} участника {delegate} на «{value}» ({at}) после изменения этой стойки от {before}: действует более позднее.</translation>
    </message>
    <message>
        <source>Desk {desk} sent a change of delegate {delegate} by {operator}, who may not {action} at this event: not taken in.</source>
        <translation>Стойка {desk} прислала изменение участника {delegate} от имени {operator}, которому нельзя {action} на этом мероприятии: не принято.</translation>
    </message>
    <message>
        <source>A check-in from desk {desk} ({at}) by {operator}, who is not an operator of this event: counted (the person was let in), listed to look into.</source>
        <translation>Отметка прохода со стойки {desk} ({at}) от имени {operator}, который не является оператором этого мероприятия: учтена (человек прошёл), вынесена на проверку.</translation>
    </message>
    <message>
        <source>The hub refused this desk&apos;s {kind} {uuid}: {reason}. It stays on this desk; the others went on.</source>
        <translation>Хаб не принял с этой стойки {kind} {uuid}: {reason}. Запись осталась на этой стойке; остальные переданы.</translation>
    </message>
    <message>
        <source>Desk {desk} changed {what} ({at}) before this desk&apos;s own later change: this desk&apos;s stands.</source>
        <translation>Стойка {desk} внесла изменение ({what}, {at}) раньше, чем эта стойка — своё, более позднее: действует изменение этой стойки.</translation>
    </message>
    <message>
        <source>Desk {desk} changed {what} ({at}) after this desk&apos;s change of {before}, which it replaced: the later one stands.</source>
        <translation>Стойка {desk} внесла изменение ({what}, {at}) позже изменения этой стойки от {before} и заменила его: действует более позднее.</translation>
    </message>
    <message>
        <source>Desk {desk} inscribed {name} on the speakers&apos; list of “{session}” while the desks could not see each other, and the list now breaks its rule: {rule} Both entries are kept, the same on every desk; the chair decides.</source>
        <translation>Стойка {desk} записала {name} в список выступающих «{session}», когда стойки не видели друг друга, и теперь список нарушает правило: {rule} Обе записи сохранены, одинаково на всех стойках; решает председатель.</translation>
    </message>
    <message>
        <source>Desk {desk} seated {name} in a booth of “{session}” while the desks could not see each other, and {name} is also seated at “{other}” at the same time here. Both seats are kept, the same on every desk: choose one in the roster.</source>
        <translation>Стойка {desk} посадила {name} в кабину заседания «{session}», когда стойки не видели друг друга, а {name} здесь же в то же время сидит на заседании «{other}». Оба места сохранены, одинаково на всех стойках: выберите одно в графике.</translation>
    </message>
    <message>
        <source>Desk {desk} placed “{session}” in a room that “{other}” holds at the same time, while the desks could not see each other. Both are kept, the same on every desk: move one of them.</source>
        <translation>Стойка {desk} поставила «{session}» в зал, который в то же время занят мероприятием «{other}», когда стойки не видели друг друга. Оба сохранены, одинаково на всех стойках: перенесите одно из них.</translation>
    </message>
    <message>
        <source>A change of {what} from desk {desk} ({at}) could not be taken in here: {reason}</source>
        <translation>Изменение со стойки {desk} ({what}, {at}) не удалось принять здесь: {reason}</translation>
    </message>
    <message>
        <source>the event</source>
        <translation>мероприятие</translation>
    </message>
    <message>
        <source>a day</source>
        <translation>день</translation>
    </message>
    <message>
        <source>a room</source>
        <translation>зал</translation>
    </message>
    <message>
        <source>a category</source>
        <translation>категория</translation>
    </message>
    <message>
        <source>a session</source>
        <translation>заседание</translation>
    </message>
    <message>
        <source>who may enter a session</source>
        <translation>допуск на заседание</translation>
    </message>
    <message>
        <source>a session&apos;s panel</source>
        <translation>состав панели заседания</translation>
    </message>
    <message>
        <source>a door&apos;s rule</source>
        <translation>правило входа</translation>
    </message>
    <message>
        <source>a side event request</source>
        <translation>заявка на параллельное мероприятие</translation>
    </message>
    <message>
        <source>a side event&apos;s wished time</source>
        <translation>желаемое время параллельного мероприятия</translation>
    </message>
    <message>
        <source>a side event&apos;s panellist</source>
        <translation>участник панели параллельного мероприятия</translation>
    </message>
    <message>
        <source>a statement time limit</source>
        <translation>регламент выступлений</translation>
    </message>
    <message>
        <source>a speakers&apos; list entry</source>
        <translation>запись в списке выступающих</translation>
    </message>
    <message>
        <source>a step of a speakers&apos; list</source>
        <translation>шаг списка выступающих</translation>
    </message>
    <message>
        <source>a statement&apos;s text</source>
        <translation>текст выступления</translation>
    </message>
    <message>
        <source>an interpreter</source>
        <translation>переводчик</translation>
    </message>
    <message>
        <source>an interpreters&apos; rule</source>
        <translation>правило для переводчиков</translation>
    </message>
    <message>
        <source>a seat in a booth</source>
        <translation>место в кабине</translation>
    </message>
    <message>
        <source>a delegate&apos;s photo</source>
        <translation>фотография участника</translation>
    </message>
    <message>
        <source>a pair marked as not duplicates</source>
        <translation>пара, отмеченная как не дубликаты</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>the key of the sealed personal data</source>
        <translation>ключ защищённых персональных данных</translation>
    </message>
    <message>
        <source>a room&apos;s seating layout</source>
        <translation>схема рассадки зала</translation>
    </message>
    <message>
        <source>a delegation&apos;s seating need</source>
        <translation>потребность делегации в местах</translation>
    </message>
    <message>
        <source>a session&apos;s seating plan</source>
        <translation>план рассадки заседания</translation>
    </message>
    <message>
        <source>a delegation&apos;s seat</source>
        <translation>место делегации</translation>
    </message>
    <message>
        <source>A {what} from desk {desk} has a wrong {field} (“{value}”): not taken in.</source>
        <translation>Запись «{what}» от стойки {desk}: неверное поле {field} («{value}»); не принята.</translation>
    </message>
    <message>
        <source>A check-in from desk {desk} ({at}) names delegate {delegate}, but its badge code is not a badge of this person at this event: not counted.</source>
        <translation>Проход от стойки {desk} ({at}) указывает участника {delegate}, но его код — не бейдж этого человека на этом мероприятии: не засчитан.</translation>
    </message>
    <message>
        <source>Desk {desk} let delegate {delegate} in by name, with no badge ({at}): counted, listed to look into.</source>
        <translation>Стойка {desk} пропустила участника {delegate} по имени, без бейджа ({at}): засчитано, внесено в список для проверки.</translation>
    </message>
    <message>
        <source>A change of {what} from desk {desk} ({at}) is not signed by an administrator this desk knows: not taken in. If it is genuine, make the first administrator at the desk that runs the hub, or join this desk again.</source>
        <translation>Изменение ({what}) со стойки {desk} ({at}) не подписано администратором, известным этой стойке: не принято. Если оно подлинное, создайте первого администратора на стойке, где работает хаб, или подключите эту стойку заново.</translation>
    </message>
    <message>
        <source>Desk {desk} sent the event with another {field} ({at}): an event&apos;s code and badge key never change once desks share it; not taken in.</source>
        <translation>Стойка {desk} прислала мероприятие с другим полем {field} ({at}): код мероприятия и ключ бейджей не меняются, когда стойки уже работают вместе; не принято.</translation>
    </message>
    <message>
        <source>The personal data is sealed here, but the copy of the event new desks join from, and the hub&apos;s record of delegates added or edited, are the publishing desk&apos;s to seal: give that desk the passphrase (in its window, or bsm-desk hub sync with BSM_DESK_PASSPHRASE).</source>
        <translation>Персональные данные здесь зашифрованы, но копию мероприятия, из которой создаются новые стойки, и записи хаба о добавленных или изменённых участниках шифрует стойка, опубликовавшая мероприятие: введите кодовую фразу на той стойке (в её окне или через bsm-desk hub sync с BSM_DESK_PASSPHRASE).</translation>
    </message>
    <message>
        <source>A change of {what} from desk {desk} ({at}) holds a password this desk cannot open: it was made from the hub without an enrolment code. Join it again with one.</source>
        <translation>Изменение ({what}) со стойки {desk} ({at}) содержит пароль, который эта стойка не может открыть: она создана из хаба без кода подключения. Подключите её заново с кодом.</translation>
    </message>
    <message>
        <source>This desk&apos;s file went back in time (a backup put in its place): {count} of its own records came back from the hub, and its new registrations take ids from a fresh block ({block}).</source>
        <translation>Файл этой стойки вернулся в прошлое (на его место поставлена резервная копия): из хаба вернулись её собственные записи ({count}), а новые регистрации получают номера из нового блока ({block}).</translation>
    </message>
</context>
<context>
    <name>TimetableEditor</name>
    <message>
        <source>Edit…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Delete (Del; Ctrl+Z puts it back)</source>
        <translation>Удалить (Del; Ctrl+Z вернёт)</translation>
    </message>
    <message>
        <source>No rooms yet: add the venue&apos;s rooms with “Rooms and hours…” to build the programme.</source>
        <translation>Залов пока нет: добавьте залы площадки в разделе «Залы и часы…», чтобы составить программу.</translation>
    </message>
</context>
<context>
    <name>Trail</name>
    <message>
        <source>delegate {person}</source>
        <translation>участник {person}</translation>
    </message>
    <message>
        <source>delegation {name}</source>
        <translation>делегация {name}</translation>
    </message>
    <message>
        <source>check-in of {person} at {checkpoint}: {verdict}</source>
        <translation>проход {person}: {checkpoint}, {verdict}</translation>
    </message>
    <message>
        <source>new badge (version {version}) for {person}</source>
        <translation>новый бейдж (версия {version}) для {person}</translation>
    </message>
    <message>
        <source>badge printed for {person} (version {version})</source>
        <translation>напечатан бейдж {person} (версия {version})</translation>
    </message>
    <message>
        <source>photo of {person}</source>
        <translation>фотография {person}</translation>
    </message>
    <message>
        <source>change record of {person}</source>
        <translation>запись об изменении: {person}</translation>
    </message>
    <message>
        <source>not duplicates: {person} and {other}</source>
        <translation>не дубликаты: {person} и {other}</translation>
    </message>
    <message>
        <source>session “{title}”</source>
        <translation>заседание «{title}»</translation>
    </message>
    <message>
        <source>who may enter “{session}”</source>
        <translation>кто допускается на «{session}»</translation>
    </message>
    <message>
        <source>{person} at “{session}”</source>
        <translation>{person} на «{session}»</translation>
    </message>
    <message>
        <source>re-entry rule of {checkpoint}</source>
        <translation>правило повторного входа: {checkpoint}</translation>
    </message>
    <message>
        <source>room {name}</source>
        <translation>зал {name}</translation>
    </message>
    <message>
        <source>opening hours of {date}</source>
        <translation>часы работы {date}</translation>
    </message>
    <message>
        <source>category {name}</source>
        <translation>категория {name}</translation>
    </message>
    <message>
        <source>the event “{title}”</source>
        <translation>мероприятие «{title}»</translation>
    </message>
    <message>
        <source>side-event request “{title}”</source>
        <translation>заявка на параллельное мероприятие «{title}»</translation>
    </message>
    <message>
        <source>preferred time {rank} of the side-event request “{request}”</source>
        <translation>желаемое время {rank} заявки «{request}»</translation>
    </message>
    <message>
        <source>{person} on the panel of the side-event request “{request}”</source>
        <translation>{person} в составе панели заявки «{request}»</translation>
    </message>
    <message>
        <source>{person} on the list of speakers of “{session}”</source>
        <translation>{person} в списке ораторов «{session}»</translation>
    </message>
    <message>
        <source>list of speakers of “{session}”: {what}</source>
        <translation>список ораторов «{session}»: {what}</translation>
    </message>
    <message>
        <source>speaking time limit at “{session}”</source>
        <translation>регламент выступлений на «{session}»</translation>
    </message>
    <message>
        <source>text of a statement (list entry {entry})</source>
        <translation>текст выступления (запись списка {entry})</translation>
    </message>
    <message>
        <source>interpreter {name}</source>
        <translation>переводчик {name}</translation>
    </message>
    <message>
        <source>interpreters&apos; rule {name}</source>
        <translation>правило для переводчиков {name}</translation>
    </message>
    <message>
        <source>{interpreter} in the {booth} booth at “{session}”</source>
        <translation>{interpreter} в кабине {booth} на «{session}»</translation>
    </message>
    <message>
        <source>operator {name}</source>
        <translation>оператор {name}</translation>
    </message>
    <message>
        <source>sign-in lock of {name}</source>
        <translation>блокировка входа: {name}</translation>
    </message>
    <message>
        <source>the key of the sealed personal data</source>
        <translation>ключ защищённых персональных данных</translation>
    </message>
    <message>
        <source>record: {action} {subject}</source>
        <translation>запись: {action} {subject}</translation>
    </message>
    <message>
        <source>{table} {key}</source>
        <translation>{table} {key}</translation>
    </message>
    <message>
        <source>the entrance, {day}</source>
        <translation>вход, {day}</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>The {command} command needs --db PATH (no event was opened on this desk before).</source>
        <translation>Команде {command} нужен --db ПУТЬ (на этом рабочем месте ещё не открывали мероприятие).</translation>
    </message>
    <message>
        <source>The {command} command makes a new file: say where with --db PATH.</source>
        <translation>Команда {command} создаёт новый файл: укажите, где, через --db ПУТЬ.</translation>
    </message>
    <message>
        <source>{path}: {reason}</source>
        <translation>{path}: {reason}</translation>
    </message>
    <message>
        <source>The event database could not be used: {reason}</source>
        <translation>Не удалось работать с базой данных мероприятия: {reason}</translation>
    </message>
    <message>
        <source>--limit must be 1 or more.</source>
        <translation>Значение --limit должно быть не меньше 1.</translation>
    </message>
    <message>
        <source>--ids takes delegate numbers separated by commas, not {value}.</source>
        <translation>--ids принимает номера участников через запятую, а не {value}.</translation>
    </message>
    <message>
        <source>The badges command needs --out FILE.pdf or --codes.</source>
        <translation>Команде badges нужен --out ФАЙЛ.pdf или --codes.</translation>
    </message>
    <message>
        <source>--day takes a date as YYYY-MM-DD, not {value}.</source>
        <translation>--day принимает дату в виде ГГГГ-ММ-ДД, а не {value}.</translation>
    </message>
    <message>
        <source>The change-over buffer is 0 to 240 minutes.</source>
        <translation>Перерыв между мероприятиями — от 0 до 240 минут.</translation>
    </message>
    <message>
        <source>{file}: the {report} export writes {kinds}.</source>
        <translation>{file}: экспорт {report} записывает только {kinds}.</translation>
    </message>
    <message>
        <source>The event database {path} does not exist.</source>
        <translation>База данных мероприятия {path} не существует.</translation>
    </message>
    <message>
        <source>{path} is not a BSM Desk event database.</source>
        <translation>{path} не является базой данных мероприятия BSM Desk.</translation>
    </message>
    <message>
        <source>{path} was made by a newer BSM Desk (schema {found}, this version knows {known}). Update BSM Desk to open it.</source>
        <translation>Файл {path} создан более новой версией BSM Desk (схема {found}, эта версия знает {known}). Обновите BSM Desk, чтобы открыть его.</translation>
    </message>
    <message>
        <source>This event file was written by BSM Desk {theirs} (schema {found}); this is BSM Desk {ours} (schema {known}): update the app to open it. The file was left as it is.</source>
        <translation>Этот файл мероприятия записан BSM Desk {theirs} (схема {found}); здесь BSM Desk {ours} (схема {known}): обновите приложение, чтобы открыть его. Файл не изменён.</translation>
    </message>
    <message>
        <source>Could not bring {path} up to date ({reason}). The file was left as it was; a copy taken before the upgrade is at {copy}.</source>
        <translation>Не удалось обновить {path} ({reason}). Файл оставлен без изменений; копия, сделанная перед обновлением: {copy}.</translation>
    </message>
    <message>
        <source>The event database {path} is busy or locked by another program. Try again.</source>
        <translation>База данных мероприятия {path} занята или заблокирована другой программой. Повторите попытку.</translation>
    </message>
    <message>
        <source>Cannot open the event database {path}: {reason}</source>
        <translation>Не удаётся открыть базу данных мероприятия {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} already exists. Choose another file name or pass --force to replace it.</source>
        <translation>Файл {path} уже существует. Выберите другое имя файла или укажите --force, чтобы заменить его.</translation>
    </message>
    <message>
        <source>{path} holds no event yet.</source>
        <translation>В файле {path} ещё нет мероприятия.</translation>
    </message>
    <message>
        <source>Cannot write {path}: the disk is full or not writable ({reason}). Nothing was lost.</source>
        <translation>Не удаётся записать {path}: диск заполнен или недоступен для записи ({reason}). Данные не потеряны.</translation>
    </message>
    <message>
        <source>The event cannot end ({end}) before it starts ({start}).</source>
        <translation>Мероприятие не может закончиться ({end}) раньше, чем начнётся ({start}).</translation>
    </message>
    <message>
        <source>Unknown time zone: {zone}.</source>
        <translation>Неизвестный часовой пояс: {zone}.</translation>
    </message>
    <message>
        <source>The event needs a title in English.</source>
        <translation>Укажите название мероприятия на английском языке.</translation>
    </message>
    <message>
        <source>Choose at least one working language.</source>
        <translation>Выберите хотя бы один рабочий язык.</translation>
    </message>
    <message>
        <source>The event code {code} can only have capital Latin letters and digits (up to 12).</source>
        <translation>Код мероприятия {code} может содержать только заглавные латинские буквы и цифры (до 12).</translation>
    </message>
    <message>
        <source>The number of delegates must be between 0 and {most}.</source>
        <translation>Число участников должно быть от 0 до {most}.</translation>
    </message>
    <message>
        <source>{path} is an empty file, not an event database. Open the event&apos;s own file, or create one (New event, or bsm-desk demo).</source>
        <translation>{path} — пустой файл, а не база данных мероприятия. Откройте файл самого мероприятия или создайте его (Новое мероприятие или bsm-desk demo).</translation>
    </message>
    <message>
        <source>The event file {path} is damaged ({reason}). Stop writing to it and restore the latest backup: bsm-desk restore --db {path} {backup}</source>
        <translation>Файл мероприятия {path} повреждён ({reason}). Прекратите запись в него и восстановите последнюю резервную копию: bsm-desk restore --db {path} {backup}</translation>
    </message>
    <message>
        <source>The event file {path} is damaged ({reason}). Stop writing to it; no backup of it was found.</source>
        <translation>Файл мероприятия {path} повреждён ({reason}). Прекратите запись в него; резервных копий не найдено.</translation>
    </message>
    <message>
        <source>The event file {path} is on a read-only disk or in a folder this desk cannot write to. SQLite keeps its journal beside the file: copy it to a writable folder and open the copy.</source>
        <translation>Файл мероприятия {path} находится на диске только для чтения или в папке, куда эта стойка не может писать. SQLite ведёт журнал рядом с файлом: скопируйте его в папку с правом записи и откройте копию.</translation>
    </message>
    <message>
        <source>Cannot create {path}: {reason}</source>
        <translation>Не удаётся создать {path}: {reason}</translation>
    </message>
    <message>
        <source>{path}: no header row with a family name column was found in the first 20 rows.</source>
        <translation>{path}: в первых 20 строках не найдена строка заголовков со столбцом фамилии.</translation>
    </message>
    <message>
        <source>{path} has a header row but no delegates under it.</source>
        <translation>В файле {path} есть строка заголовков, но под ней нет участников.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>Не удаётся прочитать {path}: {reason}</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>Файл {path} не существует.</translation>
    </message>
    <message>
        <source>{path}: only .xlsx, .csv and .txt files can be imported.</source>
        <translation>{path}: импортировать можно только файлы .xlsx, .csv и .txt.</translation>
    </message>
    <message>
        <source>{path} has no sheet “{sheet}”. Sheets: {sheets}.</source>
        <translation>В файле {path} нет листа «{sheet}». Листы: {sheets}.</translation>
    </message>
    <message>
        <source>{path} is too large to be a list of participants ({size} MB unpacked; at most {limit} MB). Nothing was read.</source>
        <translation>Файл {path} слишком велик для списка участников ({size} МБ в распакованном виде; допускается не более {limit} МБ). Ничего не прочитано.</translation>
    </message>
    <message>
        <source>{path} has more than {limit} rows. Split it into smaller lists. Nothing was imported.</source>
        <translation>В файле {path} больше {limit} строк. Разделите его на списки поменьше. Ничего не импортировано.</translation>
    </message>
    <message>
        <source>{path} unpacks to {size} MB from {packed} KB: no list of participants packs so tightly (it looks made to exhaust the computer). Nothing was read.</source>
        <translation>{path} распаковывается в {size} МБ из {packed} КБ: ни один список участников не сжимается так сильно (файл, похоже, сделан, чтобы исчерпать ресурсы компьютера). Ничего не прочитано.</translation>
    </message>
    <message>
        <source>{path} holds a cell longer than Excel can make (32,767 characters): it is not a list of participants. Nothing was read.</source>
        <translation>В {path} есть ячейка длиннее, чем допускает Excel (32 767 символов): это не список участников. Ничего не прочитано.</translation>
    </message>
    <message>
        <source>{path} is a zip of {parts} parts: no workbook holding a list of participants has so many (it looks made to exhaust the computer). Nothing was read.</source>
        <translation>{path} — архив из {parts} частей: ни в одной книге со списком участников их столько не бывает (похоже, файл сделан, чтобы исчерпать ресурсы компьютера). Ничего не прочитано.</translation>
    </message>
    <message>
        <source>{path} is not a readable Excel workbook (.xlsx). If it is an old .xls file, save it as .xlsx first.</source>
        <translation>{path} не является читаемой книгой Excel (.xlsx). Если это старый файл .xls, сначала сохраните его как .xlsx.</translation>
    </message>
    <message>
        <source>Delegates #{keep} and #{drop} cannot be merged.</source>
        <translation>Участников №{keep} и №{drop} нельзя объединить.</translation>
    </message>
    <message>
        <source>The record cannot be saved: {problems}</source>
        <translation>Запись нельзя сохранить: {problems}</translation>
    </message>
    <message>
        <source>There is no delegation #{id}.</source>
        <translation>Делегации № {id} нет.</translation>
    </message>
    <message>
        <source>A delegation needs a name in English or in Russian, of at most {limit} characters.</source>
        <translation>У делегации должно быть название на английском или русском, не длиннее {limit} символов.</translation>
    </message>
    <message>
        <source>“{code}” is not a country code: two or three Latin letters (TJ, TJK).</source>
        <translation>«{code}» — не код страны: две или три латинские буквы (TJ, TJK).</translation>
    </message>
    <message>
        <source>A delegation&apos;s size limit is 1 to 10,000 people, or none.</source>
        <translation>Предельная численность делегации — от 1 до 10 000 человек или без ограничения.</translation>
    </message>
    <message>
        <source>This database has no event to print badges for.</source>
        <translation>В этой базе нет мероприятия, для которого печатать бейджи.</translation>
    </message>
    <message>
        <source>There is no delegation called {name}.</source>
        <translation>Делегации «{name}» нет.</translation>
    </message>
    <message>
        <source>There is no category called {name}.</source>
        <translation>Категории «{name}» нет.</translation>
    </message>
    <message>
        <source>There is no delegate #{id}.</source>
        <translation>Участника №{id} нет.</translation>
    </message>
    <message>
        <source>Delegate #{id} is cancelled or merged into another record: no badge.</source>
        <translation>Участник №{id} отменён или объединён с другой записью: бейдж не положен.</translation>
    </message>
    <message>
        <source>No badges match: nothing was written.</source>
        <translation>Ни один бейдж не подходит: ничего не записано.</translation>
    </message>
    <message>
        <source>The badge of #{id} “{name}” cannot be printed: the badge fonts have no letters {letters}. Correct the name to the Latin letters of the passport.</source>
        <translation>Бейдж №{id} «{name}» нельзя напечатать: в шрифтах бейджа нет букв {letters}. Исправьте имя на латинское написание из паспорта.</translation>
    </message>
    <message>
        <source>This database has no event to report on.</source>
        <translation>В этой базе нет мероприятия для отчёта.</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <source>Could not write {path}: there is no folder {folder}.</source>
        <translation>Не удалось записать {path}: папки {folder} нет.</translation>
    </message>
    <message>
        <source>Unknown badge layout {layout}: use {known}.</source>
        <translation>Неизвестный макет бейджа {layout}: используйте {known}.</translation>
    </message>
    <message>
        <source>{name} is not a picture BSM Desk can read: use a JPEG or PNG photo.</source>
        <translation>{name} — не изображение, которое BSM Desk может прочитать: используйте фотографию JPEG или PNG.</translation>
    </message>
    <message>
        <source>Unknown reprint reason {reason}: use {known}.</source>
        <translation>Неизвестная причина перепечатки {reason}: используйте {known}.</translation>
    </message>
    <message>
        <source>The printer {printer} could not start printing. Check that it is connected, switched on and has paper, then try again.</source>
        <translation>Принтер {printer} не смог начать печать. Проверьте, что он подключён, включён и в нём есть бумага, и попробуйте снова.</translation>
    </message>
    <message>
        <source>The printer {printer} is not installed (any more). Nothing was printed; choose another printer and print again.</source>
        <translation>Принтер {printer} не установлен (больше нет). Ничего не напечатано; выберите другой принтер и напечатайте снова.</translation>
    </message>
    <message>
        <source>The printer {printer} is stopped (paused, or out of order). Nothing was printed and no badge was marked as printed: resume it in the computer&apos;s printer settings, then print again.</source>
        <translation>Принтер {printer} остановлен (приостановлен или неисправен). Ничего не напечатано, и ни один бейдж не отмечен как напечатанный: возобновите его работу в настройках принтеров компьютера и напечатайте снова.</translation>
    </message>
    <message>
        <source>The printer {printer} is refusing new jobs. Nothing was printed and no badge was marked as printed: let it accept jobs again in the computer&apos;s printer settings, then print again.</source>
        <translation>Принтер {printer} не принимает новые задания. Ничего не напечатано, и ни один бейдж не отмечен как напечатанный: разрешите приём заданий в настройках принтеров компьютера и напечатайте снова.</translation>
    </message>
    <message>
        <source>This database has no event to check in to.</source>
        <translation>В этой базе нет мероприятия для регистрации прохода.</translation>
    </message>
    <message>
        <source>There is no checkpoint {id}. See the list: bsm-desk checkpoints --db PATH</source>
        <translation>Пункта прохода {id} нет. Список: bsm-desk checkpoints --db ПУТЬ</translation>
    </message>
    <message>
        <source>This desk has no check-in at this checkpoint to undo.</source>
        <translation>У этой стойки нет отметки прохода в этом пункте, которую можно отменить.</translation>
    </message>
    <message>
        <source>{file}: write the list as .pdf, .xlsx or .csv.</source>
        <translation>{file}: список записывается в .pdf, .xlsx или .csv.</translation>
    </message>
    <message>
        <source>{file}: personal data goes only into a workbook (.xlsx), never a printed list.</source>
        <translation>{file}: персональные данные выгружаются только в книгу Excel (.xlsx), не в печатный список.</translation>
    </message>
    <message>
        <source>This database has no event to allocate rooms for.</source>
        <translation>В этой базе нет мероприятия, для которого распределять залы.</translation>
    </message>
    <message>
        <source>{file}: no header row with at least the title and the duration of each side event.</source>
        <translation>{file}: нет строки заголовков хотя бы с названием и продолжительностью параллельного мероприятия.</translation>
    </message>
    <message>
        <source>This database has no event to import side events into.</source>
        <translation>В этой базе нет мероприятия для импорта параллельных мероприятий.</translation>
    </message>
    <message>
        <source>This database has no programme to export.</source>
        <translation>В этой базе нет программы для экспорта.</translation>
    </message>
    <message>
        <source>{path}: no header row with “Name” and “Languages” (or “Имя” and “Языки”) was found in the first 20 rows.</source>
        <translation>{path}: в первых 20 строках нет строки заголовков с «Имя» и «Языки» (или «Name» и «Languages»).</translation>
    </message>
    <message>
        <source>This database has no event.</source>
        <translation>В этой базе нет мероприятия.</translation>
    </message>
    <message>
        <source>{path} has a header row but no interpreters under it.</source>
        <translation>В {path} есть строка заголовков, но под ней нет переводчиков.</translation>
    </message>
    <message>
        <source>Tick at least one day the interpreter can work.</source>
        <translation>Отметьте хотя бы один день, когда переводчик может работать.</translation>
    </message>
    <message>
        <source>{name} is already in the pool (the same name or e-mail).</source>
        <translation>{name} уже есть в пуле (то же имя или эл. почта).</translation>
    </message>
    <message>
        <source>The interpreter&apos;s name is empty.</source>
        <translation>Имя переводчика пустое.</translation>
    </message>
    <message>
        <source>The name is longer than {limit} characters.</source>
        <translation>Имя длиннее {limit} символов.</translation>
    </message>
    <message>
        <source>The fee must be a number, 0 or more.</source>
        <translation>Гонорар — число, 0 или больше.</translation>
    </message>
    <message>
        <source>“{value}” is not an e-mail address.</source>
        <translation>«{value}» — не адрес эл. почты.</translation>
    </message>
    <message>
        <source>A session must end after it starts.</source>
        <translation>Заседание должно заканчиваться позже, чем начинается.</translation>
    </message>
    <message>
        <source>A session needs a title in English or Russian.</source>
        <translation>У заседания должно быть название на английском или русском.</translation>
    </message>
    <message>
        <source>Every room needs a name.</source>
        <translation>У каждого зала должно быть название.</translation>
    </message>
    <message>
        <source>The change-over between events is 0 to 240 minutes.</source>
        <translation>Перерыв между мероприятиями — от 0 до 240 минут.</translation>
    </message>
    <message>
        <source>On {day} the venue must close after it opens.</source>
        <translation>{day}: площадка должна закрываться позже, чем открывается.</translation>
    </message>
    <message>
        <source>Sessions are held in this room ({count}): move or remove them first.</source>
        <translation>В этом зале проходят заседания ({count}): сначала перенесите или удалите их.</translation>
    </message>
    <message>
        <source>People have been checked in at the door of this session, so it stays in the programme: move or change it instead.</source>
        <translation>На входе в это заседание уже отмечались участники, поэтому оно остаётся в программе: перенесите или измените его.</translation>
    </message>
    <message>
        <source>This session is no longer in the programme.</source>
        <translation>Этого заседания больше нет в программе.</translation>
    </message>
    <message>
        <source>A side event needs a title in English or Russian.</source>
        <translation>У параллельного мероприятия должно быть название на английском или русском.</translation>
    </message>
    <message>
        <source>A side event needs a duration in minutes.</source>
        <translation>Укажите продолжительность параллельного мероприятия в минутах.</translation>
    </message>
    <message>
        <source>{day} is not a day of the event.</source>
        <translation>{day} — не день мероприятия.</translation>
    </message>
    <message>
        <source>This request is no longer in the database.</source>
        <translation>Этой заявки больше нет в базе данных.</translation>
    </message>
    <message>
        <source>This side event is in the programme already: change or remove its session on the timetable instead.</source>
        <translation>Это параллельное мероприятие уже в программе: измените или удалите его заседание в расписании.</translation>
    </message>
    <message>
        <source>{path} is not a readable BSM Desk backup ({reason}). Nothing was changed.</source>
        <translation>{path} не является читаемой резервной копией BSM Desk ({reason}). Ничего не изменено.</translation>
    </message>
    <message>
        <source>The backup {path} does not exist.</source>
        <translation>Резервной копии {path} не существует.</translation>
    </message>
    <message>
        <source>{path} is the event file itself; choose one of its backups.</source>
        <translation>{path} — это сам файл мероприятия; выберите одну из его резервных копий.</translation>
    </message>
    <message>
        <source>Could not restore {path}: {reason}. The event file was left as it was.</source>
        <translation>Не удалось восстановить {path}: {reason}. Файл мероприятия оставлен без изменений.</translation>
    </message>
    <message>
        <source>{option} takes a date as YYYY-MM-DD, not “{value}”.</source>
        <translation>{option} ожидает дату в виде ГГГГ-ММ-ДД, а не «{value}».</translation>
    </message>
    <message>
        <source>{option} takes a time as “YYYY-MM-DD HH:MM” (or “HH:MM” on the start&apos;s day), not “{value}”.</source>
        <translation>{option} ожидает время в виде «ГГГГ-ММ-ДД ЧЧ:ММ» (или «ЧЧ:ММ» в день начала), а не «{value}».</translation>
    </message>
    <message>
        <source>There is no session #{id}.</source>
        <translation>Заседания №{id} нет.</translation>
    </message>
    <message>
        <source>There is no room #{id}.</source>
        <translation>Зала № {id} нет.</translation>
    </message>
    <message>
        <source>{day} is not a day of the event ({days}).</source>
        <translation>{day} — не день мероприятия ({days}).</translation>
    </message>
    <message>
        <source>{option} takes a time as HH:MM, not “{value}”.</source>
        <translation>{option} ожидает время в виде ЧЧ:ММ, а не «{value}».</translation>
    </message>
    <message>
        <source>There is no delegation “{name}” (see bsm-desk delegations list).</source>
        <translation>Делегации «{name}» нет (см. bsm-desk delegations list).</translation>
    </message>
    <message>
        <source>There is no category “{code}” (known: {known}).</source>
        <translation>Категории «{code}» нет (есть: {known}).</translation>
    </message>
    <message>
        <source>A new delegate needs {option}.</source>
        <translation>Для нового участника нужен {option}.</translation>
    </message>
    <message>
        <source>Give the photo&apos;s file, or --remove.</source>
        <translation>Укажите файл фотографии или --remove.</translation>
    </message>
    <message>
        <source>Languages are two-letter codes separated by commas (en,ru), not “{value}”.</source>
        <translation>Языки — двухбуквенные коды через запятую (en,ru), а не «{value}».</translation>
    </message>
    <message>
        <source>{path} already exists: a new event needs a new file name.</source>
        <translation>{path} уже существует: новому мероприятию нужен новый файл.</translation>
    </message>
    <message>
        <source>{option} is a whole number from 0 to {limit}.</source>
        <translation>{option} — целое число от 0 до {limit}.</translation>
    </message>
    <message>
        <source>There is no waiting entry #{id} on this list.</source>
        <translation>В этом списке нет ожидающей записи №{id}.</translation>
    </message>
    <message>
        <source>Nobody is speaking.</source>
        <translation>Сейчас никто не выступает.</translation>
    </message>
    <message>
        <source>“{order}” is not an order of speakers: protocol (by level, then inscription) or inscription.</source>
        <translation>«{order}» — не порядок выступлений: protocol (по уровню, затем по времени записи) или inscription (по времени записи).</translation>
    </message>
    <message>
        <source>“{level}” is not a level of representation.</source>
        <translation>«{level}» — не уровень представительства.</translation>
    </message>
    <message>
        <source>Nobody is waiting to speak.</source>
        <translation>Никто не ждёт очереди выступить.</translation>
    </message>
    <message>
        <source>Entry #{id} has not been withdrawn.</source>
        <translation>Запись №{id} не была снята.</translation>
    </message>
    <message>
        <source>Say why the entry is moved (--reason).</source>
        <translation>Укажите, почему запись перемещена (--reason).</translation>
    </message>
    <message>
        <source>A statement&apos;s limit is from 0 (none) to {minutes} minutes.</source>
        <translation>Регламент выступления — от 0 (без ограничения) до {minutes} минут.</translation>
    </message>
    <message>
        <source>{file}: a statement&apos;s text is a PDF, a Word (.docx) or a plain text file.</source>
        <translation>{file}: текст выступления должен быть файлом PDF, Word (.docx) или простым текстом.</translation>
    </message>
    <message>
        <source>{file} is {size} MB; a statement&apos;s text may be {limit} MB at most.</source>
        <translation>{file} занимает {size} МБ; текст выступления может быть не больше {limit} МБ.</translation>
    </message>
    <message>
        <source>{file} is empty.</source>
        <translation>{file} пуст.</translation>
    </message>
    <message>
        <source>Cannot read {file}: {reason}</source>
        <translation>Не удаётся прочитать {file}: {reason}</translation>
    </message>
    <message>
        <source>{name}&apos;s registration is cancelled: they cannot be inscribed.</source>
        <translation>Регистрация участника {name} отменена: записать его в список нельзя.</translation>
    </message>
    <message>
        <source>{file}: write the speakers&apos; record as .pdf or .xlsx.</source>
        <translation>{file}: запись ораторов сохраняется в формате .pdf или .xlsx.</translation>
    </message>
    <message>
        <source>No languages given: write them as en:A; ru:B; fr:C.</source>
        <translation>Языки не указаны: запишите их так: en:A; ru:B; fr:C.</translation>
    </message>
    <message>
        <source>“{part}” is not a language with its class (A, B or C), as in en:A.</source>
        <translation>«{part}» — не язык с классом (A, B или C), как в en:A.</translation>
    </message>
    <message>
        <source>“{code}” is not a language code (ISO 639, as en, ru, tg, fr).</source>
        <translation>«{code}» — не код языка (ISO 639, например en, ru, tg, fr).</translation>
    </message>
    <message>
        <source>{language} is given twice, as {first} and as {second}.</source>
        <translation>Язык {language} указан дважды: как {first} и как {second}.</translation>
    </message>
    <message>
        <source>“{value}” is not a value for {rule}.</source>
        <translation>«{value}» — не значение для {rule}.</translation>
    </message>
    <message>
        <source>There is no rule {rule}; the rules are: {rules}.</source>
        <translation>Правила {rule} нет; правила: {rules}.</translation>
    </message>
    <message>
        <source>“{value}” is not a team table: write minutes:team pairs with both growing, as in 40:1, 240:2, 360:3.</source>
        <translation>«{value}» — не таблица составов: пишите пары минуты:переводчики, обе по возрастанию, например 40:1, 240:2, 360:3.</translation>
    </message>
    <message>
        <source>There is no interpreter with the id {id}.</source>
        <translation>Нет переводчика с номером {id}.</translation>
    </message>
    <message>
        <source>{day} is not a day of the event ({start} to {end}).</source>
        <translation>{day} — не день мероприятия (с {start} по {end}).</translation>
    </message>
    <message>
        <source>No booth of the programme has these sessions and this booth.</source>
        <translation>В программе нет кабины с этими заседаниями и этим языком.</translation>
    </message>
    <message>
        <source>The booth takes {team} interpreters, not {count}.</source>
        <translation>В кабине {team} переводчика(ов), а не {count}.</translation>
    </message>
    <message>
        <source>The programme, the pool or the rules changed since that roster was made: make it again.</source>
        <translation>Программа, состав переводчиков или правила изменились после составления этого графика: составьте его заново.</translation>
    </message>
    <message>
        <source>{file}: write the roster as .pdf or .xlsx, or give a folder for the calendars.</source>
        <translation>{file}: запишите график как .pdf или .xlsx либо укажите папку для календарей.</translation>
    </message>
    <message>
        <source>“{value}” is not NAME=VALUE.</source>
        <translation>«{value}» — не ИМЯ=ЗНАЧЕНИЕ.</translation>
    </message>
    <message>
        <source>Session #{session} has no {booth} booth to staff (see bsm-desk interpreters needs).</source>
        <translation>У заседания № {session} нет кабины {booth} (см. bsm-desk interpreters needs).</translation>
    </message>
    <message>
        <source>This event file has no hub: run bsm-desk hub init or hub join first.</source>
        <translation>У этого файла мероприятия нет хаба: сначала выполните bsm-desk hub init или hub join.</translation>
    </message>
    <message>
        <source>This database has no event to publish.</source>
        <translation>В этой базе нет мероприятия для публикации.</translation>
    </message>
    <message>
        <source>The hub&apos;s copy of the event cannot be unpacked (damaged, or not made by a desk): nothing was joined.</source>
        <translation>Копию мероприятия на хабе не удаётся распаковать (она повреждена или сделана не стойкой): подключение не выполнено.</translation>
    </message>
    <message>
        <source>The hub at {url} holds no event yet: run bsm-desk hub init on the first desk.</source>
        <translation>В хабе {url} ещё нет мероприятия: выполните bsm-desk hub init на первой стойке.</translation>
    </message>
    <message>
        <source>{path} exists already: choose a new file to join into.</source>
        <translation>{path} уже существует: выберите новый файл для подключения.</translation>
    </message>
    <message>
        <source>The hub at {url} refused this desk&apos;s events: {reason}. Nothing was lost; they wait here.</source>
        <translation>Хаб {url} отказался принять события этой стойки: {reason}. Ничего не потеряно: они ждут здесь.</translation>
    </message>
    <message>
        <source>Another event file now speaks for this desk at the hub (a copy of this file, used on another computer): nothing was sent or taken. Make this computer a desk of its own (an enrolment code from an administrator, hub join); what this file recorded stays in it.</source>
        <translation>От имени этой стойки в хабе теперь работает другой файл мероприятия (копия этого файла на другом компьютере): ничего не отправлено и не получено. Сделайте этот компьютер отдельной стойкой (код подключения от администратора, hub join); записанное в этом файле в нём и остаётся.</translation>
    </message>
    <message>
        <source>The hub at {url} is not the one this desk exchanged with: it was made again, or another one answers at that address. Nothing was sent or taken. If it is this event&apos;s new hub, adopt it (bsm-desk hub adopt, or Adopt this hub in the Hub dialog): this desk then sends it everything it holds.</source>
        <translation>Хаб {url} — не тот, с которым работала эта стойка: он создан заново или по этому адресу отвечает другой. Ничего не отправлено и не получено. Если это новый хаб мероприятия, примите его (bsm-desk hub adopt или «Принять этот хаб» в окне хаба): стойка отправит ему всё, что у неё есть.</translation>
    </message>
    <message>
        <source>The hub at {url} cannot be reached: {reason}</source>
        <translation>Хаб {url} недоступен: {reason}</translation>
    </message>
    <message>
        <source>{url} is not a BSM Desk hub yet: run bsm-desk hub init first.</source>
        <translation>{url} — ещё не хаб BSM Desk: сначала выполните bsm-desk hub init.</translation>
    </message>
    <message>
        <source>The hub at {url} was brought up by BSM Desk {theirs} (schema {found}); this desk is BSM Desk {ours} (schema {known}): update this desk. Nothing was written to the hub.</source>
        <translation>Хаб {url} обновлён BSM Desk {theirs} (схема {found}); на этой стойке BSM Desk {ours} (схема {known}): обновите стойку. В хаб ничего не записано.</translation>
    </message>
    <message>
        <source>The hub at {url} was made by a newer BSM Desk (schema {found}); update this desk.</source>
        <translation>Хаб {url} создан более новой версией BSM Desk (схема {found}); обновите эту стойку.</translation>
    </message>
    <message>
        <source>The hub at {url} holds the event {hub}, not {local}.</source>
        <translation>Хаб {url} хранит мероприятие {hub}, а не {local}.</translation>
    </message>
    <message>
        <source>The machine at {url} did not prove it is this event&apos;s hub (its certificate is not signed by the event&apos;s own authority, or names another machine): nothing was sent to it. Check the address with the administrator. ({reason})</source>
        <translation>Машина по адресу {url} не подтвердила, что она — хаб этого мероприятия (её сертификат не подписан удостоверяющим центром мероприятия или выдан другой машине): ей ничего не отправлено. Проверьте адрес у администратора. ({reason})</translation>
    </message>
    <message>
        <source>The hub at {url} no longer takes this desk: an administrator removed it (hub remove-desk). Nothing was lost here; ask for a new enrolment code.</source>
        <translation>Хаб {url} больше не принимает эту стойку: администратор отключил её (hub remove-desk). Здесь ничего не потеряно; попросите новый код подключения.</translation>
    </message>
    <message>
        <source>“{url}” is not a hub address: write it as postgresql://user@host/database.</source>
        <translation>«{url}» — не адрес хаба: пишите postgresql://пользователь@сервер/база.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
    <message>
        <source>Operator {name} ({role}) may not {action}.</source>
        <translation>Оператор {name} ({role}) не может {action}.</translation>
    </message>
    <message>
        <source>This event has operators: sign in first (in the CLI: --operator NAME, the password from BSM_DESK_PASSWORD or typed) to {action}.</source>
        <translation>У этого мероприятия есть операторы: сначала войдите (в командной строке: --operator ИМЯ, пароль из BSM_DESK_PASSWORD или с клавиатуры), чтобы {action}.</translation>
    </message>
    <message>
        <source>An operator needs a name of 1 to 60 characters without control characters.</source>
        <translation>Имя оператора — от 1 до 60 символов, без управляющих символов.</translation>
    </message>
    <message>
        <source>A PIN has at least 6 digits and a password at least 10 characters (at most 200).</source>
        <translation>ПИН-код — не меньше 6 цифр, пароль — не меньше 10 символов (не больше 200).</translation>
    </message>
    <message>
        <source>A password, PIN or passphrase must be text: this one has bytes that are not (check the keyboard or the file it came from).</source>
        <translation>Пароль, PIN или кодовая фраза должны быть текстом: здесь есть байты, которые им не являются (проверьте раскладку клавиатуры или файл, из которого они взяты).</translation>
    </message>
    <message>
        <source>The first operator must be an administrator (who can then add the others).</source>
        <translation>Первый оператор должен быть администратором (он затем добавит остальных).</translation>
    </message>
    <message>
        <source>There is already an operator called {name}.</source>
        <translation>Оператор с именем {name} уже есть.</translation>
    </message>
    <message>
        <source>Wrong name or password.</source>
        <translation>Неверное имя или пароль.</translation>
    </message>
    <message>
        <source>Too many wrong passwords for {name}: try again in {seconds} s.</source>
        <translation>Слишком много неверных паролей для {name}: повторите через {seconds} с.</translation>
    </message>
    <message>
        <source>Operator {name} is disabled.</source>
        <translation>Оператор {name} отключён.</translation>
    </message>
    <message>
        <source>There is no operator called {name}.</source>
        <translation>Оператора с именем {name} нет.</translation>
    </message>
    <message>
        <source>Operators cannot sign in at this desk: it was made from the hub without an enrolment code, so it cannot open their passwords. Ask an administrator for a code (hub add-desk) and join again.</source>
        <translation>Операторы не могут войти на этой стойке: она создана из хаба без кода подключения и не может открыть их пароли. Попросите у администратора код (hub add-desk) и подключитесь заново.</translation>
    </message>
    <message>
        <source>This desk does not hold the event&apos;s key, so it cannot check or set passwords: an administrator unlocks it once with the event&apos;s passphrase (Unlock this desk… in the sign-in; bsm-desk unlock), or enrols it with a code from the hub.</source>
        <translation>У этой стойки нет ключа мероприятия, поэтому она не может проверять и задавать пароли: администратор один раз открывает её парольной фразой мероприятия («Открыть эту стойку…» при входе; bsm-desk unlock) или подключает кодом с хаба.</translation>
    </message>
    <message>
        <source>The first administrator sets the event&apos;s passphrase (at least 10 characters): it seals personal data and keys the operators&apos; passwords. Keep it safe: another desk needs it once.</source>
        <translation>Первый администратор задаёт парольную фразу мероприятия (не короче 10 символов): она запечатывает персональные данные и служит ключом к паролям операторов. Храните её надёжно: другой стойке она понадобится один раз.</translation>
    </message>
    <message>
        <source>{name} is the last administrator: add another before disabling this one.</source>
        <translation>{name} — последний администратор: сначала добавьте другого.</translation>
    </message>
    <message>
        <source>The event&apos;s passphrase needs at least 10 characters.</source>
        <translation>Парольная фраза мероприятия должна быть не короче 10 символов.</translation>
    </message>
    <message>
        <source>This event&apos;s personal data is sealed already.</source>
        <translation>Персональные данные этого мероприятия уже зашифрованы.</translation>
    </message>
    <message>
        <source>This event&apos;s personal data is not sealed: there is nothing to unlock.</source>
        <translation>Персональные данные этого мероприятия не зашифрованы: разблокировать нечего.</translation>
    </message>
    <message>
        <source>{field} is not personal data that can be revealed.</source>
        <translation>{field} — не персональные данные, которые можно показать.</translation>
    </message>
    <message>
        <source>This event&apos;s personal data is sealed and this desk does not hold its key: unlock it with the event&apos;s passphrase to write passport numbers, phones or dates of birth.</source>
        <translation>Персональные данные мероприятия зашифрованы, а ключа на этой стойке нет: разблокируйте их кодовой фразой мероприятия, чтобы записывать номера паспортов, телефоны и даты рождения.</translation>
    </message>
    <message>
        <source>That is not this event&apos;s passphrase: the personal data stays locked.</source>
        <translation>Это не кодовая фраза мероприятия: персональные данные остаются закрытыми.</translation>
    </message>
    <message>
        <source>Name the delegates to accredit (their ids), or say --all-registered.</source>
        <translation>Укажите, кого аккредитовать (номера участников), или --all-registered.</translation>
    </message>
    <message>
        <source>--day takes a date as YYYY-MM-DD, not “{value}”.</source>
        <translation>--day ожидает дату в виде ГГГГ-ММ-ДД, а не «{value}».</translation>
    </message>
    <message>
        <source>Nobody registered is called “{text}”.</source>
        <translation>Среди зарегистрированных нет никого с именем «{text}».</translation>
    </message>
    <message>
        <source>“{text}” could be {count} people: give the id of one of them (listed above).</source>
        <translation>«{text}» подходит к {count} участникам: укажите номер одного из них (список выше).</translation>
    </message>
    <message>
        <source>Give badge codes to check in, or --undo-last REASON, not both.</source>
        <translation>Укажите коды бейджей для прохода или --undo-last ПРИЧИНА, но не то и другое.</translation>
    </message>
    <message>
        <source>--set CHECKPOINT and --readmit yes|no go together.</source>
        <translation>--set ПУНКТ и --readmit yes|no указываются вместе.</translation>
    </message>
    <message>
        <source>“{text}” is not NAME=VALUE for a desk setting ({names}).</source>
        <translation>«{text}» — не ИМЯ=ЗНАЧЕНИЕ настройки рабочего места ({names}).</translation>
    </message>
    <message>
        <source>{name} takes {what}, not “{value}”.</source>
        <translation>{name} ожидает {what}, а не «{value}».</translation>
    </message>
    <message>
        <source>Say where the hub is: --code with the enrolment code an administrator gave (hub add-desk), or --url.</source>
        <translation>Укажите, где хаб: --code с кодом подключения от администратора (hub add-desk) или --url.</translation>
    </message>
    <message>
        <source>This is not a BSM Desk enrolment code (it should start with BSMHUB1-): ask the administrator for a new one.</source>
        <translation>Это не код подключения BSM Desk (он начинается с BSMHUB1-): попросите у администратора новый.</translation>
    </message>
    <message>
        <source>This desk&apos;s hub login may not make logins for other desks: enrol desks at the desk that ran hub init, or have the database administrator run hub role-sql.</source>
        <translation>Учётная запись хаба этой стойки не может создавать учётные записи других стоек: подключайте стойки на той стойке, где выполнялся hub init, или попросите администратора базы данных выполнить hub role-sql.</translation>
    </message>
    <message>
        <source>The hub already has a desk called {name}: choose another name, or remove that one first.</source>
        <translation>В хабе уже есть стойка {name}: выберите другое имя или сначала отключите ту.</translation>
    </message>
    <message>
        <source>The hub has no desk called {name}.</source>
        <translation>В хабе нет стойки {name}.</translation>
    </message>
    <message>
        <source>A desk&apos;s name is 1 to 60 letters, digits or spaces, such as “Door B”.</source>
        <translation>Имя стойки — от 1 до 60 букв, цифр или пробелов, например «Дверь Б».</translation>
    </message>
    <message>
        <source>This enrolment code is for the event {code}, but the hub holds {held}: ask for a new code.</source>
        <translation>Этот код подключения — для мероприятия {code}, а в хабе {held}: попросите новый код.</translation>
    </message>
    <message>
        <source>This event file has no hub: run bsm-desk hub init first.</source>
        <translation>У этого файла мероприятия нет хаба: сначала выполните bsm-desk hub init.</translation>
    </message>
    <message>
        <source>This hub is reached over the network without its own certificate authority, so a desk could not tell it from a machine pretending to be it: make the files with bsm-desk hub tls, put them on the hub&apos;s server, then run hub init --ca here again.</source>
        <translation>Связь с этим хабом идёт по сети без его собственного удостоверяющего центра, и стойка не смогла бы отличить его от машины, выдающей себя за хаб: создайте файлы командой bsm-desk hub tls, установите их на сервер хаба и снова выполните здесь hub init --ca.</translation>
    </message>
    <message>
        <source>{path} is not a certificate authority&apos;s certificate (PEM) for the hub.</source>
        <translation>{path} — не сертификат удостоверяющего центра (PEM) для хаба.</translation>
    </message>
    <message>
        <source>“{host}” is not a host name or an IP address for the hub&apos;s certificate.</source>
        <translation>«{host}» — не имя хоста и не IP-адрес для сертификата хаба.</translation>
    </message>
    <message>
        <source>{file}: the conference report is written as .pdf or .xlsx (or both, into a folder).</source>
        <translation>{file}: отчёт о конференции записывается в формате .pdf или .xlsx (или оба — в папку).</translation>
    </message>
    <message>
        <source>{day} is not a day of the event ({start} – {end}).</source>
        <translation>{day} — не день мероприятия ({start} – {end}).</translation>
    </message>
    <message>
        <source>Places per block are BLOCK=N separated by commas (member_states=1,observers=1; blocks: {blocks}), not “{value}”.</source>
        <translation>Места по группам задаются как ГРУППА=N через запятую (member_states=1,observers=1; группы: {blocks}), а не «{value}».</translation>
    </message>
    <message>
        <source>Places are numbers separated by commas (12,13), not “{value}”.</source>
        <translation>Места — номера через запятую (12,13), а не «{value}».</translation>
    </message>
    <message>
        <source>Every nameplate of this session is printed as it stands: nothing changed.</source>
        <translation>Все таблички этого заседания уже напечатаны в нынешнем виде: ничего не изменилось.</translation>
    </message>
    <message>
        <source>“{session}” has no room: give it one in the programme before seating it.</source>
        <translation>У заседания «{session}» нет зала: назначьте его в программе, прежде чем рассаживать.</translation>
    </message>
    <message>
        <source>“{name}” is not a Member State that sits at this session: the draw starts the Member States&apos; order.</source>
        <translation>«{name}» — не государство-член, участвующее в этом заседании: жребий определяет начало порядка государств-членов.</translation>
    </message>
    <message>
        <source>This seating layout cannot be: 0 to 2 chairs behind each place at the table.</source>
        <translation>Такая схема рассадки невозможна: за каждым местом у стола — от 0 до 2 стульев.</translation>
    </message>
    <message>
        <source>This seating layout cannot be: 2 to 400 places at the table.</source>
        <translation>Такая схема рассадки невозможна: у стола от 2 до 400 мест.</translation>
    </message>
    <message>
        <source>This seating layout cannot be: 1 to 80 rows of 1 to 120 places.</source>
        <translation>Такая схема рассадки невозможна: от 1 до 80 рядов по 1–120 мест.</translation>
    </message>
    <message>
        <source>This seating layout cannot be: 0 to 40 places at the podium.</source>
        <translation>Такая схема рассадки невозможна: в президиуме от 0 до 40 мест.</translation>
    </message>
    <message>
        <source>This seating layout cannot be: more than {most} places in one room.</source>
        <translation>Такая схема рассадки невозможна: в одном зале больше {most} мест.</translation>
    </message>
    <message>
        <source>Seating order in “{lang}”: use en or ru.</source>
        <translation>Порядок рассадки на языке «{lang}»: используйте en или ru.</translation>
    </message>
    <message>
        <source>Place {place} is not in this room&apos;s layout.</source>
        <translation>Места {place} нет в схеме этого зала.</translation>
    </message>
    <message>
        <source>A delegation takes 1 to 3 places, not {places}.</source>
        <translation>Делегация занимает от 1 до 3 мест, а не {places}.</translation>
    </message>
    <message>
        <source>Nobody is seated at this session yet: make its plan first.</source>
        <translation>На этом заседании ещё никто не рассажен: сначала составьте план.</translation>
    </message>
    <message>
        <source>A lot&apos;s seed is a whole number from 0 to 999999999 (given: {seed}).</source>
        <translation>Зерно жребия — целое число от 0 до 999999999 (дано: {seed}).</translation>
    </message>
    <message>
        <source>{file}: a seating plan is written as .pdf or .xlsx.</source>
        <translation>{file}: план рассадки записывается в .pdf или .xlsx.</translation>
    </message>
    <message>
        <source>{file}: nameplates are written as .pdf.</source>
        <translation>{file}: таблички записываются в .pdf.</translation>
    </message>
    <message>
        <source>Nameplates in “{lang}”: use en, ru or both.</source>
        <translation>Таблички на языке «{lang}»: используйте en, ru или both.</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>The family name as in the passport is needed.</source>
        <translation>Нужна фамилия, как в паспорте.</translation>
    </message>
    <message>
        <source>Use Latin letters, as in the passport.</source>
        <translation>Используйте латинские буквы, как в паспорте.</translation>
    </message>
    <message>
        <source>Use Cyrillic letters here.</source>
        <translation>Здесь используйте кириллицу.</translation>
    </message>
    <message>
        <source>This is not an e-mail address.</source>
        <translation>Это не адрес электронной почты.</translation>
    </message>
    <message>
        <source>This is too long for a badge or a list.</source>
        <translation>Слишком длинно для бейджа или списка.</translation>
    </message>
    <message>
        <source>Choose a delegation.</source>
        <translation>Выберите делегацию.</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>Выберите категорию.</translation>
    </message>
</context>
<context>
    <name>VerdictPanel</name>
    <message>
        <source>Scans waiting: {count}. Each is recorded as soon as the file is free; Esc cancels them.</source>
        <translation>Отметок в очереди: {count}. Каждая будет записана, как только файл освободится; Esc — отменить их.</translation>
    </message>
    <message>
        <source>Checked in here at {when}, {desk}.</source>
        <translation>Отмечен здесь {when}, {desk}.</translation>
    </message>
    <message>
        <source>Badge version {version} was replaced on {when}. Ask for the new badge.</source>
        <translation>Версия бейджа {version} заменена {when}. Попросите новый бейдж.</translation>
    </message>
    <message>
        <source>An older badge version. Ask for the new badge.</source>
        <translation>Старая версия бейджа. Попросите новый бейдж.</translation>
    </message>
    <message>
        <source>This category may not enter this session.</source>
        <translation>Этой категории вход на это заседание не разрешён.</translation>
    </message>
    <message>
        <source>The badge is for the event {code}.</source>
        <translation>Бейдж выдан на мероприятие {code}.</translation>
    </message>
    <message>
        <source>The code is damaged or not a badge of this event.</source>
        <translation>Код повреждён или это не бейдж этого мероприятия.</translation>
    </message>
    <message>
        <source>A badge of this event, but nobody registered has it.</source>
        <translation>Бейдж этого мероприятия, но такого участника нет.</translation>
    </message>
    <message>
        <source>The registration was cancelled. Send to the registration desk.</source>
        <translation>Регистрация отменена. Направьте к стойке регистрации.</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
</TS>
