from django.apps import AppConfig


class CompetenciesConfig(AppConfig):
    name = "lssc.competencies"
    label = "competencies"
    verbose_name = "Competency catalog"
