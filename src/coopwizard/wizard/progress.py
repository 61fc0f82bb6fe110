"""Where a wizard session stands: which questions were asked, which sections are done, what was being typed.

Held by the flow and saved in the draft, so that a resumed session starts at the
first question not asked, and gives back the text that was being typed when it
was interrupted. Paths are the answers' places in the sheet (`project.title`,
`partners.0.name`, `topics.purpose.reason`).
"""

from __future__ import annotations

from dataclasses import field
from typing import Any

from coopwizard.core.records import slim_dataclass


@slim_dataclass
class Typing:
    """A prompt interrupted mid-answer: its place, the text typed so far, and a list's entries already given."""

    path: str
    text: str = ""
    items: list[Any] = field(default_factory=list)


@slim_dataclass
class Progress:
    """How far the wizard has gone: the questions asked and the steps done, for resuming."""

    asked: list[str] = field(default_factory=list)
    partners_done: bool = False
    more_partners_after: list[int] = field(default_factory=list)  # "another association?" answered yes after these
    topics_started: list[str] = field(default_factory=list)  # "now or later?" answered
    topics_done: list[str] = field(default_factory=list)
    typing: Typing | None = None

    def is_asked(self, path: str) -> bool:
        return path in self.asked

    def mark(self, path: str) -> None:
        if path not in self.asked:
            self.asked.append(path)

    def forget(self, prefix: str) -> None:
        """Forget the questions under `prefix` (a partner, a topic), and the sections they belong to."""
        self.asked = [p for p in self.asked if not (p == prefix or p.startswith(prefix + "."))]
        parts = prefix.split(".")
        if parts[0] == "partners":
            self.partners_done = False
        elif parts[0] == "topics" and len(parts) > 1 and parts[1] in self.topics_done:
            self.topics_done.remove(parts[1])

    def start_topic(self, topic_id: str) -> None:
        if topic_id not in self.topics_started:
            self.topics_started.append(topic_id)

    def finish_topic(self, topic_id: str) -> None:
        if topic_id not in self.topics_done:
            self.topics_done.append(topic_id)

    def answered_count(self) -> int:
        return len(self.asked)

    @staticmethod
    def from_markers(asked: list[str]) -> Progress:
        """A draft of format 1 recorded progress as markers among the paths (`.start`, `.done`, `.more`)."""
        progress = Progress()
        for path in asked:
            if path == "partners.done":
                progress.partners_done = True
            elif path.startswith("partners.") and path.endswith(".more"):
                progress.more_partners_after.append(int(path.split(".")[1]))
            elif path.startswith("topics.") and path.endswith(".start"):
                progress.topics_started.append(path.split(".")[1])
            elif path.startswith("topics.") and path.endswith(".done"):
                progress.topics_done.append(path.split(".")[1])
            else:
                progress.asked.append(path)
        return progress
