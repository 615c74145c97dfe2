"""What a handler receives: the event being handled and the services, behind typed interfaces."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

from bot.config import Config
from bot.llm import LLMClient
from bot.metrics import Metrics
from bot.pii import PiiDetector
from bot.render import markdown_to_html
from storage.conversations import ConversationRepository
from storage.db import Database
from storage.inbox import InboxItem, InboxRepository, StateRepository
from storage.privacy import PrivacyRepository
from storage.users import RoomRepository, UserRepository

if TYPE_CHECKING:
    from bot.commands import Command, TurnHook


class MatrixPort(Protocol):
    """The part of the Matrix client that handlers use (faked in dispatcher tests)."""

    user_id: str

    async def send_text(
        self, room_id: str, body: str, html: str | None = None, *, notice: bool = False
    ) -> str: ...

    async def edit(
        self, room_id: str, event_id: str, body: str, html: str | None = None
    ) -> str: ...

    async def set_typing(self, room_id: str, typing: bool, timeout_ms: int = 30_000) -> None: ...

    async def send_file(
        self, room_id: str, data: bytes, filename: str, mimetype: str, *, msgtype: str = "m.file"
    ) -> str: ...


class UserError(Exception):
    """A mistake the user can fix: the message (French) is their whole answer."""


class AnswerFailed(Exception):
    """The user was already told that the answer failed; keep the message for !reessayer."""

    def __init__(self, ref: str) -> None:
        super().__init__(ref)
        self.ref = ref


@dataclass
class Services:
    config: Config
    db: Database
    matrix: MatrixPort
    llm: LLMClient
    clock: Callable[[], datetime]
    users: UserRepository = field(init=False)
    rooms: RoomRepository = field(init=False)
    conversations: ConversationRepository = field(init=False)
    inbox: InboxRepository = field(init=False)
    state: StateRepository = field(init=False)
    commands: list[Command] = field(default_factory=list)
    # Every router's turn hooks in routing order; set by the dispatcher.
    turn_hooks: list[TurnHook] = field(default_factory=list)
    canned_answers: bool = False  # demo without a real model: say so
    # Privacy: the agents' rights, the personal-data guard (one per process, cache inside).
    privacy: PrivacyRepository = field(init=False)
    pii: PiiDetector = field(init=False)
    support_room_id: str | None = None  # resolved at start; set through the dispatcher
    # Operations (issue 8): counters and histograms behind /metrics.
    metrics: Metrics = field(default_factory=Metrics)

    def __post_init__(self) -> None:
        self.users = UserRepository(self.db)
        self.rooms = RoomRepository(self.db)
        self.conversations = ConversationRepository(self.db)
        self.inbox = InboxRepository(self.db)
        self.state = StateRepository(self.db)
        self.privacy = PrivacyRepository(self.db)
        self.pii = PiiDetector(ner=self.config.privacy.ner)


async def _no_status(line: str) -> None:
    return None


@dataclass
class Turn:
    """One answer being prepared: what features add around the conversation for the model.

    Turn hooks (documents, web pages, custom instructions…) fill it before the model is called;
    nothing here is stored in the conversation: only `question` is, as the user's message.
    """

    question: str  # the user's turn as stored and sent (a typed message, a transcript…)
    conversation_id: int  # the conversation the question was just added to
    # Appended to the system prompt: standing instructions, rules about quoted material.
    instructions: list[str] = field(default_factory=list)
    # Quoted material (document passages, web pages) sent before the question in the user's
    # turn of this answer only; counted in the context budget.
    material: list[str] = field(default_factory=list)
    # Shown after the answer (sources); the model never sees them.
    footers: list[str] = field(default_factory=list)
    # Shows a progress line ("Lecture de 4 pages…") in the answer's message before it starts.
    status: Callable[[str], Awaitable[None]] = _no_status


@dataclass
class Ctx:
    services: Services
    item: InboxItem
    room_kind: str  # "dm", "group" or "support"
    text: str = ""  # the message with any leading mention of the bot removed
    args: str = ""  # for commands: what follows the command name
    command: Command | None = None

    @property
    def room_id(self) -> str:
        return self.item.room_id

    @property
    def sender(self) -> str:
        return self.item.sender

    async def reply(self, markdown: str, *, notice: bool = False) -> str:
        """Send a message rendered from Markdown to the room."""
        return await self.services.matrix.send_text(
            self.room_id, markdown, markdown_to_html(markdown), notice=notice
        )
