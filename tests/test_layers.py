"""Dependencies point inward and never in a circle: voice and sms compose stt, intake and routing.

Every import counts, including those under TYPE_CHECKING and inside functions: a circle a type checker or a
lazy import hides is still one a reader has to hold in their head.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("stt", "intake", "routing", "voice", "sms")
# Who may import whom among our packages (a package always may import itself).
ALLOWED = {
    "stt": set(),
    "intake": set(),
    "routing": set(),
    "voice": {"stt", "intake", "routing", "sms"},
    "sms": {"intake", "routing"},
}
TELEPHONY = {"twilio"}  # the provider's SDK: only the edges speak it
EDGES = {"voice", "sms"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str) -> set[str]:
    """Every module `path` imports, absolute names, relative imports resolved."""
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)  # `from pkg import module`
    return found


def _graph() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(our module -> our modules it imports, our module -> third-party top-level packages it imports)."""
    files = {_module_name(p): p for pkg in PACKAGES for p in (ROOT / pkg).rglob("*.py")}
    ours, theirs = {}, {}
    for name, path in files.items():
        imported = _imports(path, name)
        ours[name] = {m for m in imported if m in files and m != name}
        theirs[name] = {m.split(".")[0] for m in imported if m.split(".")[0] not in PACKAGES and m}
    return ours, theirs


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one member (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


@pytest.fixture(scope="module")
def graph():
    return _graph()


def test_the_graph_sees_imports_of_every_kind(graph):
    ours, theirs = graph
    assert "routing.calls" in ours["voice.web"]  # from routing import calls
    assert "sms.fields" in ours["voice.forms"]  # from sms.fields import ...
    assert "sms.decoding" in ours["sms.attach"]  # from .decoding import ...
    assert "twilio" in theirs["sms.sender"]


def test_the_circle_finder_finds_circles():
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _circles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_itself_back(graph):
    ours, _ = graph
    assert _circles(ours) == []


def test_packages_import_only_inward(graph):
    ours, theirs = graph
    wrong = sorted(f"{module} -> {target}" for module, targets in ours.items() for target in targets
                   if target.split(".")[0] != module.split(".")[0]
                   and target.split(".")[0] not in ALLOWED[module.split(".")[0]])
    assert wrong == []
    packages = {pkg: {t.split(".")[0] for m, ts in ours.items() if m.split(".")[0] == pkg for t in ts} - {pkg}
                for pkg in PACKAGES}
    assert _circles(packages) == []


def test_only_the_edges_speak_the_telephony_sdk(graph):
    _, theirs = graph
    assert sorted(m for m, packages in theirs.items() if packages & TELEPHONY and m.split(".")[0] not in EDGES) == []
