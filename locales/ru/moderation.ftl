### The moderation workbench: queue, review, bulk actions, dashboard, logs, canned responses.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## The moderation queue (templates/moderation/queue.html)

moderation-title = Модерация
moderation-empty = По этому фильтру ничего не найдено.
moderation-filter-label = Фильтр очереди
moderation-filter-status = Статус
moderation-filter-any-status = Любой статус
moderation-filter-kind = Вид
moderation-filter-any-kind = Любой вид
moderation-filter-consultation = Обсуждение (краткое имя)
moderation-filter-chapter = Глава (номер)
moderation-filter-article = Статья
moderation-filter-clause = Пункт (например, 12.3)
moderation-filter-from = Подано с
moderation-filter-to = Подано по
moderation-filter-date = Введите дату в формате ГГГГ-ММ-ДД.
moderation-filter-min-upvotes = Минимальное число поддержавших
moderation-filter-tag = Метка
moderation-filter-assignee = Кому назначено
# Option of the "Assigned to" select: no filter.
moderation-filter-anyone = Все
# Option of the "Assigned to" select.
moderation-filter-me = Мне
# Option of the "Assigned to" select.
moderation-filter-nobody = Никому
moderation-filter-text = Слова в тексте
moderation-filter-sort = Сортировка
moderation-filter-flagged = С жалобами или ожидающие проверки
moderation-filter-clustered = В группе похожих
moderation-filter-campaign = Только возможные кампании
moderation-filter-apply = Применить
moderation-filter-reset = Сбросить фильтр
moderation-filter-invalid = Недопустимое значение фильтра; оно не учтено.
moderation-sort-newest = Сначала новые
moderation-sort-oldest = Сначала старые
moderation-sort-upvotes = По числу поддержавших
moderation-counts = Количество по статусам
# $count: the largest number of matching suggestions for which counts are computed (a number, e.g.
# 10000).
moderation-counts-many =
    { $count ->
        [one] Количество по статусам показывается при более узком фильтре (не более { $count } подходящего предложения).
        [few] Количество по статусам показывается при более узком фильтре (не более { $count } подходящих предложений).
        [many] Количество по статусам показывается при более узком фильтре (не более { $count } подходящих предложений).
       *[other] Количество по статусам показывается при более узком фильтре (не более { $count } подходящего предложения).
    }
# The letters are the keys themselves: keep them as they are.
moderation-keys-hint = Клавиши: j и k — перемещение, o — открыть, p — опубликовать, r — отклонить, d — отметить как дубликат, a — назначить себе, ? — список клавиш.
moderation-col-suggestion = Предложение
moderation-col-signals = Признаки
moderation-col-actions = Действия
# Accessible name of the column of checkboxes.
moderation-select = Выбор
# Accessible name of one row's checkbox. $number: the tracking number.
moderation-select-one = Отметить предложение № { $number }
# Many near-identical suggestions in a short time.
moderation-campaign = Возможна организованная кампания
# Link to a group of near-duplicate suggestions. $count: the size of the group (a number, 2 or
# more).
moderation-cluster-of =
    { $count ->
        [one] { $count } похожее предложение
        [few] { $count } похожих предложения
        [many] { $count } похожих предложений
       *[other] { $count } похожего предложения
    }
# $count: reports by citizens waiting for review (a number).
moderation-reports =
    { $count ->
        [one] { $count } жалоба
        [few] { $count } жалобы
        [many] { $count } жалоб
       *[other] { $count } жалобы
    }
# $name: the public name of the moderator the suggestion is assigned to.
moderation-assigned-to = Назначено: { $name }
# Link to the queue filtered on oneself.
moderation-assigned-to-me = Назначенные мне
# $name: the moderator who holds the suggestion for a few minutes.
moderation-held-by = Рассматривает: { $name }
moderation-assign-me = Назначить мне
moderation-next-page = Следующая страница

## Bulk actions (queue and templates/moderation/confirm.html)

moderation-bulk-legend = Массовое действие
moderation-bulk-scope = Применить к
moderation-bulk-selected = Отмеченные предложения
moderation-bulk-filter = Все, что соответствует фильтру
moderation-bulk-action = Действие
moderation-bulk-apply = Применить
moderation-bulk-nothing = Отметьте хотя бы одно предложение или выберите все, что соответствует фильтру.
moderation-bulk-confirm-title = Подтверждение массового действия
# Followed by the name of the action in bold (e.g. moderation-action-publish). $count: how many
# suggestions.
moderation-bulk-confirm =
    { $count ->
        [one] Действие будет применено к { $count } предложению:
        [few] Действие будет применено к { $count } предложениям:
        [many] Действие будет применено к { $count } предложениям:
       *[other] Действие будет применено к { $count } предложения:
    }
moderation-bulk-confirm-button = Да, применить
moderation-bulk-cancel = Отмена
# After a bulk action, above the queue; may be followed by moderation-bulk-skipped. $count: a
# number.
moderation-bulk-done =
    { $count ->
        [one] Выполнено для { $count } предложения.
        [few] Выполнено для { $count } предложений.
        [many] Выполнено для { $count } предложений.
       *[other] Выполнено для { $count } предложения.
    }
# $count: suggestions the bulk action left alone (a number, 1 or more).
moderation-bulk-skipped =
    { $count ->
        [one] { $count } предложение пропущено (действие неприменимо к его статусу, или его рассматривает другой модератор).
        [few] { $count } предложения пропущены (действие неприменимо к их статусу, или их рассматривает другой модератор).
        [many] { $count } предложений пропущено (действие неприменимо к их статусу, или их рассматривает другой модератор).
       *[other] { $count } предложения пропущено (действие неприменимо к их статусу, или их рассматривает другой модератор).
    }

## Actions: buttons, and names of actions in the logs

moderation-action-publish = Опубликовать
# Refuse to publish (the status becomes suggestion-status-rejected).
moderation-action-reject = Отклонить
moderation-action-review = Передать на рассмотрение разработчикам
moderation-action-respond = Дать официальный ответ
moderation-action-merge = Отметить как дубликат
moderation-action-hide = Скрыть
# The reports are unfounded; the suggestion stays visible.
moderation-action-flags-cleared = Признать жалобы необоснованными
moderation-action-flags-upheld = Признать жалобы обоснованными (скрыть)
moderation-action-auto-hide = Скрыто после жалоб
moderation-action-assign = Назначить
moderation-action-tag = Добавить метку
moderation-action-untag = Метка удалена
moderation-action-note = Добавлена заметка
moderation-action-block = Автор заблокирован
moderation-action-unblock = Автор разблокирован
moderation-action-role = Роль изменена
moderation-action-other = Другое

## Reviewing one suggestion (templates/moderation/suggestion.html)

moderation-back = Вернуться к очереди
# Link after the consultation and clause (lower case).
moderation-clause-page = страница пункта
# Followed by ": " and the author's public name.
moderation-author = Автор
# Marker beside a blocked author's name.
moderation-blocked = заблокирован
# Followed by a tracking number.
moderation-duplicate-of = Дубликат предложения
moderation-reports-title = Жалобы граждан
moderation-decide = Решение
# A moderator holds the suggestion for a few minutes so that no one else decides on it meanwhile.
moderation-claim-take = Закрепить за собой
moderation-claim-release = Снять закрепление
# $name: another moderator's public name; $until: when their hold ends (time-format).
moderation-claim-held = { $name } рассматривает это предложение до { $until }.
# $until: when the hold ends (time-format).
moderation-claim-mine = Вы рассматриваете это предложение до { $until }; для остальных оно отмечено как занятое.
moderation-reason-label = Причина
moderation-reason-off-topic = Не относится к этому пункту
moderation-reason-spam = Спам или реклама
moderation-reason-abusive = Оскорбительное или грубое содержание
moderation-reason-personal-data = Содержит персональные данные
moderation-reason-unclear = Смысл непонятен
moderation-reason-other = Другое (поясните)
moderation-reason-text = Пояснение
moderation-outcome = Результат
moderation-response = Официальный ответ
moderation-respond-button = Опубликовать ответ
# The suggestion that is kept when others are marked as its duplicates; also a column of the
# similar-suggestions page.
moderation-canonical = Основное предложение (регистрационный номер)
moderation-canonical-unknown = Введите регистрационный номер существующего предложения.
moderation-unassigned = Не назначено.
moderation-assign-not-staff = Назначать предложения можно только модераторам и администраторам.
moderation-tags = Метки
# Small button after a tag.
moderation-untag = удалить
moderation-notes = Внутренние заметки
moderation-note-add = Внутренняя заметка (видна только сотрудникам)
moderation-note-save = Добавить заметку
moderation-block-title = Автор
moderation-block-block = Заблокировать автора
moderation-block-unblock = Разблокировать автора
moderation-history = История
moderation-history-empty = Решений пока нет.
form-note-required = Введите текст заметки.
form-outcome-invalid = Выберите результат.
form-reason-invalid = Выберите причину из списка.
form-reason-required = Кратко поясните причину.
form-response-required = Введите текст официального ответа.
form-response-short = Официальный ответ слишком короткий (не менее 10 символов).
form-tag-invalid = Метка не может содержать запятые.
form-tag-required = Введите метку.
form-text-long = Текст слишком длинный.

## Why a decision was refused (shown as a notice, or on the "not possible" error page)

moderation-refused-publish = Опубликовать можно только предложения, ожидающие модерации.
moderation-refused-reject = Отклонить можно только предложения, ожидающие модерации.
moderation-refused-review = Передать на рассмотрение разработчикам можно только опубликованные предложения.
moderation-refused-respond = Официальный ответ дается только на предложения, находящиеся на рассмотрении у разработчиков.
moderation-refused-duplicate = Отметить как дубликат можно только предложения, ожидающие модерации или опубликованные.
moderation-refused-bad-canonical = Предложение может быть дубликатом только другого действующего предложения того же обсуждения.
moderation-refused-no-canonical = Предложения с таким регистрационным номером нет.
moderation-refused-hide = Скрыть можно только предложения, которые видны всем.
moderation-refused-not-flagged = На это предложение нет жалоб, ожидающих рассмотрения.
moderation-refused-changed = Это предложение только что изменил другой пользователь; просмотрите его еще раз.
moderation-refused-unknown = Неизвестное действие.

## Similar suggestions (templates/moderation/cluster.html)

moderation-cluster-title = Похожие предложения
moderation-cluster-choose = Выберите предложение, которое останется основным; остальные будут отмечены как его дубликаты
moderation-cluster-merge = Объединить с выбранным

## Dashboard (templates/moderation/dashboard.html)

moderation-dashboard-title = Панель мониторинга
moderation-dashboard-backlog = Очередь по статусам
moderation-dashboard-count = Количество
moderation-dashboard-no-pending = Предложений, ожидающих модерации, нет.
# $date: when it was submitted (datetime-format). Followed by its age in brackets (moderation-
# dashboard-days or -hours).
moderation-dashboard-oldest = Самое давнее из ожидающих модерации предложений подано { $date }
# $days: whole days, 1 or more (a number).
moderation-dashboard-days =
    { $days ->
        [one] { $days } день назад
        [few] { $days } дня назад
        [many] { $days } дней назад
       *[other] { $days } дня назад
    }
# $hours: whole hours, 0 to 23 (a number).
moderation-dashboard-hours =
    { $hours ->
        [one] { $hours } час назад
        [few] { $hours } часа назад
        [many] { $hours } часов назад
       *[other] { $hours } часа назад
    }
moderation-dashboard-decisions = Решения по дням и модераторам (последние 14 дней)
moderation-dashboard-day = День
moderation-dashboard-none = Пока нет.
moderation-dashboard-clusters = Крупнейшие группы похожих предложений
moderation-dashboard-summary = Ежедневная сводка
moderation-dashboard-summary-label = Присылать мне сводку по очереди раз в день
moderation-dashboard-save = Сохранить

## Moderation log and public decisions (templates/moderation/log.html)

moderation-log-title = Журнал модерации
moderation-log-when = Время
moderation-log-who = Кто
moderation-log-what = Действие
moderation-log-subject = Предложение или пользователь
moderation-log-change = Изменение
moderation-log-why = Причина или ответ
# Public page, linked from the footer.
decisions-title = Решения модерации
decisions-intro = Все решения по опубликованным предложениям, сначала новые. Имена модераторов не указываются; причины хранятся во внутреннем журнале.

## Canned responses (templates/moderation/templates.html)

moderation-templates-title = Шаблоны ответов
moderation-templates-none = Шаблонов ответов пока нет.
moderation-templates-add = Добавить шаблон ответа
moderation-templates-name = Название
moderation-templates-save = Сохранить шаблон ответа
moderation-templates-use = Шаблон ответа
moderation-templates-hint = Чтобы использовать выбранный шаблон без изменений, оставьте поле ответа пустым.

## Keyboard shortcuts (the dialog of the queue, static/js/triage.js)

moderation-keys-title = Быстрые клавиши
moderation-keys-move = Следующее / предыдущее предложение
moderation-keys-open = Открыть
moderation-keys-publish = Опубликовать
moderation-keys-reject = Отклонить (с запросом причины)
moderation-keys-duplicate = Отметить как дубликат
moderation-keys-assign = Назначить мне
moderation-keys-help = Показать эти клавиши
moderation-keys-close = Закрыть
# A browser prompt. The codes are typed as they are: keep them in Latin letters; any other answer
# is taken as "other" with that text.
moderation-keys-reason-prompt = Причина: один из кодов off_topic, spam, abusive, personal_data, unclear или пояснение своими словами
moderation-keys-canonical-prompt = Дубликат какого предложения? (регистрационный номер)
