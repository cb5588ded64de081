### Reading a draft: the contents, an article, a clause.
### Қазақ тілі. Ресми іс қағаздары стилі, «Сіз» деп құрметпен жүгіну; терминдер locales/GLOSSARY.md бойынша.

## A consultation's contents page (templates/consultations/consultation.html)

consultation-contents = Мазмұны
# A published version of the draft text. $number: the version number, 1, 2, 3…
consultation-version = № { $number } редакция
consultation-changelog = Бұл редакцияда не өзгерді
consultation-preamble = Кіріспе
consultation-no-version = Жоба мәтіні әлі жарияланған жоқ.
# In the table of contents after each article, and in the admin preview. $count: the number of
# clauses (a number). For 0 the contents page shows consultation-no-clauses instead.
consultation-clause-count =
    { $count ->
        [one] { $count } тармақ
       *[other] { $count } тармақ
    }
# In the table of contents, after an article that has only notes (lower case: it follows the
# article's title).
consultation-no-clauses = тармақ жоқ
# Notice above an older version. $number: its version number. Followed by the link consultation-
# current-version.
consultation-old-version = Сіз осы жобаның қазіргі емес, № { $number } редакциясын оқып отырсыз.
consultation-current-version = Қазіргі редакцияны оқу

## An article page (templates/consultations/article.html)

# Accessible name of the list of clauses.
article-clauses = Тармақтар
# Accessible name of a clause's number link. $reference: the clause reference as printed, e.g.
# 12.3.
article-permalink = { $reference } тармаққа тұрақты сілтеме
# Followed by ": " and the previous article's label (Russian: статья is feminine).
article-previous = Алдыңғы
# Followed by ": " and the next article's label.
article-next = Келесі
# Accessible name of the previous/next links.
article-neighbours = Басқа баптар
article-no-clauses = Бұл баптың өз мәтіні жоқ; ескертулерін қараңыз.

## A clause page (templates/consultations/clause.html)

# Heading and page title. $reference: e.g. 12.3 (article 12, clause 3).
clause-title = { $reference } тармақ
# Label; the value is the reference, e.g. 12.3.
clause-reference = Тармақ нөмірі
clause-permalink = Тұрақты сілтеме
clause-in-context = Баптың толық мәтінінде оқу
# $number: the version the clause is shown from.
clause-other-version = Бұл тармақ № { $number } редакциядағы түрінде көрсетілген; ол қазіргі редакцияға кірмейді.
