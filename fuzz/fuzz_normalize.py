"""Coverage-guided fuzzing of resolve, rewrite, transliterate and the table parser with atheris.

Run: pip install atheris && python fuzz/fuzz_normalize.py -atheris_runs=200000
(any libFuzzer option works: -max_total_time=600, a corpus folder, ...). Any exception other than
the documented ``normalize.NormalizeError`` types is a finding: the harness lets it crash.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("NORMALIZE_CACHE_DIR", "off")

with atheris.instrument_imports():
    import normalize
    from normalize.errors import NormalizeError
    from normalize.schemes import parse_scheme
    from normalize.tablefile import TableReader

NORMALIZER = normalize.Normalizer.default()
SCHEMES = [s.id for s in normalize.list_schemes()]


def one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    choice = fdp.ConsumeIntInRange(0, 3)
    text = fdp.ConsumeBytes(fdp.remaining_bytes()).decode("utf-8", "surrogateescape")
    try:
        if choice == 0:
            NORMALIZER.resolve(text)
        elif choice == 1:
            r = NORMALIZER.rewrite(text)
            for m in r.mentions:
                assert text[m.start : m.end] == m.surface
        elif choice == 2:
            normalize.transliterate(text, SCHEMES[len(text) % len(SCHEMES)])
        else:
            reader = TableReader("fuzz.yaml")
            doc = reader.parse(text)
            if doc is not None and not reader.problems:
                parse_scheme(reader, doc)
    except NormalizeError:
        pass


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
