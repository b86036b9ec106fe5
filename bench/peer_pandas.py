#!/usr/bin/python3
"""peer_pandas.py - what a user would write instead of regiorapport: pandas + XlsxWriter.

    bench/peer_pandas.py DATA OUT.xlsx AS_OF

Reads the same CSV files (regio, gemeente, acties, voortgang*) and writes an Overzicht
sheet (actions per status per owner, with a stacked bar chart), an Acties sheet (one
row per action with its current status and last update) and a Data sheet (one row per
action per progress report). No validation, no period parsing: the status of an action
is its latest progress row on or before AS_OF. Written the way the pandas documentation
suggests (read_csv, concat, merge, pivot_table, to_excel with engine="xlsxwriter").
"""

import glob
import os
import sys

import pandas as pd

STATUSES = ["gepland", "lopend", "doorlopend", "vertraagd", "aangehouden", "afgerond",
            "vervallen", "onbekend"]


def read_all(data, pattern, owner_level):
    frames = []
    for path in sorted(glob.glob(os.path.join(data, pattern))):
        df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        parts = os.path.relpath(os.path.dirname(path), data).split(os.sep)
        df["regio"] = parts[0]
        df["eigenaar"] = parts[-1]
        df["soort_eigenaar"] = "gemeente" if len(parts) > 1 else "regio"
        frames.append(df)
    if not frames:
        return pd.DataFrame()
    return pd.concat(frames, ignore_index=True)


def parse_dates(s):
    # The data mixes 2023-01-10, 10-01-2023 and "10 januari 2023"; try the two numeric
    # forms, then the Dutch month names.
    months = {m: i + 1 for i, m in enumerate(
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
         "september", "oktober", "november", "december"])}
    iso = pd.to_datetime(s, format="%Y-%m-%d", errors="coerce")
    dmy = pd.to_datetime(s, format="%d-%m-%Y", errors="coerce")
    words = s.str.extract(r"^(\d{1,2}) ([a-z]+) (\d{4})$")
    text = pd.to_datetime(dict(year=pd.to_numeric(words[2], errors="coerce"),
                               month=words[1].map(months),
                               day=pd.to_numeric(words[0], errors="coerce")),
                          errors="coerce")
    return iso.fillna(dmy).fillna(text)


def main():
    data, out, as_of = sys.argv[1], sys.argv[2], pd.Timestamp(sys.argv[3])
    regions = read_all(data, "*/regio.csv", 0)
    towns = read_all(data, "*/*/gemeente.csv", 1)
    actions = pd.concat([read_all(data, "*/acties.csv", 0),
                         read_all(data, "*/*/acties.csv", 1)], ignore_index=True)
    progress = pd.concat([read_all(data, "*/voortgang*.csv", 0),
                          read_all(data, "*/*/voortgang*.csv", 1)], ignore_index=True)

    names = pd.concat([regions.rename(columns={"regio_id": "id"})[["id", "naam"]],
                       towns.rename(columns={"gemeente_id": "id"})[["id", "naam"]]])
    names = names.set_index("id")["naam"]

    progress = progress[progress["datum"].str.strip() != ""].copy()
    progress["datum_dt"] = parse_dates(progress["datum"])
    progress["status"] = progress["status"].str.lower()
    # A date it cannot read ("Q4 2022") is kept rather than lost.
    counted = progress[(progress["datum_dt"] <= as_of) | progress["datum_dt"].isna()]
    latest = (counted.sort_values("datum_dt")
              .groupby(["eigenaar", "actie_id"], as_index=False).last())

    acties = actions.merge(latest[["eigenaar", "actie_id", "datum_dt", "status", "toelichting"]],
                           on=["eigenaar", "actie_id"], how="left")
    acties["status"] = acties["status"].fillna("onbekend")
    acties["naam_eigenaar"] = acties["eigenaar"].map(names)
    acties_sheet = acties[["regio", "naam_eigenaar", "soort_eigenaar", "actie_id", "plan_id",
                           "actielijn", "themas", "titel", "doel", "planning", "budget",
                           "partners", "status", "datum_dt", "toelichting", "bron"]].rename(
        columns={"naam_eigenaar": "eigenaar", "datum_dt": "laatste_update"})

    summary = acties.pivot_table(index="naam_eigenaar", columns="status", values="actie_id",
                                 aggfunc="count", fill_value=0)
    summary = summary.reindex(columns=[s for s in STATUSES if s in summary.columns])
    summary.insert(0, "acties", summary.sum(axis=1))
    summary = summary.reset_index().rename(columns={"naam_eigenaar": "eigenaar"})

    # One row per action per report; an action without reports gets one row.
    data_sheet = actions[["regio", "eigenaar", "soort_eigenaar", "actie_id", "plan_id",
                          "actielijn", "themas", "titel", "planning", "budget"]].merge(
        counted[["eigenaar", "actie_id", "datum_dt", "status", "toelichting", "bron"]],
        on=["eigenaar", "actie_id"], how="left")
    data_sheet = data_sheet.merge(acties[["eigenaar", "actie_id", "status"]],
                                  on=["eigenaar", "actie_id"], suffixes=("", "_huidig"))
    data_sheet["eigenaar"] = data_sheet["eigenaar"].map(names)
    data_sheet = data_sheet[["regio", "eigenaar", "soort_eigenaar", "actie_id", "plan_id",
                             "actielijn", "themas", "titel", "planning", "budget", "datum_dt",
                             "status", "toelichting", "bron", "status_huidig"]].rename(
        columns={"datum_dt": "datum_melding", "status": "status_melding"})

    with pd.ExcelWriter(out, engine="xlsxwriter", datetime_format="dd-mm-yyyy") as xw:
        summary.to_excel(xw, sheet_name="Overzicht", index=False)
        acties_sheet.to_excel(xw, sheet_name="Acties", index=False)
        data_sheet.to_excel(xw, sheet_name="Data", index=False)
        book, sheet = xw.book, xw.sheets["Overzicht"]
        chart = book.add_chart({"type": "bar", "subtype": "stacked"})
        n = len(summary)
        for col in range(2, summary.shape[1]):
            chart.add_series({"name": ["Overzicht", 0, col],
                              "categories": ["Overzicht", 1, 0, n, 0],
                              "values": ["Overzicht", 1, col, n, col]})
        chart.set_title({"name": "Acties per status"})
        sheet.insert_chart(n + 3, 0, chart)
        for name, df in (("Overzicht", summary), ("Acties", acties_sheet), ("Data", data_sheet)):
            xw.sheets[name].autofilter(0, 0, len(df), df.shape[1] - 1)
            xw.sheets[name].freeze_panes(1, 0)
    print(out)


if __name__ == "__main__":
    main()
