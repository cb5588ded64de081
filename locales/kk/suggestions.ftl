### Suggestions: counts, kinds, statuses, the form, the receipt, my suggestions, reports.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Counts

# After an article in the contents and beside a clause. $count: a number, 1 or more (for 0 nothing
# is shown: the call site leaves it empty).
suggestion-count =
    { $count ->
        [one] { $count } ұсыныс
       *[other] { $count } ұсыныс
    }
# Beside the Support button and in lists. $count: the number of citizens supporting the suggestion
# (0 or more).
suggestion-upvotes =
    { $count ->
        [one] { $count } адам қолдады
       *[other] { $count } адам қолдады
    }

## Kinds and statuses of a suggestion (templates/suggestions/item.html and everywhere a suggestion is listed)

suggestion-kind-amend = Тармақты өзгерту
suggestion-kind-delete = Тармақты алып тастау
suggestion-kind-add = Осы тармақтан кейін жаңа тармақ қосу
suggestion-kind-comment = Пікір немесе сұрақ
suggestion-status-pending = Модерацияны күтуде
suggestion-status-published = Жарияланды
# Rejected by a moderator (off topic, spam…): never made public. Not the same as suggestion-
# status-not-accepted.
suggestion-status-rejected = Жарияланбады
suggestion-status-under-review = Әзірлеушілердің қарауында
suggestion-status-accepted = Қабылданды
suggestion-status-partly-accepted = Ішінара қабылданды
# The drafters' decision after review, with an official response.
suggestion-status-not-accepted = Қабылданбады
suggestion-status-duplicate = Ұқсас ұсыныспен біріктірілді
suggestion-status-hidden = Жасырылды
suggestion-status-withdrawn = Авторы кері қайтарып алды

## A suggestion as listed (templates/suggestions/item.html)

# Shown in place of the author's name (lower case: it stands in a line of details).
suggestion-deleted-author = жойылған есептік жазба
# Accessible name of the comparison of the proposed text with the clause.
suggestion-diff-label = Ұсынылған мәтін мен тармақтың қазіргі мәтінін салыстыру
# Read by screen readers before deleted words: "[removed: …]".
suggestion-diff-removed = алып тасталды
# Read by screen readers before inserted words: "[added: …]".
suggestion-diff-added = қосылды
suggestion-proposed-clause = Ұсынылған жаңа тармақ:
suggestion-proposed-wording = Тармақтың ұсынылған жаңа мәтіні:
suggestion-official-response = Ресми жауап:
# Button: support (upvote) a suggestion.
suggestion-upvote = Қолдау
# The same button once pressed (pressing again takes the support back).
suggestion-upvoted = Қолдадыңыз
suggestion-vote-sign-in = Ұсыныстарды қолдау үшін жүйеге кіріңіз.
suggestion-vote-closed = Бұл талқылау аяқталды: ұсыныстарды енді қолдауға болмайды.
suggestion-vote-not-open = Бұл ұсынысты енді қолдауға болмайды.
suggestion-vote-own = Өз ұсынысыңызды қолдауға болмайды.
# Opens the form to report an abusive suggestion to the moderators.
suggestion-report-open = Шағымдану
suggestion-report-reason = Бұл ұсыныста не дұрыс емес?
suggestion-report-send = Шағымды жіберу
report-own = Өз ұсынысыңызға шағымдануға болмайды.
report-reason-required = Шағымның себебін қысқаша жазыңыз.

## Suggestions on a clause page (templates/consultations/clause.html)

# Heading; followed by the total in brackets.
suggestions-title = Ұсыныстар
suggestions-suggest = Осы тармаққа өзгеріс ұсыну
suggestions-closed = Қазір бұл талқылауға ұсыныстар қабылданбайды.
suggestions-none = Бұл тармақ бойынша әзірге бірде-бір ұсыныс жарияланған жоқ.
suggestions-more = Тағы ұсыныстар
# Followed by ":" and the choices below.
suggestions-sort-label = Сұрыптау
suggestions-sort-top = Қолдаушылар саны бойынша
suggestions-sort-newest = Алдымен жаңалары
suggestions-sort-status = Мәртебесі бойынша

## The suggestion form (templates/suggestions/form.html)

# $reference: the clause, e.g. 12.3.
suggest-title = { $reference } тармаққа өзгеріс ұсыну
suggest-edit-title = Ұсынысыңызды өңдеу
suggest-signed-out = Ұсынысыңызды қазір жаза беруге болады: жіберген кезде жүйеге кіру сұралады, ал жазғаныңыз сақталады.
suggest-kind-legend = Не ұсынасыз?
suggest-kind-amend-hint = Ұсынатын мәтінді жазыңыз; оқырмандар оны қазіргі мәтінмен салыстырып көреді.
suggest-kind-delete-hint = Тармақты неліктен алып тастау керек екенін түсіндіріңіз.
suggest-kind-add-hint = Осы тармақтан кейін қосылатын жаңа тармақтың мәтінін жазыңыз.
suggest-kind-comment-hint = Тармақ туралы пікір немесе сұрақ.
suggest-proposed-label = Ұсынылатын мәтін (өзгерту немесе жаңа тармақ үшін)
suggest-proposed-hint = 5000 таңбаға дейін.
suggest-body-label = Түсініктемеңіз
suggest-body-hint = 10–5000 таңба, 3 сілтемеден аспауы керек.
suggest-submit = Ұсынысты жіберу
# The submit button when similar suggestions are shown above the form.
suggest-submit-anyway = Бәрібір өз ұсынысымды жіберу
suggest-save = Өзгерістерді сақтау
suggest-similar-title = Бұрын жіберілген ұқсас ұсыныстар
suggest-similar-intro = Бұл ұсыныстардың мазмұны Сіздікіне жақын. Олардың бірін қолдауға немесе төменде өз ұсынысыңызды жіберуге болады.
suggest-closed = Қазір бұл талқылауға ұсыныстар қабылданбайды. Мәтініңіз төменде сақталды, оны көшіріп алуға болады.
suggest-confirm-first = Алдымен электрондық пошта мекенжайыңызды растаңыз (поштаңызға жіберілген сілтеме арқылы). Мәтініңіз төменде сақталды.
suggest-throttled = Сіз қысқа уақыт ішінде тым көп ұсыныс жібердіңіз. Біраз күте тұрыңыз; мәтініңіз төменде сақталды.
suggest-blocked = Есептік жазбаңызды модераторлар бұғаттады: материалдарды оқуға болады, бірақ ұсыныс жіберуге және қолдауға болмайды.
form-kind-invalid = Не ұсынатыныңызды таңдаңыз.
form-body-required = Ұсынысыңызды түсіндіріңіз.
form-body-short = Түсініктеме кемінде 10 таңбадан тұруы керек.
form-body-long = Түсініктеме 5000 таңбадан аспауы керек.
form-body-links = 3 сілтемеден артық қоспаңыз.
form-proposed-required = Ұсынатын мәтінді жазыңыз.
form-proposed-long = Ұсынылатын мәтін 5000 таңбадан аспауы керек.

## The receipt of a suggestion (templates/suggestions/receipt.html)

# $number: the tracking number, e.g. KZ-7F3K-9QX2.
receipt-title = № { $number } ұсыныс
receipt-thanks = Рақмет! Ұсынысыңыз тіркелді. Бұл мәліметтер электрондық поштаңызға да жіберілді.
receipt-number = Тіркеу нөмірі
receipt-kind = Түрі
receipt-consultation = Талқылау
receipt-clause = Тармақ
receipt-submitted = Жіберілген күні
receipt-keep = Тіркеу нөмірін сақтап қойыңыз: осы мекенжай бойынша ұсыныстың мәртебесін кез келген адам біле алады.

## My suggestions (templates/suggestions/mine.html)

mine-title = Менің ұсыныстарым
mine-none = Сіз әлі ұсыныс жіберген жоқсыз.
mine-edit = Өңдеу
mine-withdraw = Кері қайтарып алу
mine-not-editable = Тек модерацияны күтіп тұрған ұсыныстарды өзгертуге немесе кері қайтарып алуға болады.

## Added with the wiring of the catalogues

# The suggestion form, signed out, when the text cannot be kept across signing in.
suggest-draft-not-kept = Жүйеге кіру кезінде мәтініңізді қазір сақтап қою мүмкін емес. Ештеңе жоғалған жоқ: мәтін төменде тұр. Оны көшіріп алып, жүйеге кіріңіз де, қайта жіберіңіз.
# Editing a suggestion when the account has been blocked.
mine-blocked-edit = Есептік жазбаңыз бұғатталған, сондықтан бұл ұсынысты өзгертуге болмайды. Алайда оны кері қайтарып алуға болады. Көшірмесін сақтап қоюыңыз үшін мәтініңіз төменде көрсетілген.
