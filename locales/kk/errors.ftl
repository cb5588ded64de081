### Error pages: 400, 403, 404, 409, 413, 422, 429, 500, 503.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Error pages (templates/error.html, src/error.rs)

# Small print under the message. $status: the HTTP status code, e.g. 404.
error-status = { $status } қатесі
error-back-home = Талқылаулар тізіміне өту
# 404
error-not-found-title = Бет табылмады
error-not-found-message = Мұндай бет табылмады. Ол басқа мекенжайға көшірілген немесе мекенжай қате терілген болуы мүмкін.
# 403
error-forbidden-title = Кіруге рұқсат жоқ
error-forbidden-message = Сіздің есептік жазбаңызға бұл бет қолжетімді емес.
# 403 after a stale form (the anti-forgery token no longer matches).
error-csrf-title = Форманың мерзімі өтті
error-csrf-message = Қауіпсіздік мақсатында форманың әрекет ету мерзімі шектеулі. Алдыңғы бетке оралып, оны жаңартыңыз да, форманы қайта жіберіңіз.
# 413
error-too-large-title = Деректер көлемі тым үлкен
error-too-large-message = Жіберілген деректердің көлемі осы бет қабылдайтын шектен асып кетті.
# 422
error-unprocessable-title = Форма қабылданбады
error-unprocessable-message = Жіберілген деректердің бір бөлігі жарамсыз. Алдыңғы бетке оралып, форманы тексеріңіз де, қайта жіберіңіз.
# 429
error-throttled-title = Әрекет саны тым көп
error-throttled-message = Бұл құрылғыдан тым көп әрекет жасалды. Біраз күтіп, қайталап көріңіз.
# Under a 429 message. $minutes: whole minutes, 1 or more (pass it as a number: the plural form
# depends on it).
error-retry-minutes =
    { $minutes ->
        [one] Шамамен { $minutes } минуттан кейін қайталап көруге болады.
       *[other] Шамамен { $minutes } минуттан кейін қайталап көруге болады.
    }
# 500
error-internal-title = Қате орын алды
error-internal-message = Жүйеде қате орын алды, ол тіркелді. Кейінірек қайталап көріңіз.
# 503
error-unavailable-title = Қызмет уақытша қолжетімсіз
error-unavailable-message = Қазір жүктеме тым жоғары. Бірнеше секундтан кейін қайталап көріңіз.
# 400
error-bad-request-title = Сұрау қате жасалған
error-bad-request-message = Жіберілген деректерді өңдеу мүмкін болмады. Алдыңғы бетке оралып, қайталап көріңіз.
# 409: a rule says no (a closed consultation, one's own suggestion); the message is one of the
# refusal messages.
error-refused-title = Бұл әрекетті орындау мүмкін емес

## Added with the wiring of the catalogues

# 400: a form whose text is not valid UTF-8 (sent by something other than this site's own form).
error-bad-encoding-title = Форманы оқу мүмкін болмады
error-bad-encoding-message = Жіберілген деректерде мәтін ретінде жарамсыз таңбалар бар (форма UTF-8 кодтауында жіберілмеген), сондықтан ештеңе сақталмады. Алдыңғы бетке оралып, мәтінді тексеріңіз де, оны осы сайттың өз формасы арқылы қайта жіберіңіз.
