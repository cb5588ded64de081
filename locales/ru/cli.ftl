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

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` не является ролью (ожидается citizen, moderator, analyst или admin)
cli-invalid-slug = `{ $value }` — недопустимое краткое имя: используйте от 2 до 64 строчных латинских букв, цифр и дефисов, например constitution-2024
cli-invalid-status = `{ $value }` не является статусом обсуждения (ожидается draft, open, closed или results)
cli-invalid-export = неизвестная выгрузка `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)
