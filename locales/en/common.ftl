### Site, navigation, footer, language names, dates and time zones, consultation statuses, roles, short kind names, regions, one-time messages, forms in general.
### English.

## Site, navigation and footer (templates/base.html)

# The platform's name: a brand, kept in Latin letters in every language (it is also the sender
# name of e-mails and the command name).
site-name = Kenes
# Shown beside the name in the header of every page.
site-tagline = Public consultation on draft laws
# Skip link for keyboard and screen-reader users, first thing on every page.
nav-skip = Skip to main content
# Accessible name of the main navigation (read by screen readers).
nav-main = Main
# Menu item and first breadcrumb: the list of consultations.
nav-consultations = Consultations
nav-moderation = Moderation
nav-analytics = Analytics
nav-admin = Administration
nav-sign-in = Sign in
nav-my-suggestions = My suggestions
nav-sign-out = Sign out
nav-register = Register
# Footer of every page.
footer-about = Kenes is a public consultation platform. The texts shown are drafts published for comment; they are not in force as shown.
# Accessible name of the breadcrumb trail (read by screen readers).
breadcrumb-label = You are here

## Choosing the language (the switcher in the header)

# Label of the language switcher.
language-label = Language
# Each language is named in itself, the same in every catalogue: do not translate.
language-kk = Қазақша
# Each language is named in itself, the same in every catalogue: do not translate.
language-ru = Русский
# Each language is named in itself, the same in every catalogue: do not translate.
language-en = English

## Home page (templates/consultations/home.html)

home-title = Public consultations
home-intro = Read a draft clause by clause, find what matters to you, and tell the drafters what should change.
home-empty = There are no public consultations yet.
# Link on each consultation card; screen readers hear it followed by ": " and the consultation's
# title.
home-read = Read the draft

## Dates and times

# Followed by a date (date-format or datetime-format): when the consultation starts accepting
# suggestions.
dates-opens = Opens
# Followed by a date: when the consultation stops accepting suggestions.
dates-closes = Closes
# Followed by a date: when a version of the draft was published.
dates-published = Published
# Month names in the form used inside a date (the $month of date-format): Russian in the genitive
# (1 декабря), Kazakh in the nominative, lower case (2026 жылғы 1 желтоқсан).
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
# A calendar date. $day: the day of the month as a number without a leading zero (1); $month: one
# of month-1 … month-12; $year: four digits (2026). Gives "1 December 2026", "1 декабря 2026 г.",
# "2026 жылғы 1 желтоқсан".
date-format = { $day } { $month } { $year }
# A date with a time of day. $day, $month, $year as in date-format; $time: 24-hour "09:00"; $zone:
# the name of the time zone (timezone-…).
datetime-format = { $day } { $month } { $year }, { $time } ({ $zone })
# A time of day today, e.g. when a moderator's hold on a suggestion ends. $time: "14:30"; $zone:
# timezone-….
time-format = { $time } ({ $zone })
# The consultation's time zone as a reader sees it (IANA Asia/Almaty, the default; since 1 March
# 2024 all of Kazakhstan keeps one time, UTC+5). Government sites name it after the capital: "по
# времени Астаны", "Астана уақыты". Written lower case in Russian: it stands inside brackets after
# a time.
timezone-asia-almaty = Astana time
# Coordinated Universal Time, for staff pages that keep times in UTC.
timezone-utc = UTC
# Any other configured time zone, named by its offset. $offset: "+05:00".
timezone-offset = UTC{ $offset }

## Consultation statuses (templates/partials/status.html, admin forms)

status-label = Status
# A consultation being prepared, not yet open (not the draft text itself).
status-draft = Draft
status-open = Open for suggestions
status-closed = Closed
status-results = Results published

## Roles (src/i18n.rs role_name: admin user list, role select, CLI)

role-citizen = Citizen
role-moderator = Moderator
role-analyst = Analyst
role-admin = Administrator

## Suggestion kinds, short (chart rows, exports); the full labels are suggestion-kind-*

# A short name of the kind, for a chart row or a table cell.
kind-amend = Amendment
kind-delete = Deletion
kind-add = Addition
kind-comment = Comment

## Regions of Kazakhstan (src/i18n.rs region_name): 17 regions and 3 cities of republican significance, official names as of 2024

# Region names as in the official lists (the new regions of 2022 keep their Kazakh names in
# Russian: область Абай, область Жетісу, область Ұлытау). Shown in the region select of the
# registration and account forms and in statistics. Sort the select by the name in the page's
# language.
region-abai = Abai Region
region-akmola = Akmola Region
region-aktobe = Aktobe Region
region-almaty-region = Almaty Region
region-atyrau = Atyrau Region
region-east-kazakhstan = East Kazakhstan Region
region-jambyl = Jambyl Region
region-jetisu = Jetisu Region
region-karaganda = Karaganda Region
region-kostanay = Kostanay Region
region-kyzylorda = Kyzylorda Region
region-mangystau = Mangystau Region
region-north-kazakhstan = North Kazakhstan Region
region-pavlodar = Pavlodar Region
region-turkistan = Turkistan Region
region-ulytau = Ulytau Region
region-west-kazakhstan = West Kazakhstan Region
region-astana = Astana (city)
region-almaty = Almaty (city)
region-shymkent = Shymkent (city)
# Not a region: answers a citizen can give instead of one.
region-abroad = Living abroad
region-undisclosed = Prefer not to say
# No region, or a code that is no longer known (statistics by region).
region-unknown = Not given

## One-time messages after an action (src/i18n.rs FLASH_KEYS; shown at the top of the next page)

flash-signed-in = You are signed in.
flash-signed-out = You are signed out.
flash-signed-out-everywhere = You are signed out on every device.
flash-profile-saved = Your profile is saved.
flash-password-changed = Your password is changed. Please sign in again.
flash-password-reset = Your password is reset. Please sign in with the new one.
flash-confirmation-sent = We have sent you a new confirmation link.
flash-account-deleted = Your account is deleted.
flash-role-changed = The role is changed.
flash-saved = Saved.
flash-withdrawn = Your suggestion is withdrawn.
flash-reported = Thank you. Moderators will look at your report.
flash-report-already = You have already reported this suggestion.

## Forms in general (templates/macros/forms.html)

# Heading of the box that lists a form's errors, each a link to its field.
form-errors-title = Please correct the following
form-resubmit = This form had expired, so nothing was saved. Everything you typed is still here except your password: enter it again and submit once more.
# Heading of the footnotes under an article, a clause or a chapter of the draft (Kazakh official
# texts: "Ескерту.", Russian: "Примечание." / "Сноска.").
notes-title = Notes

# A text field holds control characters (a NUL byte…) that cannot be stored.
form-text-control = This text contains invisible control characters (for example a NUL byte) that cannot be saved. Remove them and try again; the rest of what you typed is kept.
