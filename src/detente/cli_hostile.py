"""Commands for the hostile corpus: ``make-hostile-corpus`` and ``check-hostile-corpus``.

Each command only parses its options and calls a library function (:mod:`detente.hostile`,
:mod:`detente.hostile_check`). See docs/reliability.md.
"""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []


@click.command("make-hostile-corpus")
@click.argument("root", type=click.Path(file_okay=False))
@click.option("--count", type=click.IntRange(1), default=2000, show_default=True, help="Documents to write.")
@click.option(
    "--huge",
    is_flag=True,
    help="Also write the huge cases: 200 MB HTML, 2 GB text (sparse), 1M sibling tags, 100,000 files.",
)
def make_hostile_corpus(root: str, count: int, huge: bool) -> None:
    """Write a hostile test corpus to ROOT/corpus and its expected outcomes to ROOT/manifest.json.

    Then: detente ingest ROOT/corpus --db X && detente check-hostile-corpus ROOT --db X
    """
    from .hostile import make_corpus

    manifest = make_corpus(root, count, huge)
    counts = ", ".join(f"{n} {k}" for k, n in sorted(manifest["counts"].items()))  # type: ignore[attr-defined]
    click.echo(
        f"{manifest['documents']} documents ({counts}) in {root}/corpus; expected outcomes in manifest.json"
    )


@click.command("check-hostile-corpus")
@click.argument("root", type=click.Path(exists=True, file_okay=False))
@click.option("--db", required=True, type=click.Path(exists=True, dir_okay=False), help="The store ingested.")
@click.option("--show", type=click.IntRange(0), default=20, show_default=True, help="Problems to list.")
def check_hostile_corpus(root: str, db: str, show: int) -> None:
    """Compare the store DB with ROOT/manifest.json; exit status 1 when anything was lost or let in."""
    from .hostile_check import check_corpus

    result = check_corpus(root, db)
    for problem in result.problems[:show]:
        click.echo(problem)
    click.echo(result.summary())
    if not result.ok:
        raise SystemExit(1)


COMMANDS.extend([make_hostile_corpus, check_hostile_corpus])
