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

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` — рөл емес (citizen, moderator, analyst немесе admin болуы керек)
cli-invalid-slug = `{ $value }` — жарамсыз қысқа атау: 2–64 кіші латын әрпін, цифрды және дефисті пайдаланыңыз, мысалы constitution-2024
cli-invalid-status = `{ $value }` — талқылау мәртебесі емес (draft, open, closed немесе results болуы керек)
cli-invalid-export = белгісіз экспорт: `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)
