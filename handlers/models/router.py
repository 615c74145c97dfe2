"""!modele: list the server's chat models (ids and aliases) and choose one per user."""

from __future__ import annotations

from bot.commands import Group, Router
from bot.context import Ctx, UserError
from bot.llm import LLMError, find_model
from handlers.models import texts

router = Router("models")

RESET_WORDS = {"defaut", "défaut", "default", "reset"}


@router.command(
    "modele",
    "modeles",
    "model",
    usage="!modele [N ou nom]",
    help="liste les modèles disponibles, ou choisit le modèle numéro N (ou par son nom)",
    group=Group.CHAT,
)
async def choose_model(ctx: Ctx) -> None:
    services = ctx.services
    try:
        models = await services.llm.list_models()
    except LLMError as exc:
        raise UserError(texts.MODELS_UNAVAILABLE) from exc
    user = await services.users.ensure(ctx.sender)
    # The configured model and the agent's choice may each be an id or an alias.
    default = services.config.llm.model
    current = user.model or default
    choice = ctx.args.strip()
    if not choice:
        lines = [texts.MODELS_HEADER, ""]
        for index, model in enumerate(models, start=1):
            lines.append(
                texts.model_line(
                    index,
                    model.id,
                    model.aliases,
                    current=model.answers_to(current),
                    default=model.answers_to(default),
                )
            )
        lines += ["", texts.MODELS_FOOTER]
        await ctx.reply("\n".join(lines))
        return
    if choice.lower() in RESET_WORDS:
        await services.users.set_model(ctx.sender, None)
        await ctx.reply(texts.MODEL_RESET)
        return
    if choice.isdigit() and 1 <= int(choice) <= len(models):
        chosen = models[int(choice) - 1]
    else:
        found = find_model(models, choice)
        if found is None:
            raise UserError(texts.unknown_model(choice))
        chosen = found
    # The id is stored (an alias may move to another model); the default stays "no choice".
    await services.users.set_model(ctx.sender, None if chosen.answers_to(default) else chosen.id)
    await ctx.reply(texts.model_chosen(chosen.id))
