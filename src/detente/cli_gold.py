"""Gold-set commands: ``convert-gold`` and ``evaluate-records``.

Each command parses its options and calls a library function (:mod:`detente.gold_convert`,
:mod:`detente.record_accuracy`); they are registered on the ``detente`` group in
:mod:`detente.cli`.
"""

from __future__ import annotations

import click

from .gold_convert import convert_petr2, convert_plover, write_units

_CONVERTERS = {"petr2": convert_petr2, "plover": convert_plover}


@click.command("convert-gold")
@click.option(
    "--from",
    "source_format",
    type=click.Choice(sorted(_CONVERTERS)),
    required=True,
    help="petr2: PETR2_GSR_validation.xml; plover: PLOVER_GSR_CAMEO.txt.",
)
@click.argument("input_path", metavar="INPUT", type=click.Path(exists=True, dir_okay=False))
@click.argument("output", type=click.Path(dir_okay=False, writable=True))
@click.option("--verbose", "-v", is_flag=True, help="Also list every note (dropped events and actors ...).")
def convert_gold(source_format: str, input_path: str, output: str, verbose: bool) -> None:
    """Convert an external gold set to FORMAT.md JSON Lines in OUTPUT.

    Skipped records are listed on stderr with their reason; see docs/evaluation.md.
    """
    conversion = _CONVERTERS[source_format](input_path)
    write_units(conversion.units, output)
    for skip in conversion.skips + (conversion.notes if verbose else []):
        detail = f" ({skip.detail})" if skip.detail else ""
        click.echo(f"{skip.path}: {skip.reason}{detail}", err=True)
    click.echo(f"{conversion.summary()} -> {output}")


@click.command("evaluate-records")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--model", envvar="DETENTE_MODEL", default=None, help="spaCy model.")
@click.option("--explain", is_flag=True, help="List the records whose dyad was found with a wrong root.")
def evaluate_records(gold: str, model: str | None, explain: bool) -> None:
    """Root-code accuracy per record on a gold file (one event per record, e.g. PLOVER GSR).

    Of the records whose gold source and target the coder finds as a dyad, the share with
    an accepted root; also how many records the dyad was found for. The first line counts
    factual system events only; the table and the last line count events of any modality.
    """
    from .evaluate import load_gold
    from .record_accuracy import code_units, record_root_accuracy

    units = load_gold(gold)
    predictions = code_units(units, model=model, label=gold)
    click.echo(record_root_accuracy(units, predictions, factual_only=True).summary_line())
    for line in record_root_accuracy(units, predictions).render(explain):
        click.echo(line)


COMMANDS = [convert_gold, evaluate_records]
