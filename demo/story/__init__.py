"""The demo program's history, made the way it would have happened: every record is
created by the services and transitions people's actions call, each on its own
date (``timeline``), with card payments through a stand-in for Stripe and
mail sent to a local outbox. ``build.build`` runs it on an empty database."""
