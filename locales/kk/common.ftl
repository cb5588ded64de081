### Site, navigation, footer, language names, dates and time zones, consultation statuses, roles, short kind names, regions, one-time messages, forms in general.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Site, navigation and footer (templates/base.html)

# The platform's name: a brand, kept in Latin letters in every language (it is also the sender
# name of e-mails and the command name).
site-name = Kenes
# Shown beside the name in the header of every page.
site-tagline = Заң жобаларын қоғамдық талқылау
# Skip link for keyboard and screen-reader users, first thing on every page.
nav-skip = Негізгі мазмұнға өту
# Accessible name of the main navigation (read by screen readers).
nav-main = Негізгі мәзір
# Menu item and first breadcrumb: the list of consultations.
nav-consultations = Талқылаулар
nav-moderation = Модерация
nav-analytics = Талдау
nav-admin = Әкімшілендіру
nav-sign-in = Кіру
nav-my-suggestions = Менің ұсыныстарым
nav-sign-out = Шығу
nav-register = Тіркелу
# Footer of every page.
footer-about = Kenes — қоғамдық талқылау платформасы. Мұнда жарияланған мәтіндер — талқылауға ұсынылған жобалар, олардың осы түрінде заңды күші жоқ.
# Accessible name of the breadcrumb trail (read by screen readers).
breadcrumb-label = Навигация жолы

## Choosing the language (the switcher in the header)

# Label of the language switcher.
language-label = Тіл
# Each language is named in itself, the same in every catalogue: do not translate.
language-kk = Қазақша
# Each language is named in itself, the same in every catalogue: do not translate.
language-ru = Русский
# Each language is named in itself, the same in every catalogue: do not translate.
language-en = English

## Home page (templates/consultations/home.html)

home-title = Қоғамдық талқылаулар
home-intro = Жобаны тармақ-тармағымен оқып, өзіңізге маңыздысын табыңыз және әзірлеушілерге не өзгеруі керек екенін жеткізіңіз.
home-empty = Әзірге қоғамдық талқылаулар жоқ.
# Link on each consultation card; screen readers hear it followed by ": " and the consultation's
# title.
home-read = Жобамен танысу

## Dates and times

# Followed by a date (date-format or datetime-format): when the consultation starts accepting
# suggestions.
dates-opens = Басталуы:
# Followed by a date: when the consultation stops accepting suggestions.
dates-closes = Аяқталуы:
# Followed by a date: when a version of the draft was published.
dates-published = Жарияланған күні:
# Month names in the form used inside a date (the $month of date-format): Russian in the genitive
# (1 декабря), Kazakh in the nominative, lower case (2026 жылғы 1 желтоқсан).
month-1 = қаңтар
month-2 = ақпан
month-3 = наурыз
month-4 = сәуір
month-5 = мамыр
month-6 = маусым
month-7 = шілде
month-8 = тамыз
month-9 = қыркүйек
month-10 = қазан
month-11 = қараша
month-12 = желтоқсан
# A calendar date. $day: the day of the month as a number without a leading zero (1); $month: one
# of month-1 … month-12; $year: four digits (2026). Gives "1 December 2026", "1 декабря 2026 г.",
# "2026 жылғы 1 желтоқсан".
date-format = { $year } жылғы { $day } { $month }
# A date with a time of day. $day, $month, $year as in date-format; $time: 24-hour "09:00"; $zone:
# the name of the time zone (timezone-…).
datetime-format = { $year } жылғы { $day } { $month }, { $time } ({ $zone })
# A time of day today, e.g. when a moderator's hold on a suggestion ends. $time: "14:30"; $zone:
# timezone-….
time-format = { $time } ({ $zone })
# The consultation's time zone as a reader sees it (IANA Asia/Almaty, the default; since 1 March
# 2024 all of Kazakhstan keeps one time, UTC+5). Government sites name it after the capital: "по
# времени Астаны", "Астана уақыты". Written lower case in Russian: it stands inside brackets after
# a time.
timezone-asia-almaty = Астана уақыты
# Coordinated Universal Time, for staff pages that keep times in UTC.
timezone-utc = UTC
# Any other configured time zone, named by its offset. $offset: "+05:00".
timezone-offset = UTC{ $offset }

## Consultation statuses (templates/partials/status.html, admin forms)

status-label = Мәртебесі
# A consultation being prepared, not yet open (not the draft text itself).
status-draft = Дайындалуда
status-open = Ұсыныстар қабылдануда
status-closed = Аяқталды
status-results = Қорытындылары жарияланды

## Roles (src/i18n.rs role_name: admin user list, role select, CLI)

role-citizen = Азамат
role-moderator = Модератор
role-analyst = Талдаушы
role-admin = Әкімші

## Suggestion kinds, short (chart rows, exports); the full labels are suggestion-kind-*

# A short name of the kind, for a chart row or a table cell.
kind-amend = Өзгерту
kind-delete = Алып тастау
kind-add = Толықтыру
kind-comment = Пікір

## Regions of Kazakhstan (src/i18n.rs region_name): 17 regions and 3 cities of republican significance, official names as of 2024

# Region names as in the official lists (the new regions of 2022 keep their Kazakh names in
# Russian: область Абай, область Жетісу, область Ұлытау). Shown in the region select of the
# registration and account forms and in statistics. Sort the select by the name in the page's
# language.
region-abai = Абай облысы
region-akmola = Ақмола облысы
region-aktobe = Ақтөбе облысы
region-almaty-region = Алматы облысы
region-atyrau = Атырау облысы
region-east-kazakhstan = Шығыс Қазақстан облысы
region-jambyl = Жамбыл облысы
region-jetisu = Жетісу облысы
region-karaganda = Қарағанды облысы
region-kostanay = Қостанай облысы
region-kyzylorda = Қызылорда облысы
region-mangystau = Маңғыстау облысы
region-north-kazakhstan = Солтүстік Қазақстан облысы
region-pavlodar = Павлодар облысы
region-turkistan = Түркістан облысы
region-ulytau = Ұлытау облысы
region-west-kazakhstan = Батыс Қазақстан облысы
region-astana = Астана қаласы
region-almaty = Алматы қаласы
region-shymkent = Шымкент қаласы
# Not a region: answers a citizen can give instead of one.
region-abroad = Шетелде тұрамын
region-undisclosed = Көрсеткім келмейді
# No region, or a code that is no longer known (statistics by region).
region-unknown = Көрсетілмеген

## One-time messages after an action (src/i18n.rs FLASH_KEYS; shown at the top of the next page)

flash-signed-in = Сіз жүйеге кірдіңіз.
flash-signed-out = Сіз жүйеден шықтыңыз.
flash-signed-out-everywhere = Сіз барлық құрылғыда жүйеден шықтыңыз.
flash-profile-saved = Профиль сақталды.
flash-password-changed = Құпиясөз өзгертілді. Жүйеге қайта кіріңіз.
flash-password-reset = Жаңа құпиясөз сақталды. Жүйеге жаңа құпиясөзбен кіріңіз.
flash-confirmation-sent = Растауға арналған жаңа сілтеме поштаңызға жіберілді.
flash-account-deleted = Есептік жазбаңыз жойылды.
flash-role-changed = Рөл өзгертілді.
flash-saved = Сақталды.
flash-withdrawn = Ұсынысыңыз кері қайтарып алынды.
flash-reported = Рақмет. Шағымыңызды модераторлар қарайды.
flash-report-already = Сіз бұл ұсынысқа шағым жіберіп қойғансыз.

## Forms in general (templates/macros/forms.html)

# Heading of the box that lists a form's errors, each a link to its field.
form-errors-title = Төмендегі қателерді түзетіңіз
form-resubmit = Форманың мерзімі өтіп кеткендіктен, ештеңе сақталмады. Енгізгеніңіздің бәрі орнында, тек құпиясөзді қайта енгізіп, форманы тағы бір рет жіберіңіз.
# Heading of the footnotes under an article, a clause or a chapter of the draft (Kazakh official
# texts: "Ескерту.", Russian: "Примечание." / "Сноска.").
notes-title = Ескертулер

# A text field holds control characters (a NUL byte…) that cannot be stored.
form-text-control = Мәтінде сақтауға болмайтын көрінбейтін басқару таңбалары бар (мысалы, NUL байты). Оларды алып тастап, қайталап көріңіз; енгізген мәтініңіздің қалған бөлігі формада қалды.
