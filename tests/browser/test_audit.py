"""The page audit itself: it must catch what it is there to catch."""

from .audit import PageAudit

BROKEN_PAGE = b"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Broken</title></head>
<body><img src="/static/img/favicon.svg"><p><div></span>
<script>console.error("something broke")</script></body></html>"""


def test_the_audit_reports_accessibility_html_and_script_errors(
    browser, live_server, nu_checker, axe_checker
):
    url = f"{live_server.url}/broken-page/"
    context = browser.new_context()
    page = context.new_page()
    page.route(
        url, lambda route: route.fulfill(body=BROKEN_PAGE, content_type="text/html")
    )
    audit = PageAudit(page, live_server.url, nu_checker, axe_checker).attach()
    page.goto(url)
    audit.settle()
    context.close()

    findings = "\n".join(audit.check())
    assert "/broken-page/: invalid HTML: line 3: Stray end tag" in findings
    assert "accessibility: image-alt" in findings
    assert "accessibility: html-has-lang" in findings
    assert "console error: something broke" in findings
