### Reading a draft: the contents, an article, a clause.
### English.

## A consultation's contents page (templates/consultations/consultation.html)

consultation-contents = Contents
# A published version of the draft text. $number: the version number, 1, 2, 3…
consultation-version = Version { $number }
consultation-changelog = What changed in this version
consultation-preamble = Preamble
consultation-no-version = The draft text has not been published yet.
# In the table of contents after each article, and in the admin preview. $count: the number of
# clauses (a number). For 0 the contents page shows consultation-no-clauses instead.
consultation-clause-count =
    { $count ->
        [one] { $count } clause
       *[other] { $count } clauses
    }
# In the table of contents, after an article that has only notes (lower case: it follows the
# article's title).
consultation-no-clauses = no clauses
# Notice above an older version. $number: its version number. Followed by the link consultation-
# current-version.
consultation-old-version = You are reading version { $number } of this draft, not the current one.
consultation-current-version = Read the current version

## An article page (templates/consultations/article.html)

# Accessible name of the list of clauses.
article-clauses = Clauses
# Accessible name of a clause's number link. $reference: the clause reference as printed, e.g.
# 12.3.
article-permalink = Permanent link to clause { $reference }
# Followed by ": " and the previous article's label (Russian: статья is feminine).
article-previous = Previous
# Followed by ": " and the next article's label.
article-next = Next
# Accessible name of the previous/next links.
article-neighbours = Other articles
article-no-clauses = This article has no text of its own; see its notes.

## A clause page (templates/consultations/clause.html)

# Heading and page title. $reference: e.g. 12.3 (article 12, clause 3).
clause-title = Clause { $reference }
# Label; the value is the reference, e.g. 12.3.
clause-reference = Reference
clause-permalink = Permanent link
clause-in-context = Read it in the whole article
# $number: the version the clause is shown from.
clause-other-version = This clause is shown as it stood in version { $number }; it is not part of the current version.
