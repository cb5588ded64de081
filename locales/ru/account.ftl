### Registration, e-mail confirmation, signing in, password reset, the account page.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Banner for an unconfirmed e-mail address (templates/base.html)

# Accessible name of the banner region.
banner-unconfirmed-label = Подтверждение электронной почты
banner-unconfirmed = Чтобы направлять и поддерживать предложения, подтвердите адрес электронной почты. Ссылка для подтверждения отправлена Вам на почту.
banner-resend = Отправить ссылку повторно

## Account fields and their errors

form-email-label = Электронная почта
form-email-required = Введите адрес электронной почты.
form-email-invalid = Введите адрес электронной почты в формате name@example.kz.
# The name shown with a citizen's suggestions instead of the e-mail address.
form-display-name-label = Отображаемое имя
form-display-name-hint = Показывается рядом с Вашими предложениями. От 2 до 50 символов; указывать настоящее имя не обязательно.
form-display-name-required = Введите отображаемое имя.
form-display-name-length = Отображаемое имя должно содержать от 2 до 50 символов.
form-display-name-invalid = Отображаемое имя не должно содержать символ @ или управляющие символы.
form-password-label = Пароль
form-password-hint = Не менее 8 символов. Хороший пароль — несколько слов, которые легко запомнить.
form-password-required = Введите пароль.
form-password-short = Пароль должен содержать не менее 8 символов.
form-password-long = Пароль должен содержать не более 128 символов.
form-password-common = Этот пароль слишком распространен и легко угадывается. Выберите другой.
form-new-password-label = Новый пароль
form-current-password-label = Текущий пароль
form-current-password-wrong = Текущий пароль указан неверно.
form-region-label = Регион (необязательно)
form-region-hint = Помогает аналитикам понять, из каких регионов поступают предложения. Публикуются только итоговые данные.
# The empty first option of the region select.
form-region-none = Выберите регион
form-region-invalid = Выберите регион из списка.
# Label of the consent checkbox on the registration form; written in the first person, as the
# citizen's own statement.
form-terms-label = Принимаю условия использования и даю согласие на показ моего отображаемого имени рядом с моими предложениями.
form-terms-required = Для регистрации необходимо принять условия использования.

## Registration (templates/account/register.html)

register-title = Регистрация
register-intro = Зарегистрируйтесь, чтобы предлагать изменения в проект и поддерживать предложения других участников.
register-email-hint = На этот адрес придет ссылка для подтверждения. Адрес нигде не публикуется.
# Button.
register-submit = Зарегистрироваться
# Followed by a "Sign in" link.
register-have-account = Уже зарегистрированы?
register-sent-title = Проверьте электронную почту
# Deliberately does not say whether the address already had an account.
register-sent-body = Если этот адрес можно зарегистрировать, на него отправлено письмо. Чтобы подтвердить адрес, перейдите по ссылке из письма; ссылка действует 48 часов.
register-sent-spam = Письмо не пришло в течение нескольких минут? Проверьте папку «Спам».

## E-mail confirmation (the page the link in the e-mail opens)

confirm-done-title = Адрес электронной почты подтвержден
confirm-done-body = Теперь Вы можете предлагать изменения и поддерживать предложения.
confirm-done-link = Перейти к обсуждениям
confirm-expired-title = Ссылка больше не действует
confirm-expired-body = Срок действия ссылки истек, или она уже была использована. Войдите в систему и запросите новую ссылку.
confirm-expired-link = Перейти в личный кабинет

## Signing in (templates/account/sign_in.html)

sign-in-title = Вход в систему
# Button.
sign-in-submit = Войти
sign-in-forgot = Забыли пароль?
# Followed by a "Register" link.
sign-in-no-account = Нет учетной записи?
# Deliberately does not say which of the two is wrong.
sign-in-failed = Неверный адрес электронной почты или пароль.

## Password reset (templates/account/reset_request.html, reset.html)

reset-title = Восстановление пароля
reset-intro = Введите адрес электронной почты, указанный в учетной записи. На него будет отправлена ссылка для установки нового пароля.
reset-submit = Отправить ссылку
reset-sent-title = Проверьте электронную почту
reset-sent-body = Если учетная запись с таким адресом существует, на него отправлена ссылка. Ссылка действует один час.
reset-new-title = Установка нового пароля
reset-new-submit = Сохранить новый пароль
reset-expired-title = Ссылка больше не действует
reset-expired-body = Срок действия ссылки истек, или она уже была использована. Запросите новую ссылку.
reset-expired-link = Запросить новую ссылку

## The account page (templates/account/account.html)

account-title = Личный кабинет
# Label whose value is account-confirmed or account-unconfirmed (account page; column of the admin
# user list).
account-email-status = Адрес электронной почты
account-confirmed = Подтвержден
account-unconfirmed = Еще не подтвержден
# Followed by a number.
account-sessions = Устройства, с которых выполнен вход
account-profile = Профиль
account-save = Сохранить
account-password = Смена пароля
account-password-intro = Будет выполнен выход на всех устройствах, после чего потребуется войти снова.
account-password-submit = Изменить пароль
account-everywhere = Выход на всех устройствах
account-everywhere-submit = Выйти на всех устройствах
account-data = Ваши данные
account-data-download = Скачать все хранящиеся о Вас данные (JSON)
account-delete = Удаление учетной записи
account-delete-intro = Ваши персональные данные будут удалены. Предложения сохранятся, а их автором будет указана «удаленная учетная запись».
account-delete-submit = Удалить мою учетную запись
