### Importing a draft or public comments: the problems found in a file.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Where a problem is (a draft or CSV file that could not be imported; shown on the admin upload page and by the command line)

# $file: the file name; $line: the line number; $message: one of the import-… messages below.
import-at-line = { $file }:{ $line }: { $message }
# A problem with the whole file.
import-at-file = { $file }: { $message }
# $error: the database's own message (English).
import-database-error = ошибка базы данных при импорте: { $error }
# $error: the operating system's own message (English).
import-cannot-open = не удалось открыть файл: { $error }
import-cannot-read = не удалось прочитать файл: { $error }
import-directory = ожидался файл, а указана папка
# $size, $max: numbers of bytes; $size_mib, $max_mib: the same in MiB, e.g. 8.0.
import-too-large = размер файла — { $size } байт ({ $size_mib } МиБ); размер импортируемого файла не может превышать { $max } байт ({ $max_mib } МиБ) (чтобы разрешить больший размер, укажите --max-bytes или KENES_IMPORT_MAX_BYTES)
# A stream whose size is not known in advance.
import-too-large-stream = размер файла превышает допустимый; размер импортируемого файла не может превышать { $max } байт ({ $max_mib } МиБ) (чтобы разрешить больший размер, укажите --max-bytes или KENES_IMPORT_MAX_BYTES)
# The environment variable that sets the import limit ($variable) holds $value, which is not a size.
import-bad-max-bytes = { $variable }: ожидался размер в байтах, например 8388608 или 64MiB, найдено `{ $value }`
# $code: four hexadecimal digits, e.g. 0000; $kind: nul, cr, escape, delete or other; $column: a number.
import-control-character = ожидался текст, а в позиции { $column } найден управляющий символ U+{ $code }{ $kind ->
        [nul] {" "}(NUL)
        [cr] {" "}(возврат каретки без перевода строки)
        [escape] {" "}(escape)
        [delete] {" "}(delete)
       *[other] {""}
    } (сохраните файл как обычный текст в кодировке UTF-8)

## A draft file (src/import/parser.rs). In Kazakh and Russian the headings are the forms the importer reads (1-бап, Статья 1, I бөлім, Раздел I…).

import-not-utf8 = ожидался текст в кодировке UTF-8; в этой строке есть байты, недопустимые в UTF-8 (сохраните файл в кодировке UTF-8)
import-heading-space = после `#` ожидались пробел и текст заголовка
# $text: the rest of the heading line.
import-bad-article-heading = ожидалось `### Статья N`, `### N-бап`, `### Article N` или `### Amendment N` (при необходимости `: Название`), найдено `### { $text }`
import-heading-too-deep = ожидалось `#` (название), `##` (раздел или глава) или `###` (статья); заголовки глубже в структуру не входят
# $heading: the heading as printed (Article 01); $problem: one of import-number-….
import-heading-number = в заголовке `{ $heading }`: { $problem }
# $problem: one of import-number-… or reference-….
import-bad-clause-number = в начале этого абзаца ожидался номер пункта, например `3.` или `3-1.`: { $problem }
# $token: the number as found in the file.
import-number-shape = `{ $token }` не является номером (ожидается номер вида `3` или `3-1`)
# $fixed: the number without the leading zero.
import-number-leading-zero = `{ $token }` начинается с нуля (номера начинаются с 1 и записываются без ведущего нуля, например `{ $fixed }`)
# $max: a number of digits.
import-number-too-long = `{ $token }` слишком велик для номера (не более { $max } цифр)
import-preamble-late = Преамбула (`PREAMBLE`) может стоять только перед первым заголовком
import-title-twice = строка `# Название` должна быть одна, в начале файла
# $article: the article's heading as printed in the file (Article 5, 5-бап, Статья 5); $first: a
# line number.
import-article-twice = { $article } встречается дважды; впервые — в строке { $first } (номера статей не должны повторяться)
# $clause: the clause number as printed (3, 3-1).
import-clause-before-article = перед пунктом { $clause } ожидался заголовок статьи
import-unnumbered-text = { $article }: перед первым пронумерованным пунктом { $clause } есть текст без номера (строка { $line }); пронумеруйте его или перенесите в преамбулу
import-clause-twice = { $article }: пункт { $clause } встречается дважды (впервые — в строке { $first })
# $previous: the clause number before it.
import-clause-not-increasing = { $article }: пункт { $clause } следует за пунктом { $previous }; номера пунктов должны возрастать (возможно, пункт { $previous } пронумерован неверно?)
# $max: how far a number may jump (10).
import-clause-gap = { $article }: пункт { $clause } следует за пунктом { $previous }; в нумерации можно пропустить не более { $max } номеров (утратившие силу пункты). Если абзац начинается с числа, которое не является номером пункта (например, с года), измените формулировку так, чтобы абзац не начинался с этого числа
import-clause-gap-first = { $article }: пункт { $clause } — первый пронумерованный пункт статьи; в нумерации можно пропустить не более { $max } номеров (утратившие силу пункты). Если абзац начинается с числа, которое не является номером пункта (например, с года), измените формулировку так, чтобы абзац не начинался с этого числа
import-note-orphan = перед этим примечанием ожидался заголовок или пункт; примечание относится к тому, что стоит над ним
# $chapter: a section or chapter heading as printed (Section I, I бөлім, Раздел I).
import-text-after-chapter = после `{ $chapter }` ожидался заголовок статьи, а найден текст
import-clause-empty = { $article }, пункт { $clause } (строка { $line }): нет текста
import-article-empty = { $article } (строка { $line }): нет текста; после заголовка ожидался хотя бы один абзац или примечание
import-no-articles = ожидался хотя бы один заголовок статьи (`Статья 1`, `1-бап`, `Article 1`, `ARTICLE I`, `AMENDMENT I` или `### Article 1`); не найдено ни одного
import-chapter-empty = в `{ $chapter }` нет ни одной статьи; после заголовка ожидалась статья
reference-empty = номер не может быть пустым
reference-bad-article = `{ $value }` не является номером статьи (ожидается, например, 12, 83-1, IV или AM-XIV)
reference-bad-clause = `{ $value }` не является номером пункта (ожидается, например, 3 или 3-1)
reference-bad-clause-ref = `{ $value }` не является полным номером пункта (ожидается <статья>.<пункт>, например 12.3)

## A draft in several languages (src/import/mod.rs, src/import/alignment.rs). $lang: a language code (kk, ru, en), typed as it is.

import-same-language = два файла на одном языке ({ $lang }); укажите для каждого файла свой --lang
import-no-file = не указан файл проекта
import-authoritative-not-among = язык основного текста ({ $lang }) должен быть одним из языков редакции
# $consultation: the short name; $version: a number.
import-no-version = в обсуждении { $consultation } нет редакции № { $version }, к которой можно добавить язык
import-language-stored = текст редакции № { $version } обсуждения { $consultation } на языке { $lang } уже загружен; сохраненный текст не заменяется (импортируйте новую редакцию)
# The admin upload form: $value is what was typed as the version number.
import-bad-version-number = `{ $value }` не является номером редакции
# The admin upload form and `kenes import-draft --lang`: $value is what was given.
import-unknown-language = `{ $value }` не является языком текста (kk, ru или en)
# Followed by one line per difference (import-at-line with import-part-missing or import-part-extra).
import-not-aligned = состав статей и пунктов в текстах на разных языках не совпадает; ничего не импортировано:
# $part: one of import-part-article…; $present: the file (and line) that has it.
import-part-missing = отсутствует: { $part } (есть в тексте: { $present })
# $reference: the file the others are compared with.
import-part-extra = { $part } — нет в тексте: { $reference }
# What the other files are compared with: a file ($file), or the stored text of a version
# ($version: a number; $lang: its language code; $file: the file it was imported from).
import-yardstick-file = { $file }
import-yardstick-version = редакция № { $version } ({ $lang }, { $file })
# $article: an article number (5, 83-1, IV); $clause: a clause number.
import-part-article = статья { $article }
import-part-article-clause = статья { $article }, пункт { $clause }
import-part-amendment = поправка { $article }
import-part-amendment-clause = поправка { $article }, пункт { $clause }

## Public comments in the Polis format (`kenes import-comments`, src/import/comments.rs). Column names in backticks are those of the CSV file.

# Followed by one line per bad row (import-at-line). $count: a number.
import-comments-bad-rows =
    { $count ->
        [one] { $count } строка с ошибкой; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
        [few] { $count } строки с ошибками; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
        [many] { $count } строк с ошибками; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
       *[other] { $count } строки с ошибками; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
    }
# After the listed rows. $count: the rows not listed; $max: how many are listed (100).
import-comments-more-bad-rows =
    { $count ->
        [one] … и еще { $count } строка с ошибкой (показаны только первые { $max })
        [few] … и еще { $count } строки с ошибками (показаны только первые { $max })
        [many] … и еще { $count } строк с ошибками (показаны только первые { $max })
       *[other] … и еще { $count } строки с ошибками (показаны только первые { $max })
    }
# $max: a number of bytes.
import-comments-row-too-long = длина этой строки превышает { $max } байт; ожидались строки по одному комментарию или голосу (возможно, не закрыта кавычка `"`?)
# $missing, $found: lists of column names in backticks.
import-comments-missing-columns = в строке заголовков ожидались столбцы { $missing }; найдено: { $found }
# $opened: a line number.
import-comments-open-quote = строка заканчивается внутри поля в кавычках: кавычка `"`, открытая в строке { $opened }, не закрыта
# $expected, $found: numbers of fields.
import-comments-field-count = ожидалось полей: { $expected }, как в строке заголовков; найдено: { $found }
import-comments-not-utf8 = ожидался текст в кодировке UTF-8; в этой строке есть байты, недопустимые в UTF-8 (сохраните файл в кодировке UTF-8)
# $error: the CSV reader's own message (English).
import-comments-bad-csv = недопустимая строка CSV: { $error }
# $column: a column name; $problem: import-control-character.
import-comments-in-column = в `{ $column }`: { $problem }
import-comments-bad-timestamp = в `timestamp` ожидалось время в миллисекундах от начала эпохи Unix
import-comments-bad-comment-id = в `comment-id` ожидалось целое число
import-comments-bad-author-id = в `author-id` ожидалось целое число
import-comments-bad-moderated = в `moderated` ожидалось 1, 0 или -1
import-comments-bad-body = значение `comment-body` должно содержать от 1 до 5000 символов
import-comments-duplicate-id = comment-id { $id } встречается дважды (впервые — в строке { $first })
import-votes-bad-numbers = в timestamp, comment-id, voter-id и vote ожидались целые числа
import-votes-bad-vote = в `vote` ожидалось 1, 0 или -1
import-votes-unknown-comment = comment-id { $id } нет в файле комментариев
import-comments-no-account = не удалось создать учетную запись участника { $id }
import-comments-no-name = не удалось задать имя участника { $id }
# $reference: a clause reference such as 12.3; $consultation: the short name.
import-comments-no-clause = пункта { $reference } нет ни в одной опубликованной редакции обсуждения { $consultation }
import-comments-not-current = пункта { $reference } нет в текущей редакции обсуждения { $consultation }
