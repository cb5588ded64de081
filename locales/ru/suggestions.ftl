### Suggestions: counts, kinds, statuses, the form, the receipt, my suggestions, reports.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Counts

# After an article in the contents and beside a clause. $count: a number, 1 or more (for 0 nothing
# is shown: the call site leaves it empty).
suggestion-count =
    { $count ->
        [one] { $count } предложение
        [few] { $count } предложения
        [many] { $count } предложений
       *[other] { $count } предложения
    }
# Beside the Support button and in lists. $count: the number of citizens supporting the suggestion
# (0 or more).
suggestion-upvotes =
    { $count ->
        [one] { $count } человек поддержал
        [few] { $count } человека поддержали
        [many] { $count } человек поддержали
       *[other] { $count } человека поддержали
    }

## Kinds and statuses of a suggestion (templates/suggestions/item.html and everywhere a suggestion is listed)

suggestion-kind-amend = Изменить пункт
suggestion-kind-delete = Исключить пункт
suggestion-kind-add = Дополнить новым пунктом после этого
suggestion-kind-comment = Замечание или вопрос
suggestion-status-pending = Ожидает модерации
suggestion-status-published = Опубликовано
# Rejected by a moderator (off topic, spam…): never made public. Not the same as suggestion-
# status-not-accepted.
suggestion-status-rejected = Не опубликовано
suggestion-status-under-review = На рассмотрении у разработчиков
suggestion-status-accepted = Принято
suggestion-status-partly-accepted = Принято частично
# The drafters' decision after review, with an official response.
suggestion-status-not-accepted = Не принято
suggestion-status-duplicate = Объединено с аналогичным предложением
suggestion-status-hidden = Скрыто
suggestion-status-withdrawn = Отозвано автором

## A suggestion as listed (templates/suggestions/item.html)

# Shown in place of the author's name (lower case: it stands in a line of details).
suggestion-deleted-author = удаленная учетная запись
# Accessible name of the comparison of the proposed text with the clause.
suggestion-diff-label = Предлагаемая формулировка в сравнении с текстом пункта
# Read by screen readers before deleted words: "[removed: …]".
suggestion-diff-removed = удалено
# Read by screen readers before inserted words: "[added: …]".
suggestion-diff-added = добавлено
suggestion-proposed-clause = Предлагаемый новый пункт:
suggestion-proposed-wording = Предлагаемая новая формулировка пункта:
suggestion-official-response = Официальный ответ:
# Button: support (upvote) a suggestion.
suggestion-upvote = Поддержать
# The same button once pressed (pressing again takes the support back).
suggestion-upvoted = Поддержано
suggestion-vote-sign-in = Войдите в систему, чтобы поддерживать предложения.
suggestion-vote-closed = Обсуждение завершено: поддерживать предложения больше нельзя.
suggestion-vote-not-open = Это предложение больше нельзя поддержать.
suggestion-vote-own = Нельзя поддержать собственное предложение.
# Opens the form to report an abusive suggestion to the moderators.
suggestion-report-open = Пожаловаться
suggestion-report-reason = Что не так с этим предложением?
suggestion-report-send = Отправить жалобу
report-own = Нельзя пожаловаться на собственное предложение.
report-reason-required = Кратко опишите, что не так.

## Suggestions on a clause page (templates/consultations/clause.html)

# Heading; followed by the total in brackets.
suggestions-title = Предложения
suggestions-suggest = Предложить изменение в этот пункт
suggestions-closed = Сейчас прием предложений в рамках этого обсуждения не ведется.
suggestions-none = По этому пункту пока не опубликовано ни одного предложения.
suggestions-more = Еще предложения
# Followed by ":" and the choices below.
suggestions-sort-label = Сортировка
suggestions-sort-top = По числу поддержавших
suggestions-sort-newest = Сначала новые
suggestions-sort-status = По статусу

## The suggestion form (templates/suggestions/form.html)

# $reference: the clause, e.g. 12.3.
suggest-title = Предложить изменение в пункт { $reference }
suggest-edit-title = Редактирование предложения
suggest-signed-out = Предложение можно написать уже сейчас: при отправке потребуется войти в систему, и весь введенный текст сохранится.
suggest-kind-legend = Что Вы предлагаете?
suggest-kind-amend-hint = Приведите предлагаемую формулировку; читатели увидят ее в сравнении с текущим текстом.
suggest-kind-delete-hint = Объясните, почему пункт следует исключить.
suggest-kind-add-hint = Приведите текст нового пункта, который следует добавить после этого.
suggest-kind-comment-hint = Замечание или вопрос по пункту.
suggest-proposed-label = Предлагаемая формулировка (для изменения или нового пункта)
suggest-proposed-hint = До 5000 символов.
suggest-body-label = Пояснение
suggest-body-hint = От 10 до 5000 символов, не более 3 ссылок.
suggest-submit = Отправить предложение
# The submit button when similar suggestions are shown above the form.
suggest-submit-anyway = Все равно отправить мое предложение
suggest-save = Сохранить изменения
suggest-similar-title = Похожие предложения, поданные ранее
suggest-similar-intro = Эти предложения близки по смыслу к Вашему. Можно поддержать одно из них или все же отправить свое ниже.
suggest-closed = Сейчас прием предложений в рамках этого обсуждения не ведется. Ваш текст сохранен ниже, чтобы его можно было скопировать.
suggest-confirm-first = Сначала подтвердите адрес электронной почты (по ссылке из письма). Ваш текст сохранен ниже.
suggest-throttled = Вы отправили много предложений за короткое время. Подождите немного; Ваш текст сохранен ниже.
suggest-blocked = Ваша учетная запись заблокирована модераторами: читать материалы можно, но направлять и поддерживать предложения нельзя.
form-kind-invalid = Выберите, что Вы предлагаете.
form-body-required = Поясните свое предложение.
form-body-short = Пояснение должно содержать не менее 10 символов.
form-body-long = Пояснение должно содержать не более 5000 символов.
form-body-links = Укажите не более 3 ссылок.
form-proposed-required = Приведите предлагаемую формулировку.
form-proposed-long = Предлагаемая формулировка должна содержать не более 5000 символов.

## The receipt of a suggestion (templates/suggestions/receipt.html)

# $number: the tracking number, e.g. KZ-7F3K-9QX2.
receipt-title = Предложение № { $number }
receipt-thanks = Спасибо! Ваше предложение зарегистрировано. Подтверждение отправлено на Вашу электронную почту.
receipt-number = Регистрационный номер
receipt-kind = Вид
receipt-consultation = Обсуждение
receipt-clause = Пункт
receipt-submitted = Дата подачи
receipt-keep = Сохраните регистрационный номер: по этому адресу любой желающий может следить за статусом предложения.

## My suggestions (templates/suggestions/mine.html)

mine-title = Мои предложения
mine-none = У Вас пока нет предложений.
mine-edit = Изменить
mine-withdraw = Отозвать
mine-not-editable = Изменить или отозвать можно только предложения, ожидающие модерации.

## Added with the wiring of the catalogues

# The suggestion form, signed out, when the text cannot be kept across signing in.
suggest-draft-not-kept = Сейчас не удается сохранить Ваш текст на время входа в систему. Ничего не потеряно: текст находится ниже. Скопируйте его, войдите в систему и отправьте снова.
# Editing a suggestion when the account has been blocked.
mine-blocked-edit = Ваша учетная запись заблокирована, поэтому изменить это предложение нельзя. Отозвать его при этом по-прежнему можно. Ваш текст приведен ниже, чтобы Вы могли сохранить копию.
