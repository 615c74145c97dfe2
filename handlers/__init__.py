"""What the bot does: one folder per feature (its router, its engine, its texts, its config).

Features never import each other; the composition root (`bot/app.py`) assembles them."""
