### The kenes command line: what it prints, and its errors.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## The kenes command: what it prints (src/cli.rs), in the language of KENES_CLI_LANG or the locale. Codes, flags and commands in `backticks` are typed as they are: keep them. Statuses and roles ($status, $role, $from, $to) are the codes the operator types (open, admin, published).

# The first line of `kenes --help`.
cli-about = Kenes: заң жобасын тармақ-тармағымен жариялау және оны қоғамдық талқылауға шығару
# The last line of `kenes --help`.
cli-after-help = Әр параметрді жақшада көрсетілген орта айнымалысы арқылы да орнатуға болады.
# $database: which database, e.g. sqlite:kenes.db (never a password).
cli-migrate-done = Дерекқор өзекті күйде ({ $database }).
# $consultation: the short name; $status: a status code (draft, open, closed, results).
cli-status-set = { $consultation } талқылауының мәртебесі: { $status }.
# `kenes seed`. The counts are written after a dash, so that no plural form is needed. $seconds:
# e.g. 3.2.
cli-seeded = { $consultation } үшін сынақ деректері { $seconds } с ішінде жасалды: азаматтар — { $citizens }, ұсыныстар — { $suggestions }, қолдаулар — { $votes }.
# `kenes cluster`.
cli-clustered = Топтастыру { $seconds } с ішінде орындалды: ұсыныстар — { $suggestions }, тармақтар — { $clauses }, өзгергені — { $changed }, науқан ретінде жаңадан белгіленгені — { $campaigns }.
# `kenes import-comments --skip-bad-rows`: one line per bad row. $row: the file, line and problem
# (import-at-line).
cli-comments-skipped = өткізіп жіберілді: { $row }
# After the listed rows: $count rows not listed, $total bad rows in all.
cli-comments-skipped-more = тағы өткізіп жіберілген қате жолдар — { $count } (барлығы — { $total })
# `kenes import-comments`. $clause: a reference such as 12.3.
cli-comments-imported = { $consultation } талқылауының { $clause } тармағына импортталды: ұсыныстар — { $suggestions } (жарияланғаны — { $published }, модерацияны күтуде — { $pending }, бас тартылғаны — { $rejected }; бұрыннан бары — { $existing }), қолдаулар — { $upvotes }, қатысушылардың жаңа есептік жазбалары — { $accounts }.
# `kenes show`: the first line, followed by a blank line and the clause's text. $article: the
# article's label as printed.
cli-show-heading = { $reference } — { $article } (№ { $version } редакция)
# `kenes export`.
cli-export-done = { $file } файлы жазылды: жолдар — { $rows }, көлемі — { $bytes } байт. SHA-256: { $sha256 }
# `kenes moderate` done. $from, $to: status codes (pending, published…).
cli-moderated = { $number }: { $from } → { $to }
# $reason: one of the moderation-refused-… messages.
cli-refused = орындалмады: { $reason }
# $until: a date and time.
cli-refused-held = орындалмады: бұл ұсынысты { $name } қарап жатыр (қарау мерзімі: { $until })
cli-not-tracking-number = `{ $value }` — тіркеу нөмірі емес
cli-not-email = `{ $value }` — электрондық пошта мекенжайы емес
cli-not-moderator = { $email } модератор да, әкімші де емес
cli-no-suggestion = № { $number } ұсыныс табылмады
# A form field's error on the command line. $field: the option (email, name, password, --reason); $message:
# one of the form-… messages.
cli-field-error = { $field }: { $message }
# Prompt; the program adds ": " after it.
cli-password-prompt = Құпиясөз
# Prompt; the program adds ": " after it.
cli-password-again = Құпиясөзді қайталаңыз
cli-passwords-differ = құпиясөздер сәйкес келмейді
# $role: a role code (citizen, moderator, analyst, admin).
cli-user-created = { $email } ({ $name }) есептік жазбасы құрылды, рөлі: { $role }.
cli-user-exists = { $email } мекенжайымен есептік жазба бұрыннан бар; `kenes user grant` командасын пайдаланыңыз
cli-no-account = { $email } мекенжайымен есептік жазба жоқ
# $current, $role: role codes.
cli-role-mismatch = { $email } рөлі — { $current }, { $role } емес
cli-role-set = { $email } рөлі енді — { $role }.
cli-no-clause = { $consultation } талқылауының жарияланған редакцияларында { $reference } тармақ жоқ
cli-filter-invalid = --filter: `{ $field }` мәні жарамсыз
cli-invalid-time = `{ $value }` — RFC 3339 форматындағы уақыт емес (мысалы, 2026-12-01T09:00:00Z)
# Context before a database error.
cli-setting-status = { $consultation } талқылауының мәртебесін орнату
# $files, $langs: numbers.
cli-lang-count = файлдар — { $files }, --lang параметрлері — { $langs }: әр файлға бір --lang параметрін файлдардың ретімен көрсетіңіз
# `kenes import-draft`. $files: the file names; $languages, $authoritative: language codes (kk, ru, en).
cli-draft-imported-published = { $consultation } талқылауының № { $version } редакциясы импортталды, файлдар: { $files } ({ $languages }; негізгі мәтін тілі: { $authoritative }); тараулар — { $chapters }, баптар — { $articles }, тармақтар — { $clauses } (алдыңғы редакциядан өзгермегені — { $unchanged }); редакция жарияланды.
# `kenes import-draft --unpublished`.
cli-draft-imported-unpublished = { $consultation } талқылауының № { $version } редакциясы импортталды, файлдар: { $files } ({ $languages }; негізгі мәтін тілі: { $authoritative }); тараулар — { $chapters }, баптар — { $articles }, тармақтар — { $clauses } (алдыңғы редакциядан өзгермегені — { $unchanged }); редакция жарияланбады.
# `kenes import-draft --into-version`.
cli-languages-added = { $consultation } талқылауының № { $version } редакциясына қосылды: { $files } ({ $languages }); әр тілде баптар — { $articles }, тармақтар — { $clauses }; негізгі мәтін тілі: { $authoritative }.
# `kenes demo`: one line per sample draft.
cli-demo-imported = { $consultation } талқылауы импортталды: баптар — { $articles }, тармақтар — { $clauses }, тілдері: { $languages } (негізгі мәтін тілі: { $authoritative }).
# Between the last two addresses of a list (cli-demo-serving).
cli-and = және
# `kenes demo`, three lines. $urls: the full addresses of the sample consultations.
cli-demo-serving =
    Kenes демо-сайты іске қосылды, үлгі жобалар мына мекенжайларда: { $urls }
    (дерекқор: { $database }; хаттар outbox қалтасындағы файлдарға жазылады; тоқтату үшін — Ctrl-C)
    Әкімші ретінде кіру үшін алдымен есептік жазба құрыңыз: cargo run --release -- user create --email you@example.kz --role admin

## `kenes backup` and `kenes restore`. $database: the SQLite file; $file: the backup file. The counts are numbers.

cli-backup-postgres = kenes backup және restore командалары SQLite дерекқорларын көшіреді. PostgreSQL үшін серверлер жұмыс істеп тұрғанда деректер тұтастығы сақталған көшірме жасайтын оның өз құралдарын пайдаланыңыз: `pg_dump --format=custom --file=kenes.dump "$DATABASE_URL"` және `pg_restore --clean --if-exists --dbname="$DATABASE_URL" kenes.dump`, немесе белгілі бір уақыт сәтіне қалпына келтіру үшін WAL мұрағаттауымен базалық резервтік көшірмелерді (pg_basebackup) пайдаланыңыз. Толығырақ: docs/deployment.md, «Backups» бөлімі.
cli-no-database = { $path } дерекқоры табылмады
# Context before a database error. $database: which database (never a password).
cli-opening = { $database } дерекқорын ашу
cli-backup-done = { $database } дерекқорының резервтік көшірмесі { $file } файлына жазылды (көлемі — { $bytes } байт): ұсыныстар — { $suggestions }, қолдаулар — { $upvotes }, есептік жазбалар — { $accounts }, схема миграциялары — { $migrations }. Тексерілді: көшірмеден қалпына келтіруге болады.
cli-restore-done = { $database } дерекқоры { $file } резервтік көшірмесінен қалпына келтірілді: ұсыныстар — { $suggestions }, қолдаулар — { $upvotes }, есептік жазбалар — { $accounts }, схема миграциялары — { $migrations } (неғұрлым жаңа миграциялар келесі іске қосылғанда қолданылады).
# $file: where the replaced database now is.
cli-restore-kept = Ауыстырылған дерекқор мына жерде сақталды: { $file }.

## Settings that are set but malformed (src/config.rs), the variable named first. $expected: one of the cli-config-expect-… messages; $value: what was set.

cli-config-expected = { $variable }: күтілетін мән — { $expected } (көрсетілгені: `{ $value }`)
cli-config-expected-hidden = { $variable }: күтілетін мән — { $expected } (мәнде құпиясөз болуы мүмкін, сондықтан ол көрсетілмейді)
cli-config-expected-scheme = { $variable }: күтілетін мән — { $expected } ({ $scheme }:// схемалы мекенжай көрсетілген; қалған бөлігінде құпиясөз болуы мүмкін, сондықтан ол көрсетілмейді)
# $item: the first item of the list that is neither.
cli-config-networks = { $variable }: күтілетін мән — үтір арқылы бөлінген мекенжайлар немесе CIDR желілері тізімі (`{ $item }` мекенжай да, желі де емес; көрсетілгені: `{ $value }`)
cli-config-token = { $variable }: бос орынсыз кемінде 16 таңба болуы керек (мән құпия, сондықтан көрсетілмейді)
cli-config-range = { $variable }: { $min }–{ $max } аралығындағы бүтін сан болуы керек (көрсетілгені: { $value })
# A variable clap could not read (not a number where one is needed, say).
cli-config-variable-invalid = { $variable }: `{ $value }` мәні жарамсыз
cli-config-expect-address = мекенжай мен порт, мысалы, `127.0.0.1:8080` немесе `[::]:8080`
cli-config-expect-public-url = толық http(s) мекенжайы, мысалы, `https://kenes.example.kz`
cli-config-expect-database-url = `postgres://user:password@host/database`, `sqlite://PATH` немесе файл жолы
cli-config-expect-smtp-url = `smtps://user:pass@host:465`, `smtp+starttls://user:pass@host:587` немесе `smtp://host:25`
cli-config-expect-mailbox = электрондық пошта мекенжайы, мысалы, `Kenes <no-reply@kenes.example.kz>`
cli-config-expect-log-filter = журнал сүзгісі, мысалы, `info` немесе `kenes=debug,info`
cli-config-expect-lang = `kk`, `ru` немесе `en`
cli-config-expect-time-zone = IANA уақыт белдеуі, мысалы, `Asia/Almaty`
# Contexts before a system error, which follows after a colon.
cli-getting-connection = дерекқор қосылымын алу
cli-binding = { $address } мекенжайына байланыстыру ({ $variable })

## The command line clap could not read (cli::describe_parse_error). English prints clap's own words; these are for the other languages. $argument: an option as typed with its value name (`--lang <LANGS>`).

# Before every such error; the program adds the colon.
cli-error = қате
# Before a suggestion; the program adds the colon.
cli-error-tip = кеңес
cli-error-unknown-argument = белгісіз аргумент: `{ $argument }`
cli-error-unknown-subcommand = белгісіз команда: `{ $subcommand }`
cli-error-invalid-value = `{ $argument }` параметрінің `{ $value }` мәні жарамсыз
# $arguments: the arguments, separated by commas.
cli-error-missing-arguments = міндетті аргументтер көрсетілмеген: { $arguments }
cli-error-missing-subcommand = `{ $command }` үшін команданы көрсету қажет
cli-error-conflict = `{ $argument }` аргументін `{ $other }` аргументімен бірге пайдалануға болмайды
cli-error-no-equals = `{ $argument }` параметрінің мәні теңдік белгісінен кейін көрсетілуі керек
cli-error-number-of-values = `{ $argument }` параметрі мәндерінің саны дұрыс емес
cli-error-repeated = `{ $argument }` аргументін бір реттен артық көрсетуге болмайды
cli-error-utf8 = аргументте жарамсыз UTF-8 тізбегі бар
cli-error-unreadable = командалық жолды талдау мүмкін болмады
cli-error-similar = ұқсас нұсқа бар: `{ $suggestion }`
cli-error-possible-values = рұқсат етілген мәндер: { $values }
cli-error-more = Толығырақ: `{ $help }`.
# The notes after an option's help in `--help`, each in brackets.
cli-note-values = рұқсат етілген мәндер: { $values }
cli-note-default = әдепкі мәні: { $value }
cli-note-env = орта айнымалысы: { $variable }

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` — рөл емес (citizen, moderator, analyst немесе admin болуы керек)
cli-invalid-slug = `{ $value }` — жарамсыз қысқа атау: 2–64 кіші латын әрпін, цифрды және дефисті пайдаланыңыз, мысалы constitution-2024
cli-invalid-status = `{ $value }` — талқылау мәртебесі емес (draft, open, closed немесе results болуы керек)
cli-invalid-export = белгісіз экспорт: `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)

## `kenes --help` and `kenes <subcommand> --help`: the help of each subcommand and option (src/cli.rs, the settings of src/config.rs), set over clap's by cli::localize_help. cli-help-<subcommand> is a subcommand's line, cli-help-<subcommand>-<option> one of its options, cli-help-<option> an option every subcommand takes. The English is the doc comment of the code without its last full stop (a test compares them). Flags, variables, codes and examples in `backticks` are typed as they are: keep them.

# The headings of `--help` in Kazakh and Russian (English keeps clap's own); the program adds the colon.
cli-heading-usage = Қолданылуы
cli-heading-arguments = Аргументтер
cli-heading-options = Параметрлер
cli-heading-commands = Командалар
# `kenes help`, `--help` and `--version`: clap's own lines.
cli-help-help = Анықтаманы шығару
cli-help-version = Бағдарлама нұсқасын шығару
cli-help-help-command = Осы анықтаманы немесе көрсетілген командалардың анықтамасын шығару
# The options every subcommand takes (src/config.rs); each also reads the variable clap shows after it.
cli-help-bind = Сервер қосылымдарды қабылдайтын мекенжай мен порт
cli-help-data-dir = SQLite файлына, шығыс поштаға және жасалған құпия кілттерге арналған каталог; жоқ болса, құрылады
cli-help-database-url = PostgreSQL үшін `postgres://user@host/db`; SQLite үшін файл жолы немесе `sqlite://PATH`. Берілмесе: `<data dir>/kenes.db` файлындағы SQLite
cli-help-public-url = Азаматтар сайтқа кіретін мекенжай, сілтемелер мен хаттарда пайдаланылады; `https://` болса, cookie файлдарына Secure төлсипаты беріледі. Берілмесе: `http://<bind>`
cli-help-db-pool-size = Сервердің бір процесіне келетін дерекқор қосылымдарының саны. Қуаты аз серверде шағын мән беріңіз
cli-help-db-timeout-secs = Сұраудың бос дерекқор қосылымын күту уақыты (секунд), одан кейін сұрауға 503 жауабы қайтарылады
cli-help-workers = HTTP жұмыс ағындарының саны. Берілмесе: процессордың әр ядросына біреуден
cli-help-page-cache-secs = Анонимді оқырманға бет процесс кэшінен берілуі мүмкін уақыт (секунд); 0 кэшті өшіреді
cli-help-default-lang = Сақталған таңдау да, браузердің `Accept-Language` тақырыбы да сайтта бар тілді көрсетпеген жағдайда, сайтқа алғашқы келгендегі тіл: `kk`, `ru` немесе `en`
cli-help-time-zone = Қоғамдық талқылаудың уақыт белдеуі (IANA атауы): беттер мен хаттардағы күн мен уақыт осы белдеу бойынша, белдеудің атауымен көрсетіледі
cli-help-smtp-url = Шығыс поштаға арналған SMTP сервері: `smtps://user:pass@host:465`, `smtp+starttls://user:pass@host:587` немесе `smtp://host:25`. Берілмесе: хаттар `<data dir>/outbox/` каталогына .eml файлдары ретінде жазылады, ал олардағы сілтемелер журналға тіркеледі
cli-help-mail-from = Шығыс поштаның жіберушісі
cli-help-mail-poll-ms = Пошта жұмыс ағынының жіберілетін хаттарды тексеру аралығы (миллисекунд)
cli-help-session-idle-minutes = Осынша минут ішінде бірде-бір сұрау болмаса, сеанс аяқталады
cli-help-session-lifetime-hours = Жүйеге кіргеннен кейін осынша сағаттан соң сеанс белсенділікке қарамастан аяқталады
cli-help-trust-proxy = Клиент мекенжайын X-Forwarded-For тақырыбынан алу (тек өзіңіз басқаратын прокси-сервердің артында)
cli-help-trusted-proxies = Kenes алдындағы прокси-серверлердің желілері (үтір арқылы берілген CIDR тізімі), `KENES_TRUST_PROXY` қосулы болғанда ескеріледі: `X-Forwarded-For` тақырыбы оң жақтан оқылады, осы желілердің мекенжайлары өткізіліп жіберіледі
cli-help-flag-threshold = Ұсыныс модератор қарағанға дейін жасырылатын, әртүрлі азаматтардан түскен шағымдар саны
cli-help-cluster-secs = Жаңа ұсыныстарды ұқсас қайталамалар топтарына біріктіретін (және науқандарды белгілейтін) фондық өңдеулер арасындағы аралық (секунд); 0 өңдеуді өшіреді
cli-help-db-queue = Пул көлемінен тыс дерекқор қосылымын күте алатын сұраулар саны; одан асқанда сұрауға бірден `Retry-After` тақырыбымен 503 жауабы беріледі. Күту ағынды ұстап тұрмайды, сондықтан бұл параметр кідірісті емес, жадты шектейді (кідірісті `KENES_DB_QUEUE_MS` шектейді): шағын мәнде сұраулар легінің көп бөлігі бірден қайтарылды, ал күтпейтін клиенттер бірден қайталаған 503 жауаптары беттерге қажет процессор уақытын алды (`wrk -c500` кезінде 32 шегімен сервер секундына бере алатын 768 беттің 89-ы ғана берілді, 512 шегімен — 411)
cli-help-db-queue-ms = Сұраудың дерекқорға кезегін күте алатын уақыты (миллисекунд), одан кейін оған `Retry-After` тақырыбымен 503 жауабы беріледі
cli-help-header-timeout-secs = Клиенттің сұрау тақырыптарын жіберуіне берілетін уақыт (секунд); баяуырақ қосылымдар үзіледі
cli-help-body-timeout-secs = Клиенттің сұрау денесін жіберуіне берілетін уақыт (тақырыптардың алғашқы байтынан бастап, секунд); баяуырақ клиенттерге 408 жауабы беріліп, қосылым жабылады
cli-help-max-connections = Сервер барлық жұмыс ағындарында бір мезгілде қабылдайтын ашық қосылымдар саны. Берілмесе: қосылымдарды қабылдау кезінде дескрипторлар таусылмауы үшін процестің файл дескрипторлары шегінен дерекқорға, файлдар мен поштаға арналған қор шегеріледі
cli-help-backlog = Сервер қабылдағанға дейін ядро кезекке қоя алатын қосылымдар саны
cli-help-metrics-bind = `/metrics` үшін бөлек тыңдаушының мекенжайы мен порты (Prometheus мәтіндік форматы), мысалы, `127.0.0.1:9090`. Берілмесе: ол жерде `/metrics` берілмейді
cli-help-metrics-token = `/metrics` бетін жария мекенжай бойынша оқуға мүмкіндік беретін қол жеткізу токені (`Authorization: Bearer TOKEN`); кемінде 16 таңба. Берілмесе: жария мекенжайда `/metrics` жоқ
cli-help-log = Журнал сүзгісі, `tracing` синтаксисімен (`info`, `kenes=debug,actix_web=info`)
cli-help-log-format = Журнал форматы: адам оқуы үшін `text`, журнал жинау жүйесі үшін `json`
# The subcommands and their options.
cli-help-serve = Сайтты параметрлерде көрсетілген дерекқордан іске қосу
cli-help-demo = Қажет болса, дерекқорды құру, үлгі жобаны (АҚШ Конституциясы) импорттап, талқылауға ашу, оның мекенжайын шығару және сайтты іске қосу
cli-help-migrate = Дерекқордың әлі қолданылмаған миграцияларын қолданып, жұмысты аяқтау
cli-help-import-draft = Жобаны қоғамдық талқылаудың келесі редакциясы ретінде (талқылау жоқ болса, құрылады) тармақ нөмірлері бойынша сәйкестендірілген бір немесе бірнеше тілде импорттау: `import-draft kk.txt ru.txt --lang kk --lang ru`, кейін `import-draft en.txt --lang en --into-version 1`
cli-help-import-draft-files = Жоба файлдары: Markdown құрылымы (.md) немесе конституция пішініндегі қарапайым мәтін, әр тілге біреуден, `--lang` параметрлерінің ретімен
cli-help-import-draft-lang = Әр файлдың тілі, ретімен (kk, ru немесе en; бір файл үшін әдепкі мәні en). Файлдардың бірі қазақ тілінде болса, жаңа редакцияның негізгі тілі kk болады, әйтпесе бірінші файлдың тілі
cli-help-import-draft-into-version = Жаңа редакция құрудың орнына файлдардың тілдерін осы бар редакцияға қосу; файлдарда оның баптары мен тармақтары болуы керек
cli-help-import-draft-authoritative = Негізгі тіл (редакция тілдерінің бірі). Әдепкі мәні: редакцияда қазақ тіліндегі мәтін болса (соның ішінде кейін --into-version арқылы қосылған), kk, әйтпесе бірінші импортталған тіл. Бір рет көрсетілгеннен кейін тіл қосылғанда да сақталады
cli-help-import-draft-consultation = Қоғамдық талқылаудың қысқа атауы, мысалы, `constitution-2024`
cli-help-import-draft-title = Жаңа қоғамдық талқылаудың атауы (әдепкі мәні: құжаттың тақырып жолы)
cli-help-import-draft-summary = Жаңа қоғамдық талқылаудың қысқаша сипаттамасы
cli-help-import-draft-changelog = Алдыңғы редакциямен салыстырғандағы өзгерістер
cli-help-import-draft-unpublished = Редакцияны жарияламай сақтау
cli-help-import-draft-status = Талқылау мәртебесін де орнату: draft, open, closed немесе results
cli-help-import-draft-opens-at = Басталу уақыты, RFC 3339 (`2026-12-01T09:00:00Z`)
cli-help-import-draft-closes-at = Аяқталу уақыты, RFC 3339
cli-help-import-draft-max-bytes = Бұдан үлкен файлды қабылдамау (байтпен немесе, мысалы, `32MiB`; әдепкі мәні 8 MiB немесе `KENES_IMPORT_MAX_BYTES`)
cli-help-import-comments = Азаматтардың Polis форматындағы пікірлерін (comments.csv және қажет болса votes.csv) бір тармаққа ұсыныстар ретінде импорттау; әр қатысушы үшін импортталған есептік жазба құрылады
cli-help-import-comments-comments = Polis `comments.csv` файлы
cli-help-import-comments-consultation = Қоғамдық талқылаудың қысқа атауы
cli-help-import-comments-clause = Пікірлер жазылған тармақ, мысалы, `12.3`
cli-help-import-comments-votes = Polis `votes.csv` файлы (agree = қолдау; әр қатысушының соңғы дауысы есептеледі)
cli-help-import-comments-skip-bad-rows = Ештеңе импорттамаудың орнына дұрыс жолдарды импорттап, қате жолдарды тізіп шығару
cli-help-import-comments-source = Дереккөз (Polis әңгімесі) атауы (әдепкі мәні: пікірлер файлы жатқан каталогтың атауы); сол дереккөзді қайта импорттау ештеңе қоспайды
cli-help-import-comments-max-bytes = Бұдан үлкен файлды қабылдамау (байтпен немесе, мысалы, `512MiB`; әдепкі мәні әр файлға 64 MiB немесе `KENES_IMPORT_MAX_BYTES`)
cli-help-seed = Синтетикалық жүктеме жасау: азаматтар, ұсыныстар (қазақ, орыс және ағылшын тілдеріндегі мәтін, тармақтар бойынша біркелкі емес) және қолдаулар (біркелкі емес: олардың басым бөлігін санаулы ұсыныстар алады)
cli-help-seed-consultation = Қоғамдық талқылаудың қысқа атауы
cli-help-seed-clause = Барлық ұсынысты осы тармаққа жатқызу
cli-help-seed-citizens = Құрылатын азамат есептік жазбаларының саны
cli-help-seed-suggestions = Құрылатын ұсыныстар саны
cli-help-seed-votes = Қолдаулар саны (бір азамат бір ұсынысқа ең көбі бір рет)
cli-help-seed-random-seed = Кездейсоқ сандар генераторының бастапқы мәні (мәні мен көлемдері бірдей болса, деректер де бірдей болады)
cli-help-user = Есептік жазбалар мен рөлдерді басқару
cli-help-user-create = Электрондық поштасы расталған есептік жазба құру, мысалы, бірінші әкімші үшін. Құпиясөз сұралады (экранға шығарылмайды) немесе стандартты енгізу терминал болмаса, оның бірінші жолынан оқылады
cli-help-user-create-email = Есептік жазбаның электрондық пошта мекенжайы
cli-help-user-create-name = Көрсетілетін ат (әдепкі мәні: электрондық пошта мекенжайының @ белгісіне дейінгі бөлігі)
cli-help-user-create-role = citizen, moderator, analyst немесе admin
cli-help-user-grant = Есептік жазбаға рөл беру
cli-help-user-grant-email = Есептік жазбаның электрондық пошта мекенжайы
cli-help-user-grant-role = Рөл: citizen, moderator, analyst немесе admin
cli-help-user-revoke = Рөлді алып тастау (есептік жазба азамат есептік жазбасына айналады)
cli-help-user-revoke-email = Есептік жазбаның электрондық пошта мекенжайы
cli-help-user-revoke-role = Қазіргі рөлі: moderator, analyst немесе admin
cli-help-cluster = Ұсыныстарды ұқсас қайталамалар топтарына біріктіру және науқандарды белгілеу. Әдепкі бойынша тек әлі топталмаған ұсыныстары бар тармақтар (`kenes serve` мұны фондық режимде `KENES_CLUSTER_SECS` секунд сайын орындайды)
cli-help-cluster-all = Жаңа ұсыныстары бар тармақтарды ғана емес, барлық тармақты қайта есептеу
cli-help-export = Талдаушыларға арналған CSV файлын экспорттау: suggestions, upvotes, clauses (тармақтар бойынша статистика), moderation-log немесе regions. Жолдар саны мен файлдың SHA-256 мәнін шығарады және экспортты аудит журналына тіркейді
cli-help-export-kind = suggestions, upvotes, clauses, moderation-log немесе regions
cli-help-export-consultation = Қоғамдық талқылаудың қысқа атауы (әдепкі мәні: барлық талқылау)
cli-help-export-filter = Модерация кезегінің мекенжайындағыдай жазылған қосымша сүзгілер, мысалы, `status=published&article=5&q=тіл` (әдепкі мәні: барлық мәртебе)
cli-help-export-excel = Файлды UTF-8 байт реті белгісімен бастау (Excel үшін)
cli-help-export-out = Экспорт жазылатын файл
cli-help-data-dictionary = Экспорттардың деректер сөздігін шығару (Markdown; `docs/data-dictionary.md`)
cli-help-moderate = Көрсетілген электрондық поштасы бар модератордың атынан модерация шешімін қабылдау (веб-интерфейстегідей ережелермен және журналға жазумен), мысалы, `kenes moderate KZ-7F3K-9QX2 reject --reason spam --as mod@example.kz`
cli-help-moderate-number = Ұсыныстың тіркеу нөмірі
cli-help-moderate-action = publish, reject, review, respond, merge, hide, flags_cleared немесе flags_upheld
cli-help-moderate-as = Модератордың электрондық поштасы
cli-help-moderate-reason = reject және hide үшін себеп коды: off_topic, spam, abusive, personal_data, unclear, other
cli-help-moderate-text = Себептің түсіндірмесі (`other` үшін міндетті)
cli-help-moderate-outcome = respond үшін нәтиже: accepted, partly_accepted, not_accepted
cli-help-moderate-response = respond үшін ресми жауап
cli-help-moderate-canonical = merge үшін негізгі ұсыныстың тіркеу нөмірі
cli-help-queue-plan = Көрсетілген электрондық поштасы бар модератор үшін модерация кезегінің сүзгіні қалай өңдейтінін шығару: сүзгіге сәйкес ұсыныстар саны және дерекқордың бет сұрауын орындау жоспары, мысалы, `kenes queue-plan 'status=all&clause=I.8' --as mod@example.kz`
cli-help-queue-plan-query = Кезектің сұрау жолы: мекенжай жолында `/moderation?` бөлігінен кейін тұратын мәтін
cli-help-queue-plan-as = Модератордың электрондық поштасы (`assignee=me` осы модераторды білдіреді)
cli-help-show = Тармақты нөмірі бойынша шығару, мысалы, `kenes show us-constitution AM-XIV.1`
cli-help-show-consultation = Қоғамдық талқылаудың қысқа атауы
cli-help-show-reference = `<article>.<clause>`: `12.3`, `83-1.2`, `IV.1`, `AM-XIV.1`
cli-help-backup = Сервер жұмыс істеп тұрғанда SQLite дерекқорының тұтастығы сақталған көшірмесін FILE файлына жазу және оны тексеру. PostgreSQL үшін pg_dump құралын қалай пайдалану керектігі көрсетіледі
cli-help-backup-file = Жаңа файл (ол әлі болмауы керек)
cli-help-restore = `kenes backup` арқылы жасалған резервтік көшірмені оның бағдарламаның осы нұсқасына белгілі схемадағы Kenes дерекқоры екені тексерілгеннен кейін SQLite дерекқорының орнына қою. Алдымен дерекқорды пайдаланатын барлық серверді тоқтатыңыз; ауыстырылған дерекқор оның жанында сақталады
cli-help-restore-file = Резервтік көшірме файлы

## kenes queue-plan (how the moderation queue answers a filter)
cli-queue-plan-unreadable = Сүзгіні оқу мүмкін болмады: { $problem }
cli-queue-plan-bad-filter = Сүзгінің { $field } өрісінің мәні жарамсыз
cli-queue-plan-matching = Сүзгіге сәйкес ұсыныстар саны: { $count }
cli-queue-plan-not-counted = Сүзгіге сәйкес ұсыныстар саны есептелмеді (іздеу сөздері жиі кездеседі, сондықтан әр жол жеке тексеріледі)
