"""The patterns of running text that the readers of names share: what a word, a blank, a quote,
initials and the end of a sentence are, and the word lists of grammar they look for beside a name
(prepositions, conjunctions, endings). Patterns only: no reading of the tables."""

from __future__ import annotations

import re
import unicodedata

from .text import APOSTROPHES, COMBINING_MARKS

MAX_NAME_WORDS = 3  # words of a personal name taken on each side of its surname (given names, a patronymic)
MAX_EXTEND_ORG = 10  # words after the first word of an organisation's name (Центральная комиссия …)
WINDOW = 80
WORD_MEMO_SIZE = 200_000  # word forms whose anchors and name-part kind are remembered
# the fewest letters of a word that is a given name by its key; a shorter one is a name only as a
# table writes it (Ян): by its key it is as often a preposition, a pronoun or a particle (En, On, So)
MIN_KEYED_GIVEN_LETTERS = 3
MIN_NEAR_KEY = 6  # a word of a key this long with no exact anchor may be a surname one edit away

MARKS = COMBINING_MARKS
UPPER = "".join(sorted({c for c in map(chr, range(0x10000)) if c.isupper() or c.istitle()}))


def char_class(chars: str) -> str:
    """A regex character class body of ``chars``, written as ranges."""
    codes = sorted({ord(c) for c in chars})
    out: list[str] = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) if i == j else f"{re.escape(chr(codes[i]))}-{re.escape(chr(codes[j]))}")
        i = j + 1
    return "".join(out)


UPPER_CLASS = char_class(UPPER)
APOSTROPHE_CHARS = "".join(APOSTROPHES)
APOS = char_class(APOSTROPHE_CHARS)
# a word: letters (and digits after the first letter), with the combining marks on them (ALA-LC's tie
# in T͡sepkalo, a stress mark, a decomposed letter), an apostrophe between letters (Дар'я, O'Brien),
# and a dot before lower-case letters (Tut.by) or between two runs of capitals of two letters or more
# (TUT.BY, a name written as its web address); a hyphen and any other dot before a capital end a word
# (written so that each string has one way to match: letters, then runs of marks each followed by
# letters, then marks; never a loop that may match a run of marks in many ways)
BODY = rf"[^\W_]*(?:[{MARKS}]+[^\W_]+)*[{MARKS}]*"
# GOST 7.79 system B writes ы as y`, э as e`, ь as ` and ъ as ``: a backtick after a letter is the
# word's (Ne`ksty`, Che`rache`n`), where ’ or ' after a word is a possessive or a quote (Belarus’)
TAIL = (
    rf"(?:[{APOS}](?=[^\W\d_]){BODY}|\.(?=[^\W\d_{UPPER_CLASS}]){BODY}"
    rf"|(?<=[{UPPER_CLASS}]{{2}})\.(?=[{UPPER_CLASS}]{{2,}}(?![^\W_])){BODY}|-(?=[^\W_]){BODY})*"
    rf"(?:`[{MARKS}]*){{0,2}}"
)
# not inside a word: after the apostrophe of a word (O'Brien, D'Alema; not after the elided article,
# preposition or conjunction of French and Italian, one small letter or que: d'Alexandre, l'Ukraine,
# d'Arc, qu'Alexandre, jusqu'à), a dot, a hyphen or a mark. Tested after the word's first letter,
# on that letter and what stands before it: the regex engine then looks behind only where a letter
# is, not at every position of the text (three times as fast)
NOT_INSIDE = (
    rf"(?<![^\W_].)(?<![^\W_][^\W_u][{APOS}].)(?<![^\W_q]u[{APOS}].)(?<![{UPPER_CLASS}\d][{APOS}].)"
    rf"(?<![.\-{MARKS}].)"
)
# the elided article, preposition or conjunction of French and Italian before a capitalised word
# (d'Alexandre, l'Ukraine, qu'Alexandre): one small letter or a word ending in qu, and an apostrophe
ELIDED_RE = re.compile(rf"(?:[^\W\d_{UPPER_CLASS}]|[^\W\d_{UPPER_CLASS}]*qu)[{APOS}](?=[{UPPER_CLASS}])")
CAPITALISED_RE = re.compile(rf"[{UPPER_CLASS}]{NOT_INSIDE}{BODY}{TAIL}")
ANY_WORD_RE = re.compile(rf"[^\W\d_]{NOT_INSIDE}{BODY}{TAIL}")
# a woman's given name in the nominative, not a noun of her occupation (активистка, певица)
WOMANS_NAME_END_RE = re.compile(r"(?<![кц])[ая]$")
# a woman's surname in the nominative, Russian and Belarusian (Колесникова, Калеснікава, Ціханоўская)
WOMANS_SURNAME_END_RE = re.compile(r"(?:ск|цк|зк)ая$|(?:ов|ев|ёв|ав|ин|ын|ін)а$")
# the words of a name, with hyphens and apostrophes inside (Зеленский, Pazniak-Adamovich, Дар'я)
NAME_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
LETTERS_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
MARK_RE = re.compile(f"[{MARKS}]")
STRESS_RE = re.compile("[\u0300-\u0360\u0362-\u036f]")  # not ALA-LC's ties (U+0360, U+0361)

# initials: S., S.G., S. G. is two; J.-C. and Ж.-К. (a compound given name's); a letter with its dot
INITIALS_RE = re.compile(r"(?:[^\W\d_]\.(?:-?[^\W\d_]\.){0,2})")
# a word or initials just before or after a name word, with what stands between
# a word beside a name: a soft sign written as an apostrophe may end it (Igor', Lyubov’, Ales`)
WORD_BEFORE_RE = re.compile(rf"(?:[^\W\d_]{BODY}(?:[-{APOS}][^\W\d_]{BODY})*(?:\.|[{APOS}])?|{INITIALS_RE.pattern})$")
NEXT_RE = re.compile(
    rf"(,?)([ \t\u00a0]+)(?:([«„“\"])([^\W\d_]{BODY}(?:[-{APOS}.][^\W\d_]{BODY})*)([»“”\"])|"
    rf"({INITIALS_RE.pattern}|[^\W\d_]{BODY}(?:[-{APOS}][^\W\d_]{BODY}|\.[^\W\d_{UPPER_CLASS}]{BODY})*[{APOS}]?))"
)
# the signs German writing puts inside a word before its feminine ending, so that the word names
# every gender (Belaruss:innen, Bürger*innen, Lehrer_innen): the word goes on after it
GENDER_SIGN_RE = re.compile(r"[:*_·/]in(?:nen)?\b")
SOFT_SIGN_RE = re.compile(f"[{APOS}]")  # a soft sign after a surname before a comma: AFNAGEL’, Yevgeniy
QUOTE_OPEN = '«„“"'
# the prepositions between a word for an administrative unit and the town it is named after (the
# region of Brest, la région de Brest, la regione di Gomel)
UNIT_OF = frozenset(("of", "de", "di"))
# a word or an abbreviation and a colon right before a name (Выдавец: Беларусь; Мн.: Беларусь), and
# the comma and year of an imprint after it (Мінск : Беларусь, 1993)
BEFORE_COLON_RE = re.compile(r"([^\W\d_]+)(\.?)[ \t\u00a0]*:[ \t\u00a0]*\Z")
IMPRINT_YEAR_RE = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]*\d{4}(?!\d)(?![ \t\u00a0]*[^\W\d_])")
# the nominative endings of the adjectives of place_adjectives (Russian, Belarusian, Ukrainian)
NOMINATIVE_ADJECTIVE = ("ский", "цкий", "ская", "цкая", "скі", "цкі", "ський", "цький", "ська", "цька")
# a capitalised word with an English possessive right before a name (Estonia's KGB), and of with a
# capitalised word right after one (the MVD of Georgia, of the Republic of Belarus)
POSSESSOR_RE = re.compile(rf"(?<![\w{APOS}])([{UPPER_CLASS}][^\W\d_]+)[{APOS}]s?[ \t\u00a0]+\Z")
PROPER_WORD = rf"[{UPPER_CLASS}][^\W\d_]+"
OF_OWNER_RE = re.compile(
    rf"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?({PROPER_WORD}(?:[ \t\u00a0]+of[ \t\u00a0]+{PROPER_WORD})?)"
)
# the word right after a brand's name: after blanks or a hyphen (Belarus tractors, Belarus-branded)
PRODUCT_AFTER_RE = re.compile(r"(?:[ \t\u00a0]+|-)([^\W\d_]+)\b")
# Беларусь 1, Россия-24, BELARUS-820 (a tractor): a number joined by a hyphen, or of one or two
# digits after a blank where no word follows (not a year, not a date: Курапаты 15 красавіка; nor
# the first day of a range of days, в Минске 10-12 мая)
# a word's full stop that a word in small letters follows: the word is cut short (Maz. są)
ABBREVIATION_RE = re.compile(r"\.[ \t\u00a0]+([^\W\d_])")
NUMBERED_RE = re.compile(r"-\d+|[ \t\u00a0]+\d{1,2}(?!\d)(?![-–—]\d)(?![ \t\u00a0]*[^\W\d_])")
QUOTE_CLOSE = frozenset('»“”"')
QUOTE_CLOSE_ONLY = frozenset("»”")  # quotes that only close
DASHES = frozenset("-‐‑‒–—")
# the past tense of a verb after its stem's vowel: a woman's (-ла, -лась, -лася), a man's (-л, -лся,
# the Belarusian -ў, -ўся)
FEMININE_PAST_RE = re.compile("[аеёиіоуыэюя]ла(?:сь|ся)?$")
MASCULINE_PAST_RE = re.compile("[аеёиіоуыэюя](?:л|лся|ў|ўся)$")
TITLE_REACH = 80  # how far a quoted title's quotes may stand from a name in it
TITLE_BREAK_RE = re.compile(r"[,!?;:…—–]|\s-\s|\.(?!\w)")  # what a quoted title does not hold
# the prepositions after which a name is a place of a quoted phrase, not the title's (Зроблена ў
# Польшчы): Russian, Belarusian, Ukrainian, Polish, English and German, as their grammars list them;
# not the genitive's of, von and de, which make titles (Voice of America)
PREPOSITIONS = frozenset(
    word
    for words in (
        "в во на у ў к ко по для из от до за под над при про о об с со без через перед между против ради",  # Russian
        "ва да з са зь із ад пра па пры аб праз пад перад паміж супраць",  # Belarusian
        "зі від під між проти",  # Ukrainian (besides those it shares with Russian and Belarusian)
        "w we na o do z ze od dla po przy przez pod nad za bez między przeciw ku",  # Polish
        "in to for from at on with without into against about by across over under around near via through",  # English
        "nach aus für mit gegen zu bei über an auf vor",  # German
    )
    for word in words.split()
)
GAP_RE = re.compile(r",?[ \t\u00a0]+")  # between two words of a name
BLANKS_RE = re.compile(r",?[ \t\u00a0]+[«„“\"]?")  # between a word and the next, which may open a quote
BLANKS = " \t\u00a0"
# Cyrillic adjective endings, Russian and Belarusian, every case: Золотой, Советского, Народнага
ADJECTIVE_END_RE = re.compile(
    "(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ом|ем|ую|юю|ей|ою|ею|ых|их|ыми|ими"
    "|ае|ыя|ія|ага|яга|аму|яму|ім|ай|яй|аю|яю|ымі|імі)$"
)
# the nominative singular endings of Cyrillic adjectives that no verb form, noun or comparative
# shares at the start of a sentence (Единая, Нижний, Новое, Западная; Belarusian -ае)
NOMINATIVE_ADJECTIVE_END_RE = re.compile("(?:ый|ий|ая|яя|ое|ае)$")
# a name after these names a thing always (им. and ім. with their full stop: им alone is a pronoun)
HONORIFICS = frozenset(("имени", "им.", "імя", "ім."))
# the prepositions that govern the locative and not the instrumental (в Минском районе), and those
# that govern the instrumental (под Минском), Russian and Belarusian
LOCATIVE_ONLY = frozenset(("в", "во", "на", "о", "об", "обо", "при", "у", "ў", "аб", "пры"))
INSTRUMENTAL = frozenset(("с", "со", "под", "подо", "над", "надо", "за", "перед", "передо", "между")) | frozenset(
    ("з", "са", "із", "пад", "перад", "паміж")
)
# a noun in small letters in the locative or instrumental, singular or plural (районе, автозаводе, районах)
OBLIQUE_NOUN_RE = re.compile("(?:е|и|і|ах|ях|ом|ем|ам|ям|ой|ей)$")
CONJUNCTIONS = frozenset(("и", "і", "та"))
LIST_GAP_RE = re.compile(r"(?:,[ \t\u00a0]*|[ \t\u00a0]+(?:и|і|та)[ \t\u00a0]+)$")
SENTENCE_END = frozenset(".!?…:;\n\r")
OPENERS = frozenset("«„“\"'(—–-[")
# the quotes and ends of sentences, where the search for the quotes around a title stops, either
# way (see NamedThings.in_quoted_title)
TITLE_STOP_RE = re.compile(f"[{re.escape(''.join(sorted({*QUOTE_OPEN, *QUOTE_CLOSE, *SENTENCE_END})))}]")


def word_joined_before(text: str, s: int, joiners: frozenset[str]) -> int:
    """The start of the word of letters joined to the name at ``s`` by one of ``joiners`` (a hyphen
    or a dash, no blank beside it: Динамо of Динамо-Минск, Pologne of Pologne-Lituanie); -1 where
    none is."""
    if s < 2 or text[s - 1] not in joiners or not text[s - 2].isalpha():
        return -1
    i = s - 2
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def sentence_start(text: str, pos: int, floor: int = 0) -> bool:
    """Whether the word at ``pos`` begins a sentence (or a line, a quotation, a parenthesis after
    one): its capital then says nothing about it being a name."""
    i = pos
    while i > floor and (text[i - 1] in BLANKS or text[i - 1] in OPENERS):
        i -= 1
    return i <= floor or text[i - 1] in SENTENCE_END


def composed_word(word: str) -> str:
    """A word with its letters composed (NFC) and its stress marks dropped (ALA-LC's ties kept):
    the form that is keyed."""
    if word.isascii() or MARK_RE.search(word) is None:
        return word
    return STRESS_RE.sub("", unicodedata.normalize("NFC", word))
