### Importing a draft or public comments: the problems found in a file.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## Where a problem is (a draft or CSV file that could not be imported; shown on the admin upload page and by the command line)

# $file: the file name; $line: the line number; $message: one of the import-… messages below.
import-at-line = { $file }:{ $line }: { $message }
# A problem with the whole file.
import-at-file = { $file }: { $message }
# $error: the database's own message (English).
import-database-error = ошибка базы данных при импорте: { $error }

## A draft file (src/import/parser.rs). In Kazakh and Russian the headings are the forms the importer reads (1-бап, Статья 1, I бөлім, Раздел I…).

import-too-large = размер файла — { $size } байт; размер проекта не может превышать { $max } байт
import-not-utf8 = ожидался текст в кодировке UTF-8; в этой строке есть байты, недопустимые в UTF-8 (сохраните файл в кодировке UTF-8)
import-heading-space = после `#` ожидались пробел и текст заголовка
import-bad-article-heading = ожидалось `### Article N` или `### Amendment N` (при необходимости `: Название`), найдено `### { $text }`
import-heading-too-deep = ожидалось `#` (название), `##` (раздел или глава) или `###` (статья); заголовки глубже в структуру не входят
import-preamble-late = Преамбула (`PREAMBLE`) может стоять только перед первым заголовком
import-title-twice = строка `# Название` должна быть одна, в начале файла
# $article: the article's heading as printed in the file (Article 5, 5-бап, Статья 5); $first: a
# line number.
import-article-twice = { $article } встречается дважды; впервые — в строке { $first } (номера статей не должны повторяться)
# $clause: the clause number as printed (3, 3-1).
import-clause-before-article = перед пунктом { $clause } ожидался заголовок статьи
import-unnumbered-text = { $article }: перед первым пронумерованным пунктом { $clause } есть текст без номера (строка { $line }); пронумеруйте его или перенесите в преамбулу
import-clause-twice = { $article }: пункт { $clause } встречается дважды (впервые — в строке { $first })
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

## Public comments in the Polis format (`kenes import-comments`, src/import/comments.rs). Column names in backticks are those of the CSV file.

# Followed by one line per bad row (import-at-line). $count: a number.
import-comments-bad-rows =
    { $count ->
        [one] { $count } строка с ошибкой; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
        [few] { $count } строки с ошибками; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
        [many] { $count } строк с ошибками; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
       *[other] { $count } строки с ошибками; ничего не импортировано (чтобы импортировать остальные, укажите --skip-bad-rows):
    }
import-comments-missing-column = в строке заголовков ожидался столбец `{ $column }`
# $error: the CSV reader's own message (English).
import-comments-header = не удалось прочитать строку заголовков: { $error }
import-comments-bad-csv = недопустимая строка CSV: { $error }
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
import-comments-not-current = пункта { $reference } нет в текущей редакции обсуждения { $consultation }
