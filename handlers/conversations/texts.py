"""What the conversations feature says to people, in French (typography: non-breaking spaces
before ! ? : ; and inside « »)."""

from __future__ import annotations

NEW_CONVERSATION = "🆕 Nouvelle conversation. Posez votre question !"


NO_HISTORY = "Vous n'avez pas encore de conversation enregistrée."


HISTORY_HEADER = "**Vos conversations récentes**"


HISTORY_FOOTER = "Tapez `!reprendre N` pour reprendre la conversation numéro N."


CURRENT_MARK = " *(en cours)*"


def history_line(index: int, title: str, when: str, count: int, current: bool) -> str:
    messages = "message" if count == 1 else "messages"
    mark = CURRENT_MARK if current else ""
    return f"{index}. **{title}** — {when}, {count} {messages}{mark}"


def resumed(title: str, count: int) -> str:
    return f"↩️ Reprise de la conversation « {title} » ({count} messages). Je vous écoute."


def bad_conversation_number(n_max: int) -> str:
    if n_max == 0:
        return NO_HISTORY
    return f"Indiquez un numéro entre 1 et {n_max}, tel qu'affiché par `!historique`."


THREAD_MARK = " 🧵 *(fil de discussion)*"


def thread_history_line(index: int, title: str, when: str, count: int, current: bool) -> str:
    return history_line(index, title, when, count, current) + THREAD_MARK


def resumed_thread(title: str, count: int) -> str:
    return (
        f"↩️ Reprise de la conversation du fil « {title} » ({count} messages) : elle continue "
        "ici, dans la discussion principale (le fil reste utilisable). Je vous écoute."
    )


# A reply to one of the bot's messages
def replied_message(text: str) -> str:
    quoted = "\n".join("> " + line for line in text.splitlines())
    return f"L'agent répond à ce message précédent de l'assistant :\n{quoted}"


# Titles
TITLE_PROMPT = (
    "Tu donnes un titre à une conversation entre un agent public et un assistant. "
    "Réponds uniquement par le titre : en français, au plus 60 caractères, sans guillemets, "
    "sans point final, sans données personnelles."
)


def title_request(question: str, answer: str) -> str:
    return f"Question de l'agent :\n{question}\n\nRéponse de l'assistant :\n{answer}"


TITRE_USAGE = "Utilisation : `!titre <nouveau titre>` (60 caractères au plus)."


NO_CONVERSATION_TO_TITLE = (
    "Il n'y a pas encore de conversation à renommer : posez d'abord une question."
)


def title_set(title: str) -> str:
    return f"✏️ Conversation renommée « {title} »."


# Search (!historique <mots>)
SEARCH_NO_WORDS = "Indiquez des mots à chercher, par exemple : `!historique congés bonifiés`."


def search_header(words: str) -> str:
    return f"**Conversations contenant « {words} »**"


def search_none(words: str) -> str:
    return (
        f"Aucune conversation ne contient « {words} ». Essayez d'autres mots, ou `!historique` "
        "pour la liste des conversations récentes."
    )


def search_line(index: int, title: str, when: str, excerpt: str, thread: bool) -> str:
    mark = THREAD_MARK if thread else ""
    line = f"{index}. **{title}** — {when}{mark}"
    return line + (f"\n   > {excerpt}" if excerpt else "")
