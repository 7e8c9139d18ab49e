#!/usr/bin/env python3
"""xlsx_dump.py FILE: an .xlsx workbook as text, read with the standard
library only (zipfile and the sheets' XML), for tests/e2e/tables.sh.

For each sheet, in the workbook's order:
    sheet NAME
    frozen ROWS          (when the top rows are frozen)
    autofilter REF       (when the sheet has one)
    widths W1,W2,...     (the column widths)
    then each row as one line of tab-separated cells: s:TEXT for a
    string, n:NUMBER for a number, and nothing for an empty cell.
"""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "http://schemas.openxmlformats.org/package/2006/relationships"


def column_index(ref):
    n = 0
    for ch in re.match(r"[A-Z]+", ref).group(0):
        n = n * 26 + ord(ch) - ord("A") + 1
    return n - 1


def text_of(node):
    return "".join(t.text or "" for t in node.iter("{%s}t" % NS["m"]))


def main(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        root = ET.fromstring(z.read("xl/sharedStrings.xml"))
        strings = [text_of(si) for si in root.findall("m:si", NS)]
    rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    target = {r.get("Id"): r.get("Target") for r in rels.findall("{%s}Relationship" % REL)}
    book = ET.fromstring(z.read("xl/workbook.xml"))
    out = []
    for sheet in book.find("m:sheets", NS):
        rid = sheet.get("{%s}id" % NS["r"])
        xml = ET.fromstring(z.read("xl/" + target[rid].lstrip("/").replace("xl/", "")))
        out.append("sheet " + sheet.get("name"))
        pane = xml.find(".//m:pane", NS)
        if pane is not None and pane.get("state") == "frozen":
            out.append("frozen " + pane.get("ySplit", "0"))
        af = xml.find("m:autoFilter", NS)
        if af is not None:
            out.append("autofilter " + af.get("ref"))
        cols = xml.findall("m:cols/m:col", NS)
        out.append("widths " + ",".join("%.0f" % float(c.get("width")) for c in cols))
        for row in xml.findall("m:sheetData/m:row", NS):
            cells = {}
            for c in row.findall("m:c", NS):
                i = column_index(c.get("r"))
                t = c.get("t")
                v = c.find("m:v", NS)
                if t == "s":
                    cells[i] = "s:" + strings[int(v.text)]
                elif t == "inlineStr":
                    cells[i] = "s:" + text_of(c.find("m:is", NS))
                elif t == "str":
                    cells[i] = "s:" + (v.text or "")
                elif v is not None:
                    cells[i] = "n:" + v.text
            width = max(cells) + 1 if cells else 0
            out.append("\t".join(cells.get(i, "") for i in range(width)))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
