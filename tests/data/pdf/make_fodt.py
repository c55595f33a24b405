#!/usr/bin/env python3
"""Writes a report as a LibreOffice flat ODT (.fodt) with real tables, to print to PDF with
`soffice --headless --convert-to pdf` (make_pdfs.sh beside this file runs both steps).

    make_fodt.py REPORT.txt EXPORT.json > REPORT.fodt   # a sample report (examples/reports)
    make_fodt.py --blocks FIXTURE.json > FIXTURE.fodt    # a hand-written fixture (src/*.json)
    make_fodt.py --concat N TXT JSON [TXT JSON ...] > LONG.fodt  # samples one after another, N times

For a sample, EXPORT.json is `plangap export --format json REPORT.txt`: its indicator rows (with
their lines) give each indicator table's cells, which the stream text lists one per line.
Paragraphs stay paragraphs; an indicator table becomes a ruled table (类别 cells spanning their
rows, a two-row header where a table has 绝对值 and 增速, header rows repeated on every page);
other TAB lines (专栏 boxes of projects) become a ruled one-column table, one row per line.

A blocks file is {"header": str|null, "footer": "dash"|"page"|null, "blocks": [...]} where a
block is {"p": text}, {"break": true} (a page break) or {"table": [[cell, ...], ...],
"header_rows": n, "widths": [cm, ...], "rules": false (no borders; default true)} with a cell either text or [text, rowspan, colspan].
Every page has the header text and a footer page number `- N -` (dash) or `第N页` (page).
"""
import html
import json
import sys


def esc(s):
    return html.escape(s or "", quote=True)


# ---------------------------------------------------------------- samples to blocks

def table_region(lines, rows):
    """0-based [start, end) of the text lines a table occupies: from the line after its caption
    to the last line of cells (TAB lines, blank lines, the short pieces of a wrapped cell)."""
    cap = rows[0]["line"] - 1
    caption = rows[0]["table"].strip()
    while cap > 0 and lines[cap].strip() != caption:
        cap -= 1
    end = rows[-1]["line"]
    while end < len(lines):
        s = lines[end]
        short = len(s.strip()) <= 8 and not any(p in s for p in "。；：:")
        if not (s.startswith("\t") or s.strip() == "" or short):
            break
        end += 1
    return cap + 1, end


def indicator_table(rows, region_text):
    year = rows[0]["year"]
    review = rows[0]["kind"] == "review"
    has = lambda k: any(r[k] not in (None, "") for r in rows)
    cat, seq, two = has("category"), has("seq"), review and has("actual_other")
    note = "约束性" in region_text or "预期性" in region_text
    rs = 2 if two else 1
    head, widths = [], []
    if cat:
        head.append(["类别", rs, 1]); widths.append(1.6)
    if seq:
        head.append(["序号", rs, 1]); widths.append(1.2)
    head.append(["指标名称", rs, 1]); widths.append(6.0)
    head.append([f"{year}年预期目标", rs, 1]); widths.append(2.6)
    if review:
        head.append([f"{year}年完成情况", 1, 2 if two else 1]); widths += [2.2] * (2 if two else 1)
    if note:
        head.append(["备注", rs, 1]); widths.append(1.6)
    table = [head] + ([["绝对值", "增速"]] if two else [])
    for i, r in enumerate(rows):
        cells = []
        if cat and (i == 0 or rows[i - 1]["category"] != r["category"]):
            span = 1
            while i + span < len(rows) and rows[i + span]["category"] == r["category"]:
                span += 1
            cells.append([r["category"] or "", span, 1])
        if seq:
            cells.append(r["seq"] or "")
        cells += [r["raw_name"], r["target"]]
        if review:
            cells += ([r["actual_other"] or ""] if two else []) + [r["actual"] or ""]
        if note:
            b = r["binding"]
            cells.append("" if b is None else ("约束性" if b else "预期性"))
        table.append(cells)
    return {"table": table, "header_rows": rs, "widths": widths}


def sample_blocks(text_path, export_path):
    text = open(text_path, encoding="utf-8").read().split("\n")
    report = json.load(open(export_path, encoding="utf-8"))["reports"][0]
    tables = {}
    for row in report["indicators"]:
        tables.setdefault(row["table"], []).append(row)
    regions = {}
    for rows in tables.values():
        start, end = table_region(text, rows)
        regions[start] = (end, indicator_table(rows, "\n".join(text[start:end])))
    blocks, i = [], 0
    while i < len(text):
        if i in regions:
            i, table = regions[i]
            blocks.append(table)
        elif text[i].strip() in tables:
            blocks.append({"p": text[i].strip()})  # a caption written in a box cell
            i += 1
        elif text[i].startswith("\t"):
            box = []
            while (i < len(text) and i not in regions and text[i].strip() not in tables
                   and (text[i].startswith("\t") or not text[i].strip())):
                if text[i].strip():
                    box.append([text[i].strip()])
                i += 1
            blocks.append({"table": box, "header_rows": 0, "widths": [16.0]})
        else:
            if text[i].strip():
                blocks.append({"p": text[i].strip()})
            i += 1
    return {"header": None, "footer": "dash", "blocks": blocks}


# ---------------------------------------------------------------- blocks to flat ODT

def slots(table):
    """Places cells HTML-style; returns rows of ('cell', text, rs, cs) or ('covered',)."""
    grid = {}
    out = []
    for r, row in enumerate(table):
        line, c = [], 0
        for cell in row:
            text, rs, cs = (cell, 1, 1) if isinstance(cell, str) else cell
            while (r, c) in grid:
                c += 1
            for dr in range(rs):
                for dc in range(cs):
                    grid[(r + dr, c + dc)] = (dr, dc) == (0, 0) and (text, rs, cs)
            c += cs
        width = max(k[1] for k in grid) + 1
        for c in range(width):
            v = grid.get((r, c))
            line.append(("cell", *v) if v else ("covered",) if v is False else ("cell", "", 1, 1))
        out.append(line)
    return out


def odt_table(n, block):
    rows = slots(block["table"])
    cols = max(len(r) for r in rows)
    widths = block.get("widths") or [16.0 / cols] * cols
    out = [f'<table:table table:name="T{n}" table:style-name="Tbl{n}">']
    styles = [f'<style:style style:name="Tbl{n}" style:family="table"><style:table-properties '
              f'style:width="{sum(widths):.2f}cm" table:align="center"/></style:style>']
    for c, w in enumerate(widths):
        styles.append(f'<style:style style:name="Tbl{n}.C{c}" style:family="table-column">'
                      f'<style:table-column-properties style:column-width="{w:.2f}cm"/></style:style>')
        out.append(f'<table:table-column table:style-name="Tbl{n}.C{c}"/>')
    head = block.get("header_rows", 0)
    cell_style = "Cell" if block.get("rules", True) else "Bare"
    for r, row in enumerate(rows):
        if r == 0 and head:
            out.append("<table:table-header-rows>")
        out.append("<table:table-row>")
        for slot in row:
            if slot[0] == "covered":
                out.append("<table:covered-table-cell/>")
                continue
            _, text, rs, cs = slot
            span = (f' table:number-rows-spanned="{rs}"' if rs > 1 else "") + (
                f' table:number-columns-spanned="{cs}"' if cs > 1 else "")
            out.append(f'<table:table-cell table:style-name="{cell_style}"{span} office:value-type="string">'
                       f'<text:p text:style-name="CellText">{esc(text)}</text:p></table:table-cell>')
        out.append("</table:table-row>")
        if head and r == head - 1:
            out.append("</table:table-header-rows>")
    out.append("</table:table>")
    return styles, "\n".join(out)


def fodt(doc):
    body, styles = [], []
    for n, block in enumerate(doc["blocks"]):
        if "p" in block:
            body.append(f'<text:p text:style-name="Body">{esc(block["p"])}</text:p>')
        elif "break" in block:
            body.append('<text:p text:style-name="Break"/>')
        else:
            s, t = odt_table(n, block)
            styles += s
            body.append(t)
    header = (f'<style:header><text:p text:style-name="Center">{esc(doc["header"])}</text:p></style:header>'
              if doc.get("header") else "")
    number = '<text:page-number text:select-page="current">1</text:page-number>'
    footer = {"dash": f"- {number} -", "page": f"第{number}页"}.get(doc.get("footer"))
    footer = f'<style:footer><text:p text:style-name="Center">{footer}</text:p></style:footer>' if footer else ""
    font = ('style:font-name="Noto Serif CJK SC" style:font-name-asian="Noto Serif CJK SC" '
            'fo:font-size="{0}pt" style:font-size-asian="{0}pt"')
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties {font.format(12)}/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
 fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/>
<style:header-style/><style:footer-style/></style:page-layout>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-indent="0.85cm" fo:margin-bottom="0.1cm" fo:text-align="justify"/></style:style>
<style:style style:name="Break" style:family="paragraph"><style:paragraph-properties fo:break-after="page"/></style:style>
<style:style style:name="Center" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties {font.format(9)}/></style:style>
<style:style style:name="CellText" style:family="paragraph"><style:text-properties {font.format(10.5)}/></style:style>
<style:style style:name="Bare" style:family="table-cell"><style:table-cell-properties fo:border="none" fo:padding="0.08cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:border="0.5pt solid #000000" fo:padding="0.08cm"/></style:style>
{chr(10).join(styles)}
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">{header}{footer}</style:master-page></office:master-styles>
<office:body><office:text>
{chr(10).join(body)}
</office:text></office:body></office:document>
"""


def main():
    if sys.argv[1] == "--blocks":
        doc = json.load(open(sys.argv[2], encoding="utf-8"))
    elif sys.argv[1] == "--concat":
        pairs = list(zip(sys.argv[3::2], sys.argv[4::2]))
        blocks = [b for _ in range(int(sys.argv[2])) for t, e in pairs for b in sample_blocks(t, e)["blocks"]]
        doc = {"header": None, "footer": "dash", "blocks": blocks}
    else:
        doc = sample_blocks(sys.argv[1], sys.argv[2])
    sys.stdout.write(fodt(doc))


main()
