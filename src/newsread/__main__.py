"""`python -m newsread` runs the command line."""

import sys

from newsread.console import main

sys.exit(main())
