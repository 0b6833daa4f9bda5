import sys

from leakclf.cli import main

sys.exit(main())
