### Проект на нескольких языках: выбор языка текста, параллельное чтение, языки загружаемых файлов (issue 15).
### Русский язык. Официально-деловой стиль; термины по locales/GLOSSARY.md.

languages-upload-legend = Файлы и их языки
languages-upload-hint = По одному файлу на каждый язык; статьи и пункты в файлах должны соответствовать друг другу. Если один из файлов на казахском языке, основным является казахский текст; в ином случае основным является текст первого файла.
# $number: the number of the file field, 1, 2 or 3.
languages-upload-file = Файл { $number }
languages-upload-lang = Язык текста
languages-upload-into-version = Добавить в редакцию (необязательно)
languages-upload-into-version-hint = Укажите номер существующей редакции, чтобы добавить ее текст на других языках. Оставьте поле пустым, чтобы загрузить новую редакцию.
# The choice of the authoritative language on the upload: its empty option, and its hint.
languages-upload-authoritative-default = По правилу: казахский текст, если он есть среди текстов, иначе текст первого файла
languages-upload-authoritative-hint = Текст на казахском языке, добавленный в редакцию, становится ее основным текстом, если здесь не выбран другой язык.
languages-switch-label = Язык текста
languages-switch-text = Читать на языке
languages-switch-compare = Сравнить с текстом на языке
languages-switch-single = Только на одном языке
languages-authoritative = Основной текст
languages-authoritative-short = основной текст
languages-outdated = Еще не обновлено: в этой редакции основной текст пункта изменен, а этот перевод еще не обновлен.
# $language: the name of the language asked for, in itself (Русский).
languages-fallback = Текст не опубликован на этом языке: { $language }. Вместо него показан основной текст:
languages-suggest-label = Язык Вашего предложения
languages-suggest-hint = Предлагаемая формулировка сравнивается с текстом пункта на этом языке.
languages-filter-label = Язык
languages-filter-any = Любой язык
