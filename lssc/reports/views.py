"""The reports pages: a list, and each report's chart, table and CSV."""

from django.http import Http404
from django.shortcuts import render

from lssc.accounts.decorators import staff_required
from lssc.core.csv_export import csv_response

from .base import report, reports_for
from .charts import bar_chart
from .forms import RangeForm


@staff_required
def report_list(request):
    groups: dict[str, list] = {}
    for item in reports_for(request.user):
        groups.setdefault(item.group, []).append(item)
    return render(request, "reports/list.html", {"groups": groups})


@staff_required
def report_detail(request, slug):
    found = report(slug)
    if found is None or found not in reports_for(request.user):
        raise Http404
    form = RangeForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request,
            "reports/detail.html",
            {"report": found, "form": form, "result": None},
        )
    start, end = form.range()
    result = found.build(start, end)
    if request.GET.get("format") == "csv":
        return csv_response(
            f"{found.slug}-{start}-{end}.csv", result.columns, result.rows
        )
    empty = result.is_empty()
    query = request.GET.copy()
    # The CSV of the range shown, even when the page used the default.
    query["start"], query["end"] = start.isoformat(), end.isoformat()
    query["format"] = "csv"
    return render(
        request,
        "reports/detail.html",
        {
            "report": found,
            "form": RangeForm.showing(start, end),
            "result": result,
            "empty": empty,
            "chart": None
            if empty
            else bar_chart(result, found.title, chart_id=f"chart-{found.slug}"),
            "start": start,
            "end": end,
            "csv_query": query.urlencode(),
        },
    )
