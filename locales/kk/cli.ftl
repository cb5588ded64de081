### The kenes command line: what it prints, and its errors.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## The kenes command: what it prints (src/cli.rs). Codes, flags and commands in `backticks` are typed as they are: keep them.

# The first line of `kenes --help`.
cli-about = Kenes: заң жобасын тармақ-тармағымен жариялау және оны қоғамдық талқылауға шығару
# The last line of `kenes --help`.
cli-after-help = Әр параметрді жақшада көрсетілген орта айнымалысы арқылы да орнатуға болады.
# $database: which database, e.g. sqlite:kenes.db (never a password).
cli-migrate-done = Дерекқор өзекті күйде ({ $database }).
# $consultation: the short name; $status: the status's name (status-…).
cli-status-set = { $consultation } талқылауының мәртебесі: { $status }.
# `kenes seed`. The counts are written after a dash, so that no plural form is needed. $seconds:
# e.g. 3.2.
cli-seeded = { $consultation } үшін сынақ деректері { $seconds } с ішінде жасалды: азаматтар — { $citizens }, ұсыныстар — { $suggestions }, қолдаулар — { $votes }.
# `kenes cluster`.
cli-clustered = Топтастыру { $seconds } с ішінде орындалды: ұсыныстар — { $suggestions }, тармақтар — { $clauses }, өзгергені — { $changed }, науқан ретінде жаңадан белгіленгені — { $campaigns }.
# `kenes import-comments --skip-bad-rows`: one line per bad row. $row: the file, line and problem
# (import-at-line).
cli-comments-skipped = өткізіп жіберілді: { $row }
# `kenes import-comments`. $clause: a reference such as 12.3.
cli-comments-imported = { $consultation } талқылауының { $clause } тармағына импортталды: ұсыныстар — { $suggestions } (жарияланғаны — { $published }, модерацияны күтуде — { $pending }, бас тартылғаны — { $rejected }; бұрыннан бары — { $existing }), қолдаулар — { $upvotes }, қатысушылардың жаңа есептік жазбалары — { $accounts }.
# `kenes show`: the first line, followed by a blank line and the clause's text. $article: the
# article's label as printed.
cli-show-heading = { $reference } — { $article } (№ { $version } редакция)
# `kenes export`.
cli-export-done = { $file } файлы жазылды: жолдар — { $rows }, көлемі — { $bytes } байт. SHA-256: { $sha256 }
# `kenes moderate` done. $from, $to: status names (suggestion-status-…).
cli-moderated = { $number }: { $from } → { $to }
# $reason: one of the moderation-refused-… messages.
cli-refused = орындалмады: { $reason }
cli-refused-held = орындалмады: бұл ұсынысты { $name } қарап жатыр (қарау мерзімі: { $until })
cli-not-tracking-number = `{ $value }` — тіркеу нөмірі емес
cli-not-email = `{ $value }` — электрондық пошта мекенжайы емес
cli-not-moderator = { $email } модератор да, әкімші де емес
cli-no-suggestion = № { $number } ұсыныс табылмады
cli-canonical-required = --canonical параметріне тіркеу нөмірі қажет
cli-unknown-action = белгісіз әрекет: `{ $action }`
# A form field's error on the command line. $field: the option (email, name, password); $message:
# one of the form-… messages.
cli-field-error = { $field }: { $message }
# Prompt; the program adds ": " after it.
cli-password-prompt = Құпиясөз
# Prompt; the program adds ": " after it.
cli-password-again = Құпиясөзді қайталаңыз
cli-passwords-differ = құпиясөздер сәйкес келмейді
# $role: the role's name (role-…).
cli-user-created = { $email } ({ $name }) есептік жазбасы құрылды, рөлі: { $role }.
cli-user-exists = { $email } мекенжайымен есептік жазба бұрыннан бар; `kenes user grant` командасын пайдаланыңыз
cli-no-account = { $email } мекенжайымен есептік жазба жоқ
# $current, $role: role names (role-…).
cli-role-mismatch = { $email } рөлі — { $current }, { $role } емес
cli-role-set = { $email } рөлі енді — { $role }.
cli-no-clause = { $consultation } талқылауының жарияланған редакцияларында { $reference } тармақ жоқ
cli-filter-invalid = --filter: `{ $field }` мәні жарамсыз
cli-invalid-time = `{ $value }` — RFC 3339 форматындағы уақыт емес (мысалы, 2026-12-01T09:00:00Z)
# Context before an operating-system error when a file cannot be read.
cli-reading = { $file } файлын оқу
# Context before a database error.
cli-setting-status = { $consultation } талқылауының мәртебесін орнату
# `kenes import-draft` and `kenes demo`.
cli-draft-imported-published = { $file } файлы { $consultation } талқылауының № { $version } редакциясы ретінде импортталды: тараулар — { $chapters }, баптар — { $articles }, тармақтар — { $clauses } (алдыңғы редакциядан өзгермегені — { $unchanged }); редакция жарияланды.
# `kenes import-draft --unpublished`.
cli-draft-imported-unpublished = { $file } файлы { $consultation } талқылауының № { $version } редакциясы ретінде импортталды: тараулар — { $chapters }, баптар — { $articles }, тармақтар — { $clauses } (алдыңғы редакциядан өзгермегені — { $unchanged }); редакция жарияланбады.
# `kenes demo`, three lines. $url: the full address of the sample consultation.
cli-demo-serving =
    Kenes демо-сайты іске қосылды, үлгі жоба мына мекенжайда: { $url }
    (дерекқор: { $database }; хаттар outbox қалтасындағы файлдарға жазылады; тоқтату үшін — Ctrl-C)
    Әкімші ретінде кіру үшін алдымен есептік жазба құрыңыз: cargo run --release -- user create --email you@example.kz --role admin

## Values the command line could not read (the errors of src/domain/*.rs)

cli-invalid-role = `{ $value }` — рөл емес (citizen, moderator, analyst немесе admin болуы керек)
cli-invalid-slug = `{ $value }` — жарамсыз қысқа атау: 2–64 кіші латын әрпін, цифрды және дефисті пайдаланыңыз, мысалы constitution-2024
cli-invalid-status = `{ $value }` — талқылау мәртебесі емес (draft, open, closed немесе results болуы керек)
cli-invalid-mode = `{ $value }` — модерация режимі емес (pre немесе post болуы керек)
cli-invalid-export = белгісіз экспорт: `{ $value }` (suggestions, upvotes, clauses, moderation-log, regions)
