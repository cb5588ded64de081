### Site, navigation, footer, language names, dates and time zones, consultation statuses, roles, short kind names, regions, one-time messages, forms in general.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Site, navigation and footer (templates/base.html)

# The platform's name: a brand, kept in Latin letters in every language (it is also the sender
# name of e-mails and the command name).
site-name = Kenes
# Shown beside the name in the header of every page.
site-tagline = Общественное обсуждение проектов законов
# Skip link for keyboard and screen-reader users, first thing on every page.
nav-skip = Перейти к основному содержанию
# Accessible name of the main navigation (read by screen readers).
nav-main = Главное меню
# Menu item and first breadcrumb: the list of consultations.
nav-consultations = Обсуждения
nav-moderation = Модерация
nav-analytics = Аналитика
nav-admin = Администрирование
nav-sign-in = Войти
nav-my-suggestions = Мои предложения
nav-sign-out = Выйти
nav-register = Регистрация
# Footer of every page.
footer-about = Kenes — платформа общественного обсуждения. Размещенные здесь тексты являются проектами, опубликованными для обсуждения, и в таком виде не имеют юридической силы.
# Accessible name of the breadcrumb trail (read by screen readers).
breadcrumb-label = Навигационная цепочка

## Choosing the language (the switcher in the header)

# Label of the language switcher.
language-label = Язык
# Each language is named in itself, the same in every catalogue: do not translate.
language-kk = Қазақша
# Each language is named in itself, the same in every catalogue: do not translate.
language-ru = Русский
# Each language is named in itself, the same in every catalogue: do not translate.
language-en = English

## Home page (templates/consultations/home.html)

home-title = Общественные обсуждения
home-intro = Читайте проект пункт за пунктом, находите важное для себя и сообщайте разработчикам, что следует изменить.
home-empty = Общественных обсуждений пока нет.
# Link on each consultation card; screen readers hear it followed by ": " and the consultation's
# title.
home-read = Читать проект

## Dates and times

# Followed by a date (date-format or datetime-format): when the consultation starts accepting
# suggestions.
dates-opens = Начало:
# Followed by a date: when the consultation stops accepting suggestions.
dates-closes = Окончание:
# Followed by a date: when a version of the draft was published.
dates-published = Опубликовано:
# Month names in the form used inside a date (the $month of date-format): Russian in the genitive
# (1 декабря), Kazakh in the nominative, lower case (2026 жылғы 1 желтоқсан).
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря
# A calendar date. $day: the day of the month as a number without a leading zero (1); $month: one
# of month-1 … month-12; $year: four digits (2026). Gives "1 December 2026", "1 декабря 2026 г.",
# "2026 жылғы 1 желтоқсан".
date-format = { $day } { $month } { $year } г.
# A date with a time of day. $day, $month, $year as in date-format; $time: 24-hour "09:00"; $zone:
# the name of the time zone (timezone-…).
datetime-format = { $day } { $month } { $year } г., { $time } ({ $zone })
# A time of day today, e.g. when a moderator's hold on a suggestion ends. $time: "14:30"; $zone:
# timezone-….
time-format = { $time } ({ $zone })
# The consultation's time zone as a reader sees it (IANA Asia/Almaty, the default; since 1 March
# 2024 all of Kazakhstan keeps one time, UTC+5). Government sites name it after the capital: "по
# времени Астаны", "Астана уақыты". Written lower case in Russian: it stands inside brackets after
# a time.
timezone-asia-almaty = время Астаны
# Coordinated Universal Time, for staff pages that keep times in UTC.
timezone-utc = UTC
# Any other configured time zone, named by its offset. $offset: "+05:00".
timezone-offset = UTC{ $offset }

## Consultation statuses (templates/partials/status.html, admin forms)

status-label = Статус
# A consultation being prepared, not yet open (not the draft text itself).
status-draft = В подготовке
status-open = Идет прием предложений
status-closed = Завершено
status-results = Итоги опубликованы

## Roles (src/i18n.rs role_name: admin user list, role select, CLI)

role-citizen = Гражданин
role-moderator = Модератор
role-analyst = Аналитик
role-admin = Администратор

## Suggestion kinds, short (chart rows, exports); the full labels are suggestion-kind-*

# A short name of the kind, for a chart row or a table cell.
kind-amend = Изменение
kind-delete = Исключение
kind-add = Дополнение
kind-comment = Замечание

## Regions of Kazakhstan (src/i18n.rs region_name): 17 regions and 3 cities of republican significance, official names as of 2024

# Region names as in the official lists (the new regions of 2022 keep their Kazakh names in
# Russian: область Абай, область Жетісу, область Ұлытау). Shown in the region select of the
# registration and account forms and in statistics. Sort the select by the name in the page's
# language.
region-abai = Область Абай
region-akmola = Акмолинская область
region-aktobe = Актюбинская область
region-almaty-region = Алматинская область
region-atyrau = Атырауская область
region-east-kazakhstan = Восточно-Казахстанская область
region-jambyl = Жамбылская область
region-jetisu = Область Жетісу
region-karaganda = Карагандинская область
region-kostanay = Костанайская область
region-kyzylorda = Кызылординская область
region-mangystau = Мангистауская область
region-north-kazakhstan = Северо-Казахстанская область
region-pavlodar = Павлодарская область
region-turkistan = Туркестанская область
region-ulytau = Область Ұлытау
region-west-kazakhstan = Западно-Казахстанская область
region-astana = Город Астана
region-almaty = Город Алматы
region-shymkent = Город Шымкент
# Not a region: answers a citizen can give instead of one.
region-abroad = Проживаю за рубежом
region-undisclosed = Не хочу указывать
# No region, or a code that is no longer known (statistics by region).
region-unknown = Не указан

## One-time messages after an action (src/i18n.rs FLASH_KEYS; shown at the top of the next page)

flash-signed-in = Вы вошли в систему.
flash-signed-out = Вы вышли из системы.
flash-signed-out-everywhere = Выполнен выход из системы на всех устройствах.
flash-profile-saved = Профиль сохранен.
flash-password-changed = Пароль изменен. Войдите в систему повторно.
flash-password-reset = Новый пароль сохранен. Войдите в систему с новым паролем.
flash-confirmation-sent = Новая ссылка для подтверждения отправлена на Вашу почту.
flash-account-deleted = Ваша учетная запись удалена.
flash-role-changed = Роль изменена.
flash-saved = Сохранено.
flash-withdrawn = Ваше предложение отозвано.
flash-reported = Спасибо. Модераторы рассмотрят Вашу жалобу.
flash-report-already = Вы уже направили жалобу на это предложение.

## Forms in general (templates/macros/forms.html)

# Heading of the box that lists a form's errors, each a link to its field.
form-errors-title = Исправьте следующие ошибки
form-resubmit = Срок действия формы истек, поэтому ничего не сохранено. Все введенные данные на месте, кроме пароля: введите его снова и отправьте форму еще раз.
# Heading of the footnotes under an article, a clause or a chapter of the draft (Kazakh official
# texts: "Ескерту.", Russian: "Примечание." / "Сноска.").
notes-title = Примечания

# A text field holds control characters (a NUL byte…) that cannot be stored.
form-text-control = Текст содержит невидимые управляющие символы (например, байт NUL), которые невозможно сохранить. Удалите их и повторите попытку; остальной введенный Вами текст остался в форме.
