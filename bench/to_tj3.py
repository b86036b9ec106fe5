#!/usr/bin/python3
"""to_tj3.py - the same plans as a TaskJuggler project, for the benchmark's tj3 peer.

    bench/to_tj3.py DATA OUT.tjp AS_OF

One task per region, a sub-task per municipality, a leaf task per action (start: its
first progress report or its plan's start; end: the end of its `planning` for the
simple forms, else its plan's end), `complete` from its latest status on or before
AS_OF, and every progress report as a journal entry (date, status, note). The project
file asks tj3 for a CSV status report (id, name, start, end, complete, status and the
latest journal entry). Standard library only; periods are read for the forms the
synthetic generator and the shipped data use most, not the full grammar.
"""

import csv
import datetime
import glob
import os
import re
import sys

MONTHS = {m: i + 1 for i, m in enumerate(
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
     "september", "oktober", "november", "december"])}
MONTHS.update({"jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12})
COMPLETE = {"gepland": 0, "lopend": 50, "doorlopend": 50, "vertraagd": 25,
            "aangehouden": 25, "afgerond": 100, "vervallen": 100}


def last_day(y, m):
    return (datetime.date(y + m // 12, m % 12 + 1, 1) - datetime.timedelta(days=1))


def period(text):
    """(first, last) day of the simple period forms, or None."""
    t = text.strip().lower().rstrip(".")
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        d = datetime.date(int(m[1]), int(m[2]), int(m[3]))
        return d, d
    m = re.fullmatch(r"(\d{1,2})-(\d{1,2})-(\d{4})", t)
    if m:
        d = datetime.date(int(m[3]), int(m[2]), int(m[1]))
        return d, d
    m = re.fullmatch(r"(\d{1,2}) ([a-z]+)\.? (\d{4})", t)
    if m and m[2] in MONTHS:
        d = datetime.date(int(m[3]), MONTHS[m[2]], int(m[1]))
        return d, d
    m = re.fullmatch(r"(\d{4})", t)
    if m:
        return datetime.date(int(t), 1, 1), datetime.date(int(t), 12, 31)
    m = re.fullmatch(r"(\d{4})\s*[-/]\s*(\d{4})", t)
    if m:
        return datetime.date(int(m[1]), 1, 1), datetime.date(int(m[2]), 12, 31)
    m = re.fullmatch(r"q([1-4]) (\d{4})", t)
    if m:
        q, y = int(m[1]), int(m[2])
        return datetime.date(y, 3 * q - 2, 1), last_day(y, 3 * q)
    m = re.fullmatch(r"h([12]) (\d{4})", t)
    if m:
        h, y = int(m[1]), int(m[2])
        return datetime.date(y, 6 * h - 5, 1), last_day(y, 6 * h)
    m = re.fullmatch(r"([a-z]+)\.? (\d{4})", t)
    if m:
        w, y = m[1], int(m[2])
        spans = {"voorjaar": (3, 5), "lente": (3, 5), "zomer": (6, 8), "najaar": (9, 11),
                 "herfst": (9, 11), "begin": (1, 3), "medio": (6, 7), "eind": (10, 12)}
        if w in spans:
            a, b = spans[w]
            return datetime.date(y, a, 1), last_day(y, b)
        if w in MONTHS:
            return datetime.date(y, MONTHS[w], 1), last_day(y, MONTHS[w])
    return None


def rows(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def tj_id(text):
    s = re.sub(r"[^A-Za-z0-9_]", "_", text)
    return ("t_" + s) if not s[:1].isalpha() else s


def tj_str(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def owner_tasks(out, folder, indent, as_of, plans_by_ref, region_id):
    plans = {p["plan_id"]: p for p in rows(os.path.join(folder, "plannen.csv"))}
    progress = {}
    for path in sorted(glob.glob(os.path.join(folder, "voortgang*.csv"))):
        for r in rows(path):
            if r.get("datum", "").strip() and r.get("status", "").strip():
                progress.setdefault(r["actie_id"], []).append(r)
    seen = set()
    for a in rows(os.path.join(folder, "acties.csv")):
        plan = plans.get(a["plan_id"]) or plans_by_ref.get((region_id, a["plan_id"])) or {}
        plan_start = period(plan.get("start", "") or "") or None
        plan_end = period(plan.get("eind", "") or "") or None
        reports = []
        for r in progress.get(a["actie_id"], []):
            p = period(r["datum"])
            if p:
                reports.append((p[1], r))
        reports.sort(key=lambda x: x[0])
        start = (reports[0][0] if reports else
                 plan_start[0] if plan_start else as_of - datetime.timedelta(days=365))
        planned = period(a.get("planning", "") or "")
        end = (planned[1] if planned else plan_end[1] if plan_end else
               start + datetime.timedelta(days=365))
        if end <= start:
            end = start + datetime.timedelta(days=1)
        done = [r for d, r in reports if d <= as_of]
        status = done[-1]["status"].lower() if done else "gepland"
        tid = tj_id(a["actie_id"])
        while tid in seen:
            tid += "_"
        seen.add(tid)
        out.write('%stask %s %s {\n' % (indent, tid, tj_str(a["titel"][:120])))
        out.write('%s  start %s\n%s  end %s\n' % (indent, start.isoformat(), indent,
                                                  end.isoformat()))
        out.write('%s  complete %d\n' % (indent, COMPLETE.get(status, 0)))
        for d, r in reports:
            out.write('%s  journalentry %s %s { summary %s }\n'
                      % (indent, d.isoformat(), tj_str(r["status"]),
                         tj_str(r.get("toelichting", "") or r["status"])))
        out.write('%s}\n' % indent)


def main():
    data, target, as_of = sys.argv[1], sys.argv[2], datetime.date.fromisoformat(sys.argv[3])
    regions = sorted(d for d in os.listdir(data) if os.path.isdir(os.path.join(data, d)))
    plans_by_ref = {}
    for rid in regions:
        for p in rows(os.path.join(data, rid, "plannen.csv")):
            plans_by_ref[(rid, p["plan_id"])] = p
    with open(target, "w", encoding="utf-8") as out:
        out.write('project hgkm "Aanpak huiselijk geweld en kindermishandeling" %s - %s {\n'
                  '  now %s\n  timezone "Europe/Amsterdam"\n  timeformat "%%Y-%%m-%%d"\n}\n\n'
                  % ((as_of - datetime.timedelta(days=365 * 12)).isoformat(),
                     (as_of + datetime.timedelta(days=365 * 8)).isoformat(), as_of.isoformat()))
        for rid in regions:
            folder = os.path.join(data, rid)
            region = rows(os.path.join(folder, "regio.csv"))
            out.write('task %s %s {\n' % (tj_id(rid), tj_str(region[0]["naam"] if region else rid)))
            owner_tasks(out, folder, "  ", as_of, plans_by_ref, rid)
            for mid in sorted(d for d in os.listdir(folder)
                              if os.path.isdir(os.path.join(folder, d))):
                town = rows(os.path.join(folder, mid, "gemeente.csv"))
                out.write('  task %s %s {\n' % (tj_id(mid), tj_str(town[0]["naam"] if town else mid)))
                owner_tasks(out, os.path.join(folder, mid), "    ", as_of, plans_by_ref, rid)
                out.write('  }\n')
            out.write('}\n')
        out.write('\ntaskreport status "status" {\n  formats csv\n'
                  '  columns id, name, start, end, complete, status, journal\n'
                  '  journalmode status_up\n  hideresource 1\n}\n')


if __name__ == "__main__":
    main()
