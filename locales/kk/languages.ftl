### Бірнеше тілдегі жоба: мәтін тілін ауыстыру, қатар оқу, жүктелетін файлдардың тілдері (issue 15).
### Қазақ тілі. Ресми іс қағаздары стилі; терминдер locales/GLOSSARY.md бойынша.

languages-upload-legend = Файлдар және олардың тілдері
languages-upload-hint = Әр тілге бір файл; файлдардың баптары мен тармақтары бір-біріне сәйкес болуы тиіс. Файлдардың бірі қазақ тілінде болса, қазақ тіліндегі мәтін негізгі мәтін болып табылады; олай болмаған жағдайда бірінші файлдың мәтіні негізгі мәтін болып табылады.
# $number: the number of the file field, 1, 2 or 3.
languages-upload-file = { $number }-файл
languages-upload-lang = Мәтіннің тілі
languages-upload-into-version = Редакцияға қосу (міндетті емес)
languages-upload-into-version-hint = Бар редакцияға басқа тілдердегі мәтінін қосу үшін оның нөмірін көрсетіңіз. Жаңа редакцияны жүктеу үшін өрісті бос қалдырыңыз.
# The choice of the authoritative language on the upload: its empty option, and its hint.
languages-upload-authoritative-default = Ереже бойынша: мәтіндердің арасында қазақ тіліндегі мәтін болса, сол мәтін, болмаса бірінші файлдың мәтіні
languages-upload-authoritative-hint = Егер мұнда басқа тіл таңдалмаса, редакцияға қосылған қазақ тіліндегі мәтін оның негізгі мәтіні болады.
languages-switch-label = Мәтіннің тілі
languages-switch-text = Оқу тілі
languages-switch-compare = Қатар салыстыру
languages-switch-single = Тек бір тілде
languages-authoritative = Негізгі мәтін
languages-authoritative-short = негізгі мәтін
languages-outdated = Әлі жаңартылмаған: осы редакцияда тармақтың негізгі мәтіні өзгерді, ал бұл аударма әлі жаңартылған жоқ.
# $language: the name of the language asked for, in itself (Русский).
languages-fallback = Мәтін мына тілде жарияланбаған: { $language }. Оның орнына негізгі мәтін көрсетілген:
languages-suggest-label = Ұсынысыңыздың тілі
languages-suggest-hint = Ұсынылған мәтін тармақтың осы тілдегі мәтінімен салыстырылады.
languages-filter-label = Тілі
languages-filter-any = Кез келген тіл
