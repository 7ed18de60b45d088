"""The state diagrams in ``docs/architecture.md`` are the ones the code draws."""

from pathlib import Path

from django.core.management import call_command

from lssc.audit.management.commands.state_diagrams import END, START, diagrams

DOC = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def test_the_committed_state_diagrams_are_the_generated_ones():
    committed = DOC.read_text().split(START)[1].split(END)[0].strip()
    assert committed == diagrams().strip(), (
        "The state diagrams are stale: run "
        "`python manage.py state_diagrams --write docs/architecture.md`."
    )


def test_the_command_prints_a_diagram_per_machine(capsys):
    call_command("state_diagrams")
    printed = capsys.readouterr().out
    assert printed.count("```mermaid") == diagrams().count("```mermaid")
    assert "stateDiagram-v2" in printed or not diagrams()
