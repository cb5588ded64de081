### Administration: consultations, versions, users and roles, the audit log.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Administration home (templates/admin/home.html)

admin-title = Әкімшілендіру
admin-consultations = Талқылаулар
admin-users = Пайдаланушылар және рөлдер
admin-audit = Соңғы өзгерістер
admin-audit-empty = Әзірге ештеңе тіркелмеген.
admin-audit-when = Уақыты (UTC)
admin-audit-who = Кім
admin-audit-action = Әрекет
admin-audit-subject = Нысан
admin-audit-details = Мәліметтер
# In the "Who" column, for a change made with the kenes command.
audit-actor-cli = Командалық жол
# The "Action" column of recent changes; the audit log stores a code (account_delete …), one
# message per code.
audit-action-account-delete = Есептік жазба жойылды
audit-action-consultation-create = Талқылау құрылды
audit-action-consultation-update = Талқылау өзгертілді
audit-action-export = Деректер экспортталды
audit-action-user-create = Есептік жазба құрылды
audit-action-user-role = Рөл өзгертілді
audit-action-version-import = Жоба редакциясы импортталды
audit-action-version-publish = Жоба редакциясы жарияланды
audit-action-other = Басқа әрекет

## Users and roles (templates/admin/users.html)

admin-users-search = Электрондық пошта немесе аты бойынша іздеу
admin-users-search-submit = Іздеу
admin-users-none = Сәйкес есептік жазбалар табылмады.
admin-users-joined = Тіркелген күні
admin-users-role = Рөлі
admin-users-change-role = Өзгерту

## Creating and editing a consultation (templates/admin/consultation.html)

admin-consultations-new = Жаңа талқылау
admin-consultation-title = Атауы
# The short name in the consultation's web address, e.g. /consultations/constitution-2024.
admin-consultation-slug = Мекенжайдағы атауы
admin-consultation-slug-hint = Кіші латын әріптері, цифрлар және дефис, мысалы: constitution-2024. Кейін өзгертуге болмайды.
admin-consultation-summary = Қысқаша сипаттама
admin-consultation-language = Атауы мен қысқаша сипаттамасының тілі
admin-consultation-mode = Модерация
admin-mode-pre = Жарияланғанға дейін (ұсыныстар модератор жариялағаннан кейін ғана көпшілікке көрінеді)
admin-mode-post = Жарияланғаннан кейін (ұсыныстар бірден көрінеді, оларды кейін жасыруға болады)
admin-consultation-opens = Басталуы
admin-consultation-closes = Аяқталуы
# Hint under the two date fields.
admin-consultation-utc = UTC бойынша.
admin-save = Сақтау
admin-error-title = Атауы 3–200 таңбадан тұруы керек.
admin-error-summary = Қысқаша сипаттама 5000 таңбадан аспауы керек.
admin-error-choice = Тізімнен мән таңдаңыз.
admin-error-time = Күні мен уақытын 2026-12-01T09:00 түрінде енгізіңіз.
admin-error-order = Аяқталу уақыты басталу уақытынан кейін болуы керек.
admin-error-slug = 2–64 кіші латын әрпін, цифрды және дефисті пайдаланыңыз.
admin-error-slug-taken = Бұл мекенжай атауын басқа талқылау пайдаланып отыр.

## Versions of the draft: upload and preview (templates/admin/consultation.html, preview.html)

admin-versions = Редакциялар
admin-publish = Жариялау
admin-upload = Жобаны жүктеу
admin-upload-intro = Markdown құрылымы немесе конституция үлгісіндегі қарапайым мәтін (README құжатын қараңыз). Файл келесі редакция ретінде сақталады және Сіз жарияламайынша жарияланбайды.
# Heading of the box that shows the import error (import-…).
admin-upload-failed = Файлды импорттау мүмкін болмады; ештеңе сақталмады
admin-upload-file = Жоба файлы
admin-upload-submit = Жүктеу және алдын ала қарау
# Followed by ": " and consultation-version.
admin-preview = Алдын ала қарау
admin-preview-published = Бұл редакция жарияланған.
# $count: the number of articles in the previewed version (a number).
admin-preview-articles =
    { $count ->
        [one] { $count } бап
       *[other] { $count } бап
    }

## Mail that could not be delivered (templates/admin/home.html)

admin-undeliverable = Жеткізілмеген хаттар
admin-undeliverable-intro = Алушының пошта сервері бұл хаттарды біржола қабылдамады (мысалы, мұндай пошта жәшігі жоқ), сондықтан олар қайта жіберілмейді.
# Column: the recipient's address.
admin-undeliverable-to = Алушы
# Column: the subject of the message.
admin-undeliverable-subject = Тақырыбы
# Column: what the receiving server answered.
admin-undeliverable-error = Пошта серверінің жауабы
