"""`python -m bot` is the same as the `assistant-ia` command."""

import sys

from bot.cli import main

sys.exit(main())
