"""atheris target: the text extractors (html, rtf, txt, csv). See fuzz/README.md."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from _common import main

if __name__ == "__main__":
    main(("html", "rtf", "txt", "csv"))
