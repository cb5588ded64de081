### Analytics: exports, the data dictionary, statistics, open data.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Analytics home and exports (templates/analytics/home.html)

analytics-title = Аналитика
analytics-intro = Скачивайте файлы CSV (UTF-8, одна строка заголовков, время по UTC). Люди указаны только под псевдонимами, в каждом файле разными. Каждая выгрузка регистрируется с хешем SHA-256, поэтому любой опубликованный показатель можно сопоставить с файлом, из которого он получен.
analytics-statistics = Статистика и диаграммы
# Label of the select of export-kind-… .
analytics-export = Выгрузка
analytics-excel = Для Excel (с меткой порядка байтов)
analytics-download = Скачать
analytics-recent = Выполненные выгрузки
analytics-none = Выгрузок пока нет.
analytics-file = Файл и фильтры
# Column header; the cells are numbers.
analytics-rows = Число строк
analytics-filter-invalid = Недопустимое значение фильтра.
# In the "Who" column, for an export made with the command kenes export (keep the command as it
# is).
analytics-export-cli = Командная строка (kenes export)
# Names of the exports, in the export select and as headings of the data dictionary.
export-kind-suggestions = Предложения
export-kind-upvotes = Голоса поддержки
export-kind-clauses = Статистика по пунктам
export-kind-moderation-log = Журнал модерации
export-kind-regions = Регионы

## Data dictionary (templates/analytics/dictionary.html; the meanings live in src/export.rs DICTIONARY)

analytics-dictionary = Описание столбцов
analytics-dictionary-intro = Состав столбцов каждой выгрузки стабилен: новые столбцы могут добавляться только в конец, ни один столбец не переименовывается и не удаляется без предупреждения. Файлы — CSV по RFC 4180 в кодировке UTF-8 с одной строкой заголовков; время — в формате ISO 8601 по UTC; текст, который электронная таблица приняла бы за формулу, начинается с апострофа.
analytics-column = Столбец
analytics-type = Тип
analytics-meaning = Значение
# Types of a column, lower case (a table cell).
analytics-type-text = текст
analytics-type-integer = целое число
analytics-type-time = время
analytics-type-boolean = логическое значение
# Meaning of one column of an export (the column names themselves are a contract and stay as they
# are; codes such as pending or off_topic are values of the file and stay too).
analytics-col-suggestions-tracking-number = Регистрационный номер предложения, например KZ-7F3K-9QX2; уникален.
analytics-col-suggestions-consultation = Краткое имя обсуждения.
analytics-col-suggestions-version = Номер редакции проекта, к которой подано предложение.
analytics-col-suggestions-chapter = Заголовок главы (раздела), в которую входит пункт; пусто, если в документе нет глав.
analytics-col-suggestions-article = Номер статьи в том виде, в каком он напечатан.
analytics-col-suggestions-clause = Номер пункта в виде «статья.пункт» (например, 12.3).
analytics-col-suggestions-clause-excerpt = Первые 200 символов текста пункта в этой редакции.
analytics-col-suggestions-kind = amend (изменение), delete (исключение), add (дополнение) или comment (замечание).
analytics-col-suggestions-body = Пояснение гражданина в том виде, в каком оно подано (с сохранением переносов строк).
analytics-col-suggestions-proposed-text = Для amend и add — предлагаемая формулировка; в остальных случаях пусто.
analytics-col-suggestions-status = Код статуса: pending, published, rejected, under_review, accepted, partly_accepted, not_accepted, duplicate, hidden или withdrawn.
analytics-col-suggestions-reason-code = Для rejected и hidden: off_topic, spam, abusive, personal_data, unclear или other.
analytics-col-suggestions-official-response = Опубликованный ответ комиссии по разработке проекта, если он есть.
analytics-col-suggestions-upvotes = Число разных граждан, поддержавших предложение (для предложения, с которым объединены другие, — по всей группе).
analytics-col-suggestions-duplicate-of = Для дубликатов — регистрационный номер предложения, с которым оно объединено.
analytics-col-suggestions-cluster-id = Группа похожих предложений (идентификатор первого предложения группы); пусто, если предложение одно.
analytics-col-suggestions-cluster-size = Число предложений в группе похожих (1, если предложение одно).
analytics-col-suggestions-tags = Метки модераторов, разделенные знаками «; ».
analytics-col-suggestions-created-at = Время подачи (ISO 8601, UTC).
analytics-col-suggestions-decided-at = Время последнего решения модерации; пусто, если решений не было.
analytics-col-suggestions-author = Псевдоним автора, неизменный только в пределах этого файла (никогда не имя и не адрес электронной почты).
analytics-col-suggestions-author-region = Код региона, указанный автором; пусто, если не указан.
analytics-col-upvotes-tracking-number = Поддержанное предложение.
analytics-col-upvotes-voter = Псевдоним гражданина, неизменный только в пределах этого файла.
analytics-col-upvotes-voter-region = Код региона гражданина; пусто, если не указан.
analytics-col-upvotes-created-at = Время поддержки (ISO 8601, UTC).
analytics-col-clauses-consultation = Краткое имя обсуждения.
analytics-col-clauses-clause = Номер пункта (как в редакции, к которой подано первое предложение по нему).
analytics-col-clauses-suggestions = Число предложений по пункту, соответствующих фильтру.
analytics-col-clauses-kinds = Из них — число предложений каждого вида.
analytics-col-clauses-statuses = Из них — число предложений в каждом статусе (по столбцу на статус).
analytics-col-clauses-upvotes = Общее число голосов поддержки этих предложений.
analytics-col-clauses-distinct-authors = Число разных граждан, написавших эти предложения.
analytics-col-moderation-log-log-id = Номер записи журнала; записи никогда не изменяются и не удаляются.
analytics-col-moderation-log-created-at = Время (ISO 8601, UTC).
analytics-col-moderation-log-tracking-number = Предложение, к которому относится запись.
analytics-col-moderation-log-action = Код действия: publish, reject, review, respond, merge, hide, flags_cleared, flags_upheld, auto_hide, assign, tag, untag или note.
analytics-col-moderation-log-from-status = Статус (или ответственный, метка) до изменения.
analytics-col-moderation-log-to-status = Статус (или ответственный, метка) после изменения.
analytics-col-moderation-log-reason = Код и текст причины, официальный ответ или основное предложение при объединении.
analytics-col-moderation-log-moderator = Псевдоним модератора, неизменный только в пределах этого файла; пусто для автоматических действий.
analytics-col-regions-region = Код региона или unknown.
analytics-col-regions-participants = Число разных граждан, написавших предложения, соответствующие фильтру; если меньше 5, не показывается (пусто).
analytics-col-regions-suggestions = Число их предложений; не показывается, если меньше 5 или если не показано число участников.
analytics-col-regions-upvotes-received = Число голосов поддержки, полученных этими предложениями; не показывается, если меньше 5 или если не показано число участников.
analytics-col-regions-suppressed = true, если хотя бы одно значение в строке не показано.

## Statistics (templates/analytics/statistics.html, src/routes/analytics.rs)

statistics-title = Статистика
statistics-per-day = Предложения по дням
statistics-by-status = Предложения по статусам
statistics-by-kind = Предложения по видам
statistics-top-clauses = Самые обсуждаемые пункты
statistics-by-article = Предложения по статьям (сначала самые обсуждаемые)
statistics-by-region = Предложения по регионам авторов
statistics-decisions = Решения модерации по дням
statistics-backlog = Предложения, ожидающие модерации, по сроку ожидания
statistics-regions-note = Данные по регионам, где меньше 5 авторов или 5 предложений, не показываются, чтобы никого нельзя было узнать.
# Tooltip of "<5" in a table cell.
statistics-withheld = не показано: меньше 5
statistics-csv = Скачать эти данные (CSV)
# Rows of the chart "Suggestions awaiting moderation, by how long they have waited".
statistics-age-under-day = менее 1 дня
statistics-age-week = 1–7 дней
statistics-age-month = 7–30 дней
statistics-age-older = более 30 дней
# Small label at the top of a column chart. $value: the largest value shown (a number).
statistics-chart-max = макс. { $value }

## Open data (templates/open_data.html)

open-data-title = Открытые данные
open-data-intro = Все, что доступно здесь для чтения, публикуется также в виде файлов для свободного повторного использования: опубликованные предложения по каждому пункту с их статусом и официальными ответами, а также сводные данные по пунктам. Персональных данных в файлах нет: ни имен, ни адресов электронной почты, ни регионов, ни непубличных предложений.
open-data-files = Файлы
# Follows "suggestions.csv · suggestions.json: " (lower case).
open-data-suggestions = все публичные предложения с указанием пункта, вида, текста, статуса, официального ответа и числа поддержавших.
# Follows "clauses.csv · clauses.json: " (lower case).
open-data-clauses = по каждому пункту: число публичных предложений каждого вида и число голосов поддержки.
open-data-filter = Чтобы получить файл по одному обсуждению, добавьте к адресу ?consultation= и краткое имя обсуждения (например, ?consultation=constitution-2024). Файлы формируются по запросу и отражают состояние данных на один момент времени.
open-data-columns = Столбцы
open-data-format = Файлы CSV соответствуют RFC 4180, имеют кодировку UTF-8 и строку заголовков; файлы JSON содержат массив объектов с теми же полями. Время указано в формате ISO 8601 по UTC. В CSV текст, который электронная таблица приняла бы за формулу, начинается с апострофа.
open-data-licence-title = Лицензия
# The licence's own name stays in English, as it is registered.
open-data-licence = Файлы публикуются на условиях лицензии Creative Commons Attribution 4.0 International (CC BY 4.0): их можно копировать, распространять и перерабатывать в любых целях при условии указания организатора обсуждения и этой платформы в качестве источника. Тексты граждан публикуются с их согласия на тех же условиях.
