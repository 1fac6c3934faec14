"""The import rule of docs/adr/0006-layers.md, read from the source (every import, those inside
functions too): a module of ``bot/`` imports from its own floor or below, never ``ingest`` or ``web``
(``bot/cli.py`` aside: it runs them); only the composition root imports the adapters, which import
nothing above the ground floor; and no two packages import each other, even through others."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from bot.config import ROOT

# corpora: reading bot/data's written corpora, below everything that trains on them.
GROUND = ("config", "types", "ports", "texts", "privacy", "logs", "errors", "audio_formats", "sessions", "ratelimit")
GROUND += ("corpora",)
# Lowest first. A module may import from its own floor or from a lower one.
FLOORS: list[tuple[str, ...]] = [
    GROUND,
    ("knowledge",),
    ("understand",),
    ("search",),
    ("answer", "conversation", "database", "coordination", "metrics"),
    ("voice", "admin", "channels", "retention"),
    ("assistant", "app", "evaluate", "cli", "migrations"),
]
ADAPTERS = "adapters"
# What an adapter may import besides other adapters: the ground floor's nouns, seams, settings, errors.
ADAPTERS_MAY_IMPORT = ("config", "types", "ports", "errors", "audio_formats")
COMPOSITION_ROOT = "bot.app"
RUNS_THE_JOBS = "bot.cli"


def modules(folder: str) -> dict[str, Path]:
    """Dotted name -> file, for every module of a top-level package of the project."""
    found = {}
    for path in sorted((ROOT / folder).rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


KNOWN = modules("bot") | modules("ingest") | modules("web")


def imports(name: str, path: Path) -> Iterator[str]:
    """The project modules ``name`` imports, wherever the import statement is."""
    package = (name if path.name == "__init__.py" else name.rpartition(".")[0]).split(".")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            # "from . import x" and "from ..a import x" are relative to the importing package.
            base = ".".join([*package[: len(package) - node.level + 1], node.module or ""]).strip(".")
            base = base if node.level else node.module or ""
            targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in KNOWN else base for alias in node.names]
        else:
            continue
        yield from (t for t in targets if t.split(".")[0] in ("bot", "ingest", "web"))


def unit(module: str) -> str:
    """The package (or top-level module) a module belongs to: bot.search.query -> search."""
    parts = module.split(".")
    return parts[1] if parts[0] == "bot" and len(parts) > 1 else parts[0]


def floor(module: str) -> int:
    return next(i for i, names in enumerate(FLOORS) if unit(module) in names)


def bot_imports() -> Iterator[tuple[str, str]]:
    for name, path in KNOWN.items():
        if name.startswith("bot."):
            for target in imports(name, path):
                yield name, target


def test_every_module_of_bot_has_a_floor() -> None:
    placed = {n for names in FLOORS for n in names} | {ADAPTERS}
    assert {unit(m) for m in KNOWN if m.startswith("bot.")} <= placed


def test_bot_never_imports_the_jobs_or_the_web_app() -> None:
    wrong = [(m, t) for m, t in bot_imports() if t.split(".")[0] in ("ingest", "web") and m != RUNS_THE_JOBS]
    assert not wrong, wrong


def test_a_module_imports_from_its_floor_or_below() -> None:
    wrong = [
        (m, t)
        for m, t in bot_imports()
        if t.startswith("bot.") and unit(m) != ADAPTERS and unit(t) != ADAPTERS and floor(t) > floor(m)
    ]
    assert not wrong, wrong


def test_only_the_composition_root_imports_the_adapters() -> None:
    users = {name for name, path in KNOWN.items() for t in imports(name, path) if unit(t) == ADAPTERS}
    assert {m for m in users if unit(m) != ADAPTERS} <= {COMPOSITION_ROOT}, users


def test_adapters_import_only_the_ground_floor_and_each_other() -> None:
    wrong = [
        (m, t)
        for m, t in bot_imports()
        if unit(m) == ADAPTERS and t.startswith("bot.") and unit(t) not in (ADAPTERS, *ADAPTERS_MAY_IMPORT)
    ]
    assert not wrong, wrong


def test_no_import_cycle_between_packages() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in KNOWN.items():
        for target in imports(name, path):
            if unit(target) != unit(name):
                graph[unit(name)].add(unit(target))
    cycle = _cycle(graph)
    assert cycle is None, " -> ".join(cycle or [])


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph as a path that ends where it starts, or None."""
    done: set[str] = set()

    def visit(node: str, path: list[str]) -> list[str] | None:
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        for nxt in sorted(graph.get(node, ())):
            if found := visit(nxt, [*path, node]):
                return found
        done.add(node)
        return None

    return next((c for node in sorted(graph) if (c := visit(node, []))), None)


def test_the_rule_catches_what_it_forbids() -> None:
    assert floor("bot.search.query") > floor("bot.understand.darija") > floor("bot.knowledge.schema")
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": {"c"}}) is None
    assert list(imports("bot.search.served", KNOWN["bot.search.served"]))  # the parser sees imports
