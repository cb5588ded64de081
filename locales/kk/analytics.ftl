### Analytics: exports, the data dictionary, statistics, open data.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Analytics home and exports (templates/analytics/home.html)

analytics-title = Талдау
analytics-intro = CSV файлдарын жүктеп алыңыз (UTF-8, бір тақырып жолы, уақыт UTC бойынша). Адамдар тек бүркеншік атпен көрсетіледі, әр файлда бүркеншік аттар әртүрлі. Әр жүктеу SHA-256 хэшімен тіркеледі, сондықтан жарияланған кез келген көрсеткіштің қай файлдан алынғанын анықтауға болады.
analytics-statistics = Статистика және диаграммалар
# Label of the select of export-kind-… .
analytics-export = Экспорт
analytics-excel = Excel үшін (байт реті белгісі қосылады)
analytics-download = Жүктеп алу
analytics-recent = Жасалған экспорттар
analytics-none = Әзірге экспорт жасалған жоқ.
analytics-file = Файл және сүзгілер
# Column header; the cells are numbers.
analytics-rows = Жолдар саны
analytics-filter-invalid = Сүзгі мәні жарамсыз.
# In the "Who" column, for an export made with the command kenes export (keep the command as it
# is).
analytics-export-cli = Командалық жол (kenes export)
# Names of the exports, in the export select and as headings of the data dictionary.
export-kind-suggestions = Ұсыныстар
export-kind-upvotes = Қолдаулар
export-kind-clauses = Тармақтар бойынша статистика
export-kind-moderation-log = Модерация журналы
export-kind-regions = Өңірлер

## Data dictionary (templates/analytics/dictionary.html; the meanings live in src/export.rs DICTIONARY)

analytics-dictionary = Бағандардың мағынасы
analytics-dictionary-intro = Әр экспорттың бағандары тұрақты: жаңа бағандар тек соңына қосылуы мүмкін, ал бірде-бір баған алдын ала хабарланбай қайта аталмайды және алынып тасталмайды. Файлдар — UTF-8 кодтауындағы, бір тақырып жолы бар RFC 4180 CSV; уақыт ISO 8601 форматында, UTC бойынша; электрондық кесте формула деп қабылдауы мүмкін мәтін апострофтан басталады.
analytics-column = Баған
analytics-type = Түрі
analytics-meaning = Мағынасы
# Types of a column, lower case (a table cell).
analytics-type-text = мәтін
analytics-type-integer = бүтін сан
analytics-type-time = уақыт
analytics-type-boolean = логикалық мән
# Meaning of one column of an export (the column names themselves are a contract and stay as they
# are; codes such as pending or off_topic are values of the file and stay too).
analytics-col-suggestions-tracking-number = Ұсыныстың тіркеу нөмірі, мысалы KZ-7F3K-9QX2; қайталанбайды.
analytics-col-suggestions-consultation = Талқылаудың қысқа атауы.
analytics-col-suggestions-version = Ұсыныс берілген жоба редакциясының нөмірі.
analytics-col-suggestions-chapter = Тармақ кіретін тараудың (бөлімнің) тақырыбы; құжатта тараулар болмаса, бос.
analytics-col-suggestions-article = Баптың мәтінде жазылған нөмірі.
analytics-col-suggestions-clause = Тармақтың нөмірі: бап.тармақ (мысалы, 12.3).
analytics-col-suggestions-clause-excerpt = Тармақ мәтінінің сол редакциядағы алғашқы 200 таңбасы.
analytics-col-suggestions-kind = amend (өзгерту), delete (алып тастау), add (толықтыру) немесе comment (пікір).
analytics-col-suggestions-body = Азаматтың түсініктемесі, жіберілген күйінде (жол ауыстырулары сақталған).
analytics-col-suggestions-proposed-text = amend және add үшін: ұсынылған мәтін; қалған жағдайда бос.
analytics-col-suggestions-status = Мәртебе коды: pending, published, rejected, under_review, accepted, partly_accepted, not_accepted, duplicate, hidden немесе withdrawn.
analytics-col-suggestions-reason-code = rejected немесе hidden үшін: off_topic, spam, abusive, personal_data, unclear немесе other.
analytics-col-suggestions-official-response = Жобаны әзірлеу жөніндегі комиссияның жарияланған жауабы (бар болса).
analytics-col-suggestions-upvotes = Ұсынысты қолдаған азаматтар саны (басқа ұсыныстар біріктірілген ұсыныс үшін — бүкіл топ бойынша).
analytics-col-suggestions-duplicate-of = Қайталамалар үшін: ол біріктірілген ұсыныстың тіркеу нөмірі.
analytics-col-suggestions-cluster-id = Ұқсас ұсыныстар тобы (оның алғашқы мүшесінің идентификаторы); ұсыныс жалғыз болса, бос.
analytics-col-suggestions-cluster-size = Ұқсас ұсыныстар тобындағы ұсыныстар саны (жалғыз болса, 1).
analytics-col-suggestions-tags = Модераторлардың тегтері, «; » белгісімен бөлінген.
analytics-col-suggestions-created-at = Жіберілген уақыты (ISO 8601, UTC).
analytics-col-suggestions-decided-at = Соңғы модерация шешімі қабылданған уақыт; шешім болмаса, бос.
analytics-col-suggestions-author = Автордың бүркеншік аты, тек осы файл ішінде өзгермейді (аты-жөні мен электрондық поштасы ешқашан көрсетілмейді).
analytics-col-suggestions-author-region = Автор көрсеткен өңір коды; көрсетілмесе, бос.
analytics-col-upvotes-tracking-number = Қолдау көрсетілген ұсыныс.
analytics-col-upvotes-voter = Азаматтың бүркеншік аты, тек осы файл ішінде өзгермейді.
analytics-col-upvotes-voter-region = Азаматтың өңір коды; көрсетілмесе, бос.
analytics-col-upvotes-created-at = Қолдау берілген уақыт (ISO 8601, UTC).
analytics-col-clauses-consultation = Талқылаудың қысқа атауы.
analytics-col-clauses-clause = Тармақтың нөмірі (оған берілген алғашқы ұсыныстың редакциясындағыдай).
analytics-col-clauses-suggestions = Тармаққа берілген, сүзгіге сәйкес ұсыныстар саны.
analytics-col-clauses-kinds = Олардың ішінде әр түрдегі ұсыныстар саны.
analytics-col-clauses-statuses = Олардың ішінде әр мәртебедегі ұсыныстар саны (әр мәртебеге бір баған).
analytics-col-clauses-upvotes = Олардың қолдауларының жалпы саны.
analytics-col-clauses-distinct-authors = Оларды жазған әртүрлі азаматтар саны.
analytics-col-moderation-log-log-id = Журнал жолының нөмірі; жолдар ешқашан өзгертілмейді және жойылмайды.
analytics-col-moderation-log-created-at = Уақыты (ISO 8601, UTC).
analytics-col-moderation-log-tracking-number = Жазба қатысты ұсыныс.
analytics-col-moderation-log-action = Әрекет коды: publish, reject, review, respond, merge, hide, flags_cleared, flags_upheld, auto_hide, assign, tag, untag немесе note.
analytics-col-moderation-log-from-status = Бұрынғы мәртебе (немесе тағайындалған адам, тег).
analytics-col-moderation-log-to-status = Кейінгі мәртебе (немесе тағайындалған адам, тег).
analytics-col-moderation-log-reason = Себеп коды мен мәтіні, ресми жауап немесе біріктіру кезіндегі негізгі ұсыныс.
analytics-col-moderation-log-moderator = Модератордың бүркеншік аты, тек осы файл ішінде өзгермейді; автоматты әрекеттер үшін бос.
analytics-col-regions-region = Өңір коды немесе unknown.
analytics-col-regions-participants = Сүзгіге сәйкес ұсыныстарды жазған әртүрлі азаматтар саны; 5-тен аз болса, көрсетілмейді (бос).
analytics-col-regions-suggestions = Олардың ұсыныстарының саны; 5-тен аз болса немесе қатысушылар саны көрсетілмесе, көрсетілмейді.
analytics-col-regions-upvotes-received = Осы ұсыныстар алған қолдаулар саны; 5-тен аз болса немесе қатысушылар саны көрсетілмесе, көрсетілмейді.
analytics-col-regions-suppressed = Жолдағы кез келген сан көрсетілмесе, true.

## Statistics (templates/analytics/statistics.html, src/routes/analytics.rs)

statistics-title = Статистика
statistics-per-day = Күн сайынғы ұсыныстар саны
statistics-by-status = Мәртебесі бойынша ұсыныстар
statistics-by-kind = Түрі бойынша ұсыныстар
statistics-top-clauses = Ең көп талқыланған тармақтар
statistics-by-article = Баптар бойынша ұсыныстар (ең көп талқыланғандары басында)
statistics-by-region = Автордың өңірі бойынша ұсыныстар
statistics-decisions = Күн сайынғы модерация шешімдері
statistics-backlog = Модерацияны күтіп тұрған ұсыныстар (күту ұзақтығы бойынша)
statistics-regions-note = Ешкімді тануға болмауы үшін авторлары немесе ұсыныстары 5-тен аз өңірлердің деректері көрсетілмейді.
# Tooltip of "<5" in a table cell.
statistics-withheld = көрсетілмейді: 5-тен аз
statistics-csv = Осы деректерді жүктеп алу (CSV)
# Rows of the chart "Suggestions awaiting moderation, by how long they have waited".
statistics-age-under-day = 1 күннен аз
statistics-age-week = 1–7 күн
statistics-age-month = 7–30 күн
statistics-age-older = 30 күннен көп
# Small label at the top of a column chart. $value: the largest value shown (a number).
statistics-chart-max = ең көбі { $value }

## Open data (templates/open_data.html)

open-data-title = Ашық деректер
open-data-intro = Мұнда көпшілікке қолжетімді ақпараттың бәрі еркін қайта пайдалануға болатын файлдар түрінде де беріледі: әр тармақ бойынша жарияланған ұсыныстар, олардың мәртебесі мен ресми жауаптары, сондай-ақ тармақтар бойынша сандық деректер. Файлдарда дербес деректер жоқ: аты-жөні, электрондық пошта мекенжайы мен өңірі көрсетілмейді, жария емес ұсыныстар енгізілмейді.
open-data-files = Файлдар
# Follows "suggestions.csv · suggestions.json: " (lower case).
open-data-suggestions = барлық жария ұсыныстар: тармағы, түрі, мәтіні, мәртебесі, ресми жауабы және қолдау саны.
# Follows "clauses.csv · clauses.json: " (lower case).
open-data-clauses = әр тармақ бойынша: әр түрдегі жария ұсыныстар саны және олардың қолдау саны.
open-data-filter = Бір талқылаудың файлын алу үшін мекенжайдың соңына ?consultation= және талқылаудың қысқа атауын қосыңыз (мысалы, ?consultation=constitution-2024). Файлдар сұрау бойынша, деректердің бір сәттегі күйі бойынша жасалады.
open-data-columns = Бағандар
open-data-format = CSV файлдары RFC 4180 стандартына сәйкес, UTF-8 кодтауында, тақырып жолымен беріледі; JSON файлдары — өрістері CSV файлдарындағыдай объектілерден тұратын массив. Уақыт ISO 8601 форматында, UTC бойынша көрсетіледі. CSV файлдарында электрондық кесте формула деп қабылдауы мүмкін мәтін апострофтан басталады.
open-data-licence-title = Лицензия
# The licence's own name stays in English, as it is registered.
open-data-licence = Файлдар Creative Commons Attribution 4.0 International (CC BY 4.0) лицензиясы бойынша жарияланады: талқылауды ұйымдастырушы мен осы платформа дереккөз ретінде көрсетілген жағдайда оларды кез келген мақсатта көшіруге, таратуға және өңдеуге болады. Азаматтардың мәтіндері олардың келісімімен осы шарттармен жарияланады.
