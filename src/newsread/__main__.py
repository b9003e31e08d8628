"""`python -m newsread` runs the command line."""

import sys

from newsread.cli import main

sys.exit(main())
