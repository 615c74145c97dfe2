"""Reasoning models on a real Synapse, in an encrypted DM: the thinking (`<think>` cut across
chunks, or a `reasoning_content` field) never shows in any edit the agent receives, a progress
line does while the model thinks, the next request's history holds no thinking; with
`!reflexion afficher` the thinking comes folded (`<details>`) after the answer."""

from __future__ import annotations

from bot import texts
from devtools.agent import AgentClient
from devtools.fake_llm import FakeLLM, Reply
from handlers.chat import texts as chat_texts
from tests.conftest import MakeAgent, MakeBot
from tests.integration.test_bot import ask, open_dm

THINKING = (
    "L'agent demande la date limite. Je relis la circulaire de mars, puis je vérifie "
    "l'annexe deux avant de conclure sur le quinze avril."
)
SECRET_WORDS = ("circulaire", "annexe", "think")


class Watch:
    """Every body the agent's client showed (each edit applied), recorded after every event
    while waiting for `until` to show."""

    def __init__(self, agent: AgentClient, room: str) -> None:
        self.agent, self.room = agent, room
        self.seen: set[str] = set()

    async def until(self, body: str, after: int) -> None:
        def check() -> bool:
            current = self.agent.messages(self.room)[after:]
            self.seen.update(m.body for m in current)
            return any(m.body == body for m in current)

        await self.agent.wait_until(check, timeout=60)


async def test_thinking_never_streams_raw_and_stays_out_of_the_history(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    fake_llm.enqueue(
        # Slow enough for the progress line to show while the model thinks.
        Reply(text="Le 15 avril.", reasoning=THINKING, tokens_per_second=8),
        Reply(
            text="Oui, le 15 avril.",
            reasoning=THINKING,
            reasoning_shape="reasoning_content",
            tokens_per_second=8,
        ),
    )
    watch = Watch(agent, room)
    after = len(agent.messages(room))
    await agent.send_text(room, "Quelle est la date limite ?")
    await watch.until("Le 15 avril.", after)
    after = len(agent.messages(room))
    await agent.send_text(room, "Tu es sûr ?")
    await watch.until("Oui, le 15 avril.", after)
    seen = watch.seen
    assert texts.THINKING in seen
    assert not any(word in body for body in seen for word in SECRET_WORDS)
    second = fake_llm.chat_requests()[-1]["messages"]
    assert [m["content"] for m in second if m["role"] == "assistant"] == ["Le 15 avril."]
    assert not any(word in str(m["content"]) for m in second for word in SECRET_WORDS)


async def test_thinking_folded_on_request(
    make_agent: MakeAgent, make_bot: MakeBot, fake_llm: FakeLLM
) -> None:
    bot = await make_bot()
    agent = await make_agent("agent")
    room = await open_dm(agent, bot)
    await ask(agent, room, "!reflexion afficher", chat_texts.REASONING_SHOWN)
    fake_llm.enqueue(Reply(text="Le 15 avril.", reasoning=THINKING, reasoning_shape="mistral"))
    after = len(agent.messages(room))
    await agent.send_text(room, "Quelle est la date limite ?")
    folded = await agent.wait_for_message(
        room, predicate=lambda m: texts.REASONING_SUMMARY in m.body, after=after, timeout=60
    )
    assert folded.encrypted and folded.msgtype == "m.notice"
    assert folded.formatted_body is not None
    assert folded.formatted_body.startswith("<details><summary>")
    assert "circulaire" in folded.formatted_body
    assert all(line.startswith(">") for line in folded.body.splitlines())
    answer = [m for m in agent.messages(room)[after:] if m.body == "Le 15 avril."]
    assert answer and answer[0].first_seen <= folded.first_seen
