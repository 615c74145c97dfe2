"""Web lookups at dispatcher level: the real routers with a fake Matrix port, the fake model,
and the local test site on 127.0.0.1 as the search engine and the pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from devtools.web_pages import WebPages
from tests.web_helpers import loopback_only, pages

__all__ = ["loopback_only", "pages"]  # fixtures


async def test_progress_lines_then_answer_with_sources(
    tmp_path: Path, pages: WebPages, fake_llm: Any
) -> None:
    """Dispatcher level (fake Matrix port): what the agent sees change in the answer's message."""

    from bot.matrix import IncomingText
    from devtools.fake_llm import Reply
    from handlers.web import texts
    from tests.harness import dispatcher_config, fake_matrix, running_dispatcher

    pages.search_results = [
        {"url": pages.url(f"/page/{i}"), "title": f"P{i}", "content": ""} for i in (1, 2)
    ]
    config = dispatcher_config(
        tmp_path,
        fake_llm.base_url,
        llm={"edit_interval": 0.1},
        web={"provider": "searxng", "base_url": pages.base_url, "allow_private_addresses": True},
        privacy={"ner": "off"},  # spaCy's load time is not what this test is about
        access={"auto_approve_homeservers": ["x"]},
    )
    async with running_dispatcher(config, tmp_path / "db.sqlite3") as dispatcher:
        matrix = fake_matrix(dispatcher)
        fake_llm.enqueue(Reply(text="Réponse [1] [2]."))
        await dispatcher.on_text(
            IncomingText(
                "!r", "$q1", "@a:x", "m.text", "!web Télétravail ?", None, 0, False, 2, True
            )
        )
        dispatcher.flush_kicks()
        await dispatcher.drained()
        [message] = matrix.in_room("!r")
        assert message.body == texts.web_searching("Télétravail ?")
        assert message.edits[0][0] == texts.web_reading(2)
        final = message.final_body
        assert final.startswith("Réponse [1] [2].\n\n**Sources**\n- [1] [Page numéro 1](")
        assert texts.source_line(2, "Page numéro 2", "127.0.0.1", pages.url("/page/2")) in final
        # The page's own text never reaches the router: no command ran, nothing else fetched.
        assert len(matrix.sent) == 1
        # Identifiers in the question are left out of what the search engine receives.
        fake_llm.enqueue(Reply(text="Réponse."))
        question = "!web télétravail de jean.dupont@interieur.gouv.fr au 06 12 34 56 78"
        await dispatcher.on_text(
            IncomingText("!r", "$q2", "@a:x", "m.text", question, None, 0, False, 2, True)
        )
        dispatcher.flush_kicks()
        await dispatcher.drained()
        sent_query = pages.search_queries[-1]["q"]
        assert sent_query.startswith("télétravail de")
        assert "dupont" not in sent_query and "56 78" not in sent_query
        # An engine failing still gets the agent an answer, saying the web was not searched.
        pages.search_fails = True
        fake_llm.enqueue(Reply(text="Réponse sans le web."))
        await dispatcher.on_text(
            IncomingText("!r", "$q3", "@a:x", "m.text", "!web Quoi ?", None, 0, False, 2, True)
        )
        dispatcher.flush_kicks()
        await dispatcher.drained()
        last = matrix.in_room("!r")[-1].final_body
        assert last == "Réponse sans le web.\n\n" + texts.WEB_SEARCH_FAILED
