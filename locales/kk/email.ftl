### E-mails, in the recipient's language. Plain text: no markup; links are given as variables.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Parts of every e-mail (src/mail/messages.rs, templates/email/)

# First line. $name: the recipient's public name (never declined: it may be any nickname).
email-greeting = Құрметті { $name }!
# First line when the recipient has no name.
email-greeting-anonymous = Сәлеметсіз бе!
email-footer = Kenes — заң жобаларын қоғамдық талқылау. Бұл хат Сіздің есептік жазбаңызбен жасалған әрекетке байланысты жіберілді.
email-not-you = Егер бұл әрекетті Сіз жасамаған болсаңыз, бұл хатқа назар аудармауыңызға болады.

## Confirming an e-mail address

email-confirm-subject = Электрондық пошта мекенжайын растаңыз
email-confirm-body = Талқылауға қатысу үшін электрондық пошта мекенжайыңызды растаңыз.
email-confirm-expiry = Сілтеме 48 сағат бойы жарамды және оны бір рет қана пайдалануға болады.
# The button; the plain-text part prints it followed by ":" and the link.
email-confirm-action = Мекенжайды растау

## Someone tried to register with an address that has an account

email-already-subject = Сіздің мекенжайыңызбен тіркелу әрекеті жасалды
email-already-body = Осы электрондық пошта мекенжайымен жаңа есептік жазба тіркеу әрекеті жасалды, алайда бұл мекенжаймен есептік жазба бұрыннан бар.
# $link: the full address of the password reset page.
email-already-reset = Егер бұл Сіз болсаңыз және құпиясөзді ұмытып қалсаңыз, жаңасын мына сілтеме арқылы орната аласыз: { $link }
email-already-action = Кіру

## Password reset and change

email-reset-subject = Құпиясөзді қалпына келтіру
email-reset-body = Есептік жазбаңыздың құпиясөзін қалпына келтіру сұралды. Жаңа құпиясөз орнату үшін сілтемеге өтіңіз.
email-reset-expiry = Сілтеме бір сағат бойы жарамды және оны бір рет қана пайдалануға болады.
email-reset-action = Жаңа құпиясөз орнату
email-changed-subject = Құпиясөзіңіз өзгертілді
email-changed-body = Есептік жазбаңыздың құпиясөзі жаңа ғана өзгертілді, барлық құрылғыдағы сеанстар аяқталды.
# $link: the full address of the password reset page.
email-changed-not-you = Егер құпиясөзді Сіз өзгертпеген болсаңыз, оны дереу қалпына келтіріңіз: { $link }

## A suggestion received, merged, answered

email-receipt-subject = Ұсынысыңыз тіркелді
# $number: the tracking number, e.g. KZ-7F3K-9QX2.
email-receipt-body = Ұсынысыңыз үшін рақмет. Оның тіркеу нөмірі: { $number }.
email-receipt-follow = Оның қаралу барысын кез келген уақытта бақылай аласыз:
email-receipt-action = Мәртебесін көру
email-merged-subject = Ұсынысыңыз ұқсас ұсыныспен біріктірілді
# $number: the tracking number of the recipient's suggestion.
email-merged-body = № { $number } ұсынысыңыздың мазмұны басқа бір ұсыныспен бірдей дерлік болғандықтан, модераторлар оларды біріктірді. Ұсынысыңызға берілген қолдаулар енді сол ұсынысқа есептеледі.
# $canonical: the tracking number of the suggestion that was kept.
email-merged-canonical = Ұсынысыңыз біріктірілген ұсыныс: { $canonical }
email-merged-action = Біріктірілген ұсынысты көру
email-response-subject = Ұсынысыңызға ресми жауап
# $number: the tracking number. Followed by the outcome and the response itself.
email-response-body = Жобаны әзірлеу жөніндегі комиссия № { $number } ұсынысыңызға жауап берді.
email-response-accepted = Нәтижесі: қабылданды.
email-response-partly-accepted = Нәтижесі: ішінара қабылданды.
email-response-not-accepted = Нәтижесі: қабылданбады.

## Daily summary for moderators

email-summary-subject = Бүгінгі модерация кезегі
email-summary-body = Мәртебелер бойынша ұсыныстар:
# One line per status under email-summary-body. $status: a suggestion-status-… name; $count: a
# number.
email-summary-line = { $status }: { $count }
# $date: datetime-format (with the time zone).
email-summary-oldest = Модерацияны ең ұзақ күтіп тұрған ұсыныстың жіберілген уақыты: { $date }.
email-summary-action = Мониторинг тақтасын ашу
