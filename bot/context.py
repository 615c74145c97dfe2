"""What a handler receives: the event being handled and the services, behind typed interfaces,
and the extension points through which features take part in an answer.

`Core` is what every feature stands on (built first, handed to each feature's setup);
`Services` adds what the features contributed (their extension points and their own records),
and is built once by the composition root (`bot/app.py`). Nothing writes into it afterwards.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol, TypeVar

from bot.charts import ChartRenderer
from bot.config import RuntimeConfig
from bot.events import Event, RoomKind, Text
from bot.inflight import InFlight
from bot.llm import ChatMessage, Footprint, LLMClient
from bot.llm_queue import FairQueue
from bot.metrics import Metrics
from bot.render import markdown_to_html
from bot.tasks import Background, Doorbell
from storage.conversations import ConversationRepository
from storage.db import Database
from storage.inbox import InboxItem, InboxRepository, StateRepository
from storage.users import RoomRepository, UserRepository

T = TypeVar("T")


class MatrixPort(Protocol):
    """The part of the Matrix client that handlers use (faked in dispatcher tests)."""

    user_id: str

    async def send_text(
        self,
        room_id: str,
        body: str,
        html: str | None = None,
        *,
        notice: bool = False,
        thread_root: str | None = None,
        txn_id: str | None = None,
    ) -> str: ...

    async def edit(
        self, room_id: str, event_id: str, body: str, html: str | None = None
    ) -> str: ...

    # Bytes, at the homeserver, of the largest event that may carry this text in the room (its
    # edit: the text twice), encrypted if the room is; send_text and edit raise
    # bot.events.EventTooLarge over bot.eventsize.MAX_EVENT_BYTES. Called from a thread too.
    def text_event_size(self, room_id: str, body: str, html: str | None = None) -> int: ...

    async def set_typing(self, room_id: str, typing: bool, timeout_ms: int = 30_000) -> None: ...

    # An m.read receipt; never raises.
    async def send_receipt(
        self, room_id: str, event_id: str, thread_root: str | None = None
    ) -> None: ...

    async def send_file(
        self,
        room_id: str,
        data: bytes,
        filename: str,
        mimetype: str,
        *,
        msgtype: str = "m.file",
        thread_root: str | None = None,
        info: Mapping[str, Any] | None = None,  # added to the event's info (an image's w, h)
        caption: str | None = None,  # the event's body, the file name staying in `filename`
    ) -> str: ...

    async def power_level(self, room_id: str, user_id: str) -> int: ...

    # Raises bot.events.MediaError.
    async def download(self, media: dict[str, Any], max_bytes: int, timeout: float) -> bytes: ...


class UserError(Exception):
    """A mistake the user can fix: the message (French) is their whole answer."""


class AnswerFailed(Exception):
    """The user was already told that the answer failed; keep the message for !reessayer."""

    def __init__(self, ref: str) -> None:
        super().__init__(ref)
        self.ref = ref


# Extension points ------------------------------------------------------------------------------


class CommandInfo(Protocol):
    """A declared command, as handlers and help see it (see `bot.commands.Command`)."""

    @property
    def name(self) -> str: ...
    @property
    def aliases(self) -> tuple[str, ...]: ...
    @property
    def usage(self) -> str: ...
    @property
    def help(self) -> str: ...
    @property
    def where(self) -> frozenset[str]: ...
    @property
    def admin(self) -> bool: ...
    @property
    def group(self) -> str: ...  # its heading in `!aide`

    def for_room(self, room_kind: str) -> CommandInfo:
        """The command as shown in this kind of room (usage and help differ for staff)."""
        ...

    def available(self, room_kind: str, is_admin: bool, services: Services) -> bool:
        """Usable by this user in this kind of room, and offered with this configuration."""
        ...


class AnswerGuard(Protocol):
    """The personal-data guard of one answer: what goes to the model, and back."""

    @property
    def footer(self) -> str | None: ...

    async def protect(self, messages: Sequence[ChatMessage]) -> list[ChatMessage]: ...

    def wrap(
        self, on_text: Callable[[str], Awaitable[None]]
    ) -> Callable[[str], Awaitable[None]]: ...

    def restore(self, text: str) -> str: ...


class PrivacyGuard(Protocol):
    """Provided by the privacy feature: every feature that sends an agent's text out of the
    bot (to the model, to a search engine) goes through it."""

    async def for_question(self, ctx: Ctx, question: str) -> AnswerGuard:
        """The guard of one answer; raises AnswerFailed when the question is held."""
        ...

    async def without_identifiers(self, ctx: Ctx, text: str) -> str:
        """The text without the personal identifiers found (for a third party)."""
        ...

    async def review_document(self, ctx: Ctx, pieces: Sequence[str]) -> str | None:
        """A note about the personal data found in a document, or None; raises UserError
        when the document must not be used."""
        ...

    async def pseudonymise(self, pieces: Sequence[str]) -> list[str]:
        """Free text for staff (exports): identifiers replaced by numbered placeholders,
        consistent across the pieces."""
        ...


class _NoAnswerGuard:
    footer: str | None = None

    async def protect(self, messages: Sequence[ChatMessage]) -> list[ChatMessage]:
        return list(messages)

    def wrap(self, on_text: Callable[[str], Awaitable[None]]) -> Callable[[str], Awaitable[None]]:
        return on_text

    def restore(self, text: str) -> str:
        return text


class NoPrivacyGuard:
    """Without the privacy feature: text goes out as written."""

    async def for_question(self, ctx: Ctx, question: str) -> AnswerGuard:
        return _NoAnswerGuard()

    async def without_identifiers(self, ctx: Ctx, text: str) -> str:
        return text

    async def review_document(self, ctx: Ctx, pieces: Sequence[str]) -> str | None:
        return None

    async def pseudonymise(self, pieces: Sequence[str]) -> list[str]:
        return list(pieces)


@dataclass(frozen=True)
class ModelUsage:
    """One model request, as the quota policy records it."""

    admitted_at: datetime
    waited: float  # seconds in the fair queue
    tokens_in: int
    tokens_out: int
    latency: float  # seconds of the model's answer
    footprint: Footprint | None = None  # cost and impacts, when the server reports them


class QuotaPolicy(Protocol):
    """Provided by the access feature: who may use the model now, and what they used."""

    async def admit(self, ctx: Ctx) -> None:
        """Raises UserError (French, with when it resets) when the agent is over a limit."""
        ...

    async def record(self, ctx: Ctx, usage: ModelUsage) -> None: ...


class NoQuota:
    async def admit(self, ctx: Ctx) -> None:
        return None

    async def record(self, ctx: Ctx, usage: ModelUsage) -> None:
        return None


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
    # Images (data URLs) sent with the question, this turn only, when the model has vision.
    images: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Answered:
    """An answer delivered and stored: what `answered` hooks (a generated title…) receive."""

    conversation_id: int
    question: str
    answer: str
    model: str
    first_exchange: bool  # the conversation's first answer
    guard: AnswerGuard  # the answer's guard: pseudonymise a follow-up request the same way


# Prepares one answer: adds instructions, quoted material, footers or status lines to the turn.
TurnHook = Callable[["Ctx", Turn], Awaitable[None]]
# Runs after an answer is delivered and stored (in the background).
AnsweredHook = Callable[["Ctx", Answered], Coroutine[Any, Any, None]]
# Reads the text of a PDF found behind a link (provided by the attachments feature); raises
# UnreadableDocument.
PdfReader = Callable[[bytes], Awaitable[str]]


class UnreadableDocument(Exception):
    """A document's text could not be read (`reason`: corrupted, encrypted, scan…)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Extensions:
    """What the features contributed to the runtime, in the composition root's order."""

    commands: tuple[CommandInfo, ...] = ()
    turn_hooks: tuple[TurnHook, ...] = ()
    answered: tuple[AnsweredHook, ...] = ()
    guard: PrivacyGuard = field(default_factory=NoPrivacyGuard)
    quota: QuotaPolicy = field(default_factory=NoQuota)
    read_pdf: PdfReader | None = None


# Services -------------------------------------------------------------------------------------


@dataclass
class Core:
    """What every feature stands on; built before the features, handed to their setup."""

    config: RuntimeConfig
    db: Database
    matrix: MatrixPort
    llm: LLMClient
    clock: Callable[[], datetime]
    metrics: Metrics = field(default_factory=Metrics)
    tasks: Background = field(default_factory=Background)
    doorbell: Doorbell = field(default_factory=Doorbell)
    support_room_id: str | None = None  # resolved at start (joined before the features start)
    admin_power_level: int = 50  # in the support room, this level or more is staff
    canned_answers: bool = False  # demo without a real model: say so
    in_flight: InFlight = field(default_factory=InFlight)  # answers streaming, for a stop
    charts: ChartRenderer = field(default_factory=ChartRenderer)  # PNG charts, in a worker
    users: UserRepository = field(init=False)
    rooms: RoomRepository = field(init=False)
    conversations: ConversationRepository = field(init=False)
    inbox: InboxRepository = field(init=False)
    state: StateRepository = field(init=False)
    llm_queue: FairQueue = field(init=False)

    def __post_init__(self) -> None:
        self.users = UserRepository(self.db)
        self.rooms = RoomRepository(self.db)
        self.conversations = ConversationRepository(self.db)
        self.inbox = InboxRepository(self.db)
        self.state = StateRepository(self.db)
        limits = self.config.limits
        self.llm_queue = FairQueue(limits.max_concurrent_requests, limits.max_queued_requests)

    async def is_admin(self, user_id: str) -> bool:
        """Listed in support.admins, or with enough power in the support room."""
        if user_id in self.config.support.admins:
            return True
        if not self.support_room_id:
            return False
        level = await self.matrix.power_level(self.support_room_id, user_id)
        return level >= self.admin_power_level


@dataclass
class Services(Core):
    """The core plus what the features contributed; built once, by the composition root."""

    extensions: Extensions = field(default_factory=Extensions)
    # Each feature's own record (its config, repositories, engines), by type: a feature reads
    # its own with `ctx.services.part(TheRecord)`.
    parts: Mapping[type[Any], Any] = field(default_factory=dict)

    @classmethod
    def of(cls, core: Core, extensions: Extensions, parts: Mapping[type[Any], Any]) -> Services:
        """The core's objects themselves (same repositories, same queue), plus the features'."""
        services = cls.__new__(cls)
        services.__dict__.update(core.__dict__)
        services.extensions = extensions
        services.parts = dict(parts)
        return services

    def part(self, kind: type[T]) -> T:
        found = self.parts.get(kind)
        if not isinstance(found, kind):
            raise LookupError(f"no {kind.__name__} among the features assembled")
        return found


# The event being handled ----------------------------------------------------------------------


@dataclass
class Ctx:
    services: Services
    item: InboxItem
    room_kind: RoomKind
    event: Event = field(default_factory=lambda: Text("m.text", ""))
    text: str = ""  # the message with any leading mention of the bot removed
    args: str = ""  # for commands: what follows the command name
    command: CommandInfo | None = None

    @property
    def room_id(self) -> str:
        return self.item.room_id

    @property
    def sender(self) -> str:
        return self.item.sender

    @property
    def event_id(self) -> str:
        return self.item.event_id

    @property
    def thread_root(self) -> str | None:
        return self.item.thread_root

    async def reply(self, markdown: str, *, notice: bool = False) -> str:
        """Send a message rendered from Markdown to the room (in the event's thread, if any)."""
        return await self.services.matrix.send_text(
            self.room_id,
            markdown,
            markdown_to_html(markdown),
            notice=notice,
            thread_root=self.item.thread_root,
        )
