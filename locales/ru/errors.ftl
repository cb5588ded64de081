### Error pages: 400, 403, 404, 409, 413, 422, 429, 500, 503.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Error pages (templates/error.html, src/error.rs)

# Small print under the message. $status: the HTTP status code, e.g. 404.
error-status = Ошибка { $status }
error-back-home = Перейти к списку обсуждений
# 404
error-not-found-title = Страница не найдена
error-not-found-message = Такая страница не найдена. Возможно, она перемещена или адрес введен с ошибкой.
# 403
error-forbidden-title = Доступ запрещен
error-forbidden-message = У Вашей учетной записи нет доступа к этой странице.
# 403 after a stale form (the anti-forgery token no longer matches).
error-csrf-title = Срок действия формы истек
error-csrf-message = В целях безопасности срок действия форм ограничен. Вернитесь назад, обновите страницу и отправьте форму снова.
# 413
error-too-large-title = Слишком большой объем данных
error-too-large-message = Объем отправленных данных превышает допустимый для этой страницы.
# 422
error-unprocessable-title = Форма не принята
error-unprocessable-message = Часть отправленных данных некорректна. Вернитесь назад, проверьте форму и отправьте ее снова.
# 429
error-throttled-title = Слишком много попыток
error-throttled-message = С этого устройства выполнено слишком много попыток. Подождите немного и повторите попытку.
# Under a 429 message. $minutes: whole minutes, 1 or more (pass it as a number: the plural form
# depends on it).
error-retry-minutes =
    { $minutes ->
        [one] Повторить попытку можно примерно через { $minutes } минуту.
        [few] Повторить попытку можно примерно через { $minutes } минуты.
        [many] Повторить попытку можно примерно через { $minutes } минут.
       *[other] Повторить попытку можно примерно через { $minutes } минуты.
    }
# 500
error-internal-title = Произошла ошибка
error-internal-message = В работе сервиса произошла ошибка, сведения о ней записаны. Повторите попытку позже.
# 503
error-unavailable-title = Сервис временно перегружен
error-unavailable-message = Сейчас сервис перегружен. Повторите попытку через несколько секунд.
# 400
error-bad-request-title = Некорректный запрос
error-bad-request-message = Не удалось обработать отправленные данные. Вернитесь назад и повторите попытку.
# 409: a rule says no (a closed consultation, one's own suggestion); the message is one of the
# refusal messages.
error-refused-title = Это действие невозможно

## Added with the wiring of the catalogues

# 400: a form whose text is not valid UTF-8 (sent by something other than this site's own form).
error-bad-encoding-title = Не удалось прочитать форму
error-bad-encoding-message = Отправленные данные содержат символы, недопустимые в тексте (форма отправлена не в кодировке UTF-8), поэтому ничего не сохранено. Вернитесь назад, проверьте текст и отправьте его снова через форму этого сайта.
