### The kenes command line: what it prints, and its errors.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## The kenes command: what it prints (src/cli.rs), in the language of KENES_CLI_LANG or the locale. Codes, flags and commands in `backticks` are typed as they are: keep them. Statuses and roles ($status, $role, $from, $to) are the codes the operator types (open, admin, published).

# The first line of `kenes --help`.
cli-about = Kenes: публикация проекта закона по пунктам и его общественное обсуждение
# The last line of `kenes --help`.
cli-after-help = Каждый параметр можно также задать переменной окружения, указанной в скобках.
# $database: which database, e.g. sqlite:kenes.db (never a password).
cli-migrate-done = База данных в актуальном состоянии ({ $database }).
# $consultation: the short name; $status: a status code (draft, open, closed, results).
cli-status-set = Статус обсуждения { $consultation }: { $status }.
# `kenes seed`. The counts are written after a dash, so that no plural form is needed. $seconds:
# e.g. 3.2.
cli-seeded = Тестовые данные для { $consultation } созданы за { $seconds } с: граждан — { $citizens }, предложений — { $suggestions }, голосов поддержки — { $votes }.
# `kenes cluster`.
cli-clustered = Группировка выполнена за { $seconds } с: предложений — { $suggestions }, пунктов — { $clauses }, изменено — { $changed }, впервые отмечено как кампании — { $campaigns }.
# `kenes import-comments --skip-bad-rows`: one line per bad row. $row: the file, line and problem
# (import-at-line).
cli-comments-skipped = пропущено: { $row }
# After the listed rows: $count rows not listed, $total bad rows in all.
cli-comments-skipped-more = пропущено еще строк с ошибками: { $count } (всего: { $total })
# `kenes import-comments`. $clause: a reference such as 12.3.
cli-comments-imported = Импортировано в пункт { $clause } обсуждения { $consultation }: предложений — { $suggestions } (опубликовано — { $published }, ожидают модерации — { $pending }, отклонено — { $rejected }; уже было — { $existing }), голосов поддержки — { $upvotes }, новых учетных записей участников — { $accounts }.
# `kenes show`: the first line, followed by a blank line and the clause's text. $article: the
# article's label as printed.
cli-show-heading = { $reference } — { $article } (редакция № { $version })
# `kenes export`.
cli-export-done = Файл { $file } записан: строк — { $rows }, размер в байтах — { $bytes }. SHA-256: { $sha256 }
# `kenes moderate` done. $from, $to: status codes (pending, published…).
cli-moderated = { $number }: { $from } → { $to }
# $reason: one of the moderation-refused-… messages.
cli-refused = отказано: { $reason }
# $until: a date and time.
cli-refused-held = отказано: предложение рассматривает { $name } до { $until }
cli-not-tracking-number = `{ $value }` не является регистрационным номером
cli-not-email = `{ $value }` не является адресом электронной почты
cli-not-moderator = { $email } не является ни модератором, ни администратором
cli-no-suggestion = предложение № { $number } не найдено
# A form field's error on the command line. $field: the option (email, name, password, --reason); $message:
# one of the form-… messages.
cli-field-error = { $field }: { $message }
# Prompt; the program adds ": " after it.
cli-password-prompt = Пароль
# Prompt; the program adds ": " after it.
cli-password-again = Повторите пароль
cli-passwords-differ = пароли не совпадают
# $role: a role code (citizen, moderator, analyst, admin).
cli-user-created = Создана учетная запись { $email } ({ $name }), роль: { $role }.
cli-user-exists = учетная запись с адресом { $email } уже существует; используйте `kenes user grant`
cli-no-account = учетная запись с адресом { $email } не найдена
# $current, $role: role codes.
cli-role-mismatch = у { $email } роль «{ $current }», а не «{ $role }»
cli-role-set = Для { $email } установлена роль «{ $role }».
cli-no-clause = в опубликованных редакциях обсуждения { $consultation } нет пункта { $reference }
cli-filter-invalid = --filter: недопустимое значение `{ $field }`
cli-invalid-time = `{ $value }` не является временем в формате RFC 3339 (например, 2026-12-01T09:00:00Z)
# Context before a database error.
cli-setting-status = установка статуса обсуждения { $consultation }
# $files, $langs: numbers.
cli-lang-count = файлов — { $files }, параметров --lang — { $langs }: укажите по одному параметру --lang для каждого файла в порядке следования файлов
# `kenes import-draft`. $files: the file names; $languages, $authoritative: language codes (kk, ru, en).
cli-draft-imported-published = Импортировано: { $files } ({ $languages }; язык основного текста: { $authoritative }) как редакция № { $version } обсуждения { $consultation }: глав — { $chapters }, статей — { $articles }, пунктов — { $clauses } (без изменений по сравнению с предыдущей редакцией — { $unchanged }); редакция опубликована.
# `kenes import-draft --unpublished`.
cli-draft-imported-unpublished = Импортировано: { $files } ({ $languages }; язык основного текста: { $authoritative }) как редакция № { $version } обсуждения { $consultation }: глав — { $chapters }, статей — { $articles }, пунктов — { $clauses } (без изменений по сравнению с предыдущей редакцией — { $unchanged }); редакция не опубликована.
# `kenes import-draft --into-version`.
cli-languages-added = В редакцию № { $version } обсуждения { $consultation } добавлено: { $files } ({ $languages }); статей — { $articles }, пунктов — { $clauses } на каждом языке; язык основного текста: { $authoritative }.
# `kenes demo`: one line per sample draft.
cli-demo-imported = Импортировано обсуждение { $consultation }: статей — { $articles }, пунктов — { $clauses }, языки: { $languages } (язык основного текста: { $authoritative }).
# Between the last two addresses of a list (cli-demo-serving).
cli-and = и
# `kenes demo`, three lines. $urls: the full addresses of the sample consultations.
cli-demo-serving =
    Демонстрационный сайт Kenes запущен, образцы проектов доступны по адресам { $urls }
    (база данных: { $database }; письма сохраняются в файлы в папке outbox; остановка — Ctrl-C)
    Чтобы войти как администратор, создайте учетную запись: cargo run --release -- user create --email you@example.kz --role admin

## `kenes backup` and `kenes restore`. $database: the SQLite file; $file: the backup file. The counts are numbers.

cli-backup-postgres = kenes backup и restore копируют базы данных SQLite. Для PostgreSQL используйте его собственные средства, которые создают согласованный снимок во время работы серверов: `pg_dump --format=custom --file=kenes.dump "$DATABASE_URL"` и `pg_restore --clean --if-exists --dbname="$DATABASE_URL" kenes.dump`, либо базовые резервные копии с архивированием WAL (pg_basebackup) для восстановления на момент времени. См. docs/deployment.md, раздел «Backups».
cli-no-database = база данных { $path } не найдена
# Context before a database error. $database: which database (never a password).
cli-opening = открытие базы данных { $database }
cli-backup-done = Резервная копия базы данных { $database } записана в файл { $file } (размер в байтах — { $bytes }): предложений — { $suggestions }, голосов поддержки — { $upvotes }, учетных записей — { $accounts }, миграций схемы — { $migrations }. Проверено: копия восстанавливается.
cli-restore-done = База данных { $database } восстановлена из резервной копии { $file }: предложений — { $suggestions }, голосов поддержки — { $upvotes }, учетных записей — { $accounts }, миграций схемы — { $migrations } (более новые миграции будут применены при следующем запуске).
# $file: where the replaced database now is.
cli-restore-kept = Замененная база данных сохранена в { $file }.

## Settings that are set but malformed (src/config.rs), the variable named first. $expected: one of the cli-config-expect-… messages; $value: what was set.

cli-config-expected = { $variable }: ожидается { $expected } (указано `{ $value }`)
cli-config-expected-hidden = { $variable }: ожидается { $expected } (значение не выводится, так как может содержать пароль)
cli-config-expected-scheme = { $variable }: ожидается { $expected } (указан адрес со схемой { $scheme }://; остальная часть не выводится, так как может содержать пароль)
# $item: the first item of the list that is neither.
cli-config-networks = { $variable }: ожидается список адресов или сетей CIDR через запятую (`{ $item }` не является ни адресом, ни сетью; указано `{ $value }`)
cli-config-token = { $variable }: ожидается не менее 16 символов без пробелов (значение секретное и не выводится)
cli-config-range = { $variable }: ожидается целое число от { $min } до { $max } (указано { $value })
# A variable clap could not read (not a number where one is needed, say).
cli-config-variable-invalid = { $variable }: недопустимое значение `{ $value }`
cli-config-expect-address = адрес и порт, например `127.0.0.1:8080` или `[::]:8080`
cli-config-expect-public-url = абсолютный адрес http(s), например `https://kenes.example.kz`
cli-config-expect-database-url = `postgres://user:password@host/database`, `sqlite://PATH` или путь к файлу
cli-config-expect-smtp-url = `smtps://user:pass@host:465`, `smtp+starttls://user:pass@host:587` или `smtp://host:25`
cli-config-expect-mailbox = адрес электронной почты, например `Kenes <no-reply@kenes.example.kz>`
cli-config-expect-log-filter = фильтр журнала, например `info` или `kenes=debug,info`
cli-config-expect-lang = `kk`, `ru` или `en`
cli-config-expect-time-zone = часовой пояс IANA, например `Asia/Almaty`
# Contexts before a system error, which follows after a colon.
cli-getting-connection = получение соединения с базой данных
cli-binding = привязка к адресу { $address } ({ $variable })

## The command line clap could not read (cli::describe_parse_error). English prints clap's own words; these are for the other languages. $argument: an option as typed with its value name (`--lang <LANGS>`).

# Before every such error; the program adds the colon.
cli-error = ошибка
# Before a suggestion; the program adds the colon.
cli-error-tip = подсказка
cli-error-unknown-argument = неизвестный аргумент `{ $argument }`
cli-error-unknown-subcommand = неизвестная команда `{ $subcommand }`
cli-error-invalid-value = недопустимое значение `{ $value }` параметра `{ $argument }`
# $arguments: the arguments, separated by commas.
cli-error-missing-arguments = не указаны обязательные аргументы: { $arguments }
cli-error-missing-subcommand = для `{ $command }` необходимо указать команду
cli-error-conflict = аргумент `{ $argument }` нельзя использовать вместе с `{ $other }`
cli-error-no-equals = значение параметра `{ $argument }` необходимо указывать после знака равенства
cli-error-number-of-values = неверное число значений параметра `{ $argument }`
cli-error-repeated = аргумент `{ $argument }` нельзя указывать более одного раза
cli-error-utf8 = в аргументе обнаружена недопустимая последовательность UTF-8
cli-error-unreadable = не удалось разобрать командную строку
cli-error-similar = существует похожий вариант: `{ $suggestion }`
cli-error-possible-values = допустимые значения: { $values }
cli-error-more = Дополнительные сведения: `{ $help }`.
# The notes after an option's help in `--help`, each in brackets.
cli-note-values = допустимые значения: { $values }
cli-note-default = по умолчанию: { $value }
cli-note-env = переменная окружения: { $variable }

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` не является ролью (ожидается citizen, moderator, analyst или admin)
cli-invalid-slug = `{ $value }` — недопустимое краткое имя: используйте от 2 до 64 строчных латинских букв, цифр и дефисов, например constitution-2024
cli-invalid-status = `{ $value }` не является статусом обсуждения (ожидается draft, open, closed или results)
cli-invalid-export = неизвестная выгрузка `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)

## `kenes --help` and `kenes <subcommand> --help`: the help of each subcommand and option (src/cli.rs, the settings of src/config.rs), set over clap's by cli::localize_help. cli-help-<subcommand> is a subcommand's line, cli-help-<subcommand>-<option> one of its options, cli-help-<option> an option every subcommand takes. The English is the doc comment of the code without its last full stop (a test compares them). Flags, variables, codes and examples in `backticks` are typed as they are: keep them.

# The headings of `--help` in Kazakh and Russian (English keeps clap's own); the program adds the colon.
cli-heading-usage = Использование
cli-heading-arguments = Аргументы
cli-heading-options = Параметры
cli-heading-commands = Команды
# `kenes help`, `--help` and `--version`: clap's own lines.
cli-help-help = Вывести справку
cli-help-version = Вывести номер версии программы
cli-help-help-command = Вывести эту справку или справку по указанным командам
# The options every subcommand takes (src/config.rs); each also reads the variable clap shows after it.
cli-help-bind = Адрес и порт, на которых сервер принимает соединения
cli-help-data-dir = Каталог для файла SQLite, исходящей почты и сгенерированных секретов; создается при отсутствии
cli-help-database-url = `postgres://user@host/db` для PostgreSQL; путь к файлу или `sqlite://PATH` для SQLite. Если не задан: SQLite в файле `<data dir>/kenes.db`
cli-help-public-url = Адрес, по которому граждане открывают сайт; используется в ссылках и письмах; при `https://` файлы cookie получают атрибут Secure. Если не задан: `http://<bind>`
cli-help-db-pool-size = Число соединений с базой данных на один процесс сервера. На маломощном сервере следует задавать небольшое значение
cli-help-db-timeout-secs = Время ожидания свободного соединения с базой данных в секундах, по истечении которого на запрос возвращается ответ 503
cli-help-workers = Число рабочих потоков HTTP. Если не задано: по одному на ядро процессора
cli-help-page-cache-secs = Время в секундах, в течение которого страница для анонимного читателя может выдаваться из кэша процесса; 0 отключает кэш
cli-help-default-lang = Язык при первом посещении, если ни сохраненный выбор, ни заголовок `Accept-Language` браузера не указывают поддерживаемый язык: `kk`, `ru` или `en`
cli-help-time-zone = Часовой пояс общественного обсуждения (имя IANA): даты и время на страницах и в письмах отображаются в нем с указанием пояса
cli-help-smtp-url = SMTP-сервер для исходящей почты: `smtps://user:pass@host:465`, `smtp+starttls://user:pass@host:587` или `smtp://host:25`. Если не задан: письма сохраняются в файлы .eml в каталоге `<data dir>/outbox/`, а ссылки из них записываются в журнал
cli-help-mail-from = Отправитель исходящей почты
cli-help-mail-poll-ms = Интервал проверки очереди исходящей почты в миллисекундах
cli-help-session-idle-minutes = Сеанс завершается, если в течение указанного числа минут не поступило ни одного запроса
cli-help-session-lifetime-hours = Сеанс завершается через указанное число часов после входа в систему независимо от активности
cli-help-trust-proxy = Определять адрес клиента по заголовку X-Forwarded-For (только за собственным прокси-сервером)
cli-help-trusted-proxies = Сети прокси-серверов перед Kenes (список CIDR через запятую), учитываются при включенном `KENES_TRUST_PROXY`: заголовок `X-Forwarded-For` читается справа налево, адреса из этих сетей пропускаются
cli-help-flag-threshold = Число жалоб разных граждан, после которого предложение скрывается до рассмотрения модератором
cli-help-cluster-secs = Интервал в секундах между фоновыми проходами, объединяющими новые предложения в группы близких дубликатов (и выявляющими кампании); 0 отключает проходы
cli-help-db-queue = Число запросов, которые могут ожидать соединения с базой данных сверх размера пула; при превышении этого числа запрос сразу получает ответ 503 с заголовком `Retry-After`. Ожидание не занимает поток, поэтому параметр ограничивает память, а не задержку (задержку ограничивает `KENES_DB_QUEUE_MS`): при малом значении большая часть наплыва запросов сразу отклонялась, а запросы, получившие 503 и сразу повторенные клиентами без ожидания, отнимали процессорное время, необходимое для выдачи страниц (при `wrk -c500` с ограничением 32 выдавалось 89 страниц/с из 768 возможных, с ограничением 512 — 411)
cli-help-db-queue-ms = Время в миллисекундах, в течение которого запрос может ожидать своей очереди к базе данных, прежде чем получит ответ 503 с заголовком `Retry-After`
cli-help-header-timeout-secs = Время в секундах на передачу клиентом заголовков запроса; более медленные соединения разрываются
cli-help-body-timeout-secs = Время в секундах на передачу клиентом тела запроса (с первого байта заголовков); более медленные клиенты получают ответ 408, соединение закрывается
cli-help-max-connections = Число одновременно принимаемых сервером открытых соединений для всех рабочих потоков вместе. Если не задано: предел файловых дескрипторов процесса за вычетом резерва для базы данных, файлов и почты, чтобы при приеме соединений дескрипторы не заканчивались
cli-help-backlog = Число соединений, которые ядро может поставить в очередь до их приема сервером
cli-help-metrics-bind = Адрес и порт отдельного слушателя для `/metrics` (текстовый формат Prometheus), например, `127.0.0.1:9090`. Если не задан: `/metrics` на нем не обслуживается
cli-help-metrics-token = Токен доступа (bearer), позволяющий читать `/metrics` по публичному адресу (`Authorization: Bearer TOKEN`); не менее 16 символов. Если не задан: по публичному адресу `/metrics` недоступен
cli-help-log = Фильтр журнала в синтаксисе `tracing` (`info`, `kenes=debug,actix_web=info`)
cli-help-log-format = Формат журнала: `text` для чтения человеком, `json` для системы сбора журналов
# The subcommands and their options.
cli-help-serve = Запустить сайт на базе данных, заданной в настройках
cli-help-demo = Создать базу данных при необходимости, импортировать образец проекта (Конституция США) и открыть его для обсуждения, вывести его адрес и запустить сайт
cli-help-migrate = Применить невыполненные миграции базы данных и завершить работу
cli-help-import-draft = Импортировать проект как следующую редакцию общественного обсуждения (создается при отсутствии) на одном или нескольких языках, сопоставленных по номерам пунктов: `import-draft kk.txt ru.txt --lang kk --lang ru`, а позднее `import-draft en.txt --lang en --into-version 1`
cli-help-import-draft-files = Файлы проекта: структура в формате Markdown (.md) или простой текст, оформленный по образцу конституции, по одному на язык, в порядке параметров `--lang`
cli-help-import-draft-lang = Язык каждого файла по порядку (kk, ru или en; для одного файла по умолчанию en). Основным языком новой редакции становится kk, если один из файлов на казахском языке, иначе язык первого файла
cli-help-import-draft-into-version = Добавить языки файлов в указанную существующую редакцию вместо создания новой; файлы должны содержать ее статьи и пункты
cli-help-import-draft-authoritative = Основной язык (один из языков редакции). По умолчанию: kk, если в редакции есть текст на казахском языке (в том числе добавленный позднее с --into-version), иначе первый импортированный язык. Указанный однажды, он сохраняется при добавлении языков
cli-help-import-draft-consultation = Краткое имя общественного обсуждения, например, `constitution-2024`
cli-help-import-draft-title = Название нового общественного обсуждения (по умолчанию: строка заголовка документа)
cli-help-import-draft-summary = Краткое описание нового общественного обсуждения
cli-help-import-draft-changelog = Изменения по сравнению с предыдущей редакцией
cli-help-import-draft-unpublished = Сохранить редакцию без опубликования
cli-help-import-draft-status = Также установить статус обсуждения: draft, open, closed или results
cli-help-import-draft-opens-at = Время начала, RFC 3339 (`2026-12-01T09:00:00Z`)
cli-help-import-draft-closes-at = Время окончания, RFC 3339
cli-help-import-draft-max-bytes = Отклонить файл большего размера (в байтах или, например, `32MiB`; по умолчанию 8 MiB или `KENES_IMPORT_MAX_BYTES`)
cli-help-import-comments = Импортировать замечания граждан в формате Polis (comments.csv и, при необходимости, votes.csv) как предложения к одному пункту; для каждого участника создается импортированная учетная запись
cli-help-import-comments-comments = Файл Polis `comments.csv`
cli-help-import-comments-consultation = Краткое имя общественного обсуждения
cli-help-import-comments-clause = Пункт, к которому относятся замечания, например, `12.3`
cli-help-import-comments-votes = Файл Polis `votes.csv` (agree = голос поддержки; учитывается последний голос каждого участника)
cli-help-import-comments-skip-bad-rows = Импортировать корректные строки и перечислить ошибочные, вместо того чтобы не импортировать ничего
cli-help-import-comments-source = Название источника (беседы Polis) (по умолчанию: имя каталога файла замечаний); повторный импорт того же источника ничего не добавляет
cli-help-import-comments-max-bytes = Отклонить файл большего размера (в байтах или, например, `512MiB`; по умолчанию 64 MiB на каждый файл или `KENES_IMPORT_MAX_BYTES`)
cli-help-seed = Сформировать синтетическую нагрузку: граждан, предложения (текст на казахском, русском и английском языках, неравномерно по пунктам) и голоса поддержки (неравномерно: большую часть голосов получают немногие предложения)
cli-help-seed-consultation = Краткое имя общественного обсуждения
cli-help-seed-clause = Отнести все предложения к этому пункту
cli-help-seed-citizens = Число создаваемых учетных записей граждан
cli-help-seed-suggestions = Число создаваемых предложений
cli-help-seed-votes = Число голосов поддержки (не более одного от гражданина за предложение)
cli-help-seed-random-seed = Начальное значение генератора случайных чисел (при том же значении и тех же объемах данные совпадают)
cli-help-user = Управлять учетными записями и ролями
cli-help-user-create = Создать учетную запись с подтвержденной электронной почтой, например, первого администратора. Пароль запрашивается (без отображения) или читается из первой строки стандартного ввода, если он не является терминалом
cli-help-user-create-email = Адрес электронной почты учетной записи
cli-help-user-create-name = Отображаемое имя (по умолчанию: часть адреса электронной почты до @)
cli-help-user-create-role = citizen, moderator, analyst или admin
cli-help-user-grant = Назначить учетной записи роль
cli-help-user-grant-email = Адрес электронной почты учетной записи
cli-help-user-grant-role = Роль: citizen, moderator, analyst или admin
cli-help-user-revoke = Снять роль (учетная запись становится учетной записью гражданина)
cli-help-user-revoke-email = Адрес электронной почты учетной записи
cli-help-user-revoke-role = Текущая роль: moderator, analyst или admin
cli-help-cluster = Объединить предложения в группы близких дубликатов и выявить кампании. По умолчанию только пункты с еще не сгруппированными предложениями (это же `kenes serve` выполняет в фоновом режиме каждые `KENES_CLUSTER_SECS` секунд)
cli-help-cluster-all = Пересчитать все пункты, а не только пункты с новыми предложениями
cli-help-export = Выгрузить CSV для аналитиков: suggestions, upvotes, clauses (статистика по пунктам), moderation-log или regions. Выводит число строк и SHA-256 файла и регистрирует выгрузку в журнале аудита
cli-help-export-kind = suggestions, upvotes, clauses, moderation-log или regions
cli-help-export-consultation = Краткое имя общественного обсуждения (по умолчанию: все обсуждения)
cli-help-export-filter = Дополнительные фильтры в том же виде, что и в адресе очереди модерации, например, `status=published&article=5&q=тіл` (по умолчанию: все статусы)
cli-help-export-excel = Начать файл с метки порядка байтов UTF-8 (для Excel)
cli-help-export-out = Файл, в который записывается выгрузка
cli-help-data-dictionary = Вывести словарь данных выгрузок (Markdown; `docs/data-dictionary.md`)
cli-help-moderate = Принять решение по модерации от имени модератора с указанным адресом электронной почты (по тем же правилам и с той же записью в журнале, что и в веб-интерфейсе), например, `kenes moderate KZ-7F3K-9QX2 reject --reason spam --as mod@example.kz`
cli-help-moderate-number = Регистрационный номер предложения
cli-help-moderate-action = publish, reject, review, respond, merge, hide, flags_cleared или flags_upheld
cli-help-moderate-as = Адрес электронной почты модератора
cli-help-moderate-reason = Код причины для reject и hide: off_topic, spam, abusive, personal_data, unclear, other
cli-help-moderate-text = Пояснение причины (обязательно при `other`)
cli-help-moderate-outcome = Результат для respond: accepted, partly_accepted, not_accepted
cli-help-moderate-response = Официальный ответ для respond
cli-help-moderate-canonical = Регистрационный номер основного предложения для merge
cli-help-queue-plan = Вывести для модератора с указанным адресом электронной почты, как очередь модерации обрабатывает фильтр: сколько предложений соответствует фильтру и план выполнения запроса страницы в базе данных, например, `kenes queue-plan 'status=all&clause=I.8' --as mod@example.kz`
cli-help-queue-plan-query = Строка запроса очереди: часть адреса после `/moderation?`
cli-help-queue-plan-as = Адрес электронной почты модератора (`assignee=me` означает этого модератора)
cli-help-show = Вывести пункт по его номеру, например, `kenes show us-constitution AM-XIV.1`
cli-help-show-consultation = Краткое имя общественного обсуждения
cli-help-show-reference = `<article>.<clause>`: `12.3`, `83-1.2`, `IV.1`, `AM-XIV.1`
cli-help-backup = Записать согласованную копию базы данных SQLite в файл FILE во время работы сервера и проверить ее. Для PostgreSQL выводится порядок использования pg_dump
cli-help-backup-file = Новый файл (он не должен существовать)
cli-help-restore = Заменить базу данных SQLite резервной копией, созданной командой `kenes backup`, после проверки того, что это база данных Kenes со схемой, известной данной версии программы. Предварительно остановите все серверы, использующие базу данных; замененная база данных сохраняется рядом с ней
cli-help-restore-file = Файл резервной копии

## kenes queue-plan (how the moderation queue answers a filter)
cli-queue-plan-unreadable = Не удалось прочитать фильтр: { $problem }
cli-queue-plan-bad-filter = Недопустимое значение поля фильтра { $field }
cli-queue-plan-matching = Предложений, соответствующих фильтру: { $count }
cli-queue-plan-not-counted = Предложений, соответствующих фильтру: не подсчитано (слова поиска встречаются часто и проверяются построчно)
