"""Build ``src/quotegraph/data/first_names.tsv`` from the MIT-licensed ``nomquamgender`` wheel.

The wheel is read as a zip archive: nothing is installed and none of the package's runtime
dependencies (numpy, pandas, unidecode) are needed.

Usage::

    python scripts/build_first_names.py                      # pip-downloads the pinned wheel
    python scripts/build_first_names.py --wheel PATH.whl      # use an already downloaded wheel

The output is deterministic: the same wheel and thresholds always give the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "nomquamgender"
VERSION = "0.1.4"
WHEEL_NAME = f"{PACKAGE}-{VERSION}-py3-none-any.whl"
WHEEL_SHA256 = "55914319e0f40190683a7b93a4af781b38cfe4e56b617f7964956a5bd36396f6"
DATA_MEMBER = f"{PACKAGE}/name_data.json"
LICENSE_MEMBER = f"{PACKAGE}-{VERSION}.dist-info/LICENSE"
METADATA_MEMBER = f"{PACKAGE}-{VERSION}.dist-info/METADATA"

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "src" / "quotegraph" / "data" / "first_names.tsv"

# Defaults (documented in first_names.SOURCE.md).
MIN_COUNTS = 200  # empirical observations of the name across all sources
MIN_SOURCES = 2  # independent data sources that report the name
FEMALE_AT_LEAST = 0.85  # rounded p_female >= this -> "f"
MALE_AT_MOST = 0.15  # rounded p_female <= this -> "m"; anything in between -> "u"

# Lowercase ASCII letters, optionally hyphenated ("jean-pierre"). The source keys are already
# transliterated to ASCII (unidecode) by nomquamgender; this drops scraping debris such as
# "&amp;me", "'a`isa" or "mr,".
NAME_RE = re.compile(r"[a-z]+(?:-[a-z]+)*\Z")

# Keys of the source data that are not given names: honorifics/titles/ranks, kinship and
# placeholder words, and English function words that leak in from form-filled registries.
# (Real given names that are also words, e.g. "don", "king", "prince", "grace", are kept.)
_EXCLUDE_GROUPS = (
    # honorifics, titles, ranks, offices
    "mr mrs ms miss mx dr sir dame lady lord madam madame mme mlle monsieur mister herr frau",
    "senor senora senorita signor signora prof professor rev reverend fr st saint jr sr",
    "capt captain gen general col colonel maj major sgt sergeant lt lieutenant adm admiral",
    "judge justice doctor senator sen rep president minister governor gov mayor",
    "queen princess duke duchess earl baron baroness countess sheikh sheikha emir imam rabbi",
    "pastor bishop cardinal pope",
    # kinship and placeholder words
    "father mother sister brother uncle aunt son daughter baby boy girl",
    "unknown none null test name first last",
    # English function words
    "a an and the of to in for on at by with from is was he she his her it its they them we",
    "you i me my our your their this that not no yes so or but as if",
)
EXCLUDE: frozenset[str] = frozenset(w for group in _EXCLUDE_GROUPS for w in group.split())


@dataclass(frozen=True)
class Row:
    name: str
    gender: str
    p_female: float


def download_wheel(dest: Path) -> Path:
    """Fetch the pinned wheel from PyPI with pip (no dependencies, nothing installed)."""
    cmd = [
        sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
        "--disable-pip-version-check", "--quiet", "-d", str(dest), f"{PACKAGE}=={VERSION}",
    ]  # fmt: skip
    subprocess.run(cmd, check=True)
    wheel = dest / WHEEL_NAME
    if not wheel.is_file():
        raise SystemExit(f"pip did not produce {wheel}")
    return wheel


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_wheel(wheel: Path) -> tuple[dict[str, list[object]], str]:
    """Return (name_data, copyright line) after checking that the wheel is MIT-licensed."""
    with zipfile.ZipFile(wheel) as zf:
        license_text = zf.read(LICENSE_MEMBER).decode("utf-8")
        metadata = zf.read(METADATA_MEMBER).decode("utf-8")
        data = json.loads(zf.read(DATA_MEMBER).decode("utf-8"))
    if "License :: OSI Approved :: MIT License" not in metadata or (
        "Permission is hereby granted, free of charge" not in license_text
    ):
        raise SystemExit(f"{wheel.name}: licence is no longer the MIT licence; re-check it")
    copyright_line = next(
        (ln.strip() for ln in license_text.splitlines() if ln.strip().startswith("Copyright")),
        "",
    )
    if not isinstance(data, dict):
        raise SystemExit(f"{DATA_MEMBER}: expected a JSON object")
    return data, copyright_line


def classify(p_female: float, female_at_least: float, male_at_most: float) -> str:
    if p_female >= female_at_least:
        return "f"
    if p_female <= male_at_most:
        return "m"
    return "u"


def build_rows(
    data: dict[str, list[object]],
    *,
    min_counts: int,
    min_sources: int,
    female_at_least: float,
    male_at_most: float,
    drop_ambiguous: bool,
) -> list[Row]:
    rows: list[Row] = []
    for name, info in data.items():
        # info = [n_sources, n_counts, p(gf), taxonomy]
        if len(name) < 2 or not NAME_RE.match(name) or name in EXCLUDE:
            continue
        n_sources, n_counts, pgf = info[0], info[1], info[2]
        if not (
            isinstance(n_sources, int)
            and isinstance(n_counts, int)
            and isinstance(pgf, int | float)
        ):
            continue
        if n_sources < min_sources or n_counts < min_counts:
            continue
        # Classify on the rounded value so that the gender column is a pure function of the
        # p_female column as written.
        p = round(float(pgf), 2)
        gender = classify(p, female_at_least, male_at_most)
        if drop_ambiguous and gender == "u":
            continue
        rows.append(Row(name, gender, p))
    rows.sort(key=lambda r: r.name)
    return rows


def render(rows: list[Row], header: list[str]) -> str:
    lines = ["# name\tgender\tp_female", *(f"# {h}" if h else "#" for h in header)]
    lines.extend(f"{r.name}\t{r.gender}\t{r.p_female:.2f}" for r in rows)
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help=f"path to {WHEEL_NAME} (default: pip download)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output TSV path")
    ap.add_argument("--min-counts", type=int, default=MIN_COUNTS)
    ap.add_argument("--min-sources", type=int, default=MIN_SOURCES)
    ap.add_argument("--female-at-least", type=float, default=FEMALE_AT_LEAST)
    ap.add_argument("--male-at-most", type=float, default=MALE_AT_MOST)
    ap.add_argument(
        "--drop-ambiguous", action="store_true", help="omit names classified 'u' (ambiguous)"
    )
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory() as tmp:
        wheel: Path = args.wheel if args.wheel is not None else download_wheel(Path(tmp))
        digest = sha256_of(wheel)
        if digest != WHEEL_SHA256:
            raise SystemExit(f"{wheel}: sha256 {digest} != pinned {WHEEL_SHA256}")
        data, copyright_line = read_wheel(wheel)

    rows = build_rows(
        data,
        min_counts=args.min_counts,
        min_sources=args.min_sources,
        female_at_least=args.female_at_least,
        male_at_most=args.male_at_most,
        drop_ambiguous=args.drop_ambiguous,
    )
    counts = {g: sum(1 for r in rows if r.gender == g) for g in "fmu"}
    header = [
        f"source: PyPI {PACKAGE}=={VERSION} ({WHEEL_NAME}, sha256 {WHEEL_SHA256}),"
        f" file {DATA_MEMBER}",
        f"licence: MIT License, {copyright_line}" if copyright_line else "licence: MIT License",
        "derived table; see first_names.SOURCE.md. Regenerate: python scripts/build_first_names.py",
        f"filter: >= {args.min_sources} sources, >= {args.min_counts} observations,"
        " name matches [a-z]+(-[a-z]+)*, not in the script's EXCLUDE list (titles, function words)",
        f"gender: f if p_female >= {args.female_at_least:.2f}, m if p_female <="
        f" {args.male_at_most:.2f}, else u (ambiguous)"
        + ("; u rows dropped" if args.drop_ambiguous else ""),
        "p_female: nomquamgender p(gf) rounded to 2 decimals;"
        " names are ASCII-transliterated (diacritics removed)",
        f"rows: {len(rows)} (f {counts['f']}, m {counts['m']}, u {counts['u']})",
    ]
    text = render(rows, header)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(text.encode("utf-8"))
    print(f"wrote {args.out} ({len(rows)} names, {len(text.encode('utf-8'))} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
