#!/usr/bin/env python3
"""Rewrites a workbook the way openpyxl (and pandas' to_excel on it) writes one: inline strings.

`write_openpyxl.py in.xlsx out.xlsx`: loads every value with openpyxl and saves a new workbook,
so every text cell becomes <c t="inlineStr"><is><t>…</t></is></c> and dates keep their number
format, as a report generator built on openpyxl produces them.
"""
import sys

import openpyxl


def main(src: str, dst: str) -> None:
    wb = openpyxl.load_workbook(src)
    wb.save(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
