"""General word lists the extractor recognises: countries, titles, organisations, money.

These are ordinary reference data, not facts about any one article; an article about
other countries works as soon as they are listed here.
"""

from __future__ import annotations

import re

# country: (adjectives and demonyms, capital)
COUNTRIES: dict[str, tuple[tuple[str, ...], str]] = {
    "Afghanistan": (("Afghan",), "Kabul"),
    "Armenia": (("Armenian",), "Yerevan"),
    "Australia": (("Australian",), "Canberra"),
    "Austria": (("Austrian",), "Vienna"),
    "Azerbaijan": (("Azerbaijani", "Azeri"), "Baku"),
    "Belarus": (("Belarusian", "Belarussian"), "Minsk"),
    "Belgium": (("Belgian",), "Brussels"),
    "Brazil": (("Brazilian",), "Brasilia"),
    "Bulgaria": (("Bulgarian",), "Sofia"),
    "Canada": (("Canadian",), "Ottawa"),
    "China": (("Chinese",), "Beijing"),
    "Czech Republic": (("Czech",), "Prague"),
    "Egypt": (("Egyptian",), "Cairo"),
    "Estonia": (("Estonian",), "Tallinn"),
    "Finland": (("Finnish",), "Helsinki"),
    "France": (("French",), "Paris"),
    "Georgia": (("Georgian",), "Tbilisi"),
    "Germany": (("German",), "Berlin"),
    "Greece": (("Greek",), "Athens"),
    "Hungary": (("Hungarian",), "Budapest"),
    "India": (("Indian",), "New Delhi"),
    "Indonesia": (("Indonesian",), "Jakarta"),
    "Iran": (("Iranian",), "Tehran"),
    "Iraq": (("Iraqi",), "Baghdad"),
    "Israel": (("Israeli",), "Jerusalem"),
    "Italy": (("Italian",), "Rome"),
    "Japan": (("Japanese",), "Tokyo"),
    "Kazakhstan": (("Kazakh", "Kazakhstani"), "Astana"),
    "Kyrgyzstan": (("Kyrgyz",), "Bishkek"),
    "Latvia": (("Latvian",), "Riga"),
    "Lithuania": (("Lithuanian",), "Vilnius"),
    "Malaysia": (("Malaysian",), "Kuala Lumpur"),
    "Mexico": (("Mexican",), "Mexico City"),
    "Moldova": (("Moldovan",), "Chisinau"),
    "Mongolia": (("Mongolian",), "Ulaanbaatar"),
    "Netherlands": (("Dutch",), "Amsterdam"),
    "Norway": (("Norwegian",), "Oslo"),
    "Pakistan": (("Pakistani",), "Islamabad"),
    "Poland": (("Polish",), "Warsaw"),
    "Qatar": (("Qatari",), "Doha"),
    "Romania": (("Romanian",), "Bucharest"),
    "Russia": (("Russian",), "Moscow"),
    "Saudi Arabia": (("Saudi",), "Riyadh"),
    "Serbia": (("Serbian",), "Belgrade"),
    "Singapore": (("Singaporean",), "Singapore"),
    "South Korea": (("South Korean", "Korean"), "Seoul"),
    "Spain": (("Spanish",), "Madrid"),
    "Sweden": (("Swedish",), "Stockholm"),
    "Switzerland": (("Swiss",), "Bern"),
    "Tajikistan": (("Tajik",), "Dushanbe"),
    "Turkey": (("Turkish",), "Ankara"),
    "Turkmenistan": (("Turkmen",), "Ashgabat"),
    "Ukraine": (("Ukrainian",), "Kyiv"),
    "United Arab Emirates": (("Emirati",), "Abu Dhabi"),
    "United Kingdom": (("British",), "London"),
    "United States": (("American",), "Washington"),
    "Uzbekistan": (("Uzbek",), "Tashkent"),
    "Vietnam": (("Vietnamese",), "Hanoi"),
}

COUNTRY_ALIASES: dict[str, str] = {
    "UK": "United Kingdom", "Britain": "United Kingdom", "US": "United States",
    "U.S.": "United States", "USA": "United States", "UAE": "United Arab Emirates",
    "Korea": "South Korea", "Turkiye": "Turkey", "Türkiye": "Turkey",
}

# Titles, longest first where one contains another, so "Prime Minister" wins over
# "Minister". The value is the role written in the draft.
TITLES: dict[str, str] = {
    "Prime Minister": "Prime Minister",
    "Deputy Prime Minister": "Deputy Prime Minister",
    "First Deputy Prime Minister": "First Deputy Prime Minister",
    "Vice President": "Vice President",
    "Vice-President": "Vice President",
    "President": "President",
    "Premier": "Prime Minister",
    "Chancellor": "Chancellor",
    "King": "King",
    "Emir": "Emir",
    "Foreign Minister": "Foreign Minister",
    "Minister of Foreign Affairs": "Minister of Foreign Affairs",
    "Trade Minister": "Trade Minister",
    "Economy Minister": "Economy Minister",
    "Finance Minister": "Finance Minister",
    "Energy Minister": "Energy Minister",
    "Defence Minister": "Defence Minister",
    "Defense Minister": "Defense Minister",
    "Minister": "Minister",
    "Ambassador": "Ambassador",
    "Secretary General": "Secretary General",
    "Secretary-General": "Secretary General",
    "Speaker": "Speaker",
    "Chairman": "Chairman",
    "Governor": "Governor",
    "Mayor": "Mayor",
}

# Words that stand for a leader already named: "the Belarusian leader", "the premier".
LEADER_NOUNS = ("leader", "president", "head of state", "premier", "prime minister")

# Full name -> acronym. Both spellings of "-isation" are listed.
ORGANISATIONS: dict[str, str] = {
    "Collective Security Treaty Organisation": "CSTO",
    "Collective Security Treaty Organization": "CSTO",
    "Eurasian Economic Union": "EAEU",
    "Commonwealth of Independent States": "CIS",
    "Shanghai Cooperation Organisation": "SCO",
    "Shanghai Cooperation Organization": "SCO",
    "United Nations": "UN",
    "European Union": "EU",
    "North Atlantic Treaty Organization": "NATO",
    "North Atlantic Treaty Organisation": "NATO",
    "World Trade Organization": "WTO",
    "World Trade Organisation": "WTO",
    "International Monetary Fund": "IMF",
    "World Bank": "WB",
    "Asian Development Bank": "ADB",
    "Asian Infrastructure Investment Bank": "AIIB",
    "European Bank for Reconstruction and Development": "EBRD",
    "Eurasian Development Bank": "EDB",
    "Organization for Security and Co-operation in Europe": "OSCE",
    "Organisation for Security and Co-operation in Europe": "OSCE",
    "Organization of Islamic Cooperation": "OIC",
    "Organisation of Islamic Cooperation": "OIC",
    "Association of Southeast Asian Nations": "ASEAN",
    "Conference on Interaction and Confidence-Building Measures in Asia": "CICA",
    "Organization of Turkic States": "OTS",
    "Organisation of Turkic States": "OTS",
    "Gulf Cooperation Council": "GCC",
    "African Union": "AU",
    "Belt and Road Initiative": "BRI",
}

# Head words of a capitalised organisation name ("... State Agrarian University").
ORGANISATION_HEADS = (
    "Organisation", "Organization", "Union", "Community", "Council", "Commission",
    "Committee", "Bank", "Fund", "University", "Institute", "Agency", "Ministry",
    "Association", "Corporation", "Parliament", "Assembly", "Chamber", "Academy",
)
# Lower-case bodies named by what they are for ("the joint commission for trade").
BODY_NOUNS = ("commission", "council", "committee", "working group")

# Currency words and symbols -> ISO 4217. Longer spellings first.
CURRENCY_WORDS: dict[str, str] = {
    "US dollars": "USD", "U.S. dollars": "USD", "dollars": "USD", "dollar": "USD",
    "USD": "USD", "euros": "EUR", "euro": "EUR", "EUR": "EUR",
    "pounds sterling": "GBP", "pounds": "GBP", "GBP": "GBP",
    "yuan": "CNY", "renminbi": "CNY", "CNY": "CNY", "yen": "JPY", "JPY": "JPY",
    "Belarusian roubles": "BYN", "Belarusian rubles": "BYN", "BYN": "BYN",
    "roubles": "RUB", "rubles": "RUB", "rouble": "RUB", "ruble": "RUB", "RUB": "RUB",
    "tenge": "KZT", "KZT": "KZT", "soms": "KGS", "som": "KGS", "KGS": "KGS",
    "rupees": "INR", "rupee": "INR", "INR": "INR", "lira": "TRY", "liras": "TRY",
    "TRY": "TRY", "hryvnias": "UAH", "hryvnia": "UAH", "UAH": "UAH",
    "lari": "GEL", "GEL": "GEL", "drams": "AMD", "dram": "AMD", "AMD": "AMD",
    "zlotys": "PLN", "zloty": "PLN", "PLN": "PLN", "Swiss francs": "CHF", "CHF": "CHF",
    "dirhams": "AED", "dirham": "AED", "AED": "AED", "won": "KRW", "KRW": "KRW",
    "Kenyan shillings": "KES", "KES": "KES", "naira": "NGN", "NGN": "NGN",
    "rand": "ZAR", "ZAR": "ZAR", "reais": "BRL", "BRL": "BRL", "ringgit": "MYR",
    "MYR": "MYR", "rupiah": "IDR", "IDR": "IDR",
}
# "Sh" is the Kenyan press's shilling (Tanzania's and Uganda's papers write TSh and USh).
CURRENCY_SYMBOLS: dict[str, str] = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP",
                                    "¥": "CNY", "₽": "RUB", "₸": "KZT", "₹": "INR",
                                    "Rs": "INR", "Rs.": "INR", "KSh": "KES", "Sh": "KES",
                                    "TSh": "TZS", "USh": "UGX", "₦": "NGN", "R$": "BRL"}

SCALES: dict[str, str] = {
    "thousand": "thousand", "million": "million", "mln": "million", "m": "million",
    "billion": "billion", "bln": "billion", "bn": "billion", "trillion": "trillion",
    "trln": "trillion", "tn": "trillion",
}

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "aug.": 8, "sept.": 9, "sep.": 9,
    "oct.": 10, "nov.": 11, "dec.": 12, "jan": 1, "feb": 2, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")

ORDINAL_COUNTS: dict[str, int] = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
    "8": 8, "9": 9, "10": 10, "11": 11,
}

# Words that move a figure one way or the other.
INCREASE_WORDS = ("increased", "increase", "rose", "risen", "rise", "grew", "grown",
                  "growth", "recover", "recovered", "recovery", "expanded", "jumped",
                  "climbed", "surged", "up")
DECREASE_WORDS = ("decreased", "decrease", "fell", "fallen", "fall", "declined", "decline",
                  "dropped", "drop", "shrank", "contracted", "contraction", "slumped",
                  "down")


def adjective_index() -> dict[str, str]:
    """Adjective or demonym -> country (also the country's own name and aliases)."""
    index: dict[str, str] = {}
    for country, (adjectives, _capital) in COUNTRIES.items():
        index[country] = country
        for adjective in adjectives:
            index.setdefault(adjective, country)
    for alias, country in COUNTRY_ALIASES.items():
        index.setdefault(alias, country)
    return index


def capital_index() -> dict[str, str]:
    return {capital: country for country, (_adj, capital) in COUNTRIES.items()}


def capital_pattern() -> re.Pattern[str]:
    """Any capital city as a whole word, in one pattern (one scan per sentence)."""
    names = sorted(capital_index(), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")
