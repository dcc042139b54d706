// The ribbon's FunctionFile. The only button (ShowTaskpane) needs no function; Office still
// loads this page, and it must initialise Office.js.
Office.onReady(() => undefined);
