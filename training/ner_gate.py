"""Rebuild the NER gate's word lists in ``leakclf/data/ner_gate/`` (build time only).

    python -m training.ner_gate [--train ../shared/corpus/doctypes-train]

* ``names.txt.gz``: given names and surnames (Latin script) from Faker's person providers,
  every locale (Faker is MIT-licensed; the list is data, not code). Faker is only needed to
  rebuild: at run time the gate reads the file, so Faker can stay a ``[demo]`` extra.
* ``common.txt.gz``: words that are ordinary lower-case words: Faker's English lorem list
  (the most common English words) plus every word seen in lower case in at least
  ``MIN_REPOS`` repositories of the training corpus (corpus/doctypes-train, which may be
  trained on; the real-world evaluation set is never read), minus month and day names. A
  capitalised word from this list that is not also a known name, at the start of a sentence
  or in capitals, is not by itself a reason to run NER.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import importlib
import re
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "leakclf" / "data" / "ner_gate"
MIN_REPOS = 3
#: Month and day names are never "just a common word": NER reads them as dates.
CALENDAR = frozenset(
    (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    )
)
_NAME = re.compile(r"^[^\W\d_][\w'’-]*$")
_LOWER = re.compile(r"(?<![\w@./-])[^\W\d_A-Z][^\W\d_]+(?![\w@/-])")
_NOISE = re.compile(r"\S+@\S+|\S*://\S+|www\.\S+")


def faker_names() -> set[str]:
    from faker.config import AVAILABLE_LOCALES  # load time: faker only when used

    out: set[str] = set()
    for loc in AVAILABLE_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{loc}").Provider
        except ImportError:
            continue
        for attr in (
            "first_names",
            "first_names_male",
            "first_names_female",
            "first_names_nonbinary",
            "last_names",
        ):
            value = vars(provider).get(attr) or getattr(provider, attr, None)
            if isinstance(value, dict):
                value = list(value)
            if isinstance(value, (list, tuple, set, frozenset)):
                out.update(v for v in value if isinstance(v, str))
    return {n.casefold() for n in out if _NAME.match(n) and all(ord(c) < 0x250 for c in n)}


def corpus_words(train: Path) -> set[str]:
    from leakclf.config import Config  # load time: only when used
    from leakclf.extractors import extract

    config = Config()
    repos: dict[str, set[str]] = defaultdict(set)
    with open(train / "labels.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            repo = row["source"].split("@", 1)[0]
            try:
                docs = extract(train / row["path"], config=config)
            except Exception:  # noqa: BLE001, S112 - a file the extractor refuses adds no words
                continue
            for doc in docs:
                for word in _LOWER.findall(_NOISE.sub(" ", doc.text)):
                    if word[0].islower():
                        repos[word].add(repo)
    return {w for w, r in repos.items() if len(r) >= MIN_REPOS and len(w) > 1}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--train",
        type=Path,
        default=Path(__file__).resolve().parents[2] / "shared/corpus/doctypes-train",
    )
    args = ap.parse_args()
    from faker.providers.lorem.en_US import Provider as Lorem  # load time: faker only when used

    names = faker_names()
    common = ({w.casefold() for w in Lorem.word_list} | corpus_words(args.train)) - CALENDAR
    OUT.mkdir(parents=True, exist_ok=True)
    for name, words in (("names", names), ("common", common)):
        data = ("\n".join(sorted(words)) + "\n").encode("utf-8")
        with gzip.GzipFile(OUT / f"{name}.txt.gz", "wb", mtime=0) as fh:  # reproducible
            fh.write(data)
        print(f"{name}: {len(words)} words")


if __name__ == "__main__":
    main()
