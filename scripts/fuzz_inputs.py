"""Hostile inputs for `footprint ingest`, and a run that checks nothing is lost.

    python scripts/fuzz_inputs.py [--count 10000] [--seed 1] [--out DIR] [--workers N]

writes COUNT generated inputs into DIR/inputs (a temporary folder when no DIR is given): empty
and binary files, odd encodings, huge lines, deeply nested JSON, markup such as `[/]` and
`<script>` in names and texts, file names that are not UTF-8 or not printable, NUL characters,
JSONL records sharing an id, FIFOs, symbolic links, unsupported files, and good English
documents mixed in. It then ingests them (`footprint.pipeline.corpus.ingest_corpus`) into a
SQLite store, DIR/fuzz.db, checks that

- no exception escapes;
- every input is accounted for: stored, counted as a duplicate, or named by exactly one
  rejection (a JSONL file: each record line, or the file once);
- every good document is stored;

and prints the counts. Exit status 1 when a check fails. `tests/ingest/test_fuzz.py` runs a
few dozen inputs the same way (`generate`, `ingest`, `account`); `make fuzz` runs 10,000.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from footprint.ingest import display_path

# -- what the generator promises about each input ------------------------------------------------


@dataclass
class Input:
    """One input: a file (or other entry) the run is given or finds in the folder.

    `records`: for a JSONL file, the numbers of its record lines (each is accounted for on its
    own unless the whole file is rejected); None for any other input. `good`: the texts, as
    ingest stores them, that must end up in the store."""

    path: Path
    kind: str
    records: list[int] | None = None
    good: list[str] = field(default_factory=list)

    @property
    def source(self) -> str:
        return display_path(self.path)

    def units(self) -> list[str]:
        if self.records is None:
            return [self.source]
        return [f"{self.source}:{n}" for n in self.records]


@dataclass
class Generated:
    folder: Path  # the folder handed to the ingest
    arguments: list[Path]  # everything handed to the ingest: the folder and single paths
    inputs: list[Input]


# -- texts ----------------------------------------------------------------------------------------

_PEOPLE = (
    "Tariq Durrani",
    "Omar bin Rashid",
    "Amina Siddiqui",
    "Yusuf Al Harbi",
    "Kareem Baig",
    "Nadia Rahman",
    "Bilal Qureshi",
    "Hamza Aziz",
    "Sara Malik",
    "Imran Sheikh",
)
_GROUPS = (
    "the Northern Unity Front",
    "the Council of Traders",
    "the Frontier Relief Trust",
    "the Youth Forum",
    "the Teachers Association",
    "the Riverside Workers Union",
)
_PLACES = ("Lahore", "Peshawar", "Quetta", "Karachi", "Multan", "Islamabad", "Kabul", "Doha")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MARKUP = ("[/]", "[bold red]", "<script>alert(1)</script>", "[link=http://x]x[/link]", "{{ x }}")


def english(rng: random.Random, sentences: int = 4, markup: bool = False) -> str:
    """A short English news text, different each call."""
    who, group, place, day = (
        rng.choice(_PEOPLE),
        rng.choice(_GROUPS),
        rng.choice(_PLACES),
        rng.choice(_DAYS),
    )
    pool = [
        f"{who}, a spokesman for {group}, told reporters in {place} on {day} that the group "
        f"would hold its {rng.randint(2, 999)}th meeting next week.",
        f"Police in {place} said about {rng.randint(10, 5000)} people gathered outside the "
        "press club and the protest ended peacefully in the evening.",
        f"The provincial council met on {day} to discuss the budget for schools and roads "
        f"in {place}, officials said.",
        f"{rng.choice(_PEOPLE)} addressed the crowd and called for calm, according to a "
        f"statement released by {group}.",
        f"Members argued for {rng.randint(2, 12)} hours before agreeing to a compromise on "
        "teacher salaries and new clinics.",
        f"The meeting in {place} was attended by local traders, students and "
        f"{rng.randint(3, 90)} members of the city council.",
    ]
    rng.shuffle(pool)
    chosen = pool[: max(1, min(sentences, len(pool)))]
    if markup:
        chosen.insert(1, f"A banner at the rally read {rng.choice(_MARKUP)} in large letters.")
    return " ".join(chosen) + "\n"


_GERMAN = (
    "Der Stadtrat hat am Dienstag lange über den Haushalt für Schulen und Straßen beraten und "
    "am Ende einem Kompromiss bei den Gehältern der Lehrer zugestimmt.\n"
)
_CHINESE = (
    "中国政府周二宣布了新的经济政策。官员表示，这些措施将帮助小企业。许多专家对此表示欢迎。"
    "市场反应积极。预计明年经济将增长。\n"
)
_ARABIC = (
    "أعلنت الحكومة يوم الثلاثاء عن سياسة اقتصادية جديدة. وقال المسؤولون إن هذه الإجراءات "
    "ستساعد الشركات الصغيرة. ورحب العديد من الخبراء بذلك. وكان رد فعل السوق إيجابيا.\n"
)


def stored_form(text: str) -> str:
    """The text as ingest stores it: NUL characters dropped, line ends made "\\n"."""
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


# -- file names -----------------------------------------------------------------------------------

_ODD_NAMES: tuple[bytes, ...] = (
    b"bad\xff",
    b"latin1-caf\xe9",
    b"new\nline",
    b"tab\tand\rreturn",
    b"esc\x1b[31mred",
    b"rtl-\xe2\x80\xaetxt.exe",
    b"[/]",
    b"[bold]markup[/bold]",
    b"<script>alert(1)<\xef\xbc\x8fscript>",
    b"-rf --no-preserve-root",
    b" leading and trailing ",
    b"emoji-\xf0\x9f\x92\xa5",
    b"zero\xe2\x80\x8bwidth",
    b"percent-%s-%n",
    b"quote'\"`$(id)",
    b"a" * 200,
)


def _name(rng: random.Random, index: int, suffix: str) -> bytes:
    stem = rng.choice(_ODD_NAMES) if rng.random() < 0.35 else b"doc"
    return b"%s-%05d%s" % (stem, index, suffix.encode())


def _write(folder: Path, name: bytes, data: bytes) -> Path:
    """Write `data` to `folder`/`name`; a "/" in the name makes folders on the way ("[/]")."""
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), name)))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# -- the kinds of input ---------------------------------------------------------------------------

Maker = Callable[[random.Random, Path, int], list[Input]]


def _good_txt(rng: random.Random, folder: Path, i: int) -> list[Input]:
    text = english(rng, rng.randint(2, 5), markup=rng.random() < 0.3)
    if rng.random() < 0.3:
        text = "Council agrees budget\n\n" + text.replace(". ", ".\r\n", 1)
    data = text.encode()
    if rng.random() < 0.2:
        data = b"\xef\xbb\xbf" + data
    return [
        Input(_write(folder, _name(rng, i, ".txt"), data), "good txt", good=[stored_form(text)])
    ]


def _good_html(rng: random.Random, folder: Path, i: int) -> list[Input]:
    body = "".join(f"<p>{english(rng, 3, markup=False)}</p>" for _ in range(3))
    html = (
        f"<html><head><title>{rng.choice(_MARKUP)}</title><script>var x = '[/]';</script>"
        f"</head><body><nav><a href='/'>Home</a></nav><article><h1>Council meets</h1>{body}"
        "</article></body></html>"
    )
    # trafilatura decides what the main text is: stored or refused, not required to be stored.
    return [
        Input(_write(folder, _name(rng, i, rng.choice((".html", ".htm"))), html.encode()), "html")
    ]


def _late_nul(rng: random.Random, folder: Path, i: int) -> list[Input]:
    text = english(rng, 3) + "x" * 9000 + "\x00 after the sniff\x00\n"
    return [
        Input(
            _write(folder, _name(rng, i, ".txt"), text.encode()),
            "late NUL",
            good=[stored_form(text)],
        )
    ]


def _bytes_file(rng: random.Random, folder: Path, i: int) -> list[Input]:
    suffix = rng.choice((".txt", ".html", ".jsonl"))
    choice = rng.randrange(9)
    if choice == 0:
        data = b""
    elif choice == 1:
        data = b" \n\t\r\n  " * rng.randint(1, 20)
    elif choice == 2:
        data = rng.randbytes(rng.randint(1, 4096))
    elif choice == 3:
        data = bytes(rng.randint(0x80, 0xFF) for _ in range(rng.randint(1, 2048)))
    elif choice == 4:
        data = english(rng).encode(rng.choice(("utf-16", "utf-32", "utf-16-be")))
    elif choice == 5:
        data = ("caf\xe9 " + english(rng)).encode(rng.choice(("latin-1", "cp1252")))
    elif choice == 6:
        data = "東京都の会議は火曜日に開かれた。".encode(rng.choice(("shift_jis", "euc-jp")))
    elif choice == 7:
        data = b"\x00" + english(rng).encode()
    else:
        data = b"\xef\xbb\xbf"
    if suffix == ".jsonl" and data and b"\x00" not in data[:8192]:
        # Not a simple case for JSONL (lines are records): a text file named .jsonl
        data = b"\x00" + data
    return [Input(_write(folder, _name(rng, i, suffix), data), "bytes")]


def _no_letters(rng: random.Random, folder: Path, i: int) -> list[Input]:
    data = rng.choice((b"[" * 100_000, b"1234 5678\n" * 50, b"--- *** ---\n", b"{}" * 5000))
    return [Input(_write(folder, _name(rng, i, ".txt"), data), "no letters")]


def _foreign(rng: random.Random, folder: Path, i: int) -> list[Input]:
    text = rng.choice((_GERMAN, _CHINESE, _ARABIC, _CHINESE * 3, _ARABIC * 3))
    return [Input(_write(folder, _name(rng, i, ".txt"), text.encode()), "foreign")]


def _huge(rng: random.Random, folder: Path, i: int) -> list[Input]:
    choice = rng.randrange(3)
    if choice == 0:  # over the character limit, under the byte limit
        data = ("word " * 200_001).encode()
    elif choice == 1:  # over the byte limit
        data = b"a" * (5 * 1024 * 1024 + 1)
    else:  # a long line of something that is not English
        data = ("\u0628" * 300_000).encode()
    return [Input(_write(folder, _name(rng, i, ".txt"), data), "huge")]


def _jsonl(rng: random.Random, folder: Path, i: int) -> list[Input]:
    """A JSONL file of good and bad records."""
    lines: list[bytes] = []
    good: list[str] = []
    records: list[int] = []
    base_id = f"fz-{i}"
    if rng.random() < 0.2:
        lines.append(b"\xef\xbb\xbf")  # a BOM on the first line (joined below)
    for n in range(rng.randint(1, 8)):
        choice = rng.randrange(16)
        line: bytes
        if choice <= 4:  # good, sometimes with hostile metadata or odd characters
            text = english(rng, rng.randint(2, 4), markup=rng.random() < 0.3)
            if rng.random() < 0.3:
                text = text.replace(". ", ".\u2028", 1).replace("\n", " \u0085\u2029\n")
            if rng.random() < 0.2:
                text += "\u0000"
            record: dict[str, object] = {"id": f"{base_id}-{n}", "text": text}
            if rng.random() < 0.5:
                record.update(
                    title=rng.choice(_MARKUP),
                    author="A\u0000B",
                    published=rng.choice(("2024-02-30", "[/]", "9999-99-99", "2024-05-01")),
                    url="javascript:alert(1)",
                )
            line = json.dumps(record, ensure_ascii=rng.random() < 0.5).encode()
            good.append(stored_form(text))
        elif choice == 5:  # the same id as a good record, another text: both kept
            text = english(rng, 3)
            line = json.dumps({"id": f"{base_id}-0", "text": text}).encode()
            good.append(stored_form(text))
        elif choice == 6:
            line = b'{"id": 1, "n": ' + b"7" * 5000 + b', "text": "x"}'
        elif choice == 7:
            line = b"[" * 100_000 + b"]" * 100_000
        elif choice == 8:
            line = b'{"text": "\\ud800 lone surrogate in an English sentence about a council."}'
        elif choice == 9:
            line = b'{"text": "an invalid byte \xff in an English sentence"}'
        elif choice == 10:
            line = rng.choice((b"{not json", b"[1, 2]", b"42", b'"text"', b"null", b"NaN"))
        elif choice == 11:
            line = rng.choice((b'{"id": "x"}', b'{"text": 5}', b'{"text": ["a"]}', b'{"text": ""}'))
        elif choice == 12:
            line = json.dumps({"id": ["a", "b"], "text": english(rng)}).encode()
        elif choice == 13:
            line = json.dumps({"text": _CHINESE}, ensure_ascii=False).encode()
        elif choice == 14:
            line = b'{"text": "NUL byte \x00 raw inside a string"}'
        else:
            line = json.dumps({"text": "[/] <script>alert(1)</script>", "title": "\udfff"[:0]})
            line = line.encode()
        lines.append(line)
        records.append(len(lines) - (1 if lines[0] == b"\xef\xbb\xbf" else 0))
        if rng.random() < 0.2:
            lines.append(rng.choice((b"", b"   ", b"\t\r")))
    if lines and lines[0] == b"\xef\xbb\xbf":
        lines = [lines[0] + lines[1], *lines[2:]]
    ending = rng.choice((b"\n", b"\r\n"))
    data = ending.join(lines) + (ending if rng.random() < 0.7 else b"")
    path = _write(folder, _name(rng, i, ".jsonl"), data)
    return [Input(path, "jsonl", records=records, good=good)]


def _entries(rng: random.Random, folder: Path, i: int) -> list[Input]:
    """Entries that are not plain files of a supported type."""
    choice = rng.randrange(7)
    if choice == 0 and hasattr(os, "mkfifo"):
        path = folder / f"fifo-{i:05d}.txt"
        os.mkfifo(path)
        return [Input(path, "fifo")]
    if choice == 1:
        path = folder / f"broken-{i:05d}.txt"
        path.symlink_to(folder / f"missing-{i:05d}")
        return [Input(path, "broken link")]
    if choice == 2:
        target = folder / f"sub-{i:05d}"
        target.mkdir()
        path = folder / f"linked-{i:05d}"
        path.symlink_to(target, target_is_directory=True)
        inner = _write(target, b"inner.txt", english(rng).encode())
        return [Input(path, "folder link"), Input(inner, "good txt", good=[inner.read_text()])]
    if choice == 3:
        path = folder / f"loop-{i:05d}.txt"
        path.symlink_to(path)
        return [Input(path, "link loop")]
    if choice == 4:
        name = rng.choice((b".pdf", b".docx", b"", b".TXT.bak", b".json", b".jsonl.gz"))
        return [Input(_write(folder, _name(rng, i, "") + name, b"%PDF-1.4 ..."), "unsupported")]
    if choice == 5:
        sock = folder / f"s{i}.txt"
        if len(os.fsencode(sock)) < 100:
            server = socket.socket(socket.AF_UNIX)
            try:
                server.bind(str(sock))
            finally:
                server.close()
            return [Input(sock, "socket")]
    path = folder / f"link-{i:05d}.txt"
    target = _write(folder, b"target-%05d.md" % i, english(rng).encode())
    path.symlink_to(target)
    return [Input(path, "file link", good=[target.read_text()]), Input(target, "unsupported")]


def _duplicate(rng: random.Random, folder: Path, i: int, previous: list[Input]) -> list[Input]:
    """A copy of an earlier input under another name."""
    donors = [p for p in previous if p.path.is_file() and not p.path.is_symlink()]
    if not donors:
        return _good_txt(rng, folder, i)
    donor = rng.choice(donors)
    copy = _write(folder, _name(rng, i, donor.path.suffix), donor.path.read_bytes())
    return [Input(copy, "copy of " + donor.kind, records=donor.records, good=list(donor.good))]


_KINDS: tuple[tuple[Maker, float], ...] = (
    (_good_txt, 30),
    (_good_html, 6),
    (_late_nul, 3),
    (_bytes_file, 14),
    (_no_letters, 3),
    (_foreign, 5),
    (_huge, 1),
    (_jsonl, 18),
    (_entries, 10),
)


def generate(folder: Path, count: int, seed: int = 1) -> Generated:
    """Write `count` inputs (files, links, FIFOs; a few in subfolders) under `folder`, and
    return what each must become. The same seed writes the same inputs."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    inputs: list[Input] = []
    makers, weights = zip(*_KINDS, strict=True)
    for i in range(count):
        where = folder
        if rng.random() < 0.1:
            where = folder / f"nested-{rng.randrange(4)}" / "deeper"
            where.mkdir(parents=True, exist_ok=True)
        if inputs and rng.random() < 0.05:
            inputs.extend(_duplicate(rng, where, i, inputs))
        else:
            inputs.extend(rng.choices(makers, weights)[0](rng, where, i))
    # Single paths handed over beside the folder.
    outside = folder.parent / f"{folder.name}-args"
    outside.mkdir(exist_ok=True)
    extra = [Input(outside / "missing.txt", "missing")]
    if hasattr(os, "mkfifo"):
        fifo = outside / "given.fifo.txt"
        if not fifo.exists():
            os.mkfifo(fifo)
        extra.append(Input(fifo, "fifo"))
    if Path("/dev/null").exists():
        extra.append(Input(Path("/dev/null"), "device"))
    name = _write(outside, b"given-bad\xff[/].txt", english(rng).encode())
    extra.append(Input(name, "good txt", good=[name.read_text("utf-8", "surrogateescape")]))
    return Generated(folder, [folder, *(e.path for e in extra)], inputs + extra)


# -- the run and its checks -----------------------------------------------------------------------


@dataclass
class Accounting:
    inputs: int = 0
    units: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    good: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def ingest(generated: Generated, db: str | Path, workers: int = 1):  # type: ignore[no-untyped-def]
    """Ingest the generated inputs into a new store at `db` (a SQLite file, or a PostgreSQL
    URL as `footprint.store.open_store` takes); (report, store)."""
    from footprint.pipeline.corpus import ingest_corpus
    from footprint.settings import Settings
    from footprint.store import open_store

    settings = Settings.from_env({}).with_db(db)
    store = open_store(db)
    report = ingest_corpus(generated.arguments, settings, store, workers=workers)
    return report, store


def account(generated: Generated, report, store) -> Accounting:  # type: ignore[no-untyped-def]
    """Check every input against the run's report and the store (see the module docstring)."""
    out = Accounting(inputs=len(generated.inputs))
    stored = {d.path: d for d in store.documents()}
    texts = {d.text for d in stored.values()}
    named = Counter(r.source for r in report.rejected)
    out.rejected = len(report.rejected)
    out.reasons = Counter(_reason_kind(r.reason) for r in report.rejected)
    for source, n in named.items():
        if n > 1:
            out.problems.append(f"{n} rejections name {source}")
    recorded = {row.source for row in store.rejections()}
    if recorded != set(named):
        out.problems.append(f"the store records {len(recorded)} rejections, the run {len(named)}")
    known: set[str] = set()
    unaccounted = 0
    for item in generated.inputs:
        units = item.units()
        known.update(units)
        known.add(item.source)
        if item.records is not None and item.source in named:
            out.units += 1  # the whole file refused at once
            for unit in units:
                if unit in stored or unit in named:
                    out.problems.append(f"{unit} accounted for beside its file's rejection")
            continue
        for unit in units:
            out.units += 1
            if unit in stored and unit in named:
                out.problems.append(f"{unit} is both stored and rejected")
            elif unit not in stored and unit not in named:
                unaccounted += 1
        for text in item.good:
            out.good += 1
            if text not in texts:
                out.problems.append(f"good document not stored: {item.source} ({item.kind})")
    out.stored = len(report.stored)
    out.duplicates = report.exact_duplicates + report.already_stored
    if unaccounted != out.duplicates:
        out.problems.append(
            f"{unaccounted} inputs neither stored nor rejected, {out.duplicates} duplicates"
        )
    strays = set(named) - known
    # A folder is named only when it holds nothing to read: never here.
    for source in sorted(strays):
        out.problems.append(f"a rejection names no input: {source}")
    for path in stored:
        if path not in known:
            out.problems.append(f"a stored document names no input: {path}")
    return out


def _reason_kind(reason: str) -> str:
    return reason.split(" (")[0].split(":")[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--out", type=Path, help="folder to write into (default: temporary)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="footprint-fuzz-") as tmp:
        root = args.out or Path(tmp)
        started = time.perf_counter()
        generated = generate(root / "inputs", args.count, args.seed)
        print(f"generated {len(generated.inputs):,} inputs in {root / 'inputs'}", flush=True)
        report, store = ingest(generated, root / "fuzz.db", args.workers)
        try:
            out = account(generated, report, store)
        finally:
            store.close()
        print(
            f"{out.inputs:,} inputs ({out.units:,} to account for): {out.stored:,} stored, "
            f"{out.duplicates:,} duplicates, {out.rejected:,} rejected; "
            f"{out.good:,} good documents; {time.perf_counter() - started:,.0f} s"
        )
        for reason, n in out.reasons.most_common():
            print(f"  {n:6,}  {reason}")
        for problem in out.problems[:50]:
            print(f"PROBLEM {problem}")
        if out.problems:
            print(f"{len(out.problems):,} problem(s)")
            return 1
        print("every input accounted for")
        return 0


if __name__ == "__main__":
    sys.exit(main())
