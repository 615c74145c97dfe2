"""!modele: list the server's text models and choose one per user."""

from __future__ import annotations

from bot.commands import Router
from bot.context import Ctx, UserError
from bot.llm import LLMError
from handlers.models import texts

router = Router("models")

RESET_WORDS = {"defaut", "défaut", "default", "reset"}


@router.command(
    "modele",
    "model",
    usage="!modele [N]",
    help="liste les modèles disponibles, ou choisit le modèle numéro N",
)
async def choose_model(ctx: Ctx) -> None:
    services = ctx.services
    try:
        models = await services.llm.list_models()
    except LLMError as exc:
        raise UserError(texts.MODELS_UNAVAILABLE) from exc
    user = await services.users.ensure(ctx.sender)
    default = services.config.llm.model
    current = user.model or default
    choice = ctx.args.strip()
    if not choice:
        lines = [texts.MODELS_HEADER, ""]
        for index, model in enumerate(models, start=1):
            lines.append(
                texts.model_line(index, model.id, model.id == current, model.id == default)
            )
        lines += ["", texts.MODELS_FOOTER]
        await ctx.reply("\n".join(lines))
        return
    if choice.lower() in RESET_WORDS:
        await services.users.set_model(ctx.sender, None)
        await ctx.reply(texts.MODEL_RESET)
        return
    chosen = None
    if choice.isdigit() and 1 <= int(choice) <= len(models):
        chosen = models[int(choice) - 1].id
    else:
        chosen = next((m.id for m in models if m.id.lower() == choice.lower()), None)
    if chosen is None:
        raise UserError(texts.unknown_model(choice))
    await services.users.set_model(ctx.sender, None if chosen == default else chosen)
    await ctx.reply(texts.model_chosen(chosen))
