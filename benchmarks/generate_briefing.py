"""Write a large, valid briefing (and its article) for speed and scale measurements.

    python benchmarks/generate_briefing.py 50000 -o /tmp/big/briefing.yaml

The entries are spread over the list sections the way a real briefing's are, each with
a source excerpt taken from the generated article, so `briefing check` passes on the
result and search, views and export see realistic text (Latin and Cyrillic).
"""

from __future__ import annotations

import argparse
import hashlib
import random
from pathlib import Path

import yaml

COUNTRIES = ["Kazakhstan", "Belarus", "Armenia", "Kyrgyzstan", "Russia", "Tajikistan",
             "Uzbekistan", "Azerbaijan", "Georgia", "Mongolia"]
CYRILLIC = ["Назарбаев", "Лукашенко", "Минск", "Астана", "Қазақстан", "Беларусь", "Алматы"]
AREAS = ["trade and industry", "transport and transit", "space industry", "agriculture",
         "information technologies", "education", "health", "energy", "logistics", "banking"]
PLACES = ["Karaganda", "Semey", "Kostanai", "Pavlodar", "Uralsk", "Aktobe", "Minsk", "Gomel",
          "Brest", "Vitebsk"]
# Share of entries per section, roughly as in hand-made briefings.
WEIGHTS = {"leaders": 0.1, "agreements": 0.2, "trade_statistics": 0.3,
           "cooperation_areas": 0.2, "events": 0.2}


def generate(count: int, seed: int = 1) -> tuple[dict, str]:
    """A briefing with ``count`` list entries, and the article text its excerpts come from."""
    rng = random.Random(seed)
    sentences: list[str] = []

    def sentence(text: str) -> str:
        sentences.append(text)
        return text

    data: dict = {"schema_version": 1, "leaders": [], "agreements": [], "trade_statistics": [],
                  "cooperation_areas": [], "events": []}
    sections = list(WEIGHTS)
    for i in range(count):
        section = rng.choices(sections, weights=list(WEIGHTS.values()))[0]
        country = rng.choice(COUNTRIES)
        other = rng.choice(COUNTRIES)
        word = rng.choice(CYRILLIC)
        year = 2000 + i % 25
        if section == "leaders":
            name = f"Leader{i} {word}"
            src = sentence(f"{name}, the President of {country}, said cooperation with "
                           f"{other} would grow (entry {i}).")
            data["leaders"].append({"name": name, "role": "President", "country": country,
                                    "statements": [{"kind": "reported", "text":
                                                    f"Said cooperation with {other} would grow.",
                                                    "source": [src]}],
                                    "source": [src]})
        elif section == "agreements":
            title = f"Agreement {i} on {rng.choice(AREAS)}"
            when = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
            src = sentence(f"{country} and {other} signed the {title} on {when}, valid "
                           f"until {year + 10}.")
            data["agreements"].append({"title": title, "kind": "agreement",
                                       "parties": [country, other], "status": "signed",
                                       "date": when, "validity": f"until {year + 10}",
                                       "source": [src]})
        elif section == "trade_statistics":
            value = round(rng.uniform(1, 999), 1)
            change = rng.randint(1, 90)
            src = sentence(f"Trade between {country} and {other} in {year} (series {i}) "
                           f"increased {change} percent to ${value} million.")
            data["trade_statistics"].append({
                "metric": f"Trade turnover {country}-{other} #{i}", "value": value,
                "unit": "currency", "currency": "USD", "scale": "million", "period": str(year),
                "change": {"value": change, "unit": "percent"}, "direction": "increase",
                "source": [src]})
        elif section == "cooperation_areas":
            area = rng.choice(AREAS)
            place = rng.choice(PLACES)
            src = sentence(f"Cooperation in {area} number {i} develops in {place}, {word}.")
            data["cooperation_areas"].append({
                "area": f"{area.capitalize()} {i}", "details": f"Developing in {place}.",
                "places": [{"name": place, "products": ["tractors", "engines"]}],
                "source": [src]})
        else:
            src = sentence(f"On {year}-{1 + i % 12:02d}-{1 + i % 28:02d} event {i} took place "
                           f"in {rng.choice(PLACES)} with {country}.")
            data["events"].append({"date": f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}",
                                   "title": f"Event {i} with {country}", "source": [src]})
    # The lead, as an article's first line: what the header's date, place and dateline
    # rest on (briefing check proves each value is stated).
    lead = ("ASTANA – Talks held in Minsk, Belarus, between 2000 and 2024 are the subject "
            "of this generated article.")
    sentences.insert(0, lead)
    article = "\n".join(sentences) + "\n"
    data = {"schema_version": 1, "briefing": {
        "title": f"Generated briefing with {count:,} entries",
        "date": "2000/2024", "place": "Minsk, Belarus", "dateline": "ASTANA",
        "summary": "A generated briefing for measuring speed and scale.",
        "article": {"path": "article.txt",
                    "sha256": hashlib.sha256(article.encode()).hexdigest()},
        "source": [lead]},
        **{k: v for k, v in data.items() if k != "schema_version" and v}}
    return data, article


def write(count: int, out: Path, seed: int = 1) -> Path:
    data, article = generate(count, seed)
    out.parent.mkdir(parents=True, exist_ok=True)
    (out.parent / "article.txt").write_text(article, encoding="utf-8")
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    out.write_text(yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False,
                             width=100), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    print(write(args.count, args.output, args.seed))


if __name__ == "__main__":
    main()
