"""Only import questionary and draw the same first question as `coop new`."""

import sys

import questionary

questionary.text(sys.argv[1]).unsafe_ask()
