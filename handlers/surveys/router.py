"""Surveys: staff commands (!survey …), the agent's answers in the DM, !passer/!plus-tard/!stop.

While a survey is in progress for the agent in their DM, the intercept takes plain replies (and
digit reactions on the question) as answers; commands still work.
"""

from __future__ import annotations

import asyncio
import json
import logging
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from bot import texts as bot_texts
from bot.charts import post_charts
from bot.commands import SUPPORT_ROOM, USER_ROOMS, Group, Router, parse_switch
from bot.context import Ctx, UserError
from bot.csvfile import csv_bytes
from bot.events import File, MediaError, Reaction, Text
from bot.tchap_ids import leading_user_ids
from handlers.surveys import texts
from handlers.surveys.charts import results_charts
from handlers.surveys.config import SurveysConfig
from handlers.surveys.definitions import (
    InvalidAnswer,
    Survey,
    SurveyError,
    parse_answer,
    preview,
    reaction_text,
    render_question,
)
from handlers.surveys.rounds import SurveyRounds
from storage.stats import ministry
from storage.surveys import Send, SendStatus, SurveyRepository

log = logging.getLogger(__name__)

router = Router("surveys")


@dataclass(frozen=True)
class Surveys:
    """The surveys feature's own services."""

    config: SurveysConfig
    repo: SurveyRepository
    rounds: SurveyRounds


def surveys_of(ctx: Ctx) -> Surveys:
    return ctx.services.part(Surveys)


# Answering ------------------------------------------------------------------------------


async def _ask(ctx: Ctx, send: Send, survey: Survey, position: int, prefix: str = "") -> None:
    body = render_question(survey, position)
    event_id = await ctx.reply(f"{prefix}\n\n{body}" if prefix else body)
    await surveys_of(ctx).repo.set_question_event(send.id, event_id)


async def _advance(
    ctx: Ctx, send: Send, survey: Survey, value: Any, *, text: str | None, skipped: bool
) -> None:
    """Record the current question's answer, then ask the next one or thank the agent."""
    question = survey.questions[send.position]
    last = send.position + 1 >= len(survey.questions)
    await surveys_of(ctx).repo.record_answer(
        send,
        question.id,
        value,
        text=text,
        skipped=skipped,
        last=last,
        event_id=ctx.item.event_id,
    )
    log.info(
        "survey %s: send %d answered question %d%s",
        send.survey_id,
        send.id,
        send.position + 1,
        " (skipped)" if skipped else "",
    )
    await _next(ctx, send, survey, send.position + 1)


async def _next(ctx: Ctx, send: Send, survey: Survey, position: int) -> None:
    if position >= len(survey.questions):
        await ctx.reply(texts.SURVEY_THANKS)
    else:
        await _ask(ctx, send, survey, position)


async def _current(ctx: Ctx) -> tuple[Send, Survey] | None:
    if ctx.room_kind != "dm":
        return None
    send = await surveys_of(ctx).repo.current(ctx.sender, ctx.room_id)
    if send is None:
        return None
    survey = await surveys_of(ctx).rounds.definition(send.survey_id)
    if survey is None or send.position >= len(survey.questions):
        await surveys_of(ctx).repo.stop(send.id)
        return None
    return send, survey


@router.intercept
async def survey_reply(ctx: Ctx) -> bool:
    """A reply while the agent's survey is in progress is an answer, not a question."""
    if ctx.room_kind != "dm" or ctx.command is not None:
        return False
    found = await _current(ctx)
    if found is None:
        return False
    send, survey = found
    reply = ctx.text
    if isinstance(ctx.event, Reaction):
        if ctx.event.relates_to != send.question_event_id:
            return False  # a reaction on something else: feedback, maybe
        reply = reaction_text(ctx.event.key) or ""
    elif not isinstance(ctx.event, Text):
        await ctx.reply(texts.SURVEY_NON_TEXT + "\n\n" + render_question(survey, send.position))
        return True
    if await surveys_of(ctx).repo.answered_by(send.id, ctx.item.event_id):
        # Answered before a restart, the next question maybe not shown: show it.
        await _next(ctx, send, survey, send.position)
        return True
    question = survey.questions[send.position]
    try:
        value = parse_answer(question, reply)
    except InvalidAnswer as exc:
        log.info("survey %s: send %d got an invalid answer", send.survey_id, send.id)
        await _ask(ctx, send, survey, send.position, texts.survey_invalid(str(exc)))
        return True
    if question.kind == "text":
        assert isinstance(value, str)
        await _advance(ctx, send, survey, None, text=value, skipped=False)
    else:
        await _advance(ctx, send, survey, value, text=None, skipped=False)
    return True


@router.command(
    "passer",
    "skip",
    usage="!passer",
    help="questionnaire : passe la question facultative en cours",
    where=USER_ROOMS,
    group=Group.SURVEYS,
)
async def skip(ctx: Ctx) -> None:
    found = await _current(ctx)
    if found is None:
        raise UserError(texts.SURVEY_NONE)
    send, survey = found
    if not survey.questions[send.position].optional:
        await _ask(ctx, send, survey, send.position, texts.SURVEY_NOT_OPTIONAL)
        return
    await _advance(ctx, send, survey, None, text=None, skipped=True)


@router.command(
    "plus-tard",
    "later",
    usage="!plus-tard",
    help="questionnaire : le reporter (un rappel, une seule fois)",
    where=USER_ROOMS,
    group=Group.SURVEYS,
)
async def later(ctx: Ctx) -> None:
    found = await _current(ctx)
    if found is None:
        raise UserError(texts.SURVEY_NONE)
    send, _ = found
    services = ctx.services
    if send.reminded:
        await surveys_of(ctx).repo.stop(send.id)
        await ctx.reply(texts.SURVEY_POSTPONED_FINAL)
        return
    hours = surveys_of(ctx).config.reminder_hours
    await surveys_of(ctx).repo.postpone(
        send.id, surveys_of(ctx).rounds.reminder_at(services.clock(), hours)
    )
    log.info("survey %s: send %d postponed for %.1f h", send.survey_id, send.id, hours)
    await ctx.reply(texts.SURVEY_POSTPONED)


@router.command(
    "stop",
    usage="!stop",
    help="arrête la réponse en cours d'écriture\u00a0; sinon, abandonne le questionnaire en cours",
    where=USER_ROOMS,
    group=Group.CHAT,  # first of all, it stops an answer
)
async def stop(ctx: Ctx) -> None:
    # An answer streaming was stopped on the stop's arrival (bot.dispatcher): here, none was.
    found = await _current(ctx)
    if found is None:
        raise UserError(bot_texts.NOTHING_TO_STOP)
    send, _ = found
    await surveys_of(ctx).repo.stop(send.id)
    log.info("survey %s: send %d stopped by the agent", send.survey_id, send.id)
    await ctx.reply(texts.SURVEY_STOPPED)


@router.command(
    "sondages",
    "surveys",
    usage="!sondages [activer|desactiver]",
    help="recevoir ou non les questionnaires mensuels",
    where=USER_ROOMS,
    group=Group.SURVEYS,
)
async def opt_out(ctx: Ctx) -> None:
    choice = ctx.args.strip().lower()
    switch = parse_switch(choice)
    repo = surveys_of(ctx).repo
    if switch is False:
        await repo.set_opt_out(ctx.sender, True)
        found = await _current(ctx)
        if found is not None:
            await repo.stop(found[0].id)
        await ctx.reply(texts.SURVEYS_OFF)
    elif switch is True:
        await repo.set_opt_out(ctx.sender, False)
        await ctx.reply(texts.SURVEYS_ON)
    elif not choice:
        await ctx.reply(texts.surveys_status(await repo.is_opted_out(ctx.sender)))
    else:
        raise UserError(texts.SURVEYS_USAGE)


# Staff ----------------------------------------------------------------------------------


@router.command(
    "survey",
    "sondage",
    usage="!survey list|add (TOML)|show ID|send ID tous|@agent…|close ID|results ID|export ID",
    help="questionnaires : lister, prévisualiser, envoyer, clore, résultats, export CSV",
    where=SUPPORT_ROOM,
    admin=True,
    group=Group.SURVEYS,
)
async def survey_admin(ctx: Ctx) -> None:
    parts = ctx.args.split()
    action = parts[0].lower() if parts else ""
    services = ctx.services
    if action in ("list", "liste"):
        surveys = await surveys_of(ctx).repo.all()
        if not surveys:
            await ctx.reply(texts.SURVEY_LIST_EMPTY)
            return
        await ctx.reply(
            "\n".join(
                texts.survey_list_line(
                    s.id,
                    s.title,
                    s.version,
                    s.origin,
                    s.sent,
                    s.completed,
                    s.closed_at is not None,
                )
                for s in surveys
            )
        )
        return
    if action in ("add", "ajouter"):
        await _add(ctx, ctx.args.split(None, 1)[1] if len(parts) > 1 else "")
        return
    if action not in ("show", "send", "close", "results", "export") or len(parts) < 2:
        raise UserError(texts.SURVEY_ADMIN_USAGE)
    survey_id = parts[1]
    stored = await surveys_of(ctx).repo.get(survey_id)
    survey = await surveys_of(ctx).rounds.definition(survey_id)
    if stored is None or survey is None:
        raise UserError(texts.survey_unknown(survey_id))
    if action == "show":
        await ctx.reply(preview(survey))
    elif action == "send":
        if stored.closed_at is not None:
            raise UserError(texts.survey_closed_already(survey_id))
        users = recipients(parts[2:])
        await surveys_of(ctx).rounds.start_round(
            survey_id, origin="command", requested_by=ctx.sender, only=users
        )
    elif action == "close":
        interrupted = await surveys_of(ctx).repo.close(survey_id)
        log.info("survey %s closed by %s", survey_id, ctx.sender)
        await ctx.reply(texts.survey_closed(survey_id, interrupted))
    elif action == "results":
        sends = await surveys_of(ctx).repo.sends_of(survey_id)
        answers = await surveys_of(ctx).repo.answers_of(survey_id)
        await ctx.reply(results_text(survey, sends, answers))
        charts = results_charts(survey, answers)  # after the text, which never waits for them
        if charts:
            await post_charts(ctx, charts, texts.CHART_FAILED)
    else:
        sends = await surveys_of(ctx).repo.sends_of(survey_id)
        answers = await pseudonymised_answers(
            ctx, await surveys_of(ctx).repo.answers_of(survey_id)
        )
        data = await asyncio.to_thread(export_csv, survey, sends, answers)
        await services.matrix.send_file(ctx.room_id, data, f"sondage-{survey_id}.csv", "text/csv")
        log.info("survey %s exported by %s (%d sends)", survey_id, ctx.sender, len(sends))
        await ctx.reply(texts.SURVEY_EXPORT_DONE)


EVERYONE = ("tous", "toutes", "all", "everyone")


def recipients(words: list[str]) -> list[str] | None:
    """The agents a round is sent to: named ones, or None for every eligible agent, which
    must be asked for in words (a name that does not parse never widens a round)."""
    if len(words) == 1 and words[0].lower() in EVERYONE:
        return None
    if not words:
        raise UserError(texts.SURVEY_SEND_WHO)
    ids, rest = leading_user_ids(" ".join(words))
    if rest:
        raise UserError(texts.survey_bad_recipient(rest.split()[0]))
    return ids


async def _add(ctx: Ctx, pasted: str) -> None:
    """A definition pasted after `!survey add` (a ```toml block or bare TOML)."""
    source = pasted.strip()
    if source.startswith("```"):
        source = source.split("\n", 1)[1] if "\n" in source else ""
        source = source.rsplit("```", 1)[0]
    try:
        survey = await surveys_of(ctx).rounds.add_uploaded(source)
    except SurveyError as exc:
        log.info("survey definition from %s refused", ctx.sender)
        await ctx.reply(texts.survey_upload_bad(str(exc)))
        return
    log.info("survey %s (v%d) added by %s", survey.id, survey.version, ctx.sender)
    await ctx.reply(texts.survey_upload_ok(survey.id, survey.title, len(survey.questions)))


SURVEY_FILE_MAX_BYTES = 256 * 1024


@router.message(
    when=lambda ctx: isinstance(ctx.event, File) and ctx.event.msgtype == "m.file",
    where=SUPPORT_ROOM,
)
async def uploaded_survey(ctx: Ctx) -> None:
    """A survey definition (.toml) dropped in the support room by staff; other files ignored."""
    assert isinstance(ctx.event, File)
    media = ctx.event.media
    filename = str((media or {}).get("filename") or "")
    if media is None or not filename.lower().endswith(".toml"):
        return  # a screenshot or a note shared among staff: not for the bot
    if not await ctx.services.is_admin(ctx.sender):
        log.warning("survey file from non-admin %s in %s refused", ctx.sender, ctx.room_id)
        raise UserError(bot_texts.COMMAND_ADMINS_ONLY)
    try:
        data = await ctx.services.matrix.download(media, SURVEY_FILE_MAX_BYTES, 30.0)
        source = data.decode("utf-8")
    except MediaError as exc:
        log.info("survey file from %s not downloaded: %s", ctx.sender, exc.reason)
        raise UserError(texts.survey_upload_bad(texts.SURVEY_FILE_UNREADABLE)) from exc
    except UnicodeDecodeError as exc:
        raise UserError(texts.survey_upload_bad(texts.SURVEY_FILE_NOT_TEXT)) from exc
    await _add(ctx, source)


def _option(survey: Survey, question_id: str, index: int) -> str:
    question = survey.question(question_id)
    if question is None or not 1 <= index <= len(question.options):
        return str(index)
    return question.options[index - 1]


def _rate(done: int, sent: int) -> str:
    return f"{done}/{sent} ({100 * done / sent:.0f} %)" if sent else "0/0"


def results_text(survey: Survey, sends: list[Send], answers: list[dict[str, Any]]) -> str:
    """Counts, means and distributions per question, response rate overall and per ministry."""
    sent = [s for s in sends if s.sent_at is not None]
    completed = [s for s in sent if s.status == SendStatus.COMPLETED]
    started = {a["send_id"] for a in answers}
    lines = [
        f"{texts.SURVEY_RESULTS_HEADER} — `{survey.id}` « {survey.title} »",
        "",
        f"Envoyés : {len(sent)} · commencés : {len(started)} · "
        f"réponses complètes : {_rate(len(completed), len(sent))}",
        "",
    ]
    by_question: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for answer in answers:
        by_question[answer["question_id"]].append(answer)
    for number, question in enumerate(survey.questions, start=1):
        rows = by_question.get(question.id, [])
        given = [json.loads(r["value"]) for r in rows if not r["skipped"] and r["value"]]
        skipped = sum(1 for r in rows if r["skipped"])
        head = f"**{number}. {question.text}** — {len(rows) - skipped} réponse(s)"
        if skipped:
            head += f", {skipped} passée(s)"
        lines.append(head)
        if question.kind == "scale" and given:
            assert question.min is not None and question.max is not None
            counts = Counter(int(v) for v in given)
            spread = " · ".join(
                f"{v} : {counts.get(v, 0)}" for v in range(question.min, question.max + 1)
            )
            lines.append(f"moyenne {statistics.fmean(given):.2f} — {spread}")
        elif question.kind in ("choice", "multi") and rows:
            counts = Counter()
            for value in given:
                for index in value if isinstance(value, list) else [value]:
                    counts[int(index)] += 1
            lines.append(
                " · ".join(
                    f"{option} : {counts.get(i, 0)}"
                    for i, option in enumerate(question.options, start=1)
                )
            )
        elif question.kind == "yesno" and rows:
            yes = sum(1 for v in given if v is True)
            lines.append(f"{texts.YES} : {yes} · {texts.NO} : {len(given) - yes}")
        lines.append("")
    per: dict[str, list[Send]] = defaultdict(list)
    for send in sent:
        per[ministry(send.homeserver, send.domain)].append(send)
    if per:
        lines.append("| ministère | envoyés | réponses complètes |")
        lines.append("| --- | --- | --- |")
        for key in sorted(per):
            group = per[key]
            done = sum(1 for s in group if s.status == SendStatus.COMPLETED)
            lines.append(f"| {key} | {len(group)} | {_rate(done, len(group))} |")
    return "\n".join(lines).rstrip()


def export_csv(survey: Survey, sends: list[Send], answers: list[dict[str, Any]]) -> bytes:
    """One row per agent asked, numbered (no Matrix id), one column per question."""
    by_send: dict[int, dict[str, str]] = defaultdict(dict)
    for answer in answers:
        question = survey.question(answer["question_id"])
        if answer["skipped"]:
            cell = ""
        elif question is not None and question.kind == "text":
            cell = answer["text"] or ""  # erased by !oublier: empty
        else:
            value = json.loads(answer["value"]) if answer["value"] else None
            if isinstance(value, bool):
                cell = texts.YES if value else texts.NO
            elif isinstance(value, list):
                cell = "; ".join(_option(survey, answer["question_id"], int(v)) for v in value)
            elif question is not None and question.kind == "choice" and value is not None:
                cell = _option(survey, answer["question_id"], int(value))
            else:
                cell = "" if value is None else str(value)
        by_send[answer["send_id"]][answer["question_id"]] = cell
    header = ["respondent", "homeserver", "domain", "status", "sent_at"]
    return csv_bytes(
        [*header, *[q.id for q in survey.questions]],
        (
            [
                number,
                send.homeserver,
                send.domain,
                send.status,
                send.sent_at,
                *[by_send.get(send.id, {}).get(q.id, "") for q in survey.questions],
            ]
            for number, send in enumerate(sends, start=1)
        ),
    )


async def pseudonymised_answers(ctx: Ctx, answers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The answers with their free text pseudonymised by the privacy guard (staff read them)."""
    free = [i for i, a in enumerate(answers) if a.get("text")]
    if not free:
        return answers
    cleaned = await ctx.services.extensions.guard.pseudonymise([answers[i]["text"] for i in free])
    out = [dict(a) for a in answers]
    for index, text in zip(free, cleaned, strict=True):
        out[index]["text"] = text
    return out
