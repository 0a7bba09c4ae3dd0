"""Rebuild footprint/designations/data/listings.jsonl from the public list files.

    python scripts/build_designations.py [--shared ../shared/data/designations]
        [--out footprint/designations/data/listings.jsonl] [FILES...]

With FILES, only those files are read (the kind of each is picked by name and content);
otherwise every file in --shared.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from footprint.designations.dataset import (  # noqa: E402
    LISTINGS_PATH,
    build,
    shared_files,
    write_listings,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared" / "data" / "designations"
    )
    parser.add_argument("--out", type=Path, default=LISTINGS_PATH)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args(argv)
    files = args.files or shared_files(args.shared)
    try:
        listings = build(files)
    except (ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    write_listings(listings, args.out)
    counts = Counter((x.list, x.program) for x in listings)
    for (name, program), n in sorted(counts.items()):
        print(f"{n:6d}  {name} / {program}")
    print(f"{len(listings)} listings written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
