"""What a handler receives: the event being handled and the services, behind typed interfaces."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from bot.config import Config
from bot.llm import LLMClient
from bot.llm_queue import FairQueue
from bot.metrics import Metrics
from bot.render import markdown_to_html
from handlers.attachments.extract import ExtractionError, Extractor, Limits
from handlers.attachments.media_ai import MediaAI
from handlers.privacy.pii import PiiDetector
from handlers.web.fetch import FetchError
from handlers.web.service import WebService
from storage.access import AccessRepository
from storage.conversations import ConversationRepository
from storage.db import Database
from storage.documents import DocumentRepository
from storage.feedback import FeedbackRepository
from storage.inbox import InboxItem, InboxRepository, StateRepository
from storage.instructions import InstructionsRepository
from storage.privacy import PrivacyRepository
from storage.stats import StatsRepository
from storage.surveys import SurveyRepository
from storage.users import RoomRepository, UserRepository
from storage.web import WebRepository

if TYPE_CHECKING:
    from bot.commands import Command, TurnHook
    from handlers.surveys.rounds import SurveyRounds


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

    async def set_typing(self, room_id: str, typing: bool, timeout_ms: int = 30_000) -> None: ...

    async def send_file(
        self,
        room_id: str,
        data: bytes,
        filename: str,
        mimetype: str,
        *,
        msgtype: str = "m.file",
        thread_root: str | None = None,
    ) -> str: ...

    async def power_level(self, room_id: str, user_id: str) -> int: ...
    # Attachments (issue 4): raises bot.matrix.MediaError.
    async def download(self, media: dict[str, Any], max_bytes: int, timeout: float) -> bytes: ...


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
    # Access (issue 3): statuses, audit, usage; the fair queue in front of the model; a way
    # for a handler to have a room's pending events answered (set by the dispatcher).
    access: AccessRepository = field(init=False)
    llm_queue: FairQueue = field(init=False)
    wake_room: Callable[[str], None] = lambda room_id: None

    async def is_admin(self, user_id: str) -> bool:
        """Listed in support.admins, or with enough power in the support room."""
        if user_id in self.config.support.admins:
            return True
        if not self.support_room_id:
            return False
        level = await self.matrix.power_level(self.support_room_id, user_id)
        return level >= self.config.access.admin_power_level

    # Web lookups (issue 5): page fetcher and search provider; agents' choices and sources.
    web: WebService = field(init=False)
    web_sources: WebRepository = field(init=False)
    # Attachments (issue 4): documents, the extraction worker pool, OCR and transcription.
    documents: DocumentRepository = field(init=False)
    extractor: Extractor = field(init=False)
    media_ai: MediaAI = field(init=False)
    # Conversations (issue 9): standing instructions; side tasks (a generated title) run
    # outside the answer through the dispatcher's spawn (None: awaited in place).
    instructions: InstructionsRepository = field(init=False)
    spawn: Callable[[Coroutine[Any, Any, Any]], None] | None = None
    # Experimentation (issue 6): surveys and their rounds, feedback, statistics.
    surveys: SurveyRepository = field(init=False)
    survey_rounds: SurveyRounds = field(init=False)
    feedback: FeedbackRepository = field(init=False)
    stats: StatsRepository = field(init=False)
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
        self.access = AccessRepository(self.db)
        limits = self.config.limits
        self.llm_queue = FairQueue(limits.max_concurrent_requests, limits.max_queued_requests)
        self.web = WebService(self.config.web)
        self.web_sources = WebRepository(self.db)
        attachments = self.config.attachments
        self.documents = DocumentRepository(self.db)
        self.extractor = Extractor(  # its worker processes start with the first file
            Limits(
                max_pages=attachments.max_pages,
                max_chars=attachments.max_chars,
                max_uncompressed=int(attachments.max_uncompressed_mb * 1024 * 1024),
                max_ratio=attachments.max_compression_ratio,
            ),
            timeout=attachments.extraction_timeout,
            workers=attachments.extraction_workers,
            memory_mb=attachments.extraction_memory_mb,
        )
        self.media_ai = MediaAI(self.config.llm, attachments)
        self.web.fetcher.pdf_extractor = self._pdf_text  # PDFs behind links, same limits
        self.instructions = InstructionsRepository(self.db)
        from handlers.surveys.rounds import SurveyRounds

        self.surveys = SurveyRepository(self.db)
        self.survey_rounds = SurveyRounds(self)
        self.feedback = FeedbackRepository(self.db)
        self.stats = StatsRepository(self.db)

    async def _pdf_text(self, data: bytes) -> str:
        try:
            extracted = await self.extractor.extract(data, "pdf")
        except ExtractionError as exc:
            raise FetchError("unreadable_pdf", exc.reason) from exc
        if extracted.needs_ocr:
            raise FetchError("unreadable_pdf", "scan")
        return extracted.text


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
        """Send a message rendered from Markdown to the room (in the event's thread, if any)."""
        return await self.services.matrix.send_text(
            self.room_id,
            markdown,
            markdown_to_html(markdown),
            notice=notice,
            thread_root=self.item.thread_root,
        )
