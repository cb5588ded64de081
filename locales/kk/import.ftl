### Importing a draft or public comments: the problems found in a file.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## Where a problem is (a draft or CSV file that could not be imported; shown on the admin upload page and by the command line)

# $file: the file name; $line: the line number; $message: one of the import-… messages below.
import-at-line = { $file }:{ $line }: { $message }
# A problem with the whole file.
import-at-file = { $file }: { $message }
# $error: the database's own message (English).
import-database-error = импорттау кезінде дерекқор қатесі орын алды: { $error }

## A draft file (src/import/parser.rs). In Kazakh and Russian the headings are the forms the importer reads (1-бап, Статья 1, I бөлім, Раздел I…).

import-too-large = файл көлемі — { $size } байт; жоба көлемі { $max } байттан аспауы керек
import-not-utf8 = UTF-8 мәтіні күтілді; бұл жолда UTF-8 емес байттар бар (файлды UTF-8 кодтауында сақтаңыз)
import-heading-space = `#` белгісінен кейін бос орын және тақырып мәтіні болуы керек
import-bad-article-heading = `### Article N` немесе `### Amendment N` (қажет болса, `: Атауы`) күтілді, бірақ `### { $text }` табылды
import-heading-too-deep = `#` (атауы), `##` (бөлім немесе тарау) немесе `###` (бап) күтілді; одан терең тақырыптар құрылымға кірмейді
import-preamble-late = Кіріспе (`PREAMBLE`) тек алғашқы тақырыптың алдында тұра алады
import-title-twice = `# Атауы` жолы файлдың басында бір рет қана болуы керек
# $article: the article's heading as printed in the file (Article 5, 5-бап, Статья 5); $first: a
# line number.
import-article-twice = { $article } екі рет кездеседі; ол алғаш рет { $first }-жолда берілген (әр баптың нөмірі қайталанбауы керек)
# $clause: the clause number as printed (3, 3-1).
import-clause-before-article = { $clause }-тармақтың алдында бап тақырыбы болуы керек
import-unnumbered-text = { $article } ішінде алғашқы нөмірленген { $clause }-тармақтың алдында нөмірленбеген мәтін бар ({ $line }-жол); ол мәтінді де нөмірлеңіз немесе кіріспеге көшіріңіз
import-clause-twice = { $clause }-тармақ { $article } ішінде екі рет кездеседі (алғаш рет { $first }-жолда)
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

## Public comments in the Polis format (`kenes import-comments`, src/import/comments.rs). Column names in backticks are those of the CSV file.

# Followed by one line per bad row (import-at-line). $count: a number.
import-comments-bad-rows =
    { $count ->
        [one] Қате жолдар саны — { $count }; ештеңе импортталмады (қалғандарын импорттау үшін --skip-bad-rows параметрін қолданыңыз):
       *[other] Қате жолдар саны — { $count }; ештеңе импортталмады (қалғандарын импорттау үшін --skip-bad-rows параметрін қолданыңыз):
    }
import-comments-missing-column = тақырып жолында `{ $column }` деген баған болуы керек
# $error: the CSV reader's own message (English).
import-comments-header = тақырып жолын оқу мүмкін болмады: { $error }
import-comments-bad-csv = жарамсыз CSV жолы: { $error }
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
import-comments-not-current = { $reference } тармақ { $consultation } талқылауының қазіргі редакциясында жоқ
