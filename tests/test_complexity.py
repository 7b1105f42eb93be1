"""Functions short enough to read at once: no function, method or class body in `pipeline/`
above cyclomatic complexity 20 (radon's measure)."""
from radon.complexity import cc_visit

from tests.conftest import ROOT

LIMIT = 20


def blocks(found):
    """Every function, method, closure and class radon found, nested ones included."""
    for block in found:
        yield block
        yield from blocks([*getattr(block, "methods", ()), *getattr(block, "closures", ())])


def test_no_block_above_the_complexity_limit():
    over = []
    for path in sorted((ROOT / "pipeline").rglob("*.py")):
        for block in blocks(cc_visit(path.read_text(encoding="utf-8"))):
            if block.complexity > LIMIT:
                over.append(f"{path.relative_to(ROOT)}:{block.lineno} {block.name} ({block.complexity})")
    assert not over, "above cyclomatic complexity 20: " + ", ".join(over)
