### Importing a draft or public comments: the problems found in a file.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Where a problem is (a draft or CSV file that could not be imported; shown on the admin upload page and by the command line)

# $file: the file name; $line: the line number; $message: one of the import-… messages below.
import-at-line = { $file }:{ $line }: { $message }
# A problem with the whole file.
import-at-file = { $file }: { $message }
# $error: the database's own message (English).
import-database-error = импорттау кезінде дерекқор қатесі орын алды: { $error }
# $error: the operating system's own message (English).
import-cannot-open = файлды ашу мүмкін болмады: { $error }
import-cannot-read = файлды оқу мүмкін болмады: { $error }
import-directory = файл күтілді, бірақ қалта көрсетілген
# $size, $max: numbers of bytes; $size_mib, $max_mib: the same in MiB, e.g. 8.0.
import-too-large = файл көлемі — { $size } байт ({ $size_mib } МиБ); импортталатын файлдың көлемі { $max } байттан ({ $max_mib } МиБ) аспауы керек (үлкенірек көлемге рұқсат беру үшін --max-bytes параметрін немесе KENES_IMPORT_MAX_BYTES орта айнымалысын қолданыңыз)
# A stream whose size is not known in advance.
import-too-large-stream = файл көлемі рұқсат етілген шектен асады; импортталатын файлдың көлемі { $max } байттан ({ $max_mib } МиБ) аспауы керек (үлкенірек көлемге рұқсат беру үшін --max-bytes параметрін немесе KENES_IMPORT_MAX_BYTES орта айнымалысын қолданыңыз)
# The environment variable that sets the import limit ($variable) holds $value, which is not a size.
import-bad-max-bytes = { $variable }: 8388608 немесе 64MiB сияқты байтпен берілген көлем күтілді, бірақ `{ $value }` табылды
# $code: four hexadecimal digits, e.g. 0000; $kind: nul, cr, escape, delete or other; $column: a number.
import-control-character = мәтін күтілді, бірақ { $column }-позицияда U+{ $code }{ $kind ->
        [nul] {" "}(NUL)
        [cr] {" "}(жол ауыстырусыз каретканы қайтару)
        [escape] {" "}(escape)
        [delete] {" "}(delete)
       *[other] {""}
    } басқару таңбасы табылды (файлды UTF-8 кодтауындағы қарапайым мәтін ретінде сақтаңыз)

## A draft file (src/import/parser.rs). In Kazakh and Russian the headings are the forms the importer reads (1-бап, Статья 1, I бөлім, Раздел I…).

import-not-utf8 = UTF-8 мәтіні күтілді; бұл жолда UTF-8 емес байттар бар (файлды UTF-8 кодтауында сақтаңыз)
import-heading-space = `#` белгісінен кейін бос орын және тақырып мәтіні болуы керек
# $text: the rest of the heading line.
import-bad-article-heading = `### N-бап`, `### Статья N`, `### Article N` немесе `### Amendment N` (қажет болса, `: Атауы`) күтілді, бірақ `### { $text }` табылды
import-heading-too-deep = `#` (атауы), `##` (бөлім немесе тарау) немесе `###` (бап) күтілді; одан терең тақырыптар құрылымға кірмейді
# $heading: the heading as printed (Article 01); $problem: one of import-number-….
import-heading-number = `{ $heading }` тақырыбында: { $problem }
# $problem: one of import-number-… or reference-….
import-bad-clause-number = бұл абзацтың басында `3.` немесе `3-1.` сияқты тармақ нөмірі болуы керек: { $problem }
# $token: the number as found in the file.
import-number-shape = `{ $token }` — нөмір емес (`3` немесе `3-1` сияқты нөмір болуы керек)
# $fixed: the number without the leading zero.
import-number-leading-zero = `{ $token }` нөлден басталады (нөмірлер 1-ден басталады және басында нөлсіз жазылады, мысалы `{ $fixed }`)
# $max: a number of digits.
import-number-too-long = `{ $token }` бұл жерде нөмір үшін тым үлкен (ең көбі { $max } цифр)
import-preamble-late = Кіріспе (`PREAMBLE`) тек алғашқы тақырыптың алдында тұра алады
import-title-twice = `# Атауы` жолы файлдың басында бір рет қана болуы керек
# $article: the article's heading as printed in the file (Article 5, 5-бап, Статья 5); $first: a
# line number.
import-article-twice = { $article } екі рет кездеседі; ол алғаш рет { $first }-жолда берілген (әр баптың нөмірі қайталанбауы керек)
# $clause: the clause number as printed (3, 3-1).
import-clause-before-article = { $clause }-тармақтың алдында бап тақырыбы болуы керек
import-unnumbered-text = { $article } ішінде алғашқы нөмірленген { $clause }-тармақтың алдында нөмірленбеген мәтін бар ({ $line }-жол); ол мәтінді де нөмірлеңіз немесе кіріспеге көшіріңіз
import-clause-twice = { $clause }-тармақ { $article } ішінде екі рет кездеседі (алғаш рет { $first }-жолда)
# $previous: the clause number before it.
import-clause-not-increasing = { $article }: { $clause }-тармақ { $previous }-тармақтан кейін тұр; тармақ нөмірлері өсу ретімен берілуі керек ({ $previous }-тармақ қате нөмірленген болуы мүмкін бе?)
# $max: how far a number may jump (10).
import-clause-gap = { $article }: { $clause }-тармақ { $previous }-тармақтан кейін тұр; нөмірлеуде ең көбі { $max } нөмірді өткізіп жіберуге болады (күші жойылған тармақтар). Егер абзац тармақ нөмірі емес санмен (мысалы, жылмен) басталса, абзац сол саннан басталмайтындай етіп мәтінін өзгертіңіз
import-clause-gap-first = { $article }: { $clause }-тармақ — баптың алғашқы нөмірленген тармағы; нөмірлеуде ең көбі { $max } нөмірді өткізіп жіберуге болады (күші жойылған тармақтар). Егер абзац тармақ нөмірі емес санмен (мысалы, жылмен) басталса, абзац сол саннан басталмайтындай етіп мәтінін өзгертіңіз
import-note-orphan = бұл ескертудің алдында тақырып немесе тармақ болуы керек; ескерту өзінің үстінде тұрған мәтінге жатады
# $chapter: a section or chapter heading as printed (Section I, I бөлім, Раздел I).
import-text-after-chapter = `{ $chapter }` тақырыбынан кейін бап тақырыбы күтілді, бірақ мәтін табылды
import-clause-empty = { $article }: { $clause }-тармақта ({ $line }-жол) мәтін жоқ
import-article-empty = { $article } ({ $line }-жол) мәтінсіз тұр; одан кейін кемінде бір абзац немесе ескерту болуы керек
import-no-articles = кемінде бір бап тақырыбы (`1-бап`, `Статья 1`, `Article 1`, `ARTICLE I`, `AMENDMENT I` немесе `### Article 1`) болуы керек; бірде-біреуі табылмады
import-chapter-empty = `{ $chapter }` ішінде бірде-бір бап жоқ; одан кейін бап тақырыбы болуы керек
reference-empty = нөмір бос болмауы керек
reference-bad-article = `{ $value }` — бап нөмірі емес (мысалы, 12, 83-1, IV немесе AM-XIV болуы керек)
reference-bad-clause = `{ $value }` — тармақ нөмірі емес (мысалы, 3 немесе 3-1 болуы керек)
reference-bad-clause-ref = `{ $value }` — толық тармақ нөмірі емес (<бап>.<тармақ> түрінде болуы керек, мысалы 12.3)

## A draft in several languages (src/import/mod.rs, src/import/alignment.rs). $lang: a language code (kk, ru, en), typed as it is.

import-same-language = екі файл бір тілде ({ $lang }); әр файлға жеке --lang көрсетіңіз
import-no-file = жоба файлы көрсетілмеді
import-authoritative-not-among = негізгі мәтіннің тілі ({ $lang }) редакция тілдерінің бірі болуы тиіс
# $consultation: the short name; $version: a number.
import-no-version = { $consultation } талқылауында тіл қосуға болатын № { $version } редакция жоқ
import-language-stored = { $consultation } талқылауының № { $version } редакциясында { $lang } тіліндегі мәтін бұрыннан бар; сақталған мәтін ауыстырылмайды (жаңа редакцияны импорттаңыз)
# The admin upload form: $value is what was typed as the version number.
import-bad-version-number = `{ $value }` — редакция нөмірі емес
# The admin upload form and `kenes import-draft --lang`: $value is what was given.
import-unknown-language = `{ $value }` — мәтін тілі емес (kk, ru немесе en)
# Followed by one line per difference (import-at-line with import-part-missing or import-part-extra).
import-not-aligned = әр тілдегі мәтіндердің баптары мен тармақтары бірдей емес; ештеңе импортталмады:
# $part: one of import-part-article…; $present: the file (and line) that has it.
import-part-missing = жоқ: { $part } ({ $present } ішінде бар)
# $reference: the file the others are compared with.
import-part-extra = { $part } — { $reference } ішінде жоқ
# What the other files are compared with: a file ($file), or the stored text of a version
# ($version: a number; $lang: its language code; $file: the file it was imported from).
import-yardstick-file = { $file }
import-yardstick-version = № { $version } редакция ({ $lang }, { $file })
# $article: an article number (5, 83-1, IV); $clause: a clause number.
import-part-article = { $article }-бап
import-part-article-clause = { $article }-баптың { $clause }-тармағы
import-part-amendment = { $article } түзету
import-part-amendment-clause = { $article } түзетудің { $clause }-тармағы

## Public comments in the Polis format (`kenes import-comments`, src/import/comments.rs). Column names in backticks are those of the CSV file.

# Followed by one line per bad row (import-at-line). $count: a number.
import-comments-bad-rows =
    { $count ->
        [one] Қате жолдар саны — { $count }; ештеңе импортталмады (қалғандарын импорттау үшін --skip-bad-rows параметрін қолданыңыз):
       *[other] Қате жолдар саны — { $count }; ештеңе импортталмады (қалғандарын импорттау үшін --skip-bad-rows параметрін қолданыңыз):
    }
# After the listed rows. $count: the rows not listed; $max: how many are listed (100).
import-comments-more-bad-rows =
    { $count ->
        [one] … және тағы { $count } қате жол (тек алғашқы { $max } жол көрсетілген)
       *[other] … және тағы { $count } қате жол (тек алғашқы { $max } жол көрсетілген)
    }
# $max: a number of bytes.
import-comments-row-too-long = бұл жолдың ұзындығы { $max } байттан асады; әр жолда бір пікір немесе бір дауыс болуы керек (`"` тырнақшасы жабылмай қалған болуы мүмкін бе?)
# $missing, $found: lists of column names in backticks.
import-comments-missing-columns = тақырып жолында { $missing } бағандары болуы керек; табылғаны: { $found }
# $opened: a line number.
import-comments-open-quote = жол тырнақшадағы өрістің ішінде аяқталады: { $opened }-жолда ашылған `"` тырнақшасы жабылмаған
# $expected, $found: numbers of fields.
import-comments-field-count = тақырып жолындағыдай өрістер саны күтілді: { $expected }; табылғаны: { $found }
import-comments-not-utf8 = UTF-8 мәтіні күтілді; бұл жолда UTF-8 емес байттар бар (файлды UTF-8 кодтауында сақтаңыз)
# $error: the CSV reader's own message (English).
import-comments-bad-csv = жарамсыз CSV жолы: { $error }
# $column: a column name; $problem: import-control-character.
import-comments-in-column = `{ $column }` бағанында: { $problem }
import-comments-bad-timestamp = `timestamp` бағанында Unix дәуірінен бергі миллисекундтар болуы керек
import-comments-bad-comment-id = `comment-id` бағанында бүтін сан болуы керек
import-comments-bad-author-id = `author-id` бағанында бүтін сан болуы керек
import-comments-bad-moderated = `moderated` бағанында 1, 0 немесе -1 болуы керек
import-comments-bad-body = `comment-body` мәні 1–5000 таңбадан тұруы керек
import-comments-duplicate-id = comment-id { $id } екі рет кездеседі (алғаш рет { $first }-жолда)
import-votes-bad-numbers = timestamp, comment-id, voter-id және vote бағандарында бүтін сандар болуы керек
import-votes-bad-vote = `vote` бағанында 1, 0 немесе -1 болуы керек
import-votes-unknown-comment = comment-id { $id } пікірлер файлында жоқ
import-comments-no-account = { $id } қатысушыға есептік жазба құру мүмкін болмады
import-comments-no-name = { $id } қатысушыға ат беру мүмкін болмады
# $reference: a clause reference such as 12.3; $consultation: the short name.
import-comments-no-clause = { $consultation } талқылауының жарияланған редакцияларында { $reference } тармақ жоқ
import-comments-not-current = { $reference } тармақ { $consultation } талқылауының қазіргі редакциясында жоқ
