"""A small SVG writer and the time axis the pictures share.

Process lifecycles are bursty: a few milliseconds of forks and execs, then a
second of `sleep`. A linear axis would squash every interesting event into
one pixel, so TimeAxis cuts long quiet gaps down to a fixed width (marked
with a zig-zag) and then spreads dense bursts: x is half elapsed time, half
event order. It is monotonic, so before/after reads true, and the tick
labels give the real times. Every shape can carry a
hover text (an SVG <title>, shown by browsers as a tooltip and by the HTML
page in its details panel).
"""
import bisect
from xml.sax.saxutils import escape, quoteattr

FONT = "font-family='DejaVu Sans, Verdana, sans-serif'"
STATE_COLOURS = {"R": "#2e7d32", "S": "#1565c0", "D": "#ef6c00",
                 "T": "#8e24aa", "Z": "#9e9e9e"}
STATE_NAMES = {"R": "R running/runnable", "S": "S interruptible sleep",
               "D": "D uninterruptible sleep", "T": "T stopped",
               "Z": "Z zombie"}
PROGRAM_COLOURS = ["#a5d6a7", "#90caf9", "#ffcc80", "#ce93d8", "#80cbc4",
                   "#f48fb1", "#e6ee9c", "#bcaaa4"]


class Svg:
    def __init__(self, width, height, title):
        self.w, self.h, self.parts = width, height, []
        self.parts.append("<title>%s</title>" % escape(title))
        self.parts.append(
            "<defs><pattern id='zombie' width='6' height='6' "
            "patternUnits='userSpaceOnUse' patternTransform='rotate(45)'>"
            "<rect width='6' height='6' fill='#e0e0e0'/>"
            "<line x1='0' y1='0' x2='0' y2='6' stroke='#757575' "
            "stroke-width='3'/></pattern>"
            "<marker id='arrow' viewBox='0 0 10 10' refX='9' refY='5' "
            "markerWidth='7' markerHeight='7' orient='auto-start-reverse'>"
            "<path d='M0,0 L10,5 L0,10 z' fill='#424242'/></marker></defs>")
        self.parts.append("<rect width='100%' height='100%' fill='white'/>")

    def _add(self, tag, attrs, tip=None, body=""):
        a = " ".join("%s=%s" % (k.rstrip("_").replace("_", "-"),
                                quoteattr(str(v)))
                     for k, v in attrs.items() if v is not None)
        inner = body
        if tip:
            a += " data-tip=%s" % quoteattr(tip)
            inner = "<title>%s</title>%s" % (escape(tip), body)
        if inner:
            self.parts.append("<%s %s>%s</%s>" % (tag, a, inner, tag))
        else:
            self.parts.append("<%s %s/>" % (tag, a))

    def rect(self, x, y, w, h, fill, tip=None, cls=None, **kw):
        self._add("rect", dict(x=r(x), y=r(y), width=r(max(w, 0.8)),
                               height=r(h), fill=fill, class_=cls, **kw), tip)

    def line(self, x1, y1, x2, y2, stroke="#424242", tip=None, cls=None, **kw):
        self._add("line", dict(x1=r(x1), y1=r(y1), x2=r(x2), y2=r(y2),
                               stroke=stroke, class_=cls, **kw), tip)

    def path(self, d, tip=None, cls=None, **kw):
        self._add("path", dict(d=d, class_=cls, **kw), tip)

    def circle(self, x, y, rad, fill, tip=None, cls=None, **kw):
        self._add("circle", dict(cx=r(x), cy=r(y), r=rad, fill=fill,
                                 class_=cls, **kw), tip)

    def text(self, x, y, s, size=11, anchor="start", tip=None, cls=None, **kw):
        self.parts.append("<text x='%s' y='%s' font-size='%d' "
                          "text-anchor='%s' %s%s%s>%s%s</text>" % (
                              r(x), r(y), size, anchor, FONT,
                              " class=%s" % quoteattr(cls) if cls else "",
                              "".join(" %s=%s" % (k.replace("_", "-"),
                                                  quoteattr(str(v)))
                                      for k, v in kw.items()),
                              "<title>%s</title>" % escape(tip) if tip else "",
                              escape(s)))

    def render(self):
        return ("<svg xmlns='http://www.w3.org/2000/svg' width='%d' "
                "height='%d' viewBox='0 0 %d %d'>\n%s\n</svg>\n" % (
                    self.w, self.h, self.w, self.h, "\n".join(self.parts)))


def r(v):
    return "%.1f" % v


class TimeAxis:
    """Map µs timestamps to x: gaps over `gap` µs cut, bursts spread."""

    def __init__(self, stamps, x0, width, gap=None, cut_width=18, mix=0.5):
        stamps = sorted(set(stamps)) or [0, 1]
        if len(stamps) == 1:
            stamps.append(stamps[0] + 1)
        span = stamps[-1] - stamps[0]
        gap = gap if gap is not None else max(span // 20, 1000)
        self.cuts = [(a, b) for a, b in zip(stamps, stamps[1:]) if b - a > gap]
        self.kept = max(span - sum(b - a for a, b in self.cuts), 1)
        self.stamps, self.t0, self.end = stamps, stamps[0], stamps[-1]
        self.x0, self.width, self.mix = x0, width, mix
        self.cut_width = cut_width
        self.room = width - cut_width * len(self.cuts)

    def linear(self, t):
        """0..room: elapsed time with the cut gaps squeezed to cut_width."""
        x, prev = 0.0, self.t0
        scale = self.room / self.kept
        for a, b in self.cuts:
            if t <= a:
                break
            if t < b:
                return x + (a - prev) * scale + self.cut_width * (t - a) / (b - a)
            x += (a - prev) * scale + self.cut_width
            prev = b
        return x + (t - prev) * scale

    def rank(self, t):
        """0..width: the position of t among the event times."""
        st = self.stamps
        i = bisect.bisect_right(st, t) - 1
        i = min(max(i, 0), len(st) - 2)
        frac = min(max((t - st[i]) / (st[i + 1] - st[i]), 0.0), 1.0)
        return self.width * (i + frac) / (len(st) - 1)

    def x(self, t):
        lin = self.linear(t) * self.width / (self.room + self.cut_width *
                                              len(self.cuts))
        return self.x0 + (1 - self.mix) * lin + self.mix * self.rank(t)

    def draw(self, svg, y_top, y_bottom):
        """Ticks in ms along the bottom, and a zig-zag at every cut."""
        svg.line(self.x0, y_bottom, self.x(self.end), y_bottom, "#616161")
        last_x, last_label = -1e9, None
        for t in self.tick_times():
            x = self.x(t)
            if x - last_x < 55 or fmt_ms(t) == last_label:
                continue
            last_x, last_label = x, fmt_ms(t)
            svg.line(x, y_bottom, x, y_bottom + 4, "#616161")
            svg.text(x, y_bottom + 15, fmt_ms(t), 9, "middle")
        for a, b in self.cuts:
            xa, xb = self.x(a), self.x(b)
            svg.text((xa + xb) / 2, y_top - 3, "+" + fmt_ms(b - a), 8,
                     "middle", fill="#757575")
            zig = " ".join("L%s,%s" % (r(xa + (xb - xa) * (i % 2 * 0.6 + 0.2)),
                                       r(y_top + i * 6))
                           for i in range(int((y_bottom - y_top) / 6) + 1))
            svg.path("M%s,%s %s" % (r((xa + xb) / 2), r(y_top), zig),
                     fill="none", stroke="#bdbdbd", stroke_dasharray="2,2",
                     tip="%s of nothing happening, cut out" % fmt_ms(b - a))

    def tick_times(self):
        """A tick at the start of each linear piece and a few inside it."""
        pieces, prev = [], self.t0
        for a, b in self.cuts:
            pieces.append((prev, a))
            prev = b
        pieces.append((prev, self.end))
        out = []
        for a, b in pieces:
            out.append(a)
            if self.x(b) - self.x(a) > 160:
                step = nice_step((b - a) / ((self.x(b) - self.x(a)) / 110))
                t = (a // step + 1) * step
                while t < b and self.x(b) - self.x(t) > 50:
                    if self.x(t) - self.x(a) > 50:
                        out.append(t)
                    t += step
        return out


def nice_step(raw):
    step = 1
    while step * 10 <= raw:
        step *= 10
    for m in (1, 2, 5, 10):
        if step * m >= raw:
            return step * m
    return step * 10


def fmt_ms(us):
    if us >= 1000000:
        return "%.3f s" % (us / 1e6)
    return "%.1f ms" % (us / 1000)
