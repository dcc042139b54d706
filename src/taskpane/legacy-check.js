// ES5 on purpose, loaded before the bundle: the bundle needs ES2020, so in the Internet Explorer 11
// and EdgeHTML webviews of Office 2016/2019 it does not even parse and the pane would stay blank.
// Those webviews lack globalThis and Promise.allSettled; everything the add-in supports has both.
/* global document */
(function () {
  var ok = typeof globalThis !== "undefined" && typeof Promise !== "undefined" && typeof Promise.allSettled === "function";
  if (ok) return;
  var zh = "本加载项需要 Microsoft 365、Office 2021 及以上、网页版 Excel 或 Mac 版 Excel。当前 Excel 使用的浏览器组件（Internet Explorer 11 或旧版 Edge）无法运行它：请升级 Office，或在网页版 Excel 中打开此工作簿。";
  var en = "This add-in needs Microsoft 365, Office 2021 or later, Excel on the web or Excel for Mac. This Excel's web view (Internet Explorer 11 or legacy Edge) cannot run it: update Office, or open the workbook in Excel on the web.";
  function show() {
    var root = document.getElementById("root");
    if (!root) return;
    root.innerHTML = "";
    var box = document.createElement("div");
    box.className = "fa-host-message";
    box.setAttribute("role", "alert");
    var p1 = document.createElement("p");
    p1.appendChild(document.createTextNode(zh));
    var p2 = document.createElement("p");
    p2.setAttribute("lang", "en");
    p2.appendChild(document.createTextNode(en));
    box.appendChild(p1);
    box.appendChild(p2);
    root.appendChild(box);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", show);
  else show();
})();
