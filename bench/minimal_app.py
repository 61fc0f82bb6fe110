"""The floor Typer sets: a minimal two-command app that does nothing, or only parses a file."""

import typer

app = typer.Typer()


@app.command()
def noop() -> None:
    """Do nothing."""


@app.command()
def parse(path: str) -> None:
    """Read and parse one YAML file with the C loader."""
    import yaml

    with open(path, encoding="utf-8") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)


if __name__ == "__main__":
    app()
