"""What the benchmark scripts share: where things are, and which commit is measured."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAULTLINE = os.path.join(ROOT, "build", "faultline")


def commit():
    """The short hash of the checked-out commit, for the results' headers."""
    return subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
