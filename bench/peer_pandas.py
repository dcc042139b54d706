#!/usr/bin/env python3
"""The analyst's way, as the peer of `fund-audit validate` in `npm run bench`.

Reads the 资金分配 and 支出明细 sheets with pandas.read_excel (openpyxl), totals spending per
recipient, compares it with 拨付金额, and keyword-matches forbidden spending. Prints one JSON
line: {"overspent": n, "forbidden": n, "recipients": n, "lines": n, "maxRssKb": n}.
"""
import json
import re
import resource
import sys

try:
    import pandas as pd
    import openpyxl  # noqa: F401  (pandas' xlsx engine)
except ImportError as e:
    print(json.dumps({"skipped": f"pandas/openpyxl not installed ({e}); apt-get install python3-pandas python3-openpyxl"}))
    sys.exit(0)

FORBIDDEN = sys.argv[2].split(",") if len(sys.argv) > 2 else ["促销", "奖金", "工资", "利息", "装修办公楼"]


def peak_rss_kb() -> int:
    """VmHWM (this address space's peak) on Linux: ru_maxrss survives execve, so it reports at least
    the RSS of the bench process that spawned this one (see bench/rss-probe.js)."""
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(path: str) -> None:
    sheets = pd.read_excel(path, sheet_name=["资金分配", "支出明细"], engine="openpyxl")
    alloc, spend = sheets["资金分配"], sheets["支出明细"]
    spent = spend.groupby("单位名称")["金额"].sum()
    merged = alloc.set_index("单位名称").join(spent.rename("支出合计"), how="left").fillna({"支出合计": 0})
    overspent = int((merged["支出合计"].round(2) > merged["拨付金额"].round(2)).sum())
    pattern = "|".join(re.escape(k) for k in FORBIDDEN)
    forbidden = int(spend["支出内容"].astype(str).str.contains(pattern, regex=True).sum())
    max_rss_kb = peak_rss_kb()
    print(json.dumps({"overspent": overspent, "forbidden": forbidden, "recipients": int(len(alloc)), "lines": int(len(spend)), "maxRssKb": max_rss_kb}))


if __name__ == "__main__":
    main(sys.argv[1])
