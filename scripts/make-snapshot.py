#!/usr/bin/env python3
"""Build the first-start data snapshot that ships inside the web project.

    python3 scripts/make-snapshot.py SHARED_DATA_DIR

SHARED_DATA_DIR is the folder that holds SOURCES.md and the publishers' all-countries files
(worldbank/all-countries, unhcr/all-countries, undesa/all-countries).

Writes src/MigrationProfile.Web/Snapshot/ (relative to this repository), replacing what was there:
  worldbank/<CODE>.csv.gz, unhcr/population.csv.gz,
  undesa/ims2024_stock_by_destination_origin_sex.csv.gz, undesa/ims2020_stock_by_destination_origin_sex.csv.gz,
  manifest.json and PROVENANCE.md.

Each .csv.gz holds the source file's header line and those of its lines whose destination or origin is one of
the 49 Prague Process states (src/MigrationProfile.Web/Data/Seed/prague-process-states.csv), byte for byte as
they are in the source (line endings and quoting included). Lines are parsed with the csv module only to decide
whether to keep them. The gzip streams carry no file name and mtime 0, so two runs give identical bytes
(with the same zlib).

Every fact in the manifest (repository, path, commit, dates, licence) is copied from SOURCES.md; where
SOURCES.md states no date the manifest says null. Standard library only.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import shutil
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
WEB_PROJECT = REPO_ROOT / "src" / "MigrationProfile.Web"
STATES_CSV = WEB_PROJECT / "Data" / "Seed" / "prague-process-states.csv"
SNAPSHOT_DIR = WEB_PROJECT / "Snapshot"

FILTER_TEXT = "rows whose destination or origin is a Prague Process state"

# ---------------------------------------------------------------------------------------------------------------
# Provenance, copied from SOURCES.md. Keep in step with it when the shared data folder is refreshed.
# ---------------------------------------------------------------------------------------------------------------

WDI_REPOSITORY = "datasets/world-development-indicators"
WDI_COMMIT = "4ebec5a2273f531ba238a34dbe440394dc5a6c4b"
# SOURCES.md: commit 4ebec5a2... dated 2026-07-01, message "Automated data update". The data was taken at that
# commit, and the commit is the publisher's automated update, so the date serves as both.
WDI_DATE = "2026-07-01"

# (code, title as the World Bank names the series; the same names the portal's indicator mappings use)
WDI_SERIES = [
    ("SP.POP.TOTL", "Population, total"),
    ("SM.POP.NETM", "Net migration"),
    ("SL.UEM.TOTL.ZS", "Unemployment, total (% of total labor force) (modeled ILO estimate)"),
    ("NY.GDP.MKTP.CD", "GDP (current US$)"),
    ("BX.TRF.PWKR.CD.DT", "Personal remittances, received (current US$)"),
]

UNHCR_REPOSITORY = "PopulationStatistics/refugees"
UNHCR_PATH = "data/population.rda"
UNHCR_COMMIT = "0c16a6d0c2f37d8578f9b9e3d1e4459efe850398"  # HEAD, 2026-06-25
UNHCR_HEAD_DATE = "2026-06-25"
UNHCR_BLOB = "dfc9466fc0e197c29ec4f847178aac51268109c0"
UNHCR_LAST_CHANGED_IN = "8239ce0f0609cd33196badc3d66c0911916dda5e"

UNDESA_REPOSITORY = "iom/gdidata"
UNDESA_COMMIT = "c9e4cc69cebd91d6cfca5f4107e2406e4de2c6ff"

UNDESA_LICENCE = "UN DESA terms of use (reuse with attribution)"
UNDESA_LICENCE_NOTE = (
    "SOURCES.md records the data as UN DESA's, reusable with attribution; the United Nations' terms of use "
    "apply. The iom/gdidata package's MIT licence covers its code, not the data. No open-licence statement "
    "for this edition's data was verified."
)


def wdi_entry(code: str, title: str) -> dict:
    return {
        "path": f"worldbank/{code}.csv.gz",
        "source_file": Path("worldbank") / "all-countries" / f"{code}.csv",
        "key_columns": ["Country Code"],
        "header": ["Country Name", "Country Code", "Year", "Value"],
        "format": "WorldBankCsv",
        "source": "World Bank",
        "indicatorCode": code,
        "edition": "",
        "publisher": "World Bank, World Development Indicators",
        "title": f"{title} ({code})",
        "licence": "CC-BY-4.0",
        "licenceNote": "Licence stated in the series' datapackage.json in the repository.",
        "attribution": f"World Bank, World Development Indicators: {title} ({code}). Licence: CC BY 4.0.",
        "repository": WDI_REPOSITORY,
        "repositoryPath": f"indicators/{code.lower()}/data.csv",
        "commit": WDI_COMMIT,
        "publisherUpdatedOn": WDI_DATE,
        "retrievedOn": WDI_DATE,
        "how": "The repository file, copied whole into the shared data folder; only the rows kept here were "
               "selected.",
        "filter": "rows whose country (`Country Code`) is a Prague Process state; regional aggregates such as "
                  "`WLD` or `EUU` are therefore left out",
        "dates": f"both dates are those of commit `{WDI_COMMIT[:8]}` (message \"Automated data update\")",
    }


UNHCR_ENTRY = {
    "path": "unhcr/population.csv.gz",
    "source_file": Path("unhcr") / "all-countries" / "population.csv",
    "key_columns": ["coa_iso", "coo_iso"],
    "header": ["year", "coo_name", "coo", "coo_iso", "coa_name", "coa", "coa_iso", "refugees", "asylum_seekers",
               "returned_refugees", "idps", "returned_idps", "stateless", "ooc", "oip", "hst"],
    "format": "UnhcrCsv",
    "source": "UNHCR",
    "indicatorCode": None,
    "edition": "",
    "publisher": "UNHCR, Refugee Data Finder",
    "title": "Refugee Population Statistics Database, end-year stocks 1951–2025 "
             "(R package \"refugees\" v2025.12.1, data set \"population\")",
    "licence": "CC-BY-4.0",
    "licenceNote": "Stated as CC BY 4.0 in the refugees package's DESCRIPTION and LICENSE.md.",
    "attribution": "UNHCR Refugee Population Statistics Database (Refugee Data Finder), "
                   "https://www.unhcr.org/refugee-statistics/. Licence: CC BY 4.0.",
    "repository": UNHCR_REPOSITORY,
    "repositoryPath": UNHCR_PATH,
    "commit": UNHCR_COMMIT,
    "publisherUpdatedOn": None,
    "retrievedOn": UNHCR_HEAD_DATE,
    "how": (f"`{UNHCR_PATH}` (blob `{UNHCR_BLOB}`, last changed in commit `{UNHCR_LAST_CHANGED_IN}`) was "
            "converted to CSV with R 4.2.2 `load()` and `write.csv` without changing any value; NA is an empty "
            "cell. coa = country of asylum, coo = country of origin; `*_iso` are ISO3 codes."),
    "filter": f"{FILTER_TEXT}: `coa_iso` (asylum) or `coo_iso` (origin) is one of the 49",
    "dates": "retrieved is the date of the repository HEAD commit; SOURCES.md states no publisher update date",
}


def undesa_entry(year: str, repository_path: str) -> dict:
    edition = f"International Migrant Stock {year}"
    return {
        "path": f"undesa/ims{year}_stock_by_destination_origin_sex.csv.gz",
        "source_file": Path("undesa") / "all-countries" / f"ims{year}_stock_by_destination_origin_sex.csv",
        "key_columns": ["geo", "from"],
        "header": ["geo", "t", "from", "sex", "n", "type_b", "type_c", "type_r", "type_i"],
        "format": "UnDesaCsv",
        "source": "UN DESA",
        "indicatorCode": None,
        "edition": edition,
        "publisher": "United Nations, Department of Economic and Social Affairs, Population Division",
        "title": f"{edition} (POP/DB/MIG/Stock/Rev.{year}): international migrant stock by destination, "
                 "origin and sex",
        "licence": UNDESA_LICENCE,
        "licenceNote": UNDESA_LICENCE_NOTE,
        "attribution": f"United Nations, Department of Economic and Social Affairs, Population Division: "
                       f"{edition} (POP/DB/MIG/Stock/Rev.{year}).",
        "repository": UNDESA_REPOSITORY,
        "repositoryPath": repository_path,
        "commit": UNDESA_COMMIT,
        "publisherUpdatedOn": None,
        "retrievedOn": None,
        "how": (f"`{repository_path}` was converted to CSV without changing any value. geo = destination ISO3, "
                "from = origin ISO3 (`XCX` = other/unknown), t = year, n = persons; type_* are 0/1 flags "
                "(foreign-born, citizenship-based, includes refugees, imputed)."),
        "filter": f"{FILTER_TEXT}: `geo` (destination) or `from` (origin) is one of the 49",
        "dates": "SOURCES.md states no date for this file or commit",
    }


ENTRIES = (
    [wdi_entry(code, title) for code, title in WDI_SERIES]
    + [UNHCR_ENTRY]
    + [undesa_entry("2024", "data/undesa_stocks.rda"), undesa_entry("2020", "data/undesa_stocks_2020.rda")]
)

MANIFEST_FIELDS = ["path", "format", "source", "indicatorCode", "edition", "publisher", "title", "licence",
                   "licenceNote", "repository", "repositoryPath", "commit", "publisherUpdatedOn", "retrievedOn",
                   "rows", "sha256"]

BUILT_FROM = (
    "The publishers' all-countries files described in the shared data folder's SOURCES.md "
    "(World Bank WDI, UNHCR Refugee Population Statistics Database, UN DESA International Migrant Stock 2024 "
    f"and 2020), keeping the header and the {FILTER_TEXT} (one of the 49 states in "
    "Data/Seed/prague-process-states.csv), lines copied verbatim and gzip-compressed. "
    "Built by scripts/make-snapshot.py."
)


# ---------------------------------------------------------------------------------------------------------------


def fail(message: str) -> None:
    print(f"error: {message}", file=sys.stderr)
    sys.exit(1)


def read_states() -> set[str]:
    with STATES_CSV.open(newline="", encoding="utf-8") as fh:
        codes = [row["iso3"].strip() for row in csv.DictReader(fh)]
    states = set(codes)
    if len(codes) != 49 or len(states) != 49:
        fail(f"expected 49 distinct ISO3 codes in {STATES_CSV.relative_to(REPO_ROOT)}, found {len(states)}")
    return states


def raw_records(data: bytes):
    """Yield each CSV record's original bytes (line ending included). A record runs over several physical lines
    only when a quoted field holds a line break, i.e. while the count of double quotes is odd."""
    start = 0
    pending = b""
    while start < len(data):
        end = data.find(b"\n", start)
        end = len(data) if end < 0 else end + 1
        pending += data[start:end]
        start = end
        if pending.count(b'"') % 2 == 0:
            yield pending
            pending = b""
    if pending:
        fail("the file ends inside a quoted field")


def parse(record: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(record.decode("utf-8"), newline="")))
    if len(rows) != 1:
        fail(f"could not read one CSV record from {record[:80]!r}")
    return rows[0]


def filter_file(source: Path, key_columns: list[str], header: list[str], states: set[str]) -> tuple[bytes, int]:
    data = source.read_bytes()
    records = raw_records(data)
    try:
        header_raw = next(records)
    except StopIteration:
        fail(f"{source.name} is empty")
    columns = parse(header_raw)
    if columns != header:
        fail(f"{source.name}: header is {columns}, expected {header}")
    keys = [columns.index(c) for c in key_columns]
    out = [header_raw]
    rows = 0
    for number, record in enumerate(records, start=2):
        fields = parse(record)
        if len(fields) != len(columns):
            fail(f"{source.name} record {number}: {len(fields)} fields, expected {len(columns)}")
        if any(fields[k] in states for k in keys):
            out.append(record)
            rows += 1
    if not out[-1].endswith(b"\n"):
        out[-1] += b"\r\n" if header_raw.endswith(b"\r\n") else b"\n"
    return b"".join(out), rows


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    # filename="" leaves the FNAME field out of the header; mtime=0 keeps the header the same on every run.
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as gz:
        gz.write(data)
    return buffer.getvalue()


def provenance_markdown(files: list[dict], total_bytes: int) -> str:
    lines = [
        "# Snapshot of the publishers' data: provenance",
        "",
        "This folder is what the portal loads through its importers on first start. It is generated: do not edit "
        "it by hand.",
        "",
        "Each `.csv.gz` holds the header line and the " + FILTER_TEXT + " (one of the 49 states in "
        "`Data/Seed/prague-process-states.csv`; for the World Bank, the country), copied byte for byte from the "
        "publisher's file (quoting and line endings as they were), then gzip-compressed. `manifest.json` carries "
        "the same facts for the importers.",
        "",
        "Every repository, path, commit, date and licence below is taken from the shared data folder's "
        "`SOURCES.md`. Where it gives no date, none is given here (null in `manifest.json`).",
        "",
        "## Rebuild",
        "",
        "```",
        "python3 scripts/make-snapshot.py <path to the shared data folder>",
        "```",
        "",
        "The shared data folder is the one holding `SOURCES.md`. The script uses the Python standard library only, "
        "and two runs give identical bytes (gzip with no file name and mtime 0).",
        "",
        "## Files",
        "",
        "| file | publisher | edition | rows | bytes (gz) |",
        "|---|---|---|---:|---:|",
    ]
    for f in files:
        lines.append(f"| `{f['path']}` | {f['source']} | {f['edition'] or '–'} | {f['rows']:,} | {f['bytes']:,} |")
    lines += [
        "",
        f"Total: {sum(f['rows'] for f in files):,} rows, {total_bytes:,} bytes compressed.",
        "",
        "## Notes on coverage (from SOURCES.md)",
        "",
        "- Kosovo (`XKX`) has its own rows only in the World Bank files, and no unemployment series. UN DESA counts "
        "it inside Serbia; UNHCR records it in \"Serbia and Kosovo\" (`SRB`).",
        "- UN DESA gives origin × destination for 1990–2020 in 5-year steps, and for 2024 in the 2024 edition only. "
        "The 2024 edition revises earlier years (Kazakhstan 2020: 1,990,268 against 3,732,073 in the 2020 edition); "
        "always show which edition a figure comes from.",
        "- In the World Bank files, Turkmenistan remittances stop at 1996 and Ukraine unemployment at 2021.",
        "- UNHCR, Kazakhstan as asylum country: refugees 65,833 in 2024, then 4,377 in 2025 plus 48,391 `oip` "
        "(other people in need of international protection) from origin \"Unknown\", a reclassification.",
        "",
    ]
    for f in files:
        lines += [
            f"### `{f['path']}`",
            "",
            f"- Publisher: {f['publisher']}",
            f"- Title: {f['title']}",
        ]
        if f["indicatorCode"]:
            lines.append(f"- Indicator code: `{f['indicatorCode']}`")
        lines += [
            f"- Edition: {f['edition'] or 'none (the publisher issues no editions)'}",
            f"- Repository: `{f['repository']}` (GitHub), path `{f['repositoryPath']}`, commit `{f['commit']}`",
            f"- Taken as: {f['how']}",
            f"- Licence: {f['licence']}. {f['licenceNote']}",
            f"- Attribution: {f['attribution']}",
            f"- Publisher's last update: {f['publisherUpdatedOn'] or 'not stated'}; "
            f"retrieved: {f['retrievedOn'] or 'not stated'} ({f['dates']})",
            f"- Filter: {f['filter']}",
            f"- Rows: {f['rows']:,} data rows plus the header line",
            f"- sha256 of the .gz: `{f['sha256']}`",
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str]) -> None:
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print("usage: python3 scripts/make-snapshot.py SHARED_DATA_DIR", file=sys.stderr)
        sys.exit(0 if len(argv) == 2 else 2)
    shared = Path(argv[1])
    if not (shared / "SOURCES.md").is_file():
        fail("the folder given holds no SOURCES.md; pass the shared data folder")

    states = read_states()
    built = []
    for entry in ENTRIES:
        source = shared / entry["source_file"]
        if not source.is_file():
            fail(f"missing source file {entry['source_file'].as_posix()} in the shared data folder")
        content, rows = filter_file(source, entry["key_columns"], entry["header"], states)
        compressed = gzip_bytes(content)
        built.append({**entry, "rows": rows, "bytes": len(compressed),
                      "sha256": hashlib.sha256(compressed).hexdigest(), "data": compressed})

    if SNAPSHOT_DIR.exists():
        shutil.rmtree(SNAPSHOT_DIR)
    for f in built:
        target = SNAPSHOT_DIR / f["path"]
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(f["data"])

    manifest = {
        "builtFrom": BUILT_FROM,
        "files": [{field: f[field] for field in MANIFEST_FIELDS} for f in built],
    }
    (SNAPSHOT_DIR / "manifest.json").write_text(
        json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n")
    total = sum(f["bytes"] for f in built)
    (SNAPSHOT_DIR / "PROVENANCE.md").write_text(provenance_markdown(built, total), encoding="utf-8", newline="\n")

    width = max(len(f["path"]) for f in built)
    print(f"{'file'.ljust(width)}  {'rows':>8}  {'bytes (gz)':>11}")
    for f in built:
        print(f"{f['path'].ljust(width)}  {f['rows']:>8,}  {f['bytes']:>11,}")
    extra = sum((SNAPSHOT_DIR / name).stat().st_size for name in ("manifest.json", "PROVENANCE.md"))
    print(f"{'total data'.ljust(width)}  {sum(f['rows'] for f in built):>8,}  {total:>11,}")
    print(f"total with manifest.json and PROVENANCE.md: {total + extra:,} bytes ({(total + extra) / 1_000_000:.2f} MB)")


if __name__ == "__main__":
    main(sys.argv)
