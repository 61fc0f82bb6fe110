"""One Python process that only parses the files it is given, with the C loader."""

import sys

import yaml

for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as handle:
        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
