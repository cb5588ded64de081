### Administration: consultations, versions, users and roles, the audit log.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Administration home (templates/admin/home.html)

admin-title = Администрирование
admin-consultations = Обсуждения
admin-users = Пользователи и роли
admin-audit = Последние изменения
admin-audit-empty = Записей пока нет.
admin-audit-when = Время (UTC)
admin-audit-who = Кто
admin-audit-action = Действие
admin-audit-subject = Объект
admin-audit-details = Подробности
# In the "Who" column, for a change made with the kenes command.
audit-actor-cli = Командная строка
# The "Action" column of recent changes; the audit log stores a code (account_delete …), one
# message per code.
audit-action-account-delete = Учетная запись удалена
audit-action-consultation-create = Обсуждение создано
audit-action-consultation-update = Обсуждение изменено
audit-action-export = Данные выгружены
audit-action-user-create = Учетная запись создана
audit-action-user-role = Роль изменена
audit-action-version-import = Редакция проекта импортирована
audit-action-version-publish = Редакция проекта опубликована
audit-action-other = Другое действие

## Users and roles (templates/admin/users.html)

admin-users-search = Поиск по электронной почте или имени
admin-users-search-submit = Найти
admin-users-none = Подходящих учетных записей не найдено.
admin-users-joined = Дата регистрации
admin-users-role = Роль
admin-users-change-role = Изменить

## Creating and editing a consultation (templates/admin/consultation.html)

admin-consultations-new = Новое обсуждение
admin-consultation-title = Название
# The short name in the consultation's web address, e.g. /consultations/constitution-2024.
admin-consultation-slug = Имя в адресе
admin-consultation-slug-hint = Строчные латинские буквы, цифры и дефисы, например constitution-2024. Изменить позже нельзя.
admin-consultation-summary = Краткое описание
admin-consultation-language = Язык названия и краткого описания
admin-consultation-mode = Модерация
admin-mode-pre = До публикации (предложения становятся видны всем после публикации модератором)
admin-mode-post = После публикации (предложения сразу видны всем, их можно скрыть)
admin-consultation-opens = Начало
admin-consultation-closes = Окончание
# Hint under the two date fields.
admin-consultation-utc = Время по UTC.
admin-save = Сохранить
admin-error-title = Название должно содержать от 3 до 200 символов.
admin-error-summary = Краткое описание должно содержать не более 5000 символов.
admin-error-choice = Выберите значение из списка.
admin-error-time = Введите дату и время в формате 2026-12-01T09:00.
admin-error-order = Время окончания должно быть позже времени начала.
admin-error-slug = Используйте от 2 до 64 строчных латинских букв, цифр и дефисов.
admin-error-slug-taken = Это имя в адресе уже занято другим обсуждением.

## Versions of the draft: upload and preview (templates/admin/consultation.html, preview.html)

admin-versions = Редакции
admin-publish = Опубликовать
admin-upload = Загрузить проект
admin-upload-intro = Структура в формате Markdown или простой текст в формате конституции (см. README). Файл станет следующей редакцией и не будет опубликован, пока Вы его не опубликуете.
# Heading of the box that shows the import error (import-…).
admin-upload-failed = Не удалось импортировать файл; ничего не сохранено
admin-upload-file = Файл проекта
admin-upload-submit = Загрузить и просмотреть
# Followed by ": " and consultation-version.
admin-preview = Предварительный просмотр
admin-preview-published = Эта редакция опубликована.
# $count: the number of articles in the previewed version (a number).
admin-preview-articles =
    { $count ->
        [one] { $count } статья
        [few] { $count } статьи
        [many] { $count } статей
       *[other] { $count } статьи
    }

## Mail that could not be delivered (templates/admin/home.html)

admin-undeliverable = Недоставленные письма
admin-undeliverable-intro = Почтовый сервер получателя окончательно отклонил эти письма (например, такого почтового ящика не существует), поэтому повторно они не отправляются.
# Column: the recipient's address.
admin-undeliverable-to = Кому
# Column: the subject of the message.
admin-undeliverable-subject = Тема
# Column: what the receiving server answered.
admin-undeliverable-error = Ответ почтового сервера
