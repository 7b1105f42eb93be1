"""Headless Chromium for the review page's tests and benchmark: Debian's `chromium` driven by
Playwright (never a downloaded browser build)."""
from __future__ import annotations

import shutil

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def chromium_path() -> str | None:
    """The system Chromium's executable, or None."""
    return next((path for path in map(shutil.which, BROWSERS) if path), None)


def launch(playwright):
    """A headless system Chromium through a started Playwright; raises RuntimeError without one."""
    path = chromium_path()
    if path is None:
        raise RuntimeError(f"no Chromium found (looked for {', '.join(BROWSERS)}); `apt-get install chromium`")
    # --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    return playwright.chromium.launch(executable_path=path, headless=True, args=["--no-sandbox"])
