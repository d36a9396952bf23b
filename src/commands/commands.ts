/**
 * Ribbon commands. The ribbon button opens the task pane (ShowTaskpane in manifest.xml), so
 * this page only has to be ready; it shares the runtime with the pane and the functions.
 * Outside Office (the pane in a plain browser) office.js is absent and there is nothing to do.
 */
if (typeof Office !== "undefined" && Office.onReady) {
  void Office.onReady(() => {
    // Nothing to register yet: every command is a ShowTaskpane action.
  });
}
