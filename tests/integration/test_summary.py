"""Whole-document summaries end to end: a real Synapse, an encrypted DM, the agent attaches a
multi-page PDF and asks "Résume ce document"; the fake model reads every page (map calls), the
bot shows its progress, then the summary with page references; the tokens count in the quota."""

from __future__ import annotations

import re
from typing import Any

from devtools.agent import SeenMessage
from devtools.fake_llm import FakeLLM, estimate_tokens, last_user_message
from handlers.access.policy import access_of
from handlers.attachments import texts
from handlers.attachments.summary import covered_ranges
from tests import docgen
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_bot import open_dm

PAGES = 40
MARKERS = {
    2: "Marqueur de contrôle ALPHA : le plan de formation est obligatoire.",
    21: "Marqueur de contrôle BRAVO : la dotation est portée à trois millions.",
    39: "Marqueur de contrôle CHARLIE : le dispositif prend fin en 2030.",
}
_PAGE_TAG = re.compile(r"\[p\.\u00a0(\d+)\]")
_RANGE_TAG = re.compile(r"\[(p\.\u00a0\d+(?:–\d+)?)\]")
_MARKER = re.compile(r"Marqueur de contrôle (\w+)")
# A marker as a partial summary reports it, or the guard's placeholder for it: "Marqueur
# CHARLIE" reads like a name ("Charlie"), and the model, like a real one, repeats the
# placeholder it was given (the answer shows the words again).
_REPORTED = r"(?:Marqueur \w+|\[[A-Z_]+_\d+\]) \(p\. \d+\)\."


class SummaryModel:
    """A fake model that summarises like a real one would, traceably: a map call answers with
    the pages it read and the markers it saw; the final call lists the parts it was given."""

    def __init__(self) -> None:
        self.map_pages: list[list[int]] = []
        self.replies: list[str] = []

    def __call__(self, messages: list[dict[str, Any]]) -> str:
        system = str(messages[0].get("content", "")) if messages else ""
        user = last_user_message(messages)
        if system == texts.SUMMARY_MAP_INSTRUCTIONS:
            pages = [int(n) for n in _PAGE_TAG.findall(user)]
            self.map_pages.append(sorted(set(pages)))
            # Each passage follows its "[p. N]": the markers it holds, with that page.
            found: list[str] = []
            pieces = _PAGE_TAG.split(user)
            for page, passage in zip(pieces[1::2], pieces[2::2], strict=True):
                found += [f"Marqueur {name} (p. {page})." for name in _MARKER.findall(passage)]
            reply = f"Extrait des pages {min(pages)} à {max(pages)}. " + " ".join(
                dict.fromkeys(found)
            )
        elif system == texts.SUMMARY_MERGE_INSTRUCTIONS:
            reply = " ".join(re.findall(_REPORTED, user)) or "Rien."
        elif "<resumes>" in user:
            parts = _RANGE_TAG.findall(user)
            markers = re.findall(_REPORTED, user)
            reply = "Synthèse du document : " + " ; ".join(parts) + ". " + " ".join(markers)
        else:
            reply = f"Réponse simulée : « {user[:80]} »."
        self.replies.append(reply)
        return reply


async def test_summary_of_a_whole_pdf_in_an_encrypted_dm(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    model = SummaryModel()
    fake_llm.responder = model
    fake_llm.default_ttft = 0.1  # each call takes a moment: progress lines have time to show
    bot = await make_bot(attachments={"summary_batch_chars": 6000, "summary_parallel": 2})
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)  # encrypted, as every Tchap DM
    bodies: list[str] = []
    agent.on_update = lambda message, is_new: bodies.append(message.body)

    after = len(agent.messages(room))
    await agent.send_file(
        room,
        data=docgen.long_pdf(PAGES, markers=MARKERS),
        filename="rapport.pdf",
        mimetype="application/pdf",
    )
    await agent.wait_for_message(
        room, sender=bot.user_id, predicate=lambda m: "J'ai lu" in m.body, after=after, timeout=60
    )
    await bot.settled()
    assert bot.app is not None and bot.app.services is not None
    services = bot.app.services
    before = await access_of(services).repo.usage_since(agent.user_id, "")
    requests_before = len(fake_llm.chat_requests())

    after = len(agent.messages(room))
    await agent.send_text(room, "Résume ce document")

    def final(message: SeenMessage) -> bool:
        return message.body.startswith("Synthèse du document") and "📄 Résumé" in message.body

    answer = await agent.wait_for_message(
        room, sender=bot.user_id, predicate=final, after=after, timeout=120
    )
    await bot.settled()

    # Progress lines were shown in the answer's message before the summary replaced them.
    assert any(b.startswith("📖 Lecture de «\u00a0rapport.pdf\u00a0»") for b in bodies)
    assert any(re.match(r"📖 Lecture du document\u00a0: \d+\u00a0%…", b) for b in bodies)

    # The map calls covered every page, each page once.
    read = sorted(page for pages in model.map_pages for page in pages)
    assert read == list(range(1, PAGES + 1))
    assert len(model.map_pages) >= 5  # really several calls, not the whole text at once

    # The summary names the parts by page and carries the far-apart markers with their page.
    shown = [
        (int(a), int(b or a)) for a, b in re.findall(r"p\.\u00a0(\d+)(?:–(\d+))?", answer.body)
    ]
    assert covered_ranges(shown) == [(1, PAGES)]
    for name, page in (("ALPHA", 2), ("BRAVO", 21), ("CHARLIE", 39)):
        assert f"Marqueur {name} (p. {page})" in answer.body
    assert texts.summary_footer("rapport.pdf", PAGES, len(model.map_pages)) in answer.body

    # The final request had the partial summaries, not the first passages of the document.
    requests = fake_llm.chat_requests()[requests_before:]
    last = requests[-1]["messages"]
    assert "<resumes>" in last[-1]["content"] and "<document>" not in last[-1]["content"]

    # Quota: the agent's usage grew by every map call's and the final answer's tokens.
    spent = 0
    for request, reply in zip(requests, model.replies, strict=True):
        prompt = sum(estimate_tokens(str(m.get("content", ""))) for m in request["messages"])
        spent += prompt + estimate_tokens(reply)
    now = await access_of(services).repo.usage_since(agent.user_id, "")
    assert now.tokens - before.tokens == spent
    assert now.messages - before.messages == 2  # the reading, and the answer


async def test_summary_command_without_document_and_caption_request(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    model = SummaryModel()
    fake_llm.responder = model
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    after = len(agent.messages(room))
    await agent.send_text(room, "!resumer")
    refused = await agent.wait_for_message(room, sender=bot.user_id, after=after)
    assert refused.body == texts.no_document_to_summarise()

    # A file sent with "Résume ce document" as its caption is summarised at once.
    after = len(agent.messages(room))
    await agent.send_file(
        room,
        data=docgen.long_pdf(6, markers={5: MARKERS[21]}),
        filename="note.pdf",
        mimetype="application/pdf",
        caption="Résume ce document",
    )
    answer = await agent.wait_for_message(
        room,
        sender=bot.user_id,
        predicate=lambda m: m.body.startswith("Synthèse du document") and "📄" in m.body,
        after=after,
        timeout=60,
    )
    assert "Marqueur BRAVO (p. 5)" in answer.body
    assert sorted(p for pages in model.map_pages for p in pages) == list(range(1, 7))
