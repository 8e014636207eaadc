"""index.html: the three pictures inline (so their hover texts work), a
details panel that shows the text of whatever the pointer is over, and the
raw trace underneath. No external resources: the page works from file://.
"""
from xml.sax.saxutils import escape

STYLE = """body{font-family:DejaVu Sans,Verdana,sans-serif;margin:20px;
max-width:1100px}#tip{position:sticky;top:0;background:#fffde7;
border:1px solid #fbc02d;padding:6px 10px;min-height:1.4em;font-size:13px}
[data-tip]:hover{stroke:#000;stroke-width:1.5}
pre{font-size:11px;background:#fafafa;padding:8px;overflow-x:auto}"""

SCRIPT = """(function () {
  var tip = document.getElementById('tip');
  document.querySelectorAll('[data-tip]').forEach(function (el) {
    el.addEventListener('mouseenter', function () {
      tip.textContent = el.getAttribute('data-tip');
    });
  });
})();"""


def strip_xml_header(svg):
    return svg if not svg.startswith("<?xml") else svg.split("?>", 1)[1]


def index_html(title, sections, trace_text):
    """sections: (heading, caption, svg text) in page order."""
    body = ["<h1>%s</h1>" % escape(title),
            "<div id='tip'>Hover over a bar, arrow or mark for details.</div>"]
    for heading, caption, svg in sections:
        body.append("<h2>%s</h2><p>%s</p>%s" % (escape(heading),
                                               escape(caption),
                                               strip_xml_header(svg)))
    body.append("<details><summary>The trace (%d events)</summary><pre>%s"
                "</pre></details>" % (trace_text.count("\n"),
                                      escape(trace_text)))
    return ("<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            "<title>%s</title><style>%s</style></head><body>\n%s\n"
            "<script>%s</script></body></html>\n" % (
                escape(title), STYLE, "\n".join(body), SCRIPT))
