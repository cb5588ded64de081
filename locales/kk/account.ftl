### Registration, e-mail confirmation, signing in, password reset, the account page.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Banner for an unconfirmed e-mail address (templates/base.html)

# Accessible name of the banner region.
banner-unconfirmed-label = Электрондық поштаны растау
banner-unconfirmed = Ұсыныс жіберу және ұсыныстарды қолдау үшін электрондық пошта мекенжайыңызды растаңыз. Растау сілтемесі поштаңызға жіберілді.
banner-resend = Сілтемені қайта жіберу

## Account fields and their errors

form-email-label = Электрондық пошта
form-email-required = Электрондық пошта мекенжайын енгізіңіз.
form-email-invalid = Электрондық пошта мекенжайын name@example.kz түрінде енгізіңіз.
# The name shown with a citizen's suggestions instead of the e-mail address.
form-display-name-label = Көрсетілетін ат
form-display-name-hint = Ұсыныстарыңыздың жанында көрсетіледі. 2–50 таңба; шын атыңыз болуы міндетті емес.
form-display-name-required = Көрсетілетін атты енгізіңіз.
form-display-name-length = Көрсетілетін ат 2–50 таңбадан тұруы керек.
form-display-name-invalid = Көрсетілетін атта @ белгісі мен басқару таңбалары болмауы керек.
form-password-label = Құпиясөз
form-password-hint = Кемінде 8 таңба. Есте сақтауға оңай бірнеше сөз — жақсы құпиясөз.
form-password-required = Құпиясөзді енгізіңіз.
form-password-short = Құпиясөз кемінде 8 таңбадан тұруы керек.
form-password-long = Құпиясөз 128 таңбадан аспауы керек.
form-password-common = Бұл құпиясөз тым кең таралған, оны оңай табуға болады. Басқасын таңдаңыз.
form-new-password-label = Жаңа құпиясөз
form-current-password-label = Қазіргі құпиясөз
form-current-password-wrong = Қазіргі құпиясөз дұрыс емес.
form-region-label = Өңір (міндетті емес)
form-region-hint = Талдаушыларға ұсыныстардың қай өңірлерден түсетінін көруге көмектеседі. Тек жиынтық сандар жарияланады.
# The empty first option of the region select.
form-region-none = Өңірді таңдаңыз
form-region-invalid = Тізімнен өңірді таңдаңыз.
# Label of the consent checkbox on the registration form; written in the first person, as the
# citizen's own statement.
form-terms-label = Пайдалану шарттарын қабылдаймын және көрсетілетін атымның ұсыныстарымның жанында көрсетілуіне келісемін.
form-terms-required = Тіркелу үшін пайдалану шарттарын қабылдау қажет.

## Registration (templates/account/register.html)

register-title = Тіркелу
register-intro = Жобаға өзгерістер ұсыну және басқа қатысушылардың ұсыныстарын қолдау үшін тіркеліңіз.
register-email-hint = Мекенжайды растау үшін оған сілтеме жіберіледі. Мекенжай ешқашан жария етілмейді.
# Button.
register-submit = Тіркелу
# Followed by a "Sign in" link.
register-have-account = Тіркелгенсіз бе?
register-sent-title = Электрондық поштаңызды тексеріңіз
# Deliberately does not say whether the address already had an account.
register-sent-body = Егер бұл мекенжайды тіркеуге болатын болса, оған хат жіберілді. Мекенжайды растау үшін хаттағы сілтеме бойынша өтіңіз; сілтеме 48 сағат бойы жарамды.
register-sent-spam = Бірнеше минуттан кейін де хат келмесе, «Спам» қалтасын тексеріңіз.

## E-mail confirmation (the page the link in the e-mail opens)

confirm-done-title = Электрондық пошта мекенжайыңыз расталды
confirm-done-body = Енді өзгерістер ұсынып, ұсыныстарды қолдай аласыз.
confirm-done-link = Талқылауларға өту
confirm-expired-title = Бұл сілтеме енді жарамсыз
confirm-expired-body = Сілтеменің мерзімі өтіп кеткен немесе ол бұрын пайдаланылған. Жүйеге кіріп, жаңа сілтеме сұратыңыз.
confirm-expired-link = Жеке кабинетке өту

## Signing in (templates/account/sign_in.html)

sign-in-title = Жүйеге кіру
# Button.
sign-in-submit = Кіру
sign-in-forgot = Құпиясөзді ұмыттыңыз ба?
# Followed by a "Register" link.
sign-in-no-account = Есептік жазбаңыз жоқ па?
# Deliberately does not say which of the two is wrong.
sign-in-failed = Электрондық пошта немесе құпиясөз қате.

## Password reset (templates/account/reset_request.html, reset.html)

reset-title = Құпиясөзді қалпына келтіру
reset-intro = Есептік жазбаңыздың электрондық пошта мекенжайын енгізіңіз. Оған жаңа құпиясөз орнатуға арналған сілтеме жіберіледі.
reset-submit = Сілтеме жіберу
reset-sent-title = Электрондық поштаңызды тексеріңіз
reset-sent-body = Егер осы мекенжаймен тіркелген есептік жазба бар болса, мекенжайға сілтеме жіберілді. Сілтеме бір сағат бойы жарамды.
reset-new-title = Жаңа құпиясөз орнату
reset-new-submit = Жаңа құпиясөзді сақтау
reset-expired-title = Бұл сілтеме енді жарамсыз
reset-expired-body = Сілтеменің мерзімі өтіп кеткен немесе ол бұрын пайдаланылған. Жаңа сілтеме сұратыңыз.
reset-expired-link = Жаңа сілтеме сұрату

## The account page (templates/account/account.html)

account-title = Жеке кабинет
# Label whose value is account-confirmed or account-unconfirmed (account page; column of the admin
# user list).
account-email-status = Электрондық пошта
account-confirmed = Расталған
account-unconfirmed = Әлі расталмаған
# Followed by a number.
account-sessions = Жүйеге кірген құрылғылар
account-profile = Профиль
account-save = Сақтау
account-password = Құпиясөзді өзгерту
account-password-intro = Барлық құрылғыдағы сеанстар аяқталады, жүйеге қайта кіру қажет болады.
account-password-submit = Құпиясөзді өзгерту
account-everywhere = Барлық құрылғыдан шығу
account-everywhere-submit = Барлық құрылғыдан шығу
account-data = Сіздің деректеріңіз
account-data-download = Сіз туралы сақталған барлық деректерді жүктеп алу (JSON)
account-delete = Есептік жазбаны жою
account-delete-intro = Дербес деректеріңіз жойылады. Ұсыныстарыңыз сақталады, олардың авторы ретінде «жойылған есептік жазба» көрсетіледі.
account-delete-submit = Есептік жазбамды жою
