### Reading a draft: the contents, an article, a clause.
### Русский язык. Официально-деловой стиль, обращение на «Вы» с прописной буквы; кавычки «ёлочки»; термины по locales/GLOSSARY.md.

## A consultation's contents page (templates/consultations/consultation.html)

consultation-contents = Содержание
# A published version of the draft text. $number: the version number, 1, 2, 3…
consultation-version = Редакция № { $number }
consultation-changelog = Что изменено в этой редакции
consultation-preamble = Преамбула
consultation-no-version = Текст проекта еще не опубликован.
# In the table of contents after each article, and in the admin preview. $count: the number of
# clauses (a number). For 0 the contents page shows consultation-no-clauses instead.
consultation-clause-count =
    { $count ->
        [one] { $count } пункт
        [few] { $count } пункта
        [many] { $count } пунктов
       *[other] { $count } пункта
    }
# In the table of contents, after an article that has only notes (lower case: it follows the
# article's title).
consultation-no-clauses = нет пунктов
# Notice above an older version. $number: its version number. Followed by the link consultation-
# current-version.
consultation-old-version = Вы читаете редакцию № { $number } этого проекта, а не текущую.
consultation-current-version = Читать текущую редакцию

## An article page (templates/consultations/article.html)

# Accessible name of the list of clauses.
article-clauses = Пункты
# Accessible name of a clause's number link. $reference: the clause reference as printed, e.g.
# 12.3.
article-permalink = Постоянная ссылка на пункт { $reference }
# Followed by ": " and the previous article's label (Russian: статья is feminine).
article-previous = Предыдущая
# Followed by ": " and the next article's label.
article-next = Следующая
# Accessible name of the previous/next links.
article-neighbours = Другие статьи
article-no-clauses = У этой статьи нет собственного текста; см. примечания.

## A clause page (templates/consultations/clause.html)

# Heading and page title. $reference: e.g. 12.3 (article 12, clause 3).
clause-title = Пункт { $reference }
# Label; the value is the reference, e.g. 12.3.
clause-reference = Номер пункта
clause-permalink = Постоянная ссылка
clause-in-context = Читать в тексте статьи
# $number: the version the clause is shown from.
clause-other-version = Пункт показан в редакции № { $number }; в текущую редакцию он не входит.
