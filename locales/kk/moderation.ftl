### The moderation workbench: queue, review, bulk actions, dashboard, logs, canned responses.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## The moderation queue (templates/moderation/queue.html)

moderation-title = Модерация
moderation-empty = Сүзгіге сәйкес ештеңе табылмады.
moderation-filter-label = Кезекті сүзу
moderation-filter-status = Мәртебесі
moderation-filter-any-status = Кез келген мәртебе
moderation-filter-kind = Түрі
moderation-filter-any-kind = Кез келген түр
moderation-filter-consultation = Талқылау (қысқа атауы)
moderation-filter-chapter = Тарау (нөмірі)
moderation-filter-article = Бап
moderation-filter-clause = Тармақ (мысалы, 12.3)
moderation-filter-from = Жіберілген күні (бастап)
moderation-filter-to = Жіберілген күні (дейін)
moderation-filter-date = Күнді ЖЖЖЖ-АА-КК түрінде енгізіңіз.
moderation-filter-min-upvotes = Қолдаушылардың ең аз саны
moderation-filter-tag = Тег
moderation-filter-assignee = Кімге тағайындалған
# Option of the "Assigned to" select: no filter.
moderation-filter-anyone = Барлығы
# Option of the "Assigned to" select.
moderation-filter-me = Маған
# Option of the "Assigned to" select.
moderation-filter-nobody = Ешкімге
moderation-filter-text = Мәтіндегі сөздер
moderation-filter-sort = Сұрыптау
moderation-filter-flagged = Шағым түскен немесе қарауды күтетін
moderation-filter-clustered = Ұқсас ұсыныстар тобында
moderation-filter-campaign = Тек ықтимал науқандар
moderation-filter-apply = Сүзу
moderation-filter-reset = Сүзгіні тазарту
moderation-filter-invalid = Сүзгі мәні жарамсыз, сондықтан ескерілмеді.
moderation-sort-newest = Алдымен жаңалары
moderation-sort-oldest = Алдымен ескілері
moderation-sort-upvotes = Қолдаушылар саны бойынша
moderation-counts = Мәртебелер бойынша саны
# $count: the largest number of matching suggestions for which counts are computed (a number, e.g.
# 10000).
moderation-counts-many =
    { $count ->
        [one] Мәртебелер бойынша саны тар сүзгілер үшін ғана көрсетіледі (сәйкес ұсыныстар саны көп дегенде { $count } болса).
       *[other] Мәртебелер бойынша саны тар сүзгілер үшін ғана көрсетіледі (сәйкес ұсыныстар саны көп дегенде { $count } болса).
    }
# The letters are the keys themselves: keep them as they are.
moderation-keys-hint = Пернетақта: j және k — жылжу, o — ашу, p — жариялау, r — бас тарту, d — қайталама деп белгілеу, a — өзіңізге тағайындау, ? — пернелер тізімі.
moderation-col-suggestion = Ұсыныс
moderation-col-signals = Белгілер
moderation-col-actions = Әрекеттер
# Accessible name of the column of checkboxes.
moderation-select = Белгілеу
# Accessible name of one row's checkbox. $number: the tracking number.
moderation-select-one = № { $number } ұсынысты белгілеу
# Many near-identical suggestions in a short time.
moderation-campaign = Ұйымдастырылған науқан болуы мүмкін
# Link to a group of near-duplicate suggestions. $count: the size of the group (a number, 2 or
# more).
moderation-cluster-of =
    { $count ->
        [one] { $count } ұқсас ұсыныс
       *[other] { $count } ұқсас ұсыныс
    }
# $count: reports by citizens waiting for review (a number).
moderation-reports =
    { $count ->
        [one] { $count } шағым
       *[other] { $count } шағым
    }
# $name: the public name of the moderator the suggestion is assigned to.
moderation-assigned-to = Тағайындалды: { $name }
# Link to the queue filtered on oneself.
moderation-assigned-to-me = Маған тағайындалғандар
# $name: the moderator who holds the suggestion for a few minutes.
moderation-held-by = Қарап жатыр: { $name }
moderation-assign-me = Маған тағайындау
moderation-next-page = Келесі бет

## Bulk actions (queue and templates/moderation/confirm.html)

moderation-bulk-legend = Жаппай әрекет
moderation-bulk-scope = Қолдану аясы
moderation-bulk-selected = Белгіленген ұсыныстар
moderation-bulk-filter = Сүзгіге сәйкес келетіндердің барлығы
moderation-bulk-action = Әрекет
moderation-bulk-apply = Қолдану
moderation-bulk-nothing = Кемінде бір ұсынысты белгілеңіз немесе сүзгіге сәйкес келетіндердің барлығын таңдаңыз.
moderation-bulk-confirm-title = Жаппай әрекетті растау
# Followed by the name of the action in bold (e.g. moderation-action-publish). $count: how many
# suggestions.
moderation-bulk-confirm =
    { $count ->
        [one] Әрекет { $count } ұсынысқа қолданылады:
       *[other] Әрекет { $count } ұсынысқа қолданылады:
    }
moderation-bulk-confirm-button = Иә, қолдану
moderation-bulk-cancel = Болдырмау
# After a bulk action, above the queue; may be followed by moderation-bulk-skipped. $count: a
# number.
moderation-bulk-done =
    { $count ->
        [one] { $count } ұсыныс бойынша орындалды.
       *[other] { $count } ұсыныс бойынша орындалды.
    }
# $count: suggestions the bulk action left alone (a number, 1 or more).
moderation-bulk-skipped =
    { $count ->
        [one] { $count } ұсыныс өткізіп жіберілді (әрекет оның мәртебесіне сәйкес келмейді немесе оны басқа модератор қарап жатыр).
       *[other] { $count } ұсыныс өткізіп жіберілді (әрекет олардың мәртебесіне сәйкес келмейді немесе оларды басқа модератор қарап жатыр).
    }

## Actions: buttons, and names of actions in the logs

moderation-action-publish = Жариялау
# Refuse to publish (the status becomes suggestion-status-rejected).
moderation-action-reject = Бас тарту
moderation-action-review = Әзірлеушілердің қарауына жіберу
moderation-action-respond = Ресми жауап беру
moderation-action-merge = Қайталама деп белгілеу
moderation-action-hide = Жасыру
# The reports are unfounded; the suggestion stays visible.
moderation-action-flags-cleared = Шағымдарды қанағаттандырмау
moderation-action-flags-upheld = Шағымдарды қанағаттандыру (жасыру)
moderation-action-auto-hide = Шағымдардан кейін жасырылды
moderation-action-assign = Тағайындау
moderation-action-tag = Тег қою
moderation-action-untag = Тег алынды
moderation-action-note = Жазба қосылды
moderation-action-block = Автор бұғатталды
moderation-action-unblock = Автордың бұғаты алынды
moderation-action-role = Рөл өзгертілді
moderation-action-other = Басқа

## Reviewing one suggestion (templates/moderation/suggestion.html)

moderation-back = Кезекке оралу
# Link after the consultation and clause (lower case).
moderation-clause-page = тармақ беті
# Followed by ": " and the author's public name.
moderation-author = Авторы
# Marker beside a blocked author's name.
moderation-blocked = бұғатталған
# Followed by a tracking number.
moderation-duplicate-of = Негізгі ұсынысы:
moderation-reports-title = Азаматтардың шағымдары
moderation-decide = Шешім
# A moderator holds the suggestion for a few minutes so that no one else decides on it meanwhile.
moderation-claim-take = Өзіме бекіту
moderation-claim-release = Бекітуді алып тастау
# $name: another moderator's public name; $until: when their hold ends (time-format).
moderation-claim-held = { $name } бұл ұсынысты қарап жатыр. Қарау мерзімі: { $until }.
# $until: when the hold ends (time-format).
moderation-claim-mine = Бұл ұсынысты Сіз қарап жатырсыз (қарау мерзімі: { $until }); басқаларға ол бос емес болып көрсетіледі.
moderation-reason-label = Себебі
moderation-reason-off-topic = Бұл тармаққа қатысы жоқ
moderation-reason-spam = Спам немесе жарнама
moderation-reason-abusive = Қорлайтын немесе дөрекі мазмұн
moderation-reason-personal-data = Дербес деректер бар
moderation-reason-unclear = Мағынасы түсініксіз
moderation-reason-other = Басқа (түсіндіріңіз)
moderation-reason-text = Түсініктеме
moderation-outcome = Нәтижесі
moderation-response = Ресми жауап
moderation-respond-button = Жауапты жариялау
# The suggestion that is kept when others are marked as its duplicates; also a column of the
# similar-suggestions page.
moderation-canonical = Негізгі ұсыныс (тіркеу нөмірі)
moderation-canonical-unknown = Бар ұсыныстың тіркеу нөмірін енгізіңіз.
moderation-unassigned = Ешкімге тағайындалмаған.
moderation-assign-not-staff = Ұсыныстарды тек модераторлар мен әкімшілерге тағайындауға болады.
moderation-tags = Тегтер
# Small button after a tag.
moderation-untag = алып тастау
moderation-notes = Ішкі жазбалар
moderation-note-add = Ішкі жазба (тек қызметкерлерге көрінеді)
moderation-note-save = Жазбаны қосу
moderation-block-title = Автор
moderation-block-block = Авторды бұғаттау
moderation-block-unblock = Автордың бұғатын алу
moderation-history = Тарихы
moderation-history-empty = Әзірге шешім жоқ.
form-note-required = Жазба мәтінін жазыңыз.
form-outcome-invalid = Нәтижені таңдаңыз.
form-reason-invalid = Тізімнен себепті таңдаңыз.
form-reason-required = Себебін бірнеше сөзбен түсіндіріңіз.
form-response-required = Ресми жауаптың мәтінін жазыңыз.
form-response-short = Ресми жауап тым қысқа (кемінде 10 таңба).
form-tag-invalid = Тегте үтір болмауы керек.
form-tag-required = Тегті жазыңыз.
form-text-long = Мәтін тым ұзын.

## Why a decision was refused (shown as a notice, or on the "not possible" error page)

moderation-refused-publish = Тек модерацияны күтіп тұрған ұсыныстарды жариялауға болады.
moderation-refused-reject = Тек модерацияны күтіп тұрған ұсыныстардан бас тартуға болады.
moderation-refused-review = Әзірлеушілердің қарауына тек жарияланған ұсыныстарды жіберуге болады.
moderation-refused-respond = Ресми жауап тек әзірлеушілердің қарауындағы ұсыныстарға беріледі.
moderation-refused-duplicate = Қайталама деп тек модерацияны күтіп тұрған немесе жарияланған ұсыныстарды белгілеуге болады.
moderation-refused-bad-canonical = Ұсынысты тек осы талқылаудағы басқа жарамды ұсыныстың қайталамасы деп белгілеуге болады.
moderation-refused-no-canonical = Мұндай тіркеу нөмірі бар ұсыныс жоқ.
moderation-refused-hide = Тек көпшілікке көрініп тұрған ұсыныстарды жасыруға болады.
moderation-refused-not-flagged = Бұл ұсынысқа қарауды күтіп тұрған шағым жоқ.
moderation-refused-changed = Бұл ұсынысты біреу жаңа ғана өзгертті; оны қайта қараңыз.
moderation-refused-unknown = Белгісіз әрекет.

## Similar suggestions (templates/moderation/cluster.html)

moderation-cluster-title = Ұқсас ұсыныстар
moderation-cluster-choose = Сақталатын ұсынысты таңдаңыз; қалғандары оның қайталамалары болып белгіленеді
moderation-cluster-merge = Таңдалған ұсынысқа біріктіру

## Dashboard (templates/moderation/dashboard.html)

moderation-dashboard-title = Мониторинг тақтасы
moderation-dashboard-backlog = Мәртебелер бойынша кезек
moderation-dashboard-count = Саны
moderation-dashboard-no-pending = Модерацияны күтіп тұрған ұсыныс жоқ.
# $date: when it was submitted (datetime-format). Followed by its age in brackets (moderation-
# dashboard-days or -hours).
moderation-dashboard-oldest = Модерацияны ең ұзақ күтіп тұрған ұсыныстың жіберілген уақыты: { $date }
# $days: whole days, 1 or more (a number).
moderation-dashboard-days =
    { $days ->
        [one] { $days } күн бұрын
       *[other] { $days } күн бұрын
    }
# $hours: whole hours, 0 to 23 (a number).
moderation-dashboard-hours =
    { $hours ->
        [one] { $hours } сағат бұрын
       *[other] { $hours } сағат бұрын
    }
moderation-dashboard-decisions = Күндер мен модераторлар бойынша шешімдер (соңғы 14 күн)
moderation-dashboard-day = Күні
moderation-dashboard-none = Әзірге жоқ.
moderation-dashboard-clusters = Ұқсас ұсыныстардың ең ірі топтары
moderation-dashboard-summary = Күнделікті жиынтық
moderation-dashboard-summary-label = Кезек туралы жиынтықты күніне бір рет электрондық поштама жіберу
moderation-dashboard-save = Сақтау

## Moderation log and public decisions (templates/moderation/log.html)

moderation-log-title = Модерация журналы
moderation-log-when = Уақыты
moderation-log-who = Кім
moderation-log-what = Әрекет
moderation-log-subject = Ұсыныс немесе адам
moderation-log-change = Өзгеріс
moderation-log-why = Себебі немесе жауап
# Public page, linked from the footer.
decisions-title = Модерация шешімдері
decisions-intro = Жарияланған ұсыныстар бойынша барлық шешімдер, ең жаңалары басында. Модераторлардың аты көрсетілмейді; себептері қызметкерлердің журналында сақталады.

## Canned responses (templates/moderation/templates.html)

moderation-templates-title = Жауап үлгілері
moderation-templates-none = Әзірге жауап үлгілері жоқ.
moderation-templates-add = Жауап үлгісін қосу
moderation-templates-name = Атауы
moderation-templates-save = Жауап үлгісін сақтау
moderation-templates-use = Жауап үлгісі
moderation-templates-hint = Таңдалған үлгіні өзгеріссіз пайдалану үшін жауап өрісін бос қалдырыңыз.

## Keyboard shortcuts (the dialog of the queue, static/js/triage.js)

moderation-keys-title = Жылдам пернелер
moderation-keys-move = Келесі / алдыңғы ұсыныс
moderation-keys-open = Ашу
moderation-keys-publish = Жариялау
moderation-keys-reject = Бас тарту (себебі сұралады)
moderation-keys-duplicate = Қайталама деп белгілеу
moderation-keys-assign = Маған тағайындау
moderation-keys-help = Осы пернелерді көрсету
moderation-keys-close = Жабу
# A browser prompt. The codes are typed as they are: keep them in Latin letters; any other answer
# is taken as "other" with that text.
moderation-keys-reason-prompt = Себебі: off_topic, spam, abusive, personal_data, unclear кодтарының бірі немесе өз сөзіңізбен түсініктеме
moderation-keys-canonical-prompt = Қай ұсыныстың қайталамасы? (тіркеу нөмірі)
