### E-mails, in the recipient's language. Plain text: no markup; links are given as variables.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Parts of every e-mail (src/mail/messages.rs, templates/email/)

# First line. $name: the recipient's public name (never declined: it may be any nickname).
email-greeting = Здравствуйте, { $name }!
# First line when the recipient has no name.
email-greeting-anonymous = Здравствуйте!
email-footer = Kenes — общественное обсуждение проектов законов. Это письмо отправлено в связи с действием в Вашей учетной записи.
email-not-you = Если это действие совершили не Вы, просто не обращайте внимания на это письмо.

## Confirming an e-mail address

email-confirm-subject = Подтвердите адрес электронной почты
email-confirm-body = Чтобы участвовать в обсуждении, подтвердите адрес электронной почты.
email-confirm-expiry = Ссылка действует 48 часов и только один раз.
# The button; the plain-text part prints it followed by ":" and the link.
email-confirm-action = Подтвердить адрес

## Someone tried to register with an address that has an account

email-already-subject = Попытка регистрации с Вашим адресом
email-already-body = Кто-то попытался зарегистрировать новую учетную запись с этим адресом электронной почты, однако учетная запись с таким адресом уже существует.
# $link: the full address of the password reset page.
email-already-reset = Если регистрироваться пытались Вы и Вы забыли пароль, установите новый по ссылке: { $link }
email-already-action = Войти

## Password reset and change

email-reset-subject = Восстановление пароля
email-reset-body = Поступил запрос на восстановление пароля Вашей учетной записи. Чтобы установить новый пароль, перейдите по ссылке.
email-reset-expiry = Ссылка действует один час и только один раз.
email-reset-action = Установить новый пароль
email-changed-subject = Ваш пароль изменен
email-changed-body = Пароль Вашей учетной записи только что изменен, на всех устройствах выполнен выход из системы.
# $link: the full address of the password reset page.
email-changed-not-you = Если пароль изменили не Вы, немедленно восстановите его: { $link }

## A suggestion received, merged, answered

email-receipt-subject = Ваше предложение зарегистрировано
# $number: the tracking number, e.g. KZ-7F3K-9QX2.
email-receipt-body = Благодарим Вас за предложение. Его регистрационный номер: { $number }.
email-receipt-follow = Следить за его рассмотрением можно в любое время:
email-receipt-action = Посмотреть статус
email-merged-subject = Ваше предложение объединено с аналогичным
# $number: the tracking number of the recipient's suggestion.
email-merged-body = Ваше предложение № { $number } по сути совпадает с другим, поэтому модераторы объединили их. Поддержка, полученная Вашим предложением, теперь засчитывается объединенному предложению.
# $canonical: the tracking number of the suggestion that was kept.
email-merged-canonical = Предложение, с которым объединено Ваше: { $canonical }
email-merged-action = Посмотреть объединенное предложение
email-response-subject = Официальный ответ на Ваше предложение
# $number: the tracking number. Followed by the outcome and the response itself.
email-response-body = Комиссия по разработке проекта ответила на Ваше предложение № { $number }.
email-response-accepted = Результат: принято.
email-response-partly-accepted = Результат: принято частично.
email-response-not-accepted = Результат: не принято.

## Daily summary for moderators

email-summary-subject = Очередь модерации на сегодня
email-summary-body = Предложения по статусам:
# One line per status under email-summary-body. $status: a suggestion-status-… name; $count: a
# number.
email-summary-line = { $status }: { $count }
# $date: datetime-format (with the time zone).
email-summary-oldest = Самое давнее из ожидающих модерации предложений подано { $date }.
email-summary-action = Открыть панель мониторинга
