"""Charts of !stats and !survey results end to end: the real bot and Synapse, the encrypted
support room, PNGs uploaded encrypted and downloaded and decrypted as a Tchap client would."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from bot.charts import ChartRenderer, png_size
from devtools.agent import AgentClient, SeenMessage
from devtools.fake_llm import FakeLLM, Reply
from handlers.stats import texts as stats_texts
from handlers.surveys import texts as surveys_texts
from tests.conftest import BotHandle, MakeAgent, MakeBot
from tests.integration.test_bot import ask, open_dm
from tests.integration.test_privacy import download, send_and_wait

SURVEYS = Path(__file__).parents[1] / "data" / "surveys"


async def _support_and_bot(
    make_agent: MakeAgent, make_bot: MakeBot
) -> tuple[AgentClient, AgentClient, str, BotHandle]:
    staff, alice = await asyncio.gather(make_agent("staff"), make_agent("alice"))
    support = await staff.create_group([], name="Support et retours")
    bot = await make_bot(
        start=False,
        support={"room": support, "admins": [staff.user_id]},
        surveys={"dir": str(SURVEYS), "active_days": 0, "send_rate": 20},
    )
    await staff.client.room_invite(support, bot.user_id)
    await bot.start()
    await staff.wait_member(support, bot.user_id)
    return staff, alice, support, bot


async def _image_after(staff: AgentClient, support: str, text: SeenMessage) -> SeenMessage:
    after = staff.messages(support).index(text) + 1
    return await staff.wait_for_message(
        support, predicate=lambda m: m.msgtype == "m.image", after=after, timeout=60
    )


async def _check_png(staff: AgentClient, image: SeenMessage) -> bytes:
    assert image.encrypted and "file" in image.content and "url" not in image.content
    info = image.content["info"]
    data = await download(staff, image)
    assert info["mimetype"] == "image/png" and info["size"] == len(data)
    assert png_size(data) == (info["w"], info["h"]) == (1000, 500)
    assert image.content["filename"].endswith(".png")
    assert image.body.startswith("Graphique")  # the text alternative, as the caption
    _keep(image.content["filename"], data)
    return data


def _keep(filename: str, data: bytes) -> None:
    """Into $CHARTS_TEST_OUTPUT, when set: a folder to look at the charts drawn here."""
    folder = os.environ.get("CHARTS_TEST_OUTPUT")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / filename).write_bytes(data)


async def test_stats_and_survey_results_post_an_encrypted_png_after_the_text(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    staff, alice, support, bot = await _support_and_bot(make_agent, make_bot)
    alice_room = await open_dm(alice, bot)
    fake_llm.enqueue(Reply(text="Réponse pour Alice."))
    answer = await ask(alice, alice_room, "Bonjour", "Réponse pour Alice.")
    await alice.react(alice_room, answer.event_id, "👍")
    await bot.settled()

    stats = await send_and_wait(staff, support, "!stats 7j", lambda m: "Statistiques" in m.body)
    image = await _image_after(staff, support, stats)
    assert image.content["filename"].endswith("-7j.png")
    await _check_png(staff, image)

    await staff.send_text(support, "!survey send mensuel-test tous")
    await staff.wait_for_text(support, "terminé")
    first = await alice.wait_for_text(alice_room, "Question 1/5")
    await alice.react(alice_room, first.event_id, "4️⃣")
    await alice.wait_for_text(alice_room, "Question 2/5")
    results = await send_and_wait(
        staff, support, "!survey results mensuel-test", lambda m: "Résultats" in m.body
    )
    assert "Envoyés : 1" in results.body  # the text version, whole
    image = await _image_after(staff, support, results)
    assert image.content["filename"] == "sondage-mensuel-test.png"
    await _check_png(staff, image)


async def test_a_chart_worker_that_hangs_or_dies_leaves_the_text_and_a_short_note(
    make_agent: MakeAgent, make_bot: MakeBot
) -> None:
    staff, _, support, bot = await _support_and_bot(make_agent, make_bot)
    assert bot.app is not None and bot.app.services is not None
    services = bot.app.services
    services.charts = ChartRenderer(
        timeout=2.0, command=(sys.executable, "-c", "import time; time.sleep(120)")
    )
    start = len(staff.messages(support))
    stats = await send_and_wait(staff, support, "!stats", lambda m: "Statistiques" in m.body)
    note = await staff.wait_for_message(
        support, predicate=lambda m: m.body == stats_texts.CHART_FAILED, after=start
    )
    assert note.msgtype == "m.notice"
    assert staff.messages(support).index(stats) < staff.messages(support).index(note)

    services.charts = ChartRenderer(command=(sys.executable, "-c", "import os; os._exit(3)"))
    start = len(staff.messages(support))
    results = await send_and_wait(
        staff, support, "!survey results mensuel-test", lambda m: "Résultats" in m.body
    )
    await staff.wait_for_message(
        support, predicate=lambda m: m.body == surveys_texts.CHART_FAILED, after=start
    )
    assert "Envoyés : 0" in results.body
    assert not [m for m in staff.messages(support)[start:] if m.msgtype == "m.image"]
