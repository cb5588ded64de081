### Drafts in several languages: the text-language switcher, side by side, the upload's
### languages (issue 15).
### English.

languages-upload-legend = Files and their languages
languages-upload-hint = One file per language, aligned article by article and clause by clause. Kazakh is the authoritative text when one of the files is Kazakh; otherwise the first file is.
# $number: the number of the file field, 1, 2 or 3.
languages-upload-file = File { $number }
languages-upload-lang = Language of the text
languages-upload-into-version = Add to version (optional)
languages-upload-into-version-hint = The number of an existing version, to add its text in further languages. Leave empty to upload a new version.
# The choice of the authoritative language on the upload: its empty option, and its hint.
languages-upload-authoritative-default = By the rule: Kazakh when one of the texts is Kazakh, else the first file
languages-upload-authoritative-hint = A Kazakh text added to a version becomes its authoritative text, unless another language is chosen here.
languages-switch-label = Language of the text
languages-switch-text = Read in
languages-switch-compare = Side by side with
languages-switch-single = One language only
languages-authoritative = Authoritative text
languages-authoritative-short = authoritative text
languages-outdated = Not yet updated: the authoritative text of this clause changed in this version, and this translation has not been updated yet.
# $language: the name of the language asked for, in itself (Русский).
languages-fallback = The text is not published in this language: { $language }. Shown instead: the authoritative text,
languages-suggest-label = Language of your suggestion
languages-suggest-hint = A proposed wording is compared with the clause's text in this language.
languages-filter-label = Language
languages-filter-any = Any language
